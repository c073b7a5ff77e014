import { message } from '../../locale/message'
import type { RecordType } from '../../domain/recordTypes'
import type { ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import type { CsvTable } from '../parseCsvTable'
import { CsvCellError, RECORD_CSV_COLUMNS } from './recordCsvColumns'
import { unescapeSpreadsheetCell } from './spreadsheetCellEscaping'

/** Problems in a JSON cell are reported under the column that holds it. */
const JSON_COLUMNS: Readonly<Record<string, string>> = {
  aliases: 'aliases (JSON)',
  citations: 'citations (JSON)',
  provisions: 'provisions (JSON)'
}

/**
 * Reads a table written by `exportRecordsCsv` back into the same records: every cell loses the one
 * `'` the export put before it, and each column reads its field (names columns and bookkeeping are
 * skipped; the import stamps its own). The caller has checked the headers with
 * `recogniseRecordCsvExport`.
 */
export function readRecordCsvExport(table: CsvTable, type: RecordType, context: ImportContext): ImportReading {
  const candidates: ImportCandidate[] = []
  const rejected: ImportProblem[] = [...table.problems]
  const rowOfId = new Map<string, number>()
  for (const row of table.rows) {
    const draft: Record<string, unknown> = {}
    const problems: ImportProblem[] = []
    for (const column of RECORD_CSV_COLUMNS[type]) {
      if (column.read === undefined) continue
      try {
        column.read(unescapeSpreadsheetCell(row.cells[column.header] ?? ''), draft)
      } catch (error) {
        if (!(error instanceof CsvCellError)) throw error
        problems.push({ file: table.file, row: row.row, field: column.header, message: error.reason })
      }
    }
    if (problems.length > 0) {
      rejected.push(...problems)
      continue
    }
    const result = candidateFromDraft(type, draft, { file: table.file, row: row.row }, context, JSON_COLUMNS)
    if (!result.ok) {
      rejected.push(...result.problems)
      continue
    }
    const id = result.candidate.typed.record.id
    const earlier = rowOfId.get(id)
    if (earlier !== undefined) {
      rejected.push({ file: table.file, row: row.row, field: 'id', message: message('importProblems.csv.repeatedId', { id, earlier }) })
      continue
    }
    rowOfId.set(id, row.row)
    candidates.push(result.candidate)
  }
  return { format: 'csv', candidates, rejected, notices: [] }
}
