import { describe, expect, it } from 'vitest'
import { searchSnippet } from '../../../src/shared/search/searchSnippet'

describe('searchSnippet', () => {
  it('takes the first line that contains a matched word', () => {
    expect(searchSnippet(['A summary without it.\nUsers were enrolled in Sesame Credit.'], ['sesame'])).toBe('Users were enrolled in Sesame Credit.')
  })

  it('prefers earlier texts (fields in order of preference)', () => {
    expect(searchSnippet(['Sesame in the summary', 'Sesame in a source'], ['sesame'])).toBe('Sesame in the summary')
  })

  it('cuts a long line around the first match at word boundaries and marks the cuts', () => {
    const line = `${'word '.repeat(40)}Sesame Credit ${'more '.repeat(60)}`

    const snippet = searchSnippet([line], ['sesame'], 80)

    expect(snippet.startsWith('…word')).toBe(true)
    expect(snippet.endsWith('…')).toBe(true)
    expect(snippet).toContain('Sesame Credit')
    expect(snippet.length).toBeLessThanOrEqual(82)
  })

  it('falls back to the start of the first line when only the title matched', () => {
    expect(searchSnippet(['', 'The first line.\nThe second.'], ['alipay'])).toBe('The first line.')
  })

  it('is empty for a record with no text', () => {
    expect(searchSnippet(['', ''], ['alipay'])).toBe('')
  })
})
