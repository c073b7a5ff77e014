import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseBundle } from '@shared/domain/bundle'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import { dropLayoutHints, removeUnsafeCharacters, unsafeCharactersIn, withoutUnsafeCharactersInside } from '@shared/domain/unsafeCharacters'
import { aBundleInput, anIncidentInput, anOrganisationInput, issueMessages } from '../../builders/sharedDomain'
import { withReasonInEnglish } from '../../support/words'

// The schema is where the rule lives, so every write path gets it: forms and several-record saves
// (recordWriter), merges, restores of a revision, and bundles read by the command line or a restore.
describe('record schemas refuse text that can disguise itself', () => {
  it('refuses an incident whose title holds a right-to-left override, naming field and character', () => {
    const result = RECORD_SCHEMAS.incident.safeParse(anIncidentInput({ title: 'Breach at \u202Egnp.exe' }))

    expect(issueMessages(result)).toEqual(['Title contains an invisible right-to-left override (U+202E) after "Breach at "; remove it'])
    expect(result.error?.issues[0]?.path).toEqual(['title'])
  })

  it('refuses an organisation description holding a C1 control', () => {
    const result = RECORD_SCHEMAS.organisation.safeParse(anOrganisationInput({ description: 'Ali\u009Bpay' }))

    expect(issueMessages(result)).toEqual(['Description contains an invisible C1 control character (U+009B) after "Ali"; remove it'])
  })

  it('refuses a bundle holding one, naming the record and field by path', () => {
    const result = parseBundle(aBundleInput({ organisations: [anOrganisationInput({ name: 'Pay\u2067Pal' })] }))

    expect(result.ok).toBe(false)
    expect(result.ok ? [] : result.problems.map(withReasonInEnglish)).toEqual([
      { path: 'records.organisations[0].name', message: 'Name contains an invisible right-to-left isolate (U+2067) after "Pay"; remove it' }
    ])
  })

  it('stores a name without the zero width space that would make it differ from an equal one', () => {
    const organisation = RECORD_SCHEMAS.organisation.parse(anOrganisationInput({ name: 'Ali\u200Bpay' }))

    expect(organisation.name).toBe('Alipay')
  })
})

describe('removeUnsafeCharacters', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 40 })

  it('leaves nothing refused or droppable, whatever the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const cleaned = removeUnsafeCharacters(text).text
        expect(unsafeCharactersIn(cleaned)).toEqual([])
        expect(dropLayoutHints(cleaned)).toBe(cleaned)
      }),
      { numRuns: 2000 }
    )
  }, 20_000)

  it('is idempotent and reports nothing the second time', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const once = removeUnsafeCharacters(text)
        expect(removeUnsafeCharacters(once.text)).toEqual({ text: once.text, removed: [] })
      }),
      { numRuns: 2000 }
    )
  }, 20_000)

  it('reports nothing for text that had nothing to remove', () => {
    expect(removeUnsafeCharacters('می\u200Cخواهم \u{1F469}\u200D\u{1F4BB}')).toEqual({ text: 'می\u200Cخواهم \u{1F469}\u200D\u{1F4BB}', removed: [] })
  })
})

describe('withoutUnsafeCharactersInside', () => {
  it('cleans every string of stored data, leaving its shape, numbers and booleans as they are', () => {
    const stored = { title: 'a\u202Eb', items: [{ text: 'c\u00ADd', n: 1 }, 'e\u2067'], flag: true, none: null }

    expect(withoutUnsafeCharactersInside(stored)).toEqual({ title: 'ab', items: [{ text: 'cd', n: 1 }, 'e'], flag: true, none: null })
    expect(stored.title).toBe('a\u202Eb')
  })

  it('gives clean data back as it is, and copies only the branches it changed', () => {
    const clean = { records: { incidents: [{ title: 'Alipay', tags: ['consent'] }], laws: [{ title: 'PIPL' }] } }
    const stored = { ...clean, records: { ...clean.records, laws: [{ title: 'P\u202EIPL' }] } }

    const cleaned = withoutUnsafeCharactersInside(stored) as typeof stored

    expect(withoutUnsafeCharactersInside(clean)).toBe(clean)
    expect(cleaned.records.laws).toEqual([{ title: 'PIPL' }])
    expect(cleaned.records.incidents).toBe(clean.records.incidents)
  })
})
