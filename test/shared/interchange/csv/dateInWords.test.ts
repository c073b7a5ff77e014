import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formatPartialDate, parsePartialDate, precisionOf, toPartialDate } from '@shared/domain/partialDate'
import { guessColumnMapping, readMappedCsv } from '@shared/interchange/csv/columnMapping'
import { readDateInWords } from '@shared/interchange/csv/dateInWords'
import { parseForeignDate } from '@shared/interchange/csv/foreignCsvDate'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { IMPORTED_AT, partialDate } from './recordArbitraries'
import { describedInEnglish as describeImportProblem, inEnglish, inEnglishThroughout } from '../../../support/words'

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']
const CHINESE_DIGITS = '〇一二三四五六七八九'

const valueOf = (cell: string) => {
  const result = parseForeignDate(cell, 'unknown')
  return result.ok ? result.date?.value : `refused: ${result.reason}`
}
const reasonFor = (cell: string) => {
  const result = parseForeignDate(cell, 'unknown')
  return result.ok ? `read as ${result.date?.value}` : inEnglish(result.reason)
}

const ordinal = (day: number) =>
  `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`
const short = (month: number) => MONTHS[month - 1]!.slice(0, 3)
const chineseSmall = (value: number) =>
  value < 10 ? CHINESE_DIGITS[value]! : `${value >= 20 ? CHINESE_DIGITS[Math.floor(value / 10)] : ''}十${value % 10 === 0 ? '' : CHINESE_DIGITS[value % 10]}`
const chineseYear = (year: number) => [...String(year)].map((digit) => CHINESE_DIGITS[Number(digit)]).join('')

/** Every style a day can be written in that the reader promises to read. */
const DAY_STYLES: readonly ((year: number, month: number, day: number) => string)[] = [
  (y, m, d) => `${d} ${MONTHS[m - 1]} ${y}`,
  (y, m, d) => `${d} ${short(m)} ${y}`,
  (y, m, d) => `${d} ${short(m)}. ${y}`,
  (y, m, d) => `${MONTHS[m - 1]} ${d}, ${y}`,
  (y, m, d) => `${short(m)} ${d} ${y}`,
  (y, m, d) => `${ordinal(d)} ${MONTHS[m - 1]} ${y}`,
  (y, m, d) => `the ${ordinal(d)} of ${MONTHS[m - 1]}, ${y}`,
  (y, m, d) => `${MONTHS[m - 1]} ${ordinal(d)}, ${y}`,
  (y, m, d) => `${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}, ${d} ${MONTHS[m - 1]} ${y}`,
  (y, m, d) => `${String(d).padStart(2, '0')}-${short(m)}-${y}`,
  (y, m, d) => `${MONTHS[m - 1]!.toUpperCase()} ${d}, ${y}`,
  (y, m, d) => `${y} ${short(m)} ${d}`,
  (y, m, d) => `${y}年${m}月${d}日`,
  (y, m, d) => `${chineseYear(y)}年${chineseSmall(m)}月${chineseSmall(d)}日`
]
const MONTH_STYLES: readonly ((year: number, month: number) => string)[] = [
  (y, m) => `${MONTHS[m - 1]} ${y}`,
  (y, m) => `${short(m)} ${y}`,
  (y, m) => `${short(m)}. ${y}`,
  (y, m) => `${MONTHS[m - 1]}, ${y}`,
  (y, m) => `${short(m).toLowerCase()}-${y}`,
  (y, m) => `${y} ${MONTHS[m - 1]}`,
  (y, m) => `${y}年${m}月`,
  (y, m) => `${chineseYear(y)}年${chineseSmall(m)}月`
]
const YEAR_STYLES: readonly ((year: number) => string)[] = [(y) => `${y}`, (y) => `${y}年`, (y) => `${chineseYear(y)}年`]

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const aDay = fc
  .record({ year: fc.integer({ min: 1000, max: 2999 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day }) => ({ year, month, day: Math.min(day, daysIn(year, month)) }))
const pad = (value: number) => String(value).padStart(2, '0')

describe('dates written in words', () => {
  it('reads a day written in any supported style as that day', () => {
    fc.assert(
      fc.property(aDay, fc.nat(DAY_STYLES.length - 1), ({ year, month, day }, style) => {
        const cell = DAY_STYLES[style]!(year, month, day)
        expect(valueOf(cell), cell).toBe(`${year}-${pad(month)}-${pad(day)}`)
      })
    )
  })

  it('reads a month written with its year at month precision, never as its 1st', () => {
    fc.assert(
      fc.property(aDay, fc.nat(MONTH_STYLES.length - 1), ({ year, month }, style) => {
        const cell = MONTH_STYLES[style]!(year, month)
        const value = valueOf(cell)
        expect(value, cell).toBe(`${year}-${pad(month)}`)
        expect(precisionOf(toPartialDate(value!))).toBe('month')
      })
    )
  })

  it('reads a year alone as a year', () => {
    fc.assert(
      fc.property(aDay, fc.nat(YEAR_STYLES.length - 1), ({ year }, style) => {
        expect(valueOf(YEAR_STYLES[style]!(year))).toBe(String(year))
      })
    )
  })

  it('reads back every partial date as the app writes it for people, precision and approximation included', () => {
    fc.assert(
      fc.property(
        partialDate.filter((date) => !/^(.+)\/\1$/.test(date)),
        (date) => {
          const written = formatPartialDate(toPartialDate(date))
          expect(valueOf(written), written).toBe(date)
        }
      )
    )
  })

  it.each([
    ['Sept 2022', '2022-09'],
    ['Sep. 2022', '2022-09'],
    ['3 Jan. 2018', '2018-01-03'],
    ['January 3, 2018', '2018-01-03'],
    ['3rd January 2018', '2018-01-03'],
    ['2018年1月3日', '2018-01-03'],
    ['2015年5月', '2015-05'],
    ['2015年', '2015'],
    ['2018 年 1 月 3 日', '2018-01-03'],
    ['１２ June ２０１８', '2018-06-12'],
    ['c. May 2015', '2015-05~'],
    ['约2015年', '2015~']
  ])('reads %j as %j', (cell, expected) => {
    expect(valueOf(cell)).toBe(expected)
  })

  it.each([
    ['May–June 2015', '2015-05/2015-06'],
    ['May - June 2015', '2015-05/2015-06'],
    ['May 2015 – June 2016', '2015-05/2016-06'],
    ['3–5 January 2018', '2018-01-03/2018-01-05'],
    ['January 3–5, 2018', '2018-01-03/2018-01-05'],
    ['3 January – 5 February 2018', '2018-01-03/2018-02-05'],
    ['May 30 – June 2, 2018', '2018-05-30/2018-06-02'],
    ['December 2017 to March 2018', '2017-12/2018-03'],
    ['from May to June 2015', '2015-05/2015-06'],
    ['between May and June 2015', '2015-05/2015-06'],
    ['2015 – May 2016', '2015/2016-05'],
    ['2018年1月3日至5日', '2018-01-03/2018-01-05'],
    ['2018年1月至3月', '2018-01/2018-03'],
    ['2015年5月–2016年6月', '2015-05/2016-06'],
    ['3 May 2015 - 3 May 2015', '2015-05-03']
  ])('reads the range %j as %j, each end at the precision written', (cell, expected) => {
    expect(valueOf(cell)).toBe(expected)
  })

  it('refuses what it cannot read for certain, saying why in one line', () => {
    expect(reasonFor('Sept 23')).toBe(
      '"Sept 23" is ambiguous: September 2023, or 23 September of a year not given? Write the year in four digits, e.g. September 2023 or 23 September 2023'
    )
    expect(reasonFor('Jan-18')).toMatch(/^"Jan-18" is ambiguous: January 2018, or 18 January/)
    expect(reasonFor('Sept 45')).toBe('"Sept 45" gives the year in two digits: write it in four, e.g. September 2045')
    expect(reasonFor("Sep '22")).toBe('"Sep \'22" gives the year in two digits (\'22): write it in four, e.g. 2022')
    expect(reasonFor('23 Sept')).toBe('"23 Sept" has no year: write the date with its year in four digits')
    expect(reasonFor('3–5 January')).toBe('"3–5 January" has no year: write the date with its year in four digits')
    expect(reasonFor('5月3日')).toBe('"5月3日" has no year: write the date with its year in four digits')
    expect(reasonFor('Mon, Jan 3, 2018')).toBe('"Mon, Jan 3, 2018" does not agree with itself: 3 January 2018 was a Wednesday, not a Monday')
    expect(reasonFor('Q3 2018')).toMatch(/names a quarter, which a date here cannot hold: write its months as a range/)
    expect(reasonFor('summer 2018')).toMatch(/names a season or part of a period/)
    expect(reasonFor('June–May 2015')).toBe('"June–May 2015": the range ends before it starts')
    expect(reasonFor('May 2015 – 16')).toMatch(/^"May 2015 – 16" is not a date: write e\.g\./)
    expect(reasonFor('Sept 3 to 5 to 7 2018')).toMatch(/is not a date/)
    expect(reasonFor('lunchtime 2018')).toMatch(/^"lunchtime 2018" is not a date: "lunchtime" is not a month or a weekday/)
    expect(reasonFor('2018年13月')).toBe('"2018年13月": month 13 does not exist (01 to 12)')
    expect(reasonFor('03/04/2012 to 05/06/2012')).toMatch(/^"03\/04\/2012" could be 2012-03-04 or 2012-04-03, and no other date in the column says which/)
  })

  it('reads a day that never was as its month, with a note, as it does slash dates', () => {
    expect(inEnglishThroughout(parseForeignDate('31 September 2018', 'unknown'))).toEqual({
      ok: true,
      date: { value: '2018-09', notes: ['"31 September 2018" is not a real day; it was read as the month 2018-09'] }
    })
  })

  it('never throws: any text is a date or a reason', () => {
    const wordy = fc.array(
      fc.constantFrom(
        'Sept',
        'May',
        '3',
        '23',
        '2018',
        '3rd',
        '–',
        '-',
        'to',
        'of',
        'c.',
        ',',
        "'22",
        '年',
        '月',
        '日',
        '至',
        '二',
        '十',
        'Mon',
        'and',
        'between',
        'from',
        ' '
      ),
      { maxLength: 8 }
    )
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          wordy.map((parts) => parts.join(' ')),
          wordy.map((parts) => parts.join(''))
        ),
        (text) => {
          const result = parseForeignDate(text, 'unknown')
          if (result.ok) {
            if (result.date !== undefined) expect(parsePartialDate(result.date.value).ok).toBe(true)
          } else {
            expect(inEnglish(result.reason)).not.toMatch(/\n/)
            expect(inEnglish(result.reason).length).toBeGreaterThan(0)
          }
          const words = readDateInWords(text)
          expect(typeof words.ok).toBe('boolean')
        }
      )
    )
  })
})

describe('a foreign CSV whose dates are written in words', () => {
  it('imports "Sept 2022" at month precision and refuses "Sept 23" naming file, row and field', () => {
    const table = parseCsvTable('Title,Date of Breach\nA breach,Sept 2022\nAnother,3–5 January 2018\nA third,Sept 23\n', 'breaches.csv')
    const reading = readMappedCsv(table, guessColumnMapping(table.headers, 'incident'), {
      file: 'breaches.csv',
      importedAt: IMPORTED_AT,
      jurisdictionIds: new Set()
    })
    const occurredOn = reading.candidates.map((candidate) => (candidate.typed.type === 'incident' ? candidate.typed.record.occurredOn : undefined))
    expect(occurredOn).toEqual(['2022-09', '2018-01-03/2018-01-05'])
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'breaches.csv, row 4, field "Date of Breach": "Sept 23" is ambiguous: September 2023, or 23 September of a year not given? Write the year in four digits, e.g. September 2023 or 23 September 2023'
    ])
  })
})
