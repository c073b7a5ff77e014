import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@renderer/i18n'
import { relationLabels } from '@shared/domain/recordLinks'
import type { RecordType } from '@shared/domain/recordTypes'
import { linkRelationText, relationWords } from '../../../src/renderer/recordKit/relationWords'

// Every relation `referencesOf` names, from the record type that holds it.
const RELATIONS: readonly [RecordType, string][] = [
  ['incident', 'citation'],
  ['incident', 'organisation:operator'],
  ['incident', 'organisation:data-recipient'],
  ['incident', 'implicates'],
  ['incident', 'jurisdiction'],
  ['organisation', 'organisation:parent'],
  ['organisation', 'organisation:affiliate'],
  ['organisation', 'organisation:operator'],
  ['organisation', 'headquarters'],
  ['jurisdiction', 'parent'],
  ['law', 'jurisdiction'],
  ['law', 'law:amends'],
  ['law', 'law:replaces'],
  ['law', 'law:implements'],
  ['response', 'actor'],
  ['response', 'target'],
  ['response', 'answers'],
  ['response', 'legal-basis']
]

afterEach(() => setLocale('en'))

describe('relation words', () => {
  it('name every relation in English as src/shared does', () => {
    for (const [type, relation] of RELATIONS) expect(relationWords(type, relation), `${type} ${relation}`).toEqual(relationLabels(type, relation))
  })

  it('word a linked record’s relation from the shown record’s side, by its codes, in each language', () => {
    const actor = { holderType: 'response', relation: 'actor', label: 'Taken by' } as const
    expect(linkRelationText({ ...actor, direction: 'outgoing' })).toBe('Taken by')
    expect(linkRelationText({ ...actor, direction: 'incoming', label: 'Response taken' })).toBe('Response taken')

    setLocale('zh-CN')
    expect(linkRelationText({ ...actor, direction: 'outgoing' })).toBe('采取方')
    expect(linkRelationText({ ...actor, direction: 'incoming' })).toBe('采取的应对')
    expect(linkRelationText({ holderType: 'law', relation: 'law:amends', direction: 'incoming', label: 'Amended by' })).toBe(
      relationWords('law', 'law:amends')?.inverse
    )
    // A relation this version does not know keeps its stored words.
    expect(linkRelationText({ holderType: 'source', relation: 'future', direction: 'outgoing', label: 'future' })).toBe('future')
  })
})
