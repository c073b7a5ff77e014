import { describe, expect, it } from 'vitest'
import {
  draftFromLaw,
  emptyLawDraft,
  emptyProvisionDraft,
  inputFromLawDraft,
  provisionRowErrors,
  validateLawDraft
} from '../../../../src/renderer/features/laws/lawDraft'
import { lawSchema } from '../../../../src/shared/domain/law'
import { aLaw } from '../../../builders/domain'

const aDraft = (overrides: Partial<ReturnType<typeof emptyLawDraft>> = {}) => ({
  ...emptyLawDraft(),
  title: 'Cybersecurity Law',
  jurisdictionId: 'CN',
  ...overrides
})
const provision = (number: string, unit: 'article' | 'section' = 'article') => ({ ...emptyProvisionDraft(unit), number })

describe('law draft', () => {
  it('accepts a law with a title and a jurisdiction', () => {
    expect(validateLawDraft(aDraft())).toEqual({})
  })

  it('asks for the jurisdiction when none was chosen', () => {
    expect(validateLawDraft(aDraft({ jurisdictionId: '' })).jurisdictionId).toMatch(/Choose the jurisdiction/)
  })

  it('asks for the repeal date of a repealed law under the repeal date field', () => {
    expect(validateLawDraft(aDraft({ status: 'repealed' })).repealedOn).toBe('A repealed law needs the date it was repealed')
  })

  it('flags every row that repeats a provision number', () => {
    const errors = provisionRowErrors(aDraft({ provisions: [provision('41'), provision('42'), provision('41')] }))

    expect([...errors.keys()].sort()).toEqual([0, 2])
    expect(errors.get(0)).toMatch(/Article 41 appears 2 times/)
  })

  it('allows the same number under different units', () => {
    expect(provisionRowErrors(aDraft({ provisions: [provision('5'), provision('5', 'section')] })).size).toBe(0)
  })

  it('flags a provision row without a number', () => {
    expect(provisionRowErrors(aDraft({ provisions: [provision('')] })).get(0)).toBe('Provision number is required')
  })

  it('reads amendment dates separated by commas, keeping their precision', () => {
    expect(inputFromLawDraft(aDraft({ amendedOn: '2021-06, 2023-01-15' })).amendedOn).toEqual(['2021-06', '2023-01-15'])
  })

  it('round-trips a stored law through the form, keeping provision text the form does not edit', () => {
    const law = aLaw({
      shortName: 'CSL',
      nativeTitle: '网络安全法',
      nativeLanguage: 'zh',
      amendedOn: ['2021-06'],
      provisions: [{ unit: 'article', number: '41', summary: 'Consent', text: 'Full wording', inForceOn: '2017-06-01' }],
      relations: [{ relation: 'amends', lawId: 'law-other' }],
      citations: [{ sourceId: 'src-1', passage: 'quoted' }]
    })

    const input = inputFromLawDraft(draftFromLaw(law), law)
    const reparsed = lawSchema.parse({ ...input, createdAt: law.createdAt, updatedAt: law.updatedAt, revision: law.revision })

    expect(reparsed).toEqual(law)
  })
})
