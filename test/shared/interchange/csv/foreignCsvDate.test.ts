import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { detectSlashDateOrder, readForeignDate } from '@shared/interchange/csv/foreignCsvDate'
import { partialDate } from './recordArbitraries'
import { thrownInEnglish } from '../../../support/words'

const orders = fc.constantFrom('month-first' as const, 'day-first' as const, 'unknown' as const)

describe('readForeignDate', () => {
  it('passes every partial date through unchanged: a year stays a year, a month a month', () => {
    fc.assert(
      fc.property(partialDate, orders, (date, order) => {
        expect(readForeignDate(` ${date} `, order)).toEqual({ value: date, notes: [] })
      })
    )
  })

  it('reads a slash date in the order its column uses, as the day it names', () => {
    const day = fc.record({ year: fc.integer({ min: 1900, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) })
    fc.assert(
      fc.property(day, ({ year, month, day: dayOfMonth }) => {
        const iso = `${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`
        expect(readForeignDate(`${month}/${dayOfMonth}/${year}`, 'month-first')?.value).toBe(iso)
        expect(readForeignDate(`${dayOfMonth}.${month}.${year}`, 'day-first')?.value).toBe(iso)
        expect(readForeignDate(`${year}/${month}/${dayOfMonth}`, 'unknown')?.value).toBe(iso)
      })
    )
  })

  it.each([
    ['09/20/2011 - 10/28/2011', '2011-09-20/2011-10-28'],
    ['12/01/2010-11/21/2011', '2010-12-01/2011-11-21'],
    ['03/23/2012 -03/26/2012', '2012-03-23/2012-03-26'],
    ['02/07/2012- 02/20/2012', '2012-02-07/2012-02-20'],
    ['02/07/2012 -  02/20/2012', '2012-02-07/2012-02-20'],
    ['2015 – 2017', '2015/2017'],
    ['2017-08 to 2017-09', '2017-08/2017-09'],
    ['2014-06-30 12:00:00', '2014-06-30']
  ])('reads %j as %j', (cell, expected) => {
    expect(readForeignDate(cell, 'month-first')?.value).toBe(expected)
  })

  it('refuses a range that ends before it starts, and what is not a date', () => {
    expect(thrownInEnglish(() => readForeignDate('10/28/2011 - 09/20/2011', 'month-first'))).toContain(
      '"2011-10-28/2011-09-20": the range ends before it starts'
    )
    expect(thrownInEnglish(() => readForeignDate('lunchtime', 'month-first'))).toContain('"lunchtime" is not a date')
    expect(thrownInEnglish(() => readForeignDate('last spring', 'month-first'))).toContain(
      '"last spring" names a season or part of a period, which a date here cannot hold'
    )
    expect(thrownInEnglish(() => readForeignDate('13/13/2012', 'month-first'))).toContain('month 13 does not exist')
  })

  it('is empty for an empty cell', () => {
    expect(readForeignDate('  ', 'unknown')).toBeUndefined()
  })
})

describe('detectSlashDateOrder', () => {
  it('learns the order from cells that can only be read one way, and admits when it cannot tell', () => {
    expect(detectSlashDateOrder(['03/04/2012', '12/25/2012'])).toBe('month-first')
    expect(detectSlashDateOrder(['03/04/2012', '25/12/2012 - 26/12/2012'])).toBe('day-first')
    expect(detectSlashDateOrder(['03/04/2012', '2012-05'])).toBe('unknown')
    expect(detectSlashDateOrder(['12/25/2012', '25/12/2012'])).toBe('unknown')
  })
})
