import { describe, expect, it } from 'vitest'
import { percentile } from '../../bench/benchContract'

describe('percentile', () => {
  it('is the nearest-rank value: p50 of 1..10 is 5', () => {
    expect(percentile([3, 1, 2, 4, 5, 6, 7, 8, 9, 10], 50)).toBe(5)
  })

  it('p95 of 1..100 is 95', () => {
    expect(
      percentile(
        Array.from({ length: 100 }, (_, index) => index + 1),
        95
      )
    ).toBe(95)
  })

  it('p100 is the largest value and p0 the smallest', () => {
    expect(percentile([4, 9, 2], 100)).toBe(9)
    expect(percentile([4, 9, 2], 0)).toBe(2)
  })

  it('is NaN without values', () => {
    expect(percentile([], 95)).toBeNaN()
  })
})
