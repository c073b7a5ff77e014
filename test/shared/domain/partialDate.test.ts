import { describe, expect, it } from 'vitest'
import {
  compareOptionalPartialDates,
  comparePartialDates,
  earliestDay,
  formatPartialDate,
  type DateWords,
  isApproximate,
  isCertainlyOnOrAfter,
  isPossiblyOnOrAfter,
  isRange,
  latestDay,
  parseKnownPartialDate,
  parsePartialDate,
  partialDateSchema,
  precisionOf,
  toPartialDate,
  type PartialDate
} from '@shared/domain/partialDate'
import { issueMessages } from '../../builders/sharedDomain'
import { inEnglish } from '../../support/words'

/** Why the text is refused, in English as a person reads it. */
function reasonFor(text: string): string {
  const result = parsePartialDate(text)
  return result.ok ? '' : inEnglish(result.reason)
}

describe('parsePartialDate', () => {
  it('accepts a year on its own', () => {
    const result = parsePartialDate('2015')

    expect(result).toEqual({ ok: true, value: '2015', parsed: { start: { year: 2015, isApproximate: false } } })
  })

  it('accepts a year and month', () => {
    const result = parsePartialDate('2015-05')

    expect(result).toEqual({ ok: true, value: '2015-05', parsed: { start: { year: 2015, month: 5, isApproximate: false } } })
  })

  it('accepts a full day', () => {
    const result = parsePartialDate('2015-05-21')

    expect(result).toEqual({
      ok: true,
      value: '2015-05-21',
      parsed: { start: { year: 2015, month: 5, day: 21, isApproximate: false } }
    })
  })

  it('marks a date ending in ~ as approximate', () => {
    const result = parsePartialDate('2015-05~')

    expect(result).toEqual({ ok: true, value: '2015-05~', parsed: { start: { year: 2015, month: 5, isApproximate: true } } })
  })

  it('parses a range into its two ends', () => {
    const result = parsePartialDate('2017-08-21/2017-08-22')

    expect(result).toEqual({
      ok: true,
      value: '2017-08-21/2017-08-22',
      parsed: {
        start: { year: 2017, month: 8, day: 21, isApproximate: false },
        end: { year: 2017, month: 8, day: 22, isApproximate: false }
      }
    })
  })

  it('accepts a range whose ends have different precisions', () => {
    const result = parsePartialDate('2015-05/2017')

    expect(result.ok).toBe(true)
  })

  it('accepts a range that starts and ends on the same day', () => {
    const result = parsePartialDate('2017-08-21/2017-08-21')

    expect(result.ok).toBe(true)
  })

  it('trims surrounding whitespace and stores the trimmed text', () => {
    const result = parsePartialDate('  2015-05 \n')

    expect(result.ok && result.value).toBe('2015-05')
  })

  it('accepts 29 February in a leap year', () => {
    const result = parsePartialDate('2016-02-29')

    expect(result.ok).toBe(true)
  })

  it('accepts 29 February 2000, a century divisible by 400', () => {
    const result = parsePartialDate('2000-02-29')

    expect(result.ok).toBe(true)
  })

  it('refuses 29 February 1900, a century not divisible by 400', () => {
    const reason = reasonFor('1900-02-29')

    expect(reason).toBe('"1900-02-29": February 1900 has no day 29 (01 to 28)')
  })

  it('refuses 29 February in a common year', () => {
    const reason = reasonFor('2015-02-29')

    expect(reason).toBe('"2015-02-29": February 2015 has no day 29 (01 to 28)')
  })

  it('refuses 30 February, naming February 2015 and day 30', () => {
    const reason = reasonFor('2015-02-30')

    expect(reason).toBe('"2015-02-30": February 2015 has no day 30 (01 to 28)')
  })

  it('refuses 31 April, a 30-day month', () => {
    const reason = reasonFor('2015-04-31')

    expect(reason).toBe('"2015-04-31": April 2015 has no day 31 (01 to 30)')
  })

  it('refuses day 00', () => {
    const reason = reasonFor('2015-01-00')

    expect(reason).toBe('"2015-01-00": January 2015 has no day 00 (01 to 31)')
  })

  it('refuses month 13 with a message about the month', () => {
    const reason = reasonFor('2015-13')

    expect(reason).toBe('"2015-13": month 13 does not exist (01 to 12)')
  })

  it('refuses month 00', () => {
    const reason = reasonFor('2015-00')

    expect(reason).toBe('"2015-00": month 00 does not exist (01 to 12)')
  })

  it('refuses a year before 1000', () => {
    const reason = reasonFor('0999')

    expect(reason).toBe('"0999": the year must have four digits from 1000')
  })

  it('refuses an empty string', () => {
    const reason = reasonFor('')

    expect(reason).toBe('The date is empty')
  })

  it('refuses a string of spaces as empty', () => {
    const reason = reasonFor('   ')

    expect(reason).toBe('The date is empty')
  })

  it.each(['15', '2015-5', '2015-05-1', '20150', '2015-05-21T00:00', 'May 2015', '~2015', '2015~~'])('refuses "%s", explaining how to write a date', (text) => {
    const reason = reasonFor(text)

    expect(reason).toBe(`"${text}" is not a date: write a year (2015), a month (2015-05) or a day (2015-05-21), optionally followed by ~`)
  })

  it('refuses a range with more than two ends', () => {
    const reason = reasonFor('2015/2016/2017')

    expect(reason).toBe('"2015/2016/2017": a range has one "/" between its two ends')
  })

  it('refuses a range that ends before it starts', () => {
    const reason = reasonFor('2015/2014')

    expect(reason).toBe('"2015/2014": the range ends before it starts')
  })

  it('refuses a range of days that ends the day before it starts', () => {
    const reason = reasonFor('2017-08-22/2017-08-21')

    expect(reason).toBe('"2017-08-22/2017-08-21": the range ends before it starts')
  })

  it('reports the bad end of a range', () => {
    const reason = reasonFor('2015/2016-13')

    expect(reason).toBe('"2016-13": month 13 does not exist (01 to 12)')
  })

  it('refuses a range with a missing end, saying both ends are needed', () => {
    const reason = reasonFor('2015/')

    expect(reason).toBe('"2015/": a range needs a date on each side of "/"')
  })

  it('refuses a range with a missing start, saying both ends are needed', () => {
    const reason = reasonFor('/2015')

    expect(reason).toBe('"/2015": a range needs a date on each side of "/"')
  })
})

describe('toPartialDate', () => {
  it('returns the date for valid text', () => {
    const date = toPartialDate('2015-05')

    expect(date).toBe('2015-05')
  })

  it('throws the parse reason for invalid text (in codes: the error is for the log, not a person)', () => {
    const build = () => toPartialDate('2015-13')

    expect(build).toThrow('problems.date.noSuchMonth(text=2015-13, month=13)')
  })
})

describe('parseKnownPartialDate', () => {
  it('throws when storage holds an invalid date', () => {
    const read = () => parseKnownPartialDate('2015-13' as PartialDate)

    expect(read).toThrow('Invalid partial date in storage: problems.date.noSuchMonth(text=2015-13, month=13)')
  })
})

describe('partialDateSchema', () => {
  it('returns the trimmed date text unchanged in precision', () => {
    const value = partialDateSchema.parse(' 2015-05 ')

    expect(value).toBe('2015-05')
  })

  it('reports the parse reason as the zod error message', () => {
    const result = partialDateSchema.safeParse('2015-02-30')

    expect(issueMessages(result)).toEqual(['"2015-02-30": February 2015 has no day 30 (01 to 28)'])
  })

  it('refuses a value that is not a string', () => {
    const result = partialDateSchema.safeParse(2015)

    expect(result.success).toBe(false)
  })
})

describe('precisionOf', () => {
  it.each([
    ['2015', 'year'],
    ['2015-05', 'month'],
    ['2015-05-21', 'day'],
    ['2015-05~', 'month'],
    ['2015/2017-08-21', 'year'],
    ['2017-08-21/2017', 'day']
  ])('gives "%s" the precision %s (a range takes its start\'s)', (text, precision) => {
    const result = precisionOf(toPartialDate(text))

    expect(result).toBe(precision)
  })
})

describe('isApproximate', () => {
  it('is false for an exact date', () => {
    expect(isApproximate(toPartialDate('2015-05'))).toBe(false)
  })

  it('is true for a date marked with ~', () => {
    expect(isApproximate(toPartialDate('2015~'))).toBe(true)
  })

  it('is true for a range whose start alone is approximate', () => {
    expect(isApproximate(toPartialDate('2015~/2017'))).toBe(true)
  })

  it('is true for a range whose end alone is approximate', () => {
    expect(isApproximate(toPartialDate('2015/2017~'))).toBe(true)
  })
})

describe('isRange', () => {
  it('is false for a single date', () => {
    expect(isRange(toPartialDate('2015-05-21'))).toBe(false)
  })

  it('is true for a date with two ends', () => {
    expect(isRange(toPartialDate('2015/2017'))).toBe(true)
  })
})

describe('earliestDay and latestDay', () => {
  it.each([
    ['2015', '2015-01-01', '2015-12-31'],
    ['2015-05', '2015-05-01', '2015-05-31'],
    ['2015-04', '2015-04-01', '2015-04-30'],
    ['2015-02', '2015-02-01', '2015-02-28'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['1900-02', '1900-02-01', '1900-02-28'],
    ['2000-02', '2000-02-01', '2000-02-29'],
    ['2015-05-21', '2015-05-21', '2015-05-21'],
    ['2015~', '2015-01-01', '2015-12-31'],
    ['2015/2017', '2015-01-01', '2017-12-31'],
    ['2015-05/2016-02', '2015-05-01', '2016-02-29'],
    ['2017-08-21/2017-08-22', '2017-08-21', '2017-08-22']
  ])('spans "%s" from %s to %s', (text, earliest, latest) => {
    const date = toPartialDate(text)

    const span = [earliestDay(date), latestDay(date)]

    expect(span).toEqual([earliest, latest])
  })
})

describe('comparePartialDates', () => {
  it('orders earlier dates first', () => {
    const order = comparePartialDates(toPartialDate('2014-12-31'), toPartialDate('2015'))

    expect(order).toBeLessThan(0)
  })

  it('orders later dates last', () => {
    const order = comparePartialDates(toPartialDate('2015-06'), toPartialDate('2015-05-31'))

    expect(order).toBeGreaterThan(0)
  })

  it('treats identical dates as equal', () => {
    const order = comparePartialDates(toPartialDate('2015-05'), toPartialDate('2015-05'))

    expect(order).toBe(0)
  })

  it('puts a year before its first month, and that month before its first day', () => {
    const dates = ['2015-01-01', '2015-01', '2015'].map(toPartialDate)

    const sorted = [...dates].sort(comparePartialDates)

    expect(sorted).toEqual(['2015', '2015-01', '2015-01-01'])
  })

  it('puts the shorter of two ranges that start together first', () => {
    const order = comparePartialDates(toPartialDate('2015/2017'), toPartialDate('2015/2016'))

    expect(order).toBeGreaterThan(0)
  })

  it('sorts a mixed list chronologically', () => {
    const dates = ['2016', '2015-05-21', '2015~', '2017-08-21/2017-08-22', '2015-05', '2014-12-31', '2015-12'].map(toPartialDate)

    const sorted = [...dates].sort(comparePartialDates)

    expect(sorted).toEqual(['2014-12-31', '2015~', '2015-05', '2015-05-21', '2015-12', '2016', '2017-08-21/2017-08-22'])
  })
})

describe('compareOptionalPartialDates', () => {
  it('puts an unknown date after a known one', () => {
    const order = compareOptionalPartialDates(undefined, toPartialDate('2015'))

    expect(order).toBeGreaterThan(0)
  })

  it('treats two unknown dates as equal', () => {
    const order = compareOptionalPartialDates(undefined, undefined)

    expect(order).toBe(0)
  })

  it('sorts unknown dates to the end of a list', () => {
    const dates = [undefined, toPartialDate('2016'), undefined, toPartialDate('2015-05')]

    const sorted = [...dates].sort(compareOptionalPartialDates)

    expect(sorted).toEqual(['2015-05', '2016', undefined, undefined])
  })
})

describe('formatPartialDate', () => {
  it.each([
    ['2015', '2015'],
    ['2015-05', 'May 2015'],
    ['2018-01-03', '3 January 2018'],
    ['2015~', 'c. 2015'],
    ['2015-05~', 'c. May 2015'],
    ['2015/2017', '2015–2017'],
    ['2017-08-21/2017-08-22', '21 August 2017–22 August 2017'],
    ['2015~/2017', 'c. 2015–2017']
  ])('writes "%s" as "%s"', (text, expected) => {
    const formatted = formatPartialDate(toPartialDate(text))

    expect(formatted).toBe(expected)
  })

  const chinese: DateWords = { locale: 'zh-CN', approximately: (date) => `约${date}`, between: (start, end) => `${start}至${end}` }

  it.each([
    ['2015', '2015年'],
    ['2015-05', '2015年5月'],
    ['2018-01-03', '2018年1月3日'],
    ['2017-08~', '约2017年8月'],
    ['2017-08-21/2017-08-22', '2017年8月21日至22日'],
    ['2017-08-21/2017-09-02', '2017年8月21日至9月2日'],
    ['2015-05/2015-07', '2015年5月至7月'],
    ['2015/2017', '2015年至2017年'],
    ['2017-12-30/2018-01-02', '2017年12月30日至2018年1月2日'],
    ['2015-05/2016', '2015年5月至2016年'],
    ['2015~/2017', '约2015年至2017年']
  ])('writes "%s" in Chinese as "%s", never more precise than recorded', (text, expected) => {
    const formatted = formatPartialDate(toPartialDate(text), chinese)

    expect(formatted).toBe(expected)
  })
})

describe('isCertainlyOnOrAfter', () => {
  it('is false for a day inside a month-only date', () => {
    const result = isCertainlyOnOrAfter('2017-06-15', toPartialDate('2017-06'))

    expect(result).toBe(false)
  })

  it('is true on the last day of a month-only date', () => {
    const result = isCertainlyOnOrAfter('2017-06-30', toPartialDate('2017-06'))

    expect(result).toBe(true)
  })

  it('is true on the day itself for a full date', () => {
    const result = isCertainlyOnOrAfter('2017-06-15', toPartialDate('2017-06-15'))

    expect(result).toBe(true)
  })

  it('is false before a range has ended', () => {
    const result = isCertainlyOnOrAfter('2016-06-01', toPartialDate('2015/2016'))

    expect(result).toBe(false)
  })
})

describe('isPossiblyOnOrAfter', () => {
  it('is true for a day inside a month-only date', () => {
    const result = isPossiblyOnOrAfter('2017-06-15', toPartialDate('2017-06'))

    expect(result).toBe(true)
  })

  it('is false for a day before the month begins', () => {
    const result = isPossiblyOnOrAfter('2017-05-31', toPartialDate('2017-06'))

    expect(result).toBe(false)
  })

  it('is true on the first day of a range', () => {
    const result = isPossiblyOnOrAfter('2015-01-01', toPartialDate('2015/2016'))

    expect(result).toBe(true)
  })
})
