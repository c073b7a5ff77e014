import {
  commitImport,
  ImportCancelledError,
  readFeedPosition,
  readImportNeighbours,
  readJurisdictionIds,
  RecordNotFoundError,
  RecordValidationError,
  RevisionConflictError,
  StorageWriteError,
  type FeedPosition,
  type ImportCommitResult,
  type PrecedentDatabase
} from '@renderer/db'
import { mappingSignature } from '@shared/interchange/csv/columnMapping'
import { detectImportFormat, mappingTableOf, needsColumnMapping, readImport, type ImportFile, type MappedFormat } from '@shared/interchange/importers'
import { planImport, type ExistingRecords, type ImportPlan } from '@shared/interchange/importPlan'
import { ImportInputError } from '@shared/interchange/importProblem'
import type { ImportFormat, ImportReading } from '@shared/interchange/importReading'
import type { ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { summariseImportPlan } from './importPlanSummary'
import type { CsvFileColumns, ImportChoices, ImportFailure, ImportPipelineProgress, PlannedImport } from './importPipelineProtocol'
import { APP_IMPORT_LIMITS, assertFileSizes, readImportFileText, type ChosenFile } from './readImportFileText'

const fileKey = (file: ChosenFile & { readonly lastModified?: number }): string => `${file.name}\u0000${file.size}\u0000${file.lastModified ?? ''}`

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/** Puts an error into words the page can show after it has crossed from the worker. */
export function describeFailure(error: unknown): ImportFailure {
  if (error instanceof ImportInputError) return { kind: 'input', message: error.message, problem: error.problem }
  if (error instanceof ImportCancelledError) return { kind: 'cancelled', message: error.message, rolledBack: error.rolledBack }
  if (error instanceof RevisionConflictError || error instanceof RecordNotFoundError || error instanceof RecordValidationError) {
    return { kind: 'stale', message: error.message, reason: error.reason, isInvalid: error instanceof RecordValidationError }
  }
  if (error instanceof StorageWriteError) return { kind: 'storage', message: error.message, reason: error.reason }
  return { kind: 'other', message: messageOf(error) }
}

/**
 * The import's work, off the page (issue 10, VS Code's rule: work in workers): reading the files as
 * streams, parsing and checking them, planning against what is stored, and writing the plan in
 * chunks. It keeps the files' text, the reading and the plan; the page gets counts, progress and
 * the dry run's summary. Runs in `import.worker.ts`, or in the page's thread where there are no
 * workers (component tests), through the same host.
 */
export class ImportPipeline {
  private readonly texts = new Map<string, ImportFile>()
  private reading: ImportReading | undefined
  private stored: ExistingRecords | undefined
  /** Where the change feed stood before `stored` was read: the commit trusts the plan while it stands there. */
  private storedAt: FeedPosition | undefined
  private plan: ImportPlan | undefined
  private commitController: AbortController | undefined

  constructor(private readonly db: PrecedentDatabase) {}

  /** Reads the files (strict UTF-8, streamed) and recognises their format; a CSV's columns come with it. */
  async inspect(
    files: readonly ChosenFile[],
    onProgress: (progress: ImportPipelineProgress) => void
  ): Promise<{ detectedFormat: ImportFormat | undefined; csvColumns: CsvFileColumns[] }> {
    const read = await this.readFiles(files, onProgress)
    const detectedFormat = detectImportFormat(read)
    return { detectedFormat, csvColumns: detectedFormat !== undefined && needsColumnMapping(detectedFormat) ? this.csvColumnsOf(read, detectedFormat) : [] }
  }

  async csvColumns(files: readonly ChosenFile[], format: MappedFormat, onProgress: (progress: ImportPipelineProgress) => void): Promise<CsvFileColumns[]> {
    return this.csvColumnsOf(await this.readFiles(files, onProgress), format)
  }

  /** The dry run: reads the files in the chosen format and plans them against what is stored. Writes nothing. */
  async check(
    request: {
      readonly files: readonly ChosenFile[]
      readonly format: ImportFormat
      readonly csvMappings: Readonly<Record<string, ColumnMapping>>
      readonly choices: ImportChoices
      readonly importedAt: string
    },
    onProgress: (progress: ImportPipelineProgress) => void
  ): Promise<PlannedImport> {
    this.reading = undefined
    this.plan = undefined
    this.storedAt = undefined
    const read = await this.readFiles(request.files, onProgress)
    // Before anything stored is read: a write committed after it moves the feed, and the commit checks again.
    const storedAt = await readFeedPosition(this.db)
    const jurisdictionIds = await readJurisdictionIds(this.db)
    const reading = readImport(request.format, read, { importedAt: request.importedAt, jurisdictionIds, csvMappings: request.csvMappings })
    onProgress({ stage: 'planning', records: reading.candidates.length + reading.rejected.length })
    // Only the stored records this import touches: incoming ids, link targets, duplicate neighbours.
    const stored = await readImportNeighbours(this.db, reading)
    this.reading = reading
    this.stored = stored
    this.storedAt = storedAt
    return { summary: this.replan(request.choices), storedBytes: await storedDataBytes() }
  }

  /** Plans the same reading again with other choices (cheap: look-alike incidents are cached per reading). */
  replan(choices: ImportChoices) {
    if (this.reading === undefined || this.stored === undefined) throw new Error('Check what would be imported first')
    this.plan = planImport(this.reading, this.stored, { updateExisting: choices.updateExisting, importLikelyDuplicates: new Set(choices.importAnyway) })
    return summariseImportPlan(this.plan)
  }

  /** Writes the plan of the last dry run in chunks; `cancelCommit` stops it and rolls back what was written. */
  async commit(
    options: { readonly author: string; readonly files: readonly string[] },
    onProgress: (progress: ImportPipelineProgress) => void
  ): Promise<ImportCommitResult> {
    const plan = this.plan
    if (plan === undefined) throw new Error('Check what would be imported first')
    this.commitController = new AbortController()
    try {
      return await commitImport(this.db, plan, {
        author: options.author,
        now: () => new Date().toISOString(),
        signal: this.commitController.signal,
        files: options.files,
        ...(this.storedAt === undefined ? {} : { plannedAt: this.storedAt }),
        onProgress: (done, total) => onProgress({ stage: 'writing', done, total })
      })
    } finally {
      this.commitController = undefined
    }
  }

  cancelCommit(): void {
    this.commitController?.abort()
  }

  private async readFiles(files: readonly ChosenFile[], onProgress: (progress: ImportPipelineProgress) => void): Promise<ImportFile[]> {
    assertFileSizes(files, APP_IMPORT_LIMITS)
    const total = files.reduce((sum, file) => sum + file.size, 0)
    let before = 0
    const read: ImportFile[] = []
    const wanted = new Set(files.map(fileKey))
    for (const key of [...this.texts.keys()]) if (!wanted.has(key)) this.texts.delete(key)
    for (const file of files) {
      const key = fileKey(file)
      let text = this.texts.get(key)
      if (text === undefined) {
        const offset = before
        let lastReport = 0
        const content = await readImportFileText(file, (bytes) => {
          // About every 4 MB: enough for a smooth bar, few messages.
          if (bytes - lastReport >= 4 * 1024 * 1024) {
            lastReport = bytes
            onProgress({ stage: 'reading', done: offset + bytes, total })
          }
        })
        text = { name: file.name, text: content }
        this.texts.set(key, text)
      }
      before += file.size
      onProgress({ stage: 'reading', done: before, total })
      read.push(text)
    }
    return read
  }

  // Each file's columns are checked here (a CSV's header row, a JSON file's records), so a bad one refuses the file before any mapping.
  private csvColumnsOf(files: readonly ImportFile[], format: MappedFormat): CsvFileColumns[] {
    return files.map((file) => {
      const table = mappingTableOf(format, file, APP_IMPORT_LIMITS)
      return {
        file: file.name,
        headers: table.headers,
        signature: mappingSignature(table.headers),
        sampleRows: table.rows.slice(0, 3).map((row) => table.headers.map((header) => row.cells[header] ?? ''))
      }
    })
  }
}

// The backup taken before writing is a gzip of what is stored, so it needs at most the room the
// stored data already takes; the origin's usage (backups included) is a safe over-estimate of that.
async function storedDataBytes(): Promise<number> {
  const estimate = await globalThis.navigator?.storage?.estimate?.().catch(() => undefined)
  return estimate?.usage ?? 0
}
