import { message } from '../locale/message'
import { readAiidSnapshotFiles } from './adapters/aiidSnapshotFiles'
import { readBundleImport } from './adapters/bundleImport'
import { readCmsFines } from './adapters/cmsFines'
import { looksLikeHibpBreaches, readHibpBreaches } from './adapters/hibpBreaches'
import { readLawText } from './adapters/lawText'
import { readVerisIncidents } from './adapters/verisIncidents'
import { mappingProblems, mappingUnusable, readMappedCsv, type ColumnMapping } from './csv/columnMapping'
import { ImportInputError, type ImportProblem } from './importProblem'
import { IMPORT_FORMAT_LABELS, IMPORT_FORMATS, type ImportCandidate, type ImportContext, type ImportFormat, type ImportReading } from './importReading'
import { looksLikeJsonRecords, readJsonRecordTable } from './json/jsonRecordTable'
import { parseCsvTable, type CsvTable } from './parseCsvTable'
import type { ImportLimits } from './importLimits'
import { parseJsonSafely } from './parseJsonSafely'
import { readStixBundle } from './stix/readStixBundle'

/** One file to import, as text already decoded by `decodeImportText` (importers never decode). */
export interface ImportFile {
  readonly name: string
  readonly text: string
}

/**
 * What every reader is told about a whole import. `csvMappings` holds, by file name, the column
 * mapping the person chose for each CSV file (the CSV reader needs one; other formats ignore it).
 */
export interface ReadImportContext extends Omit<ImportContext, 'file'> {
  readonly csvMappings?: Readonly<Record<string, ColumnMapping>>
}

type FileReader = (file: ImportFile, context: ImportContext, mapping: ColumnMapping | undefined) => ImportReading
/** Reads all chosen files together (a snapshot split over several tables). */
type SetReader = (files: readonly ImportFile[], context: ReadImportContext) => ImportReading

/**
 * The table a format that is read through a column mapping makes of a file: a CSV's rows, or a
 * JSON catalogue's records with their fields by path. One function, so the mapping step and the
 * reading see the same columns.
 */
export function mappingTableOf(format: MappedFormat, file: ImportFile, limits?: ImportLimits): CsvTable {
  return format === 'json' ? readJsonRecordTable(file.text, file.name, limits) : parseCsvTable(file.text, file.name, limits)
}

/** The formats read through a column mapping. */
export type MappedFormat = 'csv' | 'json'

const mappedReader =
  (format: MappedFormat): FileReader =>
  (file, context, mapping) => {
    const table = mappingTableOf(format, file)
    if (mapping === undefined) throw new ImportInputError({ file: file.name, message: message('importProblems.mapping.choose') })
    const problems = mappingProblems(mapping)
    if (problems.length > 0) throw new ImportInputError({ file: file.name, message: mappingUnusable(problems) })
    return { ...readMappedCsv(table, mapping, context), format }
  }

const jsonReader =
  (read: (json: unknown, context: ImportContext) => ImportReading): FileReader =>
  (file, context) =>
    read(parseJsonSafely(file.text, file.name), context)

/** A set reader that reads each file on its own, with its own name, and puts the readings together. */
function fileByFile(format: ImportFormat, reader: FileReader): SetReader {
  return (files, context) => {
    const candidates: ImportCandidate[] = []
    const rejected: ImportProblem[] = []
    const notices: ImportProblem[] = []
    for (const file of files) {
      const reading = reader(
        file,
        { file: file.name, importedAt: context.importedAt, jurisdictionIds: context.jurisdictionIds },
        context.csvMappings?.[file.name]
      )
      // NOTE: not push(...list): a file of 100k records overflows a worker's stack with that many arguments.
      for (const candidate of reading.candidates) candidates.push(candidate)
      for (const problem of reading.rejected) rejected.push(problem)
      for (const notice of reading.notices) notices.push(notice)
    }
    return { format, candidates, rejected, notices }
  }
}

/** The reader of each format; a total record, so a format cannot be listed without one. */
const READERS: Record<ImportFormat, SetReader> = {
  bundle: fileByFile('bundle', (file, context) => readBundleImport(file.text, context)),
  csv: fileByFile('csv', mappedReader('csv')),
  json: fileByFile('json', mappedReader('json')),
  veris: fileByFile('veris', jsonReader(readVerisIncidents)),
  cms: fileByFile('cms', jsonReader(readCmsFines)),
  hibp: fileByFile('hibp', jsonReader(readHibpBreaches)),
  stix: fileByFile('stix', jsonReader(readStixBundle)),
  'law-text': fileByFile('law-text', jsonReader(readLawText)),
  // AIID's tables belong together (duplicates and classifications refer to incidents.csv).
  aiid: (files, context) => readAiidSnapshotFiles(files, { importedAt: context.importedAt, jurisdictionIds: context.jurisdictionIds })
}

/** Every format with its label, in the order the picker lists them. */
export function importFormatChoices(): { readonly format: ImportFormat; readonly label: string }[] {
  return IMPORT_FORMATS.map((format) => ({ format, label: IMPORT_FORMAT_LABELS[format] }))
}

/** Whether the format needs a column mapping chosen before it can be read. */
export function needsColumnMapping(format: ImportFormat): format is MappedFormat {
  return format === 'csv' || format === 'json'
}

const extensionOf = (name: string): string => /\.([^./\\]+)$/.exec(name.toLowerCase())?.[1] ?? ''

// Sniffing looks only at the start of a file: a format's marker keys come early, and reading the
// whole of a large file twice (once to detect, once to import) would be wasted work.
const HEAD = 4096

function detectOne(file: ImportFile): ImportFormat | undefined {
  const head = file.text.slice(0, HEAD)
  const extension = extensionOf(file.name)
  const trimmed = head.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[') || extension === 'json') {
    if (/"format"\s*:\s*"precedent-bundle"/.test(head)) return 'bundle'
    if (/"type"\s*:\s*"bundle"/.test(head) && /"objects"\s*:/.test(head)) return 'stix'
    if (/^\{\s*"data"\s*:\s*\[\s*\[/.test(trimmed)) return 'cms'
    if (/"schema_version"\s*:/.test(head) && /"incident_id"\s*:/.test(head)) return 'veris'
    if (/"chapters"\s*:/.test(head) || /"recitals"\s*:/.test(head)) return 'law-text'
    if (looksLikeHibpBreaches(head)) return 'hibp'
    if (looksLikeJsonRecords(head)) return 'json'
    // Large JSON files may carry their markers after the head: look once more, cheaply, for ours.
    if (/"format"\s*:\s*"precedent-bundle"/.test(file.text)) return 'bundle'
    if (/"schema_version"\s*:\s*"1\.\d/.test(file.text) && /"incident_id"\s*:/.test(file.text)) return 'veris'
    return undefined
  }
  if (['csv', 'tsv', 'txt', ''].includes(extension)) {
    const headerRow = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'))
    if (/(^|[,\t])"?incident_id"?([,\t]|$)/.test(headerRow) && /Alleged deployer of AI system/.test(headerRow)) return 'aiid'
    if (/duplicate_incident_number/.test(headerRow) && /true_incident_number/.test(headerRow)) return 'aiid'
    if (/Incident ID/.test(headerRow) && /Risk Domain/.test(headerRow)) return 'aiid'
    if (extension !== 'txt' || /[,\t;]/.test(headerRow)) return 'csv'
  }
  return undefined
}

/**
 * The format a set of files is in, from their names and first few kilobytes, or `undefined` when
 * they are not recognised or not all the same. The person can always choose another.
 */
export function detectImportFormat(files: readonly Pick<ImportFile, 'name' | 'text'>[]): ImportFormat | undefined {
  const formats = new Set(files.map((file) => detectOne(file)))
  // Other tables of an AIID snapshot look like any CSV; with its incidents table they are AIID.
  if (formats.has('aiid') && [...formats].every((format) => format === 'aiid' || format === 'csv')) return 'aiid'
  if (formats.size !== 1) return undefined
  return [...formats][0]
}

/**
 * Reads every file in one format and puts the readings together. Files are read one by one with
 * their own name, so every problem names its file.
 *
 * @throws ImportInputError when a file cannot be read at all (not JSON, a hostile key, a bad header
 *   row, a CSV without its mapping); nothing was read
 */
export function readImport(format: ImportFormat, files: readonly ImportFile[], context: ReadImportContext): ImportReading {
  return READERS[format](files, context)
}
