import { z } from '../lib/zod'
import type { Brand } from '../lib/brand'
import { message, messageInCodes, type Message } from '../locale/message'

/**
 * A date known to the year, the month or the day, in the EDTF style used by archivists:
 * `2015`, `2015-05`, `2015-05-21`, a trailing `~` for "approximately" (`2015~`), and `A/B` for a range
 * (`2015/2017`, `2017-08-21/2017-08-22`).
 *
 * A partial date is never turned into a day except as a sort key: "2015-05" stays "May 2015"
 * in storage, display, ordering and export.
 */
export type PartialDate = Brand<string, 'PartialDate'>

export type DatePrecision = 'year' | 'month' | 'day'

/** One end of a partial date: the parts that are known, and whether it is approximate. */
export interface DatePoint {
  readonly year: number
  readonly month?: number
  readonly day?: number
  readonly isApproximate: boolean
}

export interface ParsedPartialDate {
  readonly start: DatePoint
  /** Present only for ranges. */
  readonly end?: DatePoint
}

const POINT = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(~)?$/

/** A month's name as a message ("May" / "5月"), for reasons that name it. */
export function monthName(month: number): Message {
  return MONTH_NAMES[month - 1] ?? message('problems.months.m1')
}

const MONTH_NAMES: readonly Message[] = [
  message('problems.months.m1'),
  message('problems.months.m2'),
  message('problems.months.m3'),
  message('problems.months.m4'),
  message('problems.months.m5'),
  message('problems.months.m6'),
  message('problems.months.m7'),
  message('problems.months.m8'),
  message('problems.months.m9'),
  message('problems.months.m10'),
  message('problems.months.m11'),
  message('problems.months.m12')
]

function daysInMonth(year: number, month: number): number {
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
  return [31, isLeap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0
}

type PointResult = { ok: true; point: DatePoint } | { ok: false; reason: Message }

function parsePoint(text: string): PointResult {
  const match = POINT.exec(text)
  if (!match) {
    return { ok: false, reason: message('problems.date.notADate', { text }) }
  }
  const [, yearText, monthText, dayText, tilde] = match
  const year = Number(yearText)
  if (year < 1000) return { ok: false, reason: message('problems.date.shortYear', { text }) }
  const isApproximate = tilde === '~'
  if (monthText === undefined) return { ok: true, point: { year, isApproximate } }
  const month = Number(monthText)
  if (month < 1 || month > 12) return { ok: false, reason: message('problems.date.noSuchMonth', { text, month: monthText }) }
  if (dayText === undefined) return { ok: true, point: { year, month, isApproximate } }
  const day = Number(dayText)
  const lastDay = daysInMonth(year, month)
  if (day < 1 || day > lastDay) {
    return { ok: false, reason: message('problems.date.noSuchDay', { text, month: monthName(month), year, day: dayText, lastDay }) }
  }
  return { ok: true, point: { year, month, day, isApproximate } }
}

export type PartialDateResult =
  | { readonly ok: true; readonly value: PartialDate; readonly parsed: ParsedPartialDate }
  /** Why the text is not a partial date; its `text` value quotes what was read. */
  | { readonly ok: false; readonly reason: Message }

/** Parses and validates a partial date written by a person or found in a file; never throws. */
export function parsePartialDate(input: string): PartialDateResult {
  const text = input.trim()
  if (text === '') return { ok: false, reason: message('problems.date.empty') }
  const parts = text.split('/')
  if (parts.length > 2) return { ok: false, reason: message('problems.date.rangeSlashes', { text }) }
  if (parts.length === 2 && parts.some((part) => part === '')) {
    return { ok: false, reason: message('problems.date.rangeEnds', { text }) }
  }
  const start = parsePoint(parts[0] ?? '')
  if (!start.ok) return start
  if (parts.length === 1) return { ok: true, value: text as PartialDate, parsed: { start: start.point } }
  const end = parsePoint(parts[1] ?? '')
  if (!end.ok) return end
  if (dayKey(latestDayOf(end.point)) < dayKey(earliestDayOf(start.point))) {
    return { ok: false, reason: message('problems.date.rangeBackwards', { text }) }
  }
  return { ok: true, value: text as PartialDate, parsed: { start: start.point, end: end.point } }
}

/** Parses a value already known to be valid (it came through `partialDateSchema`). */
export function parseKnownPartialDate(value: PartialDate): ParsedPartialDate {
  const result = parsePartialDate(value)
  if (!result.ok) throw new Error(`Invalid partial date in storage: ${messageInCodes(result.reason)}`)
  return result.parsed
}

/** Builds a partial date from trusted literals, e.g. the sample knowledge base and tests. */
export function toPartialDate(text: string): PartialDate {
  const result = parsePartialDate(text)
  if (!result.ok) throw new Error(messageInCodes(result.reason))
  return result.value
}

/** zod schema: a valid partial date string, with the reason as the issue's problem (`validationProblem`). */
export const partialDateSchema = z.string().transform((text, context): PartialDate => {
  const result = parsePartialDate(text)
  if (!result.ok) {
    context.addIssue({ code: 'custom', message: messageInCodes(result.reason), params: { problem: result.reason } })
    return z.NEVER
  }
  return result.value
})

interface Day {
  readonly year: number
  readonly month: number
  readonly day: number
}

function earliestDayOf(point: DatePoint): Day {
  return { year: point.year, month: point.month ?? 1, day: point.day ?? 1 }
}

function latestDayOf(point: DatePoint): Day {
  const month = point.month ?? 12
  return { year: point.year, month, day: point.day ?? daysInMonth(point.year, month) }
}

function dayKey(day: Day): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`
}

/** The precision of the start of the date (a range reports its start's precision). */
export function precisionOf(value: PartialDate): DatePrecision {
  const { start } = parseKnownPartialDate(value)
  return start.day !== undefined ? 'day' : start.month !== undefined ? 'month' : 'year'
}

export function isApproximate(value: PartialDate): boolean {
  const { start, end } = parseKnownPartialDate(value)
  return start.isApproximate || (end?.isApproximate ?? false)
}

export function isRange(value: PartialDate): boolean {
  return parseKnownPartialDate(value).end !== undefined
}

/**
 * The first day the date can mean, as `YYYY-MM-DD`. Used only as a sort key and for range
 * queries ("in force on"), never shown or exported as if it were the date.
 */
export function earliestDay(value: PartialDate): string {
  return dayKey(earliestDayOf(parseKnownPartialDate(value).start))
}

/** The last day the date can mean, as `YYYY-MM-DD` (for a range, the last day of its end). */
export function latestDay(value: PartialDate): string {
  const { start, end } = parseKnownPartialDate(value)
  return dayKey(latestDayOf(end ?? start))
}

const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 }

/**
 * Orders partial dates chronologically by their earliest day; when two start on the same day the
 * less precise one comes first ("2015" before "2015-01" before "2015-01-01"), so a year-only event
 * sorts at the head of its year, as a heading would, rather than pretending to be 1 January.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const byDay = earliestDay(a).localeCompare(earliestDay(b))
  if (byDay !== 0) return byDay
  const byPrecision = PRECISION_RANK[precisionOf(a)] - PRECISION_RANK[precisionOf(b)]
  if (byPrecision !== 0) return byPrecision
  return latestDay(a).localeCompare(latestDay(b))
}

/**
 * A text whose plain order (`<`) is the order of `compareOptionalPartialDates`, unknown dates last.
 * Sorting thousands of records (a regulator's page) by comparing dates parses each date on every
 * comparison; worked out once per record, the key makes the sort a string sort.
 */
export function partialDateSortKey(value: PartialDate | undefined): string {
  if (value === undefined) return '\uffff'
  return `${earliestDay(value)}|${PRECISION_RANK[precisionOf(value)]}|${latestDay(value)}`
}

/** `items` in the order of their dates (`compareOptionalPartialDates`), each date read once; the sort is stable. */
export function sortByPartialDate<T>(items: readonly T[], dateOf: (item: T) => PartialDate | undefined): T[] {
  return items
    .map((item) => ({ item, key: partialDateSortKey(dateOf(item)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ item }) => item)
}

/** Orders optional dates, with unknown dates last. */
export function compareOptionalPartialDates(a: PartialDate | undefined, b: PartialDate | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1
  if (b === undefined) return -1
  return comparePartialDates(a, b)
}

/**
 * What a language adds to the calendar words `Intl.DateTimeFormat` gives it: the mark of an
 * approximate date and the joining of a range's ends. The renderer and the command line build it
 * from their message catalogue; `ENGLISH_DATE_WORDS` is the default of code without one.
 */
export interface DateWords {
  /** A BCP 47 language tag for `Intl.DateTimeFormat` ("en-GB", "zh-CN"). */
  readonly locale: string
  /** An approximate date ("c. 2015", "约2015年"). */
  readonly approximately: (date: string) => string
  /** A range from its two ends, each already written ("2015–2017", "2015年至2017年"). */
  readonly between: (start: string, end: string) => string
}

export const ENGLISH_DATE_WORDS: DateWords = {
  locale: 'en-GB',
  approximately: (date) => `c. ${date}`,
  between: (start, end) => `${start}–${end}`
}

const PRECISION_OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  year: { year: 'numeric', timeZone: 'UTC' },
  month: { year: 'numeric', month: 'long', timeZone: 'UTC' },
  day: { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
}

// Making a formatter costs far more than using it, and lists write thousands of dates.
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(locale: string, precision: DatePrecision): Intl.DateTimeFormat {
  const key = `${locale}|${precision}`
  let formatter = formatters.get(key)
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(locale, PRECISION_OPTIONS[precision])
    formatters.set(key, formatter)
  }
  return formatter
}

function precisionOfPoint(point: DatePoint): DatePrecision {
  return point.day !== undefined ? 'day' : point.month !== undefined ? 'month' : 'year'
}

function instantOf(point: DatePoint): Date {
  const instant = new Date(0)
  instant.setUTCFullYear(point.year, (point.month ?? 1) - 1, point.day ?? 1)
  return instant
}

/** The parts of a point as the language writes it, only as precise as the point. */
function partsOfPoint(point: DatePoint, words: DateWords): Intl.DateTimeFormatPart[] {
  return formatterFor(words.locale, precisionOfPoint(point)).formatToParts(instantOf(point))
}

function formatPoint(point: DatePoint, words: DateWords): string {
  const text = partsOfPoint(point, words)
    .map((part) => part.value)
    .join('')
  return point.isApproximate ? words.approximately(text) : text
}

/**
 * The end of a range without what it shares with the start, in languages that write the year
 * first: 2017年8月21日至22日 rather than 至2017年8月22日. Languages that write the day first keep
 * the end whole (21 August 2017–22 August 2017), as they always have.
 */
function formatRangeEnd(start: DatePoint, end: DatePoint, words: DateWords): string {
  const parts = partsOfPoint(end, words)
  const isYearFirst = parts[0]?.type === 'year'
  if (!isYearFirst || start.isApproximate || end.isApproximate || precisionOfPoint(start) !== precisionOfPoint(end)) return formatPoint(end, words)
  const shared = end.year !== start.year ? undefined : end.month !== undefined && end.month === start.month && end.day !== undefined ? 'month' : 'year'
  if (shared === undefined || (shared === 'year' && end.month === undefined)) return formatPoint(end, words)
  // Drop the shared fields and the literal after each (年, 月).
  const lastShared = parts.findIndex((part) => part.type === shared)
  const from = parts[lastShared + 1]?.type === 'literal' ? lastShared + 2 : lastShared + 1
  return parts
    .slice(from)
    .map((part) => part.value)
    .join('')
}

/**
 * Formats a partial date for people, at exactly its precision, in the language of `words`
 * (English by default): "2015" → "2015", "2015-05" → "May 2015", "2018-01-03" → "3 January 2018",
 * "2015~" → "c. 2015", "2015/2017" → "2015–2017"; in Chinese 2015年, 2015年5月, 2018年1月3日,
 * 约2015年, 2017年8月21日至22日. Never a day or month that was not recorded.
 */
export function formatPartialDate(value: PartialDate, words: DateWords = ENGLISH_DATE_WORDS): string {
  const { start, end } = parseKnownPartialDate(value)
  if (end === undefined) return formatPoint(start, words)
  return words.between(formatPoint(start, words), formatRangeEnd(start, end, words))
}

/** Is `day` (`YYYY-MM-DD`) certainly on or after the date? True only when every reading of the date agrees. */
export function isCertainlyOnOrAfter(day: string, value: PartialDate): boolean {
  return day >= latestDay(value)
}

/** Could `day` (`YYYY-MM-DD`) be on or after the date under some reading of it? */
export function isPossiblyOnOrAfter(day: string, value: PartialDate): boolean {
  return day >= earliestDay(value)
}
