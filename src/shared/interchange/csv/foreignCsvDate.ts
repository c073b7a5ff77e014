import { parsePartialDate } from '../../domain/partialDate'
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
function readDatePoint(text: string, order: SlashDateOrder, notes: string[]): string {
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
        `"${text}" could be ${year}-${pad(first)}-${pad(second)} or ${year}-${pad(second)}-${pad(first)}, and no other date in the column says which: write it as YYYY-MM-DD`
      )
    }
    const [month, day] = order === 'day-first' ? [second, first] : [first, second]
    const asDay = `${year}-${pad(month)}-${pad(day)}`
    const asMonth = `${year}-${pad(month)}`
    // "11/31/2011" names a day that never was; what the cell does tell us is the month.
    if (!parsePartialDate(asDay).ok && parsePartialDate(asMonth).ok) {
      notes.push(`"${text}" is not a real day; it was read as the month ${asMonth}`)
      return asMonth
    }
    return asDay
  }
  return text
}

/**
 * Reads a date from a foreign CSV cell as a partial date at the precision the cell gives, never
 * more: `2015` stays a year. Ranges ("09/20/2011 - 10/28/2011", "12/01/2010-11/21/2011") become EDTF
 * intervals `A/B`; a range whose ends are the same day is that day. A slash date naming a day that
 * does not exist ("11/31/2011") is read as its month, the honest coarser date, with a note saying so.
 * Returns undefined for an empty cell.
 *
 * @throws CsvCellError saying why the cell is not a date
 */
export function readForeignDate(cell: string, order: SlashDateOrder): { readonly value: string; readonly notes: readonly string[] } | undefined {
  const text = cell.trim()
  if (text === '') return undefined
  const notes: string[] = []
  const range = SLASH_RANGE.exec(text) ?? SPACED_RANGE.exec(text)
  const candidate =
    range === null ? readDatePoint(text, order, notes) : joinRange(readDatePoint(range[1]!, order, notes), readDatePoint(range[2]!, order, notes))
  const result = parsePartialDate(candidate)
  if (!result.ok) throw new CsvCellError(result.reason)
  return { value: result.value, notes }
}

function joinRange(start: string, end: string): string {
  return start === end ? start : `${start}/${end}`
}
