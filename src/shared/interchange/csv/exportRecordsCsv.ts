import Papa from 'papaparse'
import { RECORD_TYPES, type RecordType } from '../../domain/recordTypes'
import type { RecordSet } from '../recordSet'
import { RECORD_CSV_COLUMNS } from './recordCsvColumns'
import { escapeSpreadsheetCell } from './spreadsheetCellEscaping'

/** Spreadsheets (Excel above all) read a file as UTF-8 only when it starts with a byte-order mark. */
const BYTE_ORDER_MARK = '\uFEFF'

/**
 * One CSV table of the selected records of one type, every field in its own column (see
 * `recordCsvColumns.ts`), for spreadsheets (RELIABILITY-SECURITY 37): every cell quoted, quotes
 * doubled, CRLF line ends, a UTF-8 byte-order mark, and `'` before any cell a spreadsheet would
 * take for a formula. `readMappedCsv` recognises the header row and reads the table back exactly.
 */
export function exportRecordsCsv(set: RecordSet, type: RecordType): string {
  const columns = RECORD_CSV_COLUMNS[type]
  const rows = set.selected
    .filter((typed) => typed.type === type)
    .map((typed) => columns.map((column) => escapeSpreadsheetCell(column.write(typed.record as unknown as Record<string, unknown>, set))))
  const csv = Papa.unparse(
    { fields: columns.map((column) => escapeSpreadsheetCell(column.header)), data: rows },
    { quotes: true, quoteChar: '"', escapeChar: '"', newline: '\r\n', header: true, escapeFormulae: false }
  )
  return `${BYTE_ORDER_MARK}${csv}\r\n`
}

/** The record types a selection holds, in the app's usual order: one CSV table each. */
export function recordTypesInSelection(set: RecordSet): RecordType[] {
  const present = new Set(set.selected.map((typed) => typed.type))
  return RECORD_TYPES.filter((type) => present.has(type))
}
