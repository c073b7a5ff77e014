import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { nameSlug } from '@shared/interchange/text/nameSlug'

describe('nameSlug', () => {
  it('folds case, accents, spacing and punctuation', () => {
    expect(nameSlug('Private Individual', 90)).toBe(nameSlug('private  individual', 90))
    expect(nameSlug('UST GLOBAL ESPAN\u0303A, S.A.', 90)).toBe('ust-global-espana-s-a')
    expect(nameSlug("St. Mary's Janesville Hospital", 90)).toBe('st-mary-s-janesville-hospital')
  })

  it('gives names in other scripts an id, and keeps different names apart', () => {
    expect(nameSlug('Εγνατία Οδός Α.Ε.', 90)).toMatch(/^[0-9a-f]{10}$/)
    expect(nameSlug('WIND Ελλάς Τηλεπικοινωνίες ΑΕΒΕ', 90)).toMatch(/^wind-[0-9a-f]{10}$/)
    expect(nameSlug('支付宝', 90)).not.toBe(nameSlug('芝麻信用', 90))
  })

  it('always gives an id-safe slug within the length asked for', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), fc.integer({ min: 12, max: 90 }), (name, max) => {
        const slug = nameSlug(name, max)
        expect(slug.length).toBeLessThanOrEqual(max)
        expect(slug).toMatch(/^[a-z0-9][a-z0-9-]*$/)
      }),
      { numRuns: 500 }
    )
  })
})
