import Papa from 'papaparse'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './importLimits'
import { message } from '../locale/message'
import { ImportInputError, type ImportProblem } from './importProblem'

/** Column names that would reach an object's prototype if ever used as keys (RELIABILITY-SECURITY 32). */
const FORBIDDEN_HEADERS = new Set(['__proto__', 'constructor', 'prototype'])

const DELIMITERS = [',', '\t', ';', '|'] as const

/**
 * The delimiter the header row uses most. Papa's own guess reads whole rows and is thrown by quotes
 * in cells (a formula such as `=HYPERLINK("…")`); a header row names columns and rarely quotes.
 */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
  let best: string = ','
  let bestCount = 0
  for (const delimiter of DELIMITERS) {
    const count = firstLine.split(delimiter).length - 1
    if (count > bestCount) {
      best = delimiter
      bestCount = count
    }
  }
  return best
}

/** One data row: its number as a spreadsheet shows it (the header is row 1) and its cells by column name. */
export interface CsvRow {
  readonly row: number
  /** A null-prototype object: a cell named `toString` is just a cell. */
  readonly cells: Readonly<Record<string, string>>
}

export interface CsvTable {
  readonly file: string
  readonly headers: readonly string[]
  readonly rows: readonly CsvRow[]
  /** Rows that could not be read (too many cells, an overlong cell); the other rows are still usable. */
  readonly problems: readonly ImportProblem[]
}

/**
 * Reads a CSV or TSV file already decoded by `decodeImportText`. The header row must name each
 * column once; hostile or duplicate names refuse the whole file, because a table whose columns
 * cannot be told apart cannot be mapped honestly. Blank lines are skipped but keep their numbers,
 * so "row 12" is row 12 in the spreadsheet the person has open. Missing trailing cells read as
 * empty; a row with more cells than headers is reported, not guessed at.
 *
 * @throws ImportInputError for an empty file, a bad header row, or too many rows or columns
 */
export function parseCsvTable(text: string, file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): CsvTable {
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimiter: guessDelimiter(text) })
  const records = parsed.data
  const headerCells = records[0]
  if (headerCells === undefined || headerCells.every((cell) => cell.trim() === '')) {
    throw new ImportInputError({ file, message: message('importProblems.csv.empty') })
  }
  if (headerCells.length > limits.maxColumns) {
    throw new ImportInputError({ file, row: 1, message: message('importProblems.csv.tooManyColumns', { count: headerCells.length, max: limits.maxColumns }) })
  }
  const headers = headerCells.map((cell) => cell.normalize('NFC').trim())
  const seen = new Set<string>()
  headers.forEach((header, index) => {
    if (header === '') {
      throw new ImportInputError({ file, row: 1, field: `column ${index + 1}`, message: message('importProblems.csv.unnamedColumn') })
    }
    if (FORBIDDEN_HEADERS.has(header.toLowerCase())) {
      throw new ImportInputError({ file, row: 1, field: header, message: message('importProblems.csv.forbiddenHeader', { header }) })
    }
    if (seen.has(header)) {
      throw new ImportInputError({ file, row: 1, field: header, message: message('importProblems.csv.repeatedHeader', { header }) })
    }
    seen.add(header)
  })
  if (records.length - 1 > limits.maxRows) {
    throw new ImportInputError({ file, message: message('importProblems.csv.tooManyRows', { count: records.length - 1, max: limits.maxRows }) })
  }

  const problems: ImportProblem[] = parsed.errors
    .filter((error) => error.type === 'Quotes')
    .map((error) => ({ file, row: (error.row ?? 0) + 1, message: message('importProblems.csv.unreadableRow', { reason: error.message }) }))
  const badRows = new Set(problems.map((problem) => problem.row))
  const rows: CsvRow[] = []
  records.slice(1).forEach((cellsInRow, index) => {
    const row = index + 2
    if (badRows.has(row)) return
    if (cellsInRow.every((cell) => cell.trim() === '')) return
    if (cellsInRow.length > headers.length) {
      problems.push({ file, row, message: message('importProblems.csv.tooManyCells', { cells: cellsInRow.length, columns: headers.length }) })
      return
    }
    const overlong = cellsInRow.findIndex((cell) => cell.length > limits.maxFieldChars)
    if (overlong !== -1) {
      problems.push({ file, row, field: headers[overlong], message: message('importProblems.csv.cellTooLong', { max: limits.maxFieldChars }) })
      return
    }
    const cells: Record<string, string> = Object.create(null) as Record<string, string>
    headers.forEach((header, column) => {
      cells[header] = cellsInRow[column] ?? ''
    })
    rows.push({ row, cells })
  })
  return { file, headers, rows, problems }
}
