import { message } from '../../locale/message'
import { joinListCell } from '../csv/csvListCell'
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../importLimits'
import { ImportInputError, type ImportProblem } from '../importProblem'
import type { CsvRow, CsvTable } from '../parseCsvTable'
import { parseJsonSafely } from '../parseJsonSafely'
import { htmlToText, looksLikeHtml } from '../text/htmlToText'

/** Nesting followed into a record; deeper values are left out (a catalogue's fields are rarely deeper than three). */
const MAX_DEPTH = 6

/**
 * A catalogue of JSON records read as a table, so that it goes through the same column mapping,
 * guesses, remembered mappings and dry run as a CSV file (issue 12). The records are the objects of
 * a JSON array, the lines of an NDJSON file (one object per line), or the largest array of objects
 * an object holds under one key (`{"breaches": [...]}`). Each record becomes a row whose columns
 * are its fields by path:
 * - a nested object's fields are `victim.country`, `victim.industry`;
 * - a list of values is one list cell (`"a; b"`, as the app's own CSV writes lists), so it maps to
 *   a list field (data categories, tags) whole;
 * - a list of objects gives a column per field of its items, the items' values as a list
 *   (`evidence[].link` holds every evidence link);
 * - text that is HTML becomes plain text; numbers and true/false are written as JSON writes them;
 *   null and missing fields are empty cells.
 * Columns are listed in the order first met. A record that is not an object is reported by its
 * row (its position in the array, or its line in NDJSON) and left out.
 *
 * @throws ImportInputError when the file holds no list of objects, is not JSON, or is past a limit
 */
export function readJsonRecordTable(text: string, file: string, limits: ImportLimits = DEFAULT_IMPORT_LIMITS): CsvTable {
  const { records, rowOf } = recordsIn(text, file)
  if (records.length > limits.maxRows)
    throw new ImportInputError({ file, message: message('importProblems.json.tooManyRecords', { count: records.length, max: limits.maxRows }) })
  const headers: string[] = []
  const known = new Set<string>()
  const rows: CsvRow[] = []
  const problems: ImportProblem[] = []
  records.forEach((record, index) => {
    const row = rowOf(index)
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problems.push({ file, row, message: message('importProblems.json.notAnObject') })
      return
    }
    const cells: Record<string, string> = Object.create(null) as Record<string, string>
    for (const [path, value] of flatten(record as Record<string, unknown>)) {
      if (!known.has(path)) {
        if (headers.length >= limits.maxColumns)
          throw new ImportInputError({ file, row, field: path, message: message('importProblems.json.tooManyFields', { max: limits.maxColumns }) })
        known.add(path)
        headers.push(path)
      }
      cells[path] = value
    }
    const overlong = Object.entries(cells).find(([, value]) => value.length > limits.maxFieldChars)
    if (overlong !== undefined) {
      problems.push({ file, row, field: overlong[0], message: message('importProblems.json.valueTooLong', { max: limits.maxFieldChars }) })
      return
    }
    rows.push({ row, cells })
  })
  if (headers.length === 0) throw new ImportInputError({ file, message: message('importProblems.json.noFields') })
  return { file, headers, rows, problems }
}

/**
 * Whether a file's head looks like records this reader takes: an array of objects, an object whose
 * first field holds one (`{"breaches": [{…`), or NDJSON lines of objects.
 */
export function looksLikeJsonRecords(head: string): boolean {
  const trimmed = head.trimStart()
  if (/^\[\s*\{/.test(trimmed)) return true
  if (/^\{\s*"(?:[^"\\]|\\.){1,100}"\s*:\s*\[\s*\{/.test(trimmed)) return true
  // NDJSON: a first line that is an object, and a second that starts another.
  return /^\{[^\n]*\}\s*\r?\n\s*\{/.test(trimmed)
}

interface Records {
  readonly records: readonly unknown[]
  /** The row number a person finds the record at: its place in the array, or its line. */
  readonly rowOf: (index: number) => number
}

function recordsIn(text: string, file: string): Records {
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{') && isNdjson(text)) return ndjsonRecords(text, file)
  const json = parseJsonSafely(text, file)
  if (Array.isArray(json)) return { records: json, rowOf: (index) => index + 1 }
  if (typeof json === 'object' && json !== null) {
    // The largest list of objects the file holds under one key is the catalogue ("breaches", "data").
    const lists = Object.entries(json).filter(
      (entry): entry is [string, unknown[]] =>
        Array.isArray(entry[1]) && entry[1].some((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
    )
    const largest = lists.sort((a, b) => b[1].length - a[1].length)[0]
    if (largest !== undefined) return { records: largest[1], rowOf: (index) => index + 1 }
  }
  throw new ImportInputError({ file, message: message('importProblems.json.noList') })
}

// A single JSON object spread over several lines is not NDJSON: only a first line that is a whole object is.
function isNdjson(text: string): boolean {
  const firstLine = text.trimStart().split('\n', 1)[0]!.trim()
  try {
    const value: unknown = JSON.parse(firstLine)
    return typeof value === 'object' && value !== null && !Array.isArray(value) && text.trim().includes('\n')
  } catch {
    return false
  }
}

function ndjsonRecords(text: string, file: string): Records {
  const records: unknown[] = []
  const lines: number[] = []
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return
    try {
      records.push(parseJsonSafely(line, file))
    } catch (error) {
      const reason = error instanceof ImportInputError ? error.problem.message : message('importProblems.json.lineNotJson')
      throw new ImportInputError({ file, row: index + 1, message: message('importProblems.json.badLine', { line: index + 1, reason }) })
    }
    lines.push(index + 1)
  })
  return { records, rowOf: (index) => lines[index]! }
}

/** A record's cells by path (see `readJsonRecordTable`). */
function flatten(record: Readonly<Record<string, unknown>>): Map<string, string> {
  const cells = new Map<string, string>()
  const lists = new Map<string, string[]>()
  const visit = (value: unknown, path: string, depth: number, inList: boolean): void => {
    if (depth > MAX_DEPTH || value === undefined) return
    if (Array.isArray(value)) {
      if (inList) return
      const objects = value.filter((item) => typeof item === 'object' && item !== null && !Array.isArray(item))
      if (objects.length > 0) {
        for (const item of objects) visit(item, `${path}[]`, depth + 1, true)
      } else {
        cells.set(path, joinListCell(value.map(scalarText).filter((item) => item !== '')))
      }
      return
    }
    if (typeof value === 'object' && value !== null) {
      for (const [key, inner] of Object.entries(value)) visit(inner, path === '' ? key : `${path}.${key}`, depth + 1, inList)
      return
    }
    if (inList) {
      const text = scalarText(value)
      if (text !== '')
        lists
          .set(path, lists.get(path) ?? [])
          .get(path)!
          .push(text)
      if (!cells.has(path)) cells.set(path, '')
      return
    }
    cells.set(path, scalarText(value))
  }
  visit(record, '', 0, false)
  for (const [path, items] of lists) cells.set(path, joinListCell(items))
  return cells
}

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return looksLikeHtml(value) ? htmlToText(value) : value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return ''
}
