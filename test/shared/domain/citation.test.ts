import { describe, expect, it } from 'vitest'
import { citationSchema, citationsSchema } from '@shared/domain/citation'
import { issueMessages } from '../../builders/sharedDomain'
import { z } from 'zod'

describe('citationSchema', () => {
  it('accepts a citation that names only its source', () => {
    const citation = citationSchema.parse({ sourceId: 'src-reuters-2018' })

    expect(citation).toEqual({ sourceId: 'src-reuters-2018' })
  })

  it('keeps the quoted passage and locator', () => {
    const citation = citationSchema.parse({ sourceId: 'src-cac', passage: '  责令整改 ', locator: 'p. 3' })

    expect(citation).toEqual({ sourceId: 'src-cac', passage: '责令整改', locator: 'p. 3' })
  })

  it('refuses unknown keys', () => {
    const result = citationSchema.safeParse({ sourceId: 'src-cac', page: 3 })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "page"'])
  })

  it('refuses a citation without a source', () => {
    const result = citationSchema.safeParse({ passage: 'orphan quote' })

    expect(result.error?.issues[0]?.path).toEqual(['sourceId'])
  })

  it('refuses a locator longer than 200 characters', () => {
    const result = citationSchema.safeParse({ sourceId: 'src-cac', locator: 'x'.repeat(201) })

    expect(issueMessages(result)).toEqual(['Locator must be at most 200 characters'])
  })
})

describe('citationsSchema', () => {
  it('refuses more than 200 citations', () => {
    const citations = Array.from({ length: 201 }, () => ({ sourceId: 'src-cac' }))

    // As a record holds them: the problem names what is too many by where it is.
    const result = z.object({ citations: citationsSchema }).safeParse({ citations })

    expect(issueMessages(result)).toEqual(['At most 200 citations per record'])
  })
})
