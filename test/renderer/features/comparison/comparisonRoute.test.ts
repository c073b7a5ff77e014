import { describe, expect, it } from 'vitest'
import { comparisonQueryOf, comparisonSubjectFrom } from '../../../../src/renderer/features/comparison/comparisonRoute'

describe('comparisonSubjectFrom', () => {
  it('reads an organisation from ?org=', () => {
    expect(comparisonSubjectFrom({ org: 'org-alibaba' })).toEqual({ kind: 'organisation', organisationId: 'org-alibaba' })
  })

  it('reads a category from ?category=', () => {
    expect(comparisonSubjectFrom({ category: 'breach' })).toEqual({ kind: 'category', category: 'breach' })
  })

  it('ignores a category that is not in the vocabulary', () => {
    expect(comparisonSubjectFrom({ category: 'gossip' })).toBeUndefined()
  })

  it('prefers the organisation when both are given', () => {
    expect(comparisonSubjectFrom({ org: 'org-alibaba', category: 'breach' })?.kind).toBe('organisation')
  })
})

describe('comparisonQueryOf', () => {
  it('round-trips a subject through the address', () => {
    const subject = { kind: 'category', category: 'profiling' } as const

    expect(comparisonSubjectFrom(comparisonQueryOf(subject) as never)).toEqual(subject)
  })
})
