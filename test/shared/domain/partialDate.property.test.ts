import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  compareOptionalPartialDates,
  comparePartialDates,
  earliestDay,
  latestDay,
  parsePartialDate,
  partialDateSchema,
  partialDateSortKey,
  sortByPartialDate,
  toPartialDate
} from '@shared/domain/partialDate'

const pad = (value: number, width: number) => String(value).padStart(width, '0')

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** One valid end of a partial date, written as it is stored. */
const datePoint = fc
  .record({
    year: fc.integer({ min: 1000, max: 9999 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayFraction: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
    precision: fc.constantFrom('year', 'month', 'day'),
    isApproximate: fc.boolean()
  })
  .map(({ year, month, dayFraction, precision, isApproximate }) => {
    const day = 1 + Math.floor(dayFraction * daysIn(year, month))
    const text =
      precision === 'year' ? pad(year, 4) : precision === 'month' ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
    return isApproximate ? `${text}~` : text
  })

/** Any valid partial date: a point, or a range whose end is not before its start. */
const partialDateText = fc.oneof(
  datePoint,
  fc.tuple(datePoint, datePoint).map(([a, b]) => {
    const [first, second] = [a, b].sort((x, y) => earliestDay(toPartialDate(x)).localeCompare(earliestDay(toPartialDate(y))))
    return `${first}/${second}`
  })
)

describe('partial dates (properties)', () => {
  it('parses every stored date back to the same text', () => {
    fc.assert(
      fc.property(partialDateText, (text) => {
        const result = parsePartialDate(text)

        expect(result.ok && result.value).toBe(text)
      })
    )
  })

  it('never lets the schema add precision to a stored date', () => {
    fc.assert(
      fc.property(partialDateText, (text) => {
        const value = partialDateSchema.parse(text)

        expect(value).toBe(text)
      })
    )
  })

  it('never puts the earliest day after the latest day', () => {
    fc.assert(
      fc.property(partialDateText, (text) => {
        const date = toPartialDate(text)

        expect(earliestDay(date) <= latestDay(date)).toBe(true)
      })
    )
  })

  it('orders any two dates that start on different days by their earliest day', () => {
    fc.assert(
      fc.property(partialDateText, partialDateText, (first, second) => {
        const [a, b] = [toPartialDate(first), toPartialDate(second)]
        fc.pre(earliestDay(a) !== earliestDay(b))

        const order = Math.sign(comparePartialDates(a, b))

        expect(order).toBe(earliestDay(a) < earliestDay(b) ? -1 : 1)
      })
    )
  })

  it('orders any two dates the opposite way when swapped', () => {
    fc.assert(
      fc.property(partialDateText, partialDateText, (first, second) => {
        const [a, b] = [toPartialDate(first), toPartialDate(second)]

        const forward = Math.sign(comparePartialDates(a, b))
        const backward = Math.sign(comparePartialDates(b, a))

        expect(forward + backward).toBe(0)
      })
    )
  })

  it('gives sort keys in the order of compareOptionalPartialDates, unknown dates last', () => {
    const optionalDate = fc.option(partialDateText.map(toPartialDate), { nil: undefined })
    fc.assert(
      fc.property(optionalDate, optionalDate, (a, b) => {
        const [keyA, keyB] = [partialDateSortKey(a), partialDateSortKey(b)]

        expect(Math.sign(keyA < keyB ? -1 : keyA > keyB ? 1 : 0)).toBe(Math.sign(compareOptionalPartialDates(a, b)))
      })
    )
  })

  it('sorts by date as sorting with compareOptionalPartialDates does', () => {
    fc.assert(
      fc.property(fc.array(fc.option(partialDateText.map(toPartialDate), { nil: undefined })), (dates) => {
        const items = dates.map((date, index) => ({ date, index }))

        expect(sortByPartialDate(items, (item) => item.date)).toEqual([...items].sort((a, b) => compareOptionalPartialDates(a.date, b.date)))
      })
    )
  })
})
