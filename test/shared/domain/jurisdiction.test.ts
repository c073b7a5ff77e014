import { describe, expect, it } from 'vitest'
import { jurisdictionSchema } from '@shared/domain/jurisdiction'
import { aJurisdictionInput, issueMessages } from '../../builders/sharedDomain'
import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../../support/words'

describe('jurisdictionSchema', () => {
  it('accepts a minimal country and fills in the defaults', () => {
    const jurisdiction = jurisdictionSchema.parse(aJurisdictionInput())

    expect(jurisdiction).toEqual({ ...aJurisdictionInput(), citations: [] })
  })

  it('accepts a subdivision with its country as parent', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang', parentId: 'CN' }))

    expect(result.success).toBe(true)
  })

  it('refuses a subdivision without a parent, at the parentId field', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang' }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['parentId'], 'A subdivision needs its country as parent']
    ])
  })

  it('refuses a jurisdiction that is its own parent, at the parentId field', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang', parentId: 'CN-ZJ' }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['parentId'], 'A jurisdiction cannot be its own parent']
    ])
  })

  it('refuses an unknown kind, listing the choices', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ kind: 'province' as never }))

    expect(issueMessages(result)).toEqual(['Kind must be country, subdivision or supranational'])
  })

  it.each(['cn', 'CHN', 'CN_ZJ', 'CN-ZJXX'])('refuses the code %s with an ISO 3166 example', (code) => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ code }))

    expect(issueMessages(result)).toEqual(['A code is ISO 3166: CN, or CN-ZJ for a subdivision'])
  })

  it('keeps a numeric code as text with its leading zeros', () => {
    const jurisdiction = jurisdictionSchema.parse(aJurisdictionInput({ id: 'AF', code: 'AF', name: 'Afghanistan', numericCode: '004' }))

    expect(jurisdiction.numericCode).toBe('004')
  })

  it('refuses a numeric code that is not three digits', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ numericCode: '4' }))

    expect(issueMessages(result)).toEqual(['A numeric code has three digits, e.g. 004'])
  })

  it('refuses an alpha-3 code that is not three capitals', () => {
    const result = jurisdictionSchema.safeParse(aJurisdictionInput({ alpha3: 'chn' }))

    expect(issueMessages(result)).toEqual(['An alpha-3 code has three capital letters'])
  })

  it('keeps the Chinese name as written', () => {
    const jurisdiction = jurisdictionSchema.parse(aJurisdictionInput({ nameZh: '中国' }))

    expect(jurisdiction.nameZh).toBe('中国')
  })

  it('refuses unknown keys', () => {
    const result = jurisdictionSchema.safeParse({ ...aJurisdictionInput(), capital: 'Beijing' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "capital"'])
  })
})
