import { describe, expect, it } from 'vitest'
import { findProvision, LAW_KIND_LABELS, LAW_KINDS, LAW_STATUS_LABELS, LAW_STATUSES, lawSchema, PROVISION_UNITS, provisionLabel } from '@shared/domain/law'
import { aLaw, aLawInput, issueMessages } from '../../builders/sharedDomain'
import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../../support/words'

describe('lawSchema', () => {
  it('accepts a minimal law and fills in the defaults', () => {
    const law = lawSchema.parse(aLawInput())

    expect(law).toEqual({ ...aLawInput(), amendedOn: [], provisions: [], relations: [], citations: [] })
  })

  it('refuses unknown keys', () => {
    const result = lawSchema.safeParse({ ...aLawInput(), passedBy: 'NPC' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "passedBy"'])
  })

  it('refuses unknown keys inside a provision', () => {
    const result = lawSchema.safeParse(aLawInput({ provisions: [{ unit: 'article', number: '1', title: 'x' } as never] }))

    expect(issueMessages(result)).toEqual(['Unrecognized key: "title"'])
  })

  it('refuses an unknown kind, listing the choices', () => {
    const result = lawSchema.safeParse(aLawInput({ kind: 'decree' as never }))

    expect(issueMessages(result)).toEqual([`Kind must be one of: ${LAW_KINDS.join(', ')}`])
  })

  it('refuses an unknown status, listing the choices', () => {
    const result = lawSchema.safeParse(aLawInput({ status: 'pending' as never }))

    expect(issueMessages(result)).toEqual([`Status must be one of: ${LAW_STATUSES.join(', ')}`])
  })

  it('refuses an unknown provision unit, listing the choices', () => {
    const result = lawSchema.safeParse(aLawInput({ provisions: [{ unit: 'verse' as never, number: '1' }] }))

    expect(issueMessages(result)).toEqual([`Unit must be one of: ${PROVISION_UNITS.join(', ')}`])
  })

  it('refuses a provision without a number', () => {
    const result = lawSchema.safeParse(aLawInput({ provisions: [{ unit: 'article', number: ' ' }] }))

    expect(issueMessages(result)).toEqual(['Provision number is required'])
  })

  it('refuses a provision number that appears twice, naming the provision at the second copy', () => {
    const result = lawSchema.safeParse(
      aLawInput({
        provisions: [
          { unit: 'article', number: '41' },
          { unit: 'article', number: '42' },
          { unit: 'article', number: '41' }
        ]
      })
    )

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['provisions', 2, 'number'], 'Article 41 appears twice']
    ])
  })

  it('allows the same number under different units, such as Chapter 4 and Article 4', () => {
    const result = lawSchema.safeParse(
      aLawInput({
        provisions: [
          { unit: 'chapter', number: '4' },
          { unit: 'article', number: '4' }
        ]
      })
    )

    expect(result.success).toBe(true)
  })

  it('refuses a repealed law without the date it was repealed', () => {
    const result = lawSchema.safeParse(aLawInput({ status: 'repealed' }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['repealedOn'], 'A repealed law needs the date it was repealed']
    ])
  })

  it('accepts a repealed law with its repeal date', () => {
    const result = lawSchema.safeParse(aLawInput({ status: 'repealed', repealedOn: '2023-08' }))

    expect(result.success).toBe(true)
  })

  it('keeps amendment dates at their own precision', () => {
    const law = lawSchema.parse(aLawInput({ amendedOn: ['2008', '2016-11-07'] }))

    expect(law.amendedOn).toEqual(['2008', '2016-11-07'])
  })

  it('refuses a bad amendment date, reporting its index and reason', () => {
    const result = lawSchema.safeParse(aLawInput({ amendedOn: ['2008', '2016-02-30'] }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['amendedOn', 1], '"2016-02-30": February 2016 has no day 30 (01 to 29)']
    ])
  })

  it('keeps the native title as written', () => {
    const law = lawSchema.parse(aLawInput({ nativeTitle: '中华人民共和国个人信息保护法', nativeLanguage: 'zh-Hans' }))

    expect(law.nativeTitle).toBe('中华人民共和国个人信息保护法')
  })
})

describe('law labels', () => {
  it('label every kind', () => {
    expect(Object.keys(LAW_KIND_LABELS)).toEqual([...LAW_KINDS])
  })

  it('label every status', () => {
    expect(Object.keys(LAW_STATUS_LABELS)).toEqual([...LAW_STATUSES])
  })
})

describe('provisionLabel', () => {
  it('writes an article as "Article 41"', () => {
    const label = provisionLabel({ unit: 'article', number: '41' })

    expect(label).toBe('Article 41')
  })

  it('writes a section with a letter as "Section 69A"', () => {
    const label = provisionLabel({ unit: 'section', number: '69A' })

    expect(label).toBe('Section 69A')
  })
})

describe('findProvision', () => {
  const law = aLaw({
    provisions: [
      { unit: 'article', number: '41', heading: 'Cross-border provision' },
      { unit: 'section', number: '69A' }
    ]
  })

  it('finds a provision by its number', () => {
    const provision = findProvision(law, '41')

    expect(provision?.heading).toBe('Cross-border provision')
  })

  it('finds a provision whose number has a letter', () => {
    const provision = findProvision(law, '69A')

    expect(provision?.unit).toBe('section')
  })

  it('returns undefined for a number the law does not have', () => {
    const provision = findProvision(law, '99')

    expect(provision).toBeUndefined()
  })
})
