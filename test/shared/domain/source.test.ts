import { describe, expect, it } from 'vitest'
import { sourceSchema } from '@shared/domain/source'
import { aSourceInput, issueMessages } from '../../builders/sharedDomain'
import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../../support/words'

describe('sourceSchema', () => {
  it('accepts a minimal source as given', () => {
    const source = sourceSchema.parse(aSourceInput())

    expect(source).toEqual(aSourceInput())
  })

  it('accepts a full source', () => {
    const result = sourceSchema.safeParse(
      aSourceInput({
        publisher: 'Reuters',
        author: 'Staff',
        publishedOn: '2018-01-04',
        url: 'https://www.reuters.com/article/alipay',
        accessedOn: '2026-01',
        language: 'en',
        quotedPassage: 'Alipay apologised…'
      })
    )

    expect(result.success).toBe(true)
  })

  it('refuses unknown keys', () => {
    const result = sourceSchema.safeParse({ ...aSourceInput(), archivedUrl: 'https://web.archive.org' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "archivedUrl"'])
  })

  it('refuses a file address, at the url field', () => {
    const result = sourceSchema.safeParse(aSourceInput({ url: 'file:///C:/reports/alipay.pdf' }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['url'], 'A URL must be a full http:// or https:// address']
    ])
  })

  it('refuses a bad publication date with its reason', () => {
    const result = sourceSchema.safeParse(aSourceInput({ publishedOn: '2018-1-4' }))

    expect(issueMessages(result)).toEqual(['"2018-1-4" is not a date: write a year (2015), a month (2015-05) or a day (2015-05-21), optionally followed by ~'])
  })

  it('refuses a language that is not a language tag', () => {
    const result = sourceSchema.safeParse(aSourceInput({ language: 'English' }))

    expect(issueMessages(result)).toEqual(['A language is a BCP 47 tag such as en, zh or zh-Hans'])
  })
})
