import { parsePartialDate, type PartialDate } from '../../domain/partialDate'
import { message, type Message } from '../../locale/message'
import { readDateInWords, type DateInWordsPoint } from './dateInWords'
import { CsvCellError } from './recordCsvColumns'

/**
 * How a column writes its slash dates: `03/04/2012` is 4 March in the US and 3 April in most of the
 * world. A column tells us by its unambiguous cells (a first number over 12 is a day); a file that
 * never tells us leaves only the cells whose reading does not depend on it.
 */
export type SlashDateOrder = 'month-first' | 'day-first' | 'unknown'

const SLASH_DATE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/
const YEAR_FIRST_SLASH_DATE = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}/
/** Two dates joined by a dash or "to", with or without spaces: all four styles of the HHS list among them. */
const SLASH_RANGE = /^(\d{1,2}[/.]\d{1,2}[/.]\d{4})\s*(?:-|–|—|to)\s*(\d{1,2}[/.]\d{1,2}[/.]\d{4})$/
const SPACED_RANGE = /^(\S+)\s+(?:-|–|—|to)\s+(\S+)$/
/** Two EDTF points joined by an en or em dash, spaced or not: "1000–1001", "2015-05–2015-07", as the app writes a range for people. */
const DASHED_RANGE = /^(\d{4}(?:-\d{2}){0,2}~?)\s*[–—]\s*(\d{4}(?:-\d{2}){0,2}~?)$/

export function detectSlashDateOrder(cells: Iterable<string>): SlashDateOrder {
  let dayFirst = false
  let monthFirst = false
  for (const cell of cells) {
    for (const part of cell.split(/\s*(?:-|–|—|to)\s*/)) {
      const match = SLASH_DATE.exec(part.trim())
      if (match === null) continue
      if (Number(match[1]) > 12) dayFirst = true
      if (Number(match[2]) > 12) monthFirst = true
    }
  }
  // A column that contradicts itself says nothing reliable about its ambiguous cells.
  if (dayFirst === monthFirst) return 'unknown'
  return dayFirst ? 'day-first' : 'month-first'
}

const pad = (value: string) => value.padStart(2, '0')

/** One date, no range: EDTF as is, a timestamp's day, or a slash date read in the column's order. */
function readDatePoint(text: string, order: SlashDateOrder, notes: Message[]): string {
  const timestamp = TIMESTAMP.exec(text)
  if (timestamp !== null) return timestamp[1]!
  const yearFirst = YEAR_FIRST_SLASH_DATE.exec(text)
  if (yearFirst !== null) return `${yearFirst[1]}-${pad(yearFirst[2]!)}-${pad(yearFirst[3]!)}`
  const slash = SLASH_DATE.exec(text)
  if (slash !== null) {
    const [, first, second, year] = slash as unknown as [string, string, string, string]
    const isAmbiguous = Number(first) <= 12 && Number(second) <= 12 && first !== second
    if (isAmbiguous && order === 'unknown') {
      throw new CsvCellError(
        message('importProblems.date.slashOrder', {
          text,
          monthFirst: `${year}-${pad(first)}-${pad(second)}`,
          dayFirst: `${year}-${pad(second)}-${pad(first)}`
        })
      )
    }
    const [month, day] = order === 'day-first' ? [second, first] : [first, second]
    return coarsenImpossibleDay(text, year, month, day, notes)
  }
  return text
}

/**
 * A day that never was ("11/31/2011", "31 September 2018") is read as its month, the honest coarser
 * date the cell does give, with a note saying so.
 */
function coarsenImpossibleDay(text: string, year: string, month: string, day: string, notes: Message[]): string {
  const asDay = `${year}-${pad(month)}-${pad(day)}`
  const asMonth = `${year}-${pad(month)}`
  if (!parsePartialDate(asDay).ok && parsePartialDate(asMonth).ok) {
    notes.push(message('importProblems.date.readAsMonth', { text, month: asMonth }))
    return asMonth
  }
  return asDay
}

/** One end of a date in words as EDTF, at the precision written. */
function wordsPointAsEdtf(text: string, point: DateInWordsPoint, notes: Message[]): string {
  const approximate = point.isApproximate ? '~' : ''
  if (point.month === undefined) return `${point.year}${approximate}`
  if (point.day === undefined) return `${point.year}-${pad(String(point.month))}${approximate}`
  return coarsenImpossibleDay(text, String(point.year), String(point.month), String(point.day), notes) + approximate
}

export type ForeignDateResult =
  | { readonly ok: true; readonly date: { readonly value: PartialDate; readonly notes: readonly Message[] } | undefined }
  | { readonly ok: false; readonly reason: Message }

/** Numbers only: EDTF, timestamps, slash dates in the column's order, and ranges of those. */
function readNumericDate(text: string, order: SlashDateOrder, notes: Message[]): string {
  const range = SLASH_RANGE.exec(text) ?? DASHED_RANGE.exec(text) ?? SPACED_RANGE.exec(text)
  return range === null ? readDatePoint(text, order, notes) : joinRange(readDatePoint(range[1]!, order, notes), readDatePoint(range[2]!, order, notes))
}

/**
 * Reads a date from a foreign cell as a partial date at the precision the cell gives, never more:
 * `2015` stays a year and "Sept 2022" a month. Ranges ("09/20/2011 - 10/28/2011",
 * "12/01/2010-11/21/2011", "May–June 2015", "3–5 January 2018") become EDTF intervals `A/B`; a range
 * whose ends are the same day is that day. Numbers are read first (slash dates in the column's
 * order, see `detectSlashDateOrder`); a cell with words that numbers do not explain is read by
 * `readDateInWords` (English month names, Chinese 年月日), whose reason is given when it refuses.
 * A day that does not exist is read as its month, with a note. `date` is undefined for an empty
 * cell. Never throws.
 */
export function parseForeignDate(cell: string, order: SlashDateOrder): ForeignDateResult {
  const text = cell.trim()
  if (text === '') return { ok: true, date: undefined }
  const notes: Message[] = []
  let candidate: string
  let numericReason: Message | undefined
  try {
    candidate = readNumericDate(text, order, notes)
  } catch (error) {
    if (!(error instanceof CsvCellError)) throw error
    numericReason = error.reason
    candidate = text
  }
  let result = numericReason === undefined ? parsePartialDate(candidate) : ({ ok: false, reason: numericReason } as const)
  if (!result.ok && /\p{L}/u.test(text)) {
    const words = readDateInWords(text)
    // "03/04/2012 to 05/06/2012" has words, but what stops it is the order of its slash dates.
    if (!words.ok) return { ok: false, reason: numericReason ?? words.reason }
    notes.length = 0
    candidate = joinRange(wordsPointAsEdtf(text, words.start, notes), words.end === undefined ? undefined : wordsPointAsEdtf(text, words.end, notes))
    result = parsePartialDate(candidate)
    // Its reason quotes the EDTF it was read as; the person knows the cell.
    if (!result.ok)
      return { ok: false, reason: result.reason.values?.text === candidate ? message(result.reason.key, { ...result.reason.values, text }) : result.reason }
  }
  if (!result.ok) return { ok: false, reason: result.reason }
  return { ok: true, date: { value: result.value, notes } }
}

/**
 * `parseForeignDate` for the CSV targets, which report a refused cell by throwing.
 *
 * @throws CsvCellError saying why the cell is not a date
 */
export function readForeignDate(cell: string, order: SlashDateOrder): { readonly value: PartialDate; readonly notes: readonly Message[] } | undefined {
  const result = parseForeignDate(cell, order)
  if (!result.ok) throw new CsvCellError(result.reason)
  return result.date
}

function joinRange(start: string, end: string | undefined): string {
  return end === undefined || start === end ? start : `${start}/${end}`
}
