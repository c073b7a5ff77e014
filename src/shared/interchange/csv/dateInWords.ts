/**
 * Dates written in words, as catalogues and news-based breach lists write them: "Sept 2022",
 * "3 Jan. 2018", "January 3, 2018", "3rd January 2018", "Wednesday, 3 January 2018", "03-Jan-2018",
 * "c. 2015", "2018年1月3日", "二〇一五年五月", and ranges: "May–June 2015", "May 2015 – June 2016",
 * "3–5 January 2018", "January 3–5, 2018", "from May to June 2015", "2018年1月3日至5日".
 *
 * Each end is read at the precision written and no finer: a month and a year are that month, never
 * its 1st. What a range's end leaves out is taken from the other end as English and Chinese write
 * ranges ("3–5 January 2018": the start's month and year are the end's; "2018年1月3日至5日": the end's
 * year and month are the start's), and nothing else is ever filled in. Whatever the grammar does not
 * read for certain is refused with the reason: "Sept 23" may be September 2023 or 23 September of a
 * year not given, so it is refused, and so is any date without its year.
 *
 * Why a small grammar rather than chrono-node (the well-kept natural-language date parser): chrono
 * completes what a text leaves out — "Sept 2022" comes back as 1 September, "Sept 23" as 23 September
 * of the current year — and reads far more than dates ("next Friday", times, relative days), which an
 * importer must refuse rather than resolve against today. Its "certain" flags would have to be
 * checked field by field to undo that, and it would still not say why a text was refused. The forms
 * below are few, each is tested, and each refusal says what to write instead.
 *
 * Never throws: a result or a reason.
 */

import { monthName } from '../../domain/partialDate'
import { message, type Message } from '../../locale/message'

/** One end as written: the parts the text gives, no more. */
export interface DateInWordsPoint {
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly isApproximate: boolean
}

export type DateInWordsResult =
  { readonly ok: true; readonly start: DateInWordsPoint; readonly end?: DateInWordsPoint } | { readonly ok: false; readonly reason: Message }

const MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12
}
const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  sun: 0,
  monday: 1,
  mon: 1,
  tuesday: 2,
  tues: 2,
  tue: 2,
  wednesday: 3,
  wed: 3,
  thursday: 4,
  thurs: 4,
  thur: 4,
  thu: 4,
  friday: 5,
  fri: 5,
  saturday: 6,
  sat: 6
}
const WEEKDAY_NAMES: readonly Message[] = [
  message('problems.weekdays.d0'),
  message('problems.weekdays.d1'),
  message('problems.weekdays.d2'),
  message('problems.weekdays.d3'),
  message('problems.weekdays.d4'),
  message('problems.weekdays.d5'),
  message('problems.weekdays.d6')
]
const CIRCA = new Set(['c', 'ca', 'circa', 'approx', 'approximately', 'about', 'around'])
const RANGE_WORDS = new Set(['to', 'until', 'till', 'through', 'thru'])
/** Words that may stand in a date without changing it: "the 3rd of January". */
const FILLERS = new Set(['of', 'the', 'on'])

/** "“Sept 23” is ambiguous: …": the text quoted, then why it is refused. */
const refuse = (text: string, why: Message): DateInWordsResult => ({ ok: false, reason: message('importProblems.date.refused', { text, why }) })
const NOT_A_DATE = message('importProblems.date.notADate')
const notADate = (text: string) => refuse(text, NOT_A_DATE)

type Token =
  | { readonly kind: 'number'; readonly value: number; readonly digits: number; readonly ordinal: boolean }
  | { readonly kind: 'shortYear'; readonly value: number }
  | { readonly kind: 'month'; readonly month: number }
  | { readonly kind: 'weekday'; readonly weekday: number }
  | { readonly kind: 'circa' | 'dash' | 'to' | 'and' | 'from' | 'between' }
  | { readonly kind: 'word'; readonly text: string }

const TOKEN = /(\d+)(st|nd|rd|th)?|['’](\d\d)\b|([a-z]+)\.?|([-–—‐‑])|([,\s]+)|(.)/gu

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = []
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    const [, digits, ordinal, shortYear, word, dash, , other] = match
    if (other !== undefined) return undefined
    if (digits !== undefined) tokens.push({ kind: 'number', value: Number(digits), digits: digits.length, ordinal: ordinal !== undefined })
    else if (shortYear !== undefined) tokens.push({ kind: 'shortYear', value: Number(shortYear) })
    else if (dash !== undefined) tokens.push({ kind: 'dash' })
    else if (word !== undefined) {
      if (FILLERS.has(word)) continue
      const month = MONTHS[word]
      const weekday = WEEKDAYS[word]
      if (month !== undefined) tokens.push({ kind: 'month', month })
      else if (weekday !== undefined) tokens.push({ kind: 'weekday', weekday })
      else if (CIRCA.has(word)) tokens.push({ kind: 'circa' })
      else if (RANGE_WORDS.has(word)) tokens.push({ kind: 'to' })
      else if (word === 'and') tokens.push({ kind: 'and' })
      else if (word === 'from') tokens.push({ kind: 'from' })
      else if (word === 'between') tokens.push({ kind: 'between' })
      else tokens.push({ kind: 'word', text: word })
    }
  }
  return tokens
}

/** One end before the other end has lent it what it leaves out. */
interface WrittenPoint {
  year?: number
  month?: number
  day?: number
  weekday?: number
  isApproximate: boolean
  /** "Sept 23": a month then a bare one- or two-digit number, which may be a day or a year. */
  bareNumberAfterMonth?: number
}

type PointReading = { ok: true; point: WrittenPoint } | { ok: false; why: Message }

const isYear = (token: Token) => token.kind === 'number' && token.digits === 4 && !token.ordinal
const isDay = (token: Token) => token.kind === 'number' && token.digits <= 2 && token.value >= 1 && token.value <= 31

function readPoint(tokens: readonly Token[]): PointReading {
  const rest = [...tokens]
  const point: WrittenPoint = { isApproximate: false }
  if (rest[0]?.kind === 'circa') {
    point.isApproximate = true
    rest.shift()
  }
  const first = rest[0]
  if (first?.kind === 'weekday') {
    point.weekday = first.weekday
    rest.shift()
  }
  const shortYear = rest.find((token) => token.kind === 'shortYear')
  if (shortYear?.kind === 'shortYear')
    return { ok: false, why: message('importProblems.date.shortYearWritten', { digits: String(shortYear.value).padStart(2, '0') }) }
  const word = rest.find((token) => token.kind === 'word')
  if (word?.kind === 'word') return { ok: false, why: message('importProblems.date.unknownWord', { word: word.text }) }
  const shape = rest.map((token) => (token.kind === 'month' ? 'M' : isYear(token) ? 'Y' : isDay(token) ? 'D' : token.kind === 'number' ? 'N' : '?')).join('')
  const number = (index: number) => (rest[index] as Extract<Token, { kind: 'number' }>).value
  const month = (index: number) => (rest[index] as Extract<Token, { kind: 'month' }>).month
  switch (shape) {
    case 'Y':
      return { ok: true, point: { ...point, year: number(0) } }
    case 'M':
      return { ok: true, point: { ...point, month: month(0) } }
    case 'MY':
      return { ok: true, point: { ...point, month: month(0), year: number(1) } }
    case 'D':
      return { ok: true, point: { ...point, day: number(0) } }
    case 'DY':
      return { ok: true, point: { ...point, day: number(0), year: number(1) } }
    case 'DM':
      return { ok: true, point: { ...point, day: number(0), month: month(1) } }
    case 'DMY':
      return { ok: true, point: { ...point, day: number(0), month: month(1), year: number(2) } }
    case 'YM':
      return { ok: true, point: { ...point, year: number(0), month: month(1) } }
    case 'YMD':
      return { ok: true, point: { ...point, year: number(0), month: month(1), day: number(2) } }
    case 'MDY':
      return { ok: true, point: { ...point, month: month(0), day: number(1), year: number(2) } }
    case 'MD': {
      const day = rest[1] as Extract<Token, { kind: 'number' }>
      return { ok: true, point: { ...point, month: month(0), day: day.value, ...(day.ordinal ? {} : { bareNumberAfterMonth: day.value }) } }
    }
    case 'MN': {
      const after = rest[1] as Extract<Token, { kind: 'number' }>
      // "Sept 45", "Sept 0": a month and a number that is no day; only a two-digit year is left.
      if (after.digits <= 2 && !after.ordinal) return { ok: true, point: { ...point, month: month(0), bareNumberAfterMonth: after.value } }
      return { ok: false, why: NOT_A_DATE }
    }
    default:
      return { ok: false, why: NOT_A_DATE }
  }
}

function ambiguousMonthAndNumber(text: string, point: WrittenPoint): DateInWordsResult {
  const month = monthName(point.month ?? 1)
  const number = point.bareNumberAfterMonth ?? 0
  const year = `20${String(number).padStart(2, '0')}`
  if (number < 1 || number > 31) return refuse(text, message('importProblems.date.twoDigitYear', { month, year }))
  return refuse(text, message('importProblems.date.monthAndNumber', { month, year, number }))
}

function finish(text: string, written: WrittenPoint): DateInWordsPoint | DateInWordsResult {
  if (written.bareNumberAfterMonth !== undefined && written.year === undefined) return ambiguousMonthAndNumber(text, written)
  if (written.year === undefined) return refuse(text, message('importProblems.date.noYear'))
  if (written.day !== undefined && written.month === undefined) return notADate(text)
  if (written.weekday !== undefined) {
    if (written.day === undefined || written.month === undefined) return notADate(text)
    const actual = new Date(Date.UTC(written.year, written.month - 1, written.day)).getUTCDay()
    // A weekday that disagrees means one of the two is wrong, and the text does not say which.
    const isRealDay = new Date(Date.UTC(written.year, written.month - 1, written.day)).getUTCDate() === written.day
    if (isRealDay && actual !== written.weekday) {
      return refuse(
        text,
        message('importProblems.date.wrongWeekday', {
          day: written.day,
          month: monthName(written.month),
          year: written.year,
          actual: WEEKDAY_NAMES[actual]!,
          written: WEEKDAY_NAMES[written.weekday]!
        })
      )
    }
  }
  return {
    year: written.year,
    ...(written.month === undefined ? {} : { month: written.month }),
    ...(written.day === undefined ? {} : { day: written.day }),
    isApproximate: written.isApproximate
  }
}

const isResult = (value: DateInWordsPoint | DateInWordsResult): value is DateInWordsResult => 'ok' in value

function readEnglish(text: string): DateInWordsResult {
  let tokens = tokenize(text.normalize('NFKC'))
  if (tokens === undefined || tokens.length === 0) return notADate(text)
  const kinds = tokens.map((token) => token.kind).join(' ')
  // Spreadsheet style, "03-Jan-2018" and "Jan-2018": the dashes join one date, they do not make a range.
  if (kinds === 'number dash month dash number') tokens = [tokens[0]!, tokens[2]!, tokens[4]!]
  else if (kinds === 'month dash number') tokens = [tokens[0]!, tokens[2]!]
  const opener = tokens[0]?.kind
  if (opener === 'from' || opener === 'between') tokens = tokens.slice(1)
  const joiner = opener === 'between' ? 'and' : undefined
  const separators = tokens.flatMap((token, index) =>
    token.kind === 'dash' || token.kind === 'to' || (joiner !== undefined && token.kind === joiner) ? [index] : []
  )
  if (separators.length > 1) return notADate(text)
  if (opener === 'between' && (separators.length === 0 || tokens[separators[0]!]!.kind !== 'and')) return notADate(text)
  if (opener === 'from' && separators.length === 0) return notADate(text)
  if (tokens.some((token) => token.kind === 'and' && !(opener === 'between'))) return notADate(text)

  if (separators.length === 0) {
    const point = readPoint(tokens)
    if (!point.ok) return refuse(text, point.why)
    const finished = finish(text, point.point)
    return isResult(finished) ? finished : { ok: true, start: finished }
  }
  const at = separators[0]!
  const startReading = readPoint(tokens.slice(0, at))
  const endReading = readPoint(tokens.slice(at + 1))
  if (!startReading.ok) return refuse(text, startReading.why)
  if (!endReading.ok) return refuse(text, endReading.why)
  const start = { ...startReading.point }
  const end = { ...endReading.point }
  // "January 3–5, 2018": the end is a day of the start's month.
  if (end.month === undefined && end.day !== undefined) {
    if (start.month === undefined || start.day === undefined) return notADate(text)
    end.month = start.month
  }
  // "3–5 January 2018": the start is a day of the end's month.
  if (start.month === undefined && start.day !== undefined) {
    if (end.month === undefined || end.day === undefined) return notADate(text)
    start.month = end.month
  }
  // "May–June 2015", "3 January – 5 February 2018": the year written once, at the end.
  if (start.year === undefined && end.year !== undefined) {
    start.year = end.year
    delete start.bareNumberAfterMonth
  }
  if (end.year !== undefined) delete end.bareNumberAfterMonth
  const startPoint = finish(text, start)
  if (isResult(startPoint)) return startPoint
  const endPoint = finish(text, end)
  if (isResult(endPoint)) return endPoint
  return { ok: true, start: startPoint, end: endPoint }
}

/** 〇一二…九 and 十: "二〇一八" is 2018, "十二" is 12, "二十三" is 23. */
function chineseNumber(run: string): number {
  const digit = (character: string) => '〇一二三四五六七八九'.indexOf(character === '零' ? '〇' : character)
  if (!run.includes('十')) return Number([...run].map(digit).join(''))
  const [tens = '', units = ''] = run.split('十')
  return (tens === '' ? 1 : digit(tens)) * 10 + (units === '' ? 0 : digit(units))
}

const CHINESE_POINT = /^(约|大约)?(?:(\d{4})年)?(?:(\d{1,2})月(?:份)?)?(?:(\d{1,2})[日号號])?(左右)?$/u
const CHINESE_SEPARATOR = /至|到|[-–—~‐‑]/gu

function readChinesePoint(text: string): WrittenPoint | undefined {
  const match = CHINESE_POINT.exec(text)
  if (match === null) return undefined
  const [, about, year, month, day, roughly] = match
  if (year === undefined && month === undefined && day === undefined) return undefined
  return {
    isApproximate: about !== undefined || roughly !== undefined,
    ...(year === undefined ? {} : { year: Number(year) }),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(day === undefined ? {} : { day: Number(day) })
  }
}

function readChinese(text: string): DateInWordsResult {
  const normalised = text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[〇零一二三四五六七八九十]+/gu, (run) => String(chineseNumber(run)))
  const parts = normalised.split(CHINESE_SEPARATOR)
  if (parts.length > 2) return notADate(text)
  const start = readChinesePoint(parts[0]!)
  const end = parts[1] === undefined ? undefined : readChinesePoint(parts[1])
  if (start === undefined || (parts[1] !== undefined && end === undefined)) return notADate(text)
  if (end !== undefined) {
    // "2018年1月3日至5日", "2018年1月至3月": the end is in the start's year (and month).
    if (end.year === undefined) end.year = start.year
    if (end.month === undefined && end.day !== undefined) end.month = start.month
  }
  const startPoint = finish(text, start)
  if (isResult(startPoint)) return startPoint
  if (end === undefined) return { ok: true, start: startPoint }
  const endPoint = finish(text, end)
  if (isResult(endPoint)) return endPoint
  return { ok: true, start: startPoint, end: endPoint }
}

/** Reasons for forms people write that a partial date cannot hold at their precision. */
function unsupportedForm(text: string): DateInWordsResult | undefined {
  const lower = text.toLowerCase()
  if (/\bq[1-4]\b|\bquarter\b/u.test(lower)) {
    return refuse(text, message('importProblems.date.quarter'))
  }
  if (/\b(spring|summer|autumn|fall|winter|early|mid|late|beginning|end)\b/u.test(lower)) {
    return refuse(text, message('importProblems.date.season'))
  }
  return undefined
}

/** Reads a date written in words (English month names, Chinese 年月日); see the module comment. Never throws. */
export function readDateInWords(input: string): DateInWordsResult {
  const text = input.trim().replace(/\s+/gu, ' ')
  if (text === '') return { ok: false, reason: message('problems.date.empty') }
  if (text.length > 100) return { ok: false, reason: message('importProblems.date.tooLong', { start: text.slice(0, 40) }) }
  if (/[年月日号號]/u.test(text)) return readChinese(text)
  return unsupportedForm(text) ?? readEnglish(text)
}
