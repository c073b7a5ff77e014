import { message } from '../../locale/message'
import { ImportInputError, type ImportProblem } from '../importProblem'
import type { ImportContext, ImportReading } from '../importReading'
import { parseCsvTable, type CsvTable } from '../parseCsvTable'
import { readAiidSnapshot } from './aiidSnapshot'

/** One file of the snapshot, already decoded by `decodeImportText`. */
export interface AiidSnapshotFile {
  readonly name: string
  readonly text: string
}

/** Which table a file is, told by its header row rather than its name (people rename files). */
function tableKind(table: CsvTable): 'incidents' | 'duplicates' | 'classificationsMit' | undefined {
  const has = (column: string) => table.headers.includes(column)
  if (has('incident_id') && has('Alleged deployer of AI system')) return 'incidents'
  if (has('duplicate_incident_number') && has('true_incident_number')) return 'duplicates'
  if (has('Incident ID') && has('Risk Domain') && has('Risk Subdomain')) return 'classificationsMit'
  return undefined
}

/**
 * Reads the files a person chose from an AIID snapshot together: `incidents.csv` is required,
 * `duplicates.csv` and `classifications_MIT.csv` are used when given, and any other table of the
 * snapshot (reports, submissions, other taxonomies) is named in a notice and not read.
 *
 * @throws ImportInputError when no file is AIID's incidents table, two files are the same table,
 *   or a file's header row cannot be read (see `parseCsvTable`)
 */
export function readAiidSnapshotFiles(files: readonly AiidSnapshotFile[], context: Omit<ImportContext, 'file'>): ImportReading {
  const found: { incidents?: CsvTable; duplicates?: CsvTable; classificationsMit?: CsvTable } = {}
  const ignored: string[] = []
  const unreadable: ImportProblem[] = []
  for (const file of files) {
    let table: CsvTable
    try {
      table = parseCsvTable(file.text, file.name)
    } catch (error) {
      // A whole snapshot folder may be chosen; a table Precedent does not read (CSETv1 repeats
      // a column name) must not stop the import of the ones it does.
      if (!(error instanceof ImportInputError)) throw error
      unreadable.push({ ...error.problem, message: message('importProblems.aiid.fileNotRead', { reason: error.problem.message }) })
      continue
    }
    const kind = tableKind(table)
    if (kind === undefined) {
      ignored.push(file.name)
      continue
    }
    const earlier = found[kind]
    if (earlier !== undefined) {
      throw new ImportInputError({ file: file.name, message: message('importProblems.aiid.sameTable', { earlier: earlier.file }) })
    }
    found[kind] = table
  }
  if (found.incidents === undefined) {
    const [firstUnreadable] = unreadable
    if (firstUnreadable !== undefined && files.length === 1) throw new ImportInputError(firstUnreadable)
    throw new ImportInputError({
      file: files.map((file) => file.name).join(', '),
      message: message('importProblems.aiid.noIncidentsTable')
    })
  }
  const reading = readAiidSnapshot({ ...found, incidents: found.incidents }, { ...context, file: found.incidents.file })
  const notices = ignored.map((name) => ({ file: name, message: message('importProblems.aiid.otherTable') }))
  return { ...reading, notices: [...unreadable, ...notices, ...reading.notices] }
}
