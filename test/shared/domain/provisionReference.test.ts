import { describe, expect, it } from 'vitest'
import { provisionReferenceSchema } from '@shared/domain/provisionReference'
import { issueMessages } from '../../builders/sharedDomain'

describe('provisionReferenceSchema', () => {
  it('accepts a reference to a whole law', () => {
    const reference = provisionReferenceSchema.parse({ lawId: 'law-pipl' })

    expect(reference).toEqual({ lawId: 'law-pipl' })
  })

  it('accepts a reference to one provision by its number', () => {
    const reference = provisionReferenceSchema.parse({ lawId: 'law-it-act', provisionNumber: '69A' })

    expect(reference).toEqual({ lawId: 'law-it-act', provisionNumber: '69A' })
  })

  it('refuses unknown keys', () => {
    const result = provisionReferenceSchema.safeParse({ lawId: 'law-pipl', unit: 'article' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "unit"'])
  })

  it('refuses a provision number longer than 40 characters', () => {
    const result = provisionReferenceSchema.safeParse({ lawId: 'law-pipl', provisionNumber: '1'.repeat(41) })

    expect(issueMessages(result)).toEqual(['Provision number must be at most 40 characters'])
  })

  it('refuses a law id that is not an id', () => {
    const result = provisionReferenceSchema.safeParse({ lawId: 'PIPL 2021' })

    expect(result.error?.issues[0]?.path).toEqual(['lawId'])
  })
})
