import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  commitImport,
  getDatabase,
  ImportCancelledError,
  readImportNeighbours,
  readJurisdictionIds,
  readRememberedCsvMapping,
  RecordNotFoundError,
  rememberCsvMapping,
  RecordValidationError,
  RevisionConflictError,
  StorageWriteError,
  type ImportCommitResult
} from '@renderer/db'
import { guessColumnMapping, mappingProblems, mappingSignature, type ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { detectImportFormat, needsColumnMapping, readImport, type ImportFile } from '@shared/interchange/importers'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { planImport, type ExistingRecords, type ImportPlan } from '@shared/interchange/importPlan'
import { ImportInputError } from '@shared/interchange/importProblem'
import type { ImportFormat, ImportReading } from '@shared/interchange/importReading'
import { takeBackup } from '../backups'
import { currentAuthorName } from '../history'
import { readChosenFiles, type ChosenFile } from './readChosenFiles'
import { estimatedImportBytes, shortOfRoomFor } from './storageRoom'

/** Where the import stands: choosing files, a dry run shown, writing, or written. */
export type ImportPhase = 'choose' | 'planned' | 'importing' | 'done'

/** A CSV file's columns, as the mapping step shows them. */
export interface CsvFileColumns {
  readonly file: string
  readonly headers: readonly string[]
  /** `mappingSignature(headers)`: the key the chosen mapping is remembered under. */
  readonly signature: string
  /** The first few rows, so the person can see what each column holds. */
  readonly sampleRows: readonly (readonly string[])[]
}

export interface ImportProgress {
  readonly done: number
  readonly total: number
}

const now = (): string => new Date().toISOString()
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))

/**
 * The import flow's state and its one write (RELIABILITY-SECURITY 35): files are read and checked,
 * a dry run is planned against what is stored, and only "Import" writes, after a backup, in one
 * transaction that a cancel aborts whole. Every failure is a message; nothing half-happens.
 */
export const useImportStore = defineStore('import', () => {
  const phase = ref<ImportPhase>('choose')
  const files = shallowRef<readonly ImportFile[]>([])
  const format = ref<ImportFormat>()
  const detectedFormat = ref<ImportFormat>()
  /** The columns of each CSV file and the mapping chosen for it, by file name. */
  const csvColumns = shallowRef<readonly CsvFileColumns[]>([])
  const csvMappings = shallowRef<Readonly<Record<string, ColumnMapping>>>({})
  const isBusy = ref(false)
  /** The one-line reason files could not be read or planned; nothing was written. */
  const error = ref<string>()
  const reading = shallowRef<ImportReading>()
  const existing = shallowRef<ExistingRecords>()
  const updateExisting = ref(false)
  const importAnyway = ref<ReadonlySet<string>>(new Set())
  const plan = shallowRef<ImportPlan>()
  /** The stored records' size as JSON, for the backup's share of the storage estimate. */
  const storedBytes = ref(0)
  const progress = ref<ImportProgress>()
  const result = shallowRef<ImportCommitResult>()
  /** What happened to the last attempt to write, when it did not write (cancelled, conflict, failure). */
  const commitMessage = ref<string>()
  let controller: AbortController | undefined

  const fileNames = computed(() => files.value.map((file) => file.name))
  /** Whether every CSV file has a mapping that can be used (always true for other formats). */
  const csvMappingsComplete = computed(() => {
    if (format.value === undefined || !needsColumnMapping(format.value)) return true
    return csvColumns.value.length === files.value.length && csvColumns.value.every((columns) => {
      const mapping = csvMappings.value[columns.file]
      return mapping !== undefined && mappingProblems(mapping).length === 0
    })
  })

  function clearPlan(): void {
    reading.value = undefined
    existing.value = undefined
    plan.value = undefined
    commitMessage.value = undefined
    if (phase.value === 'planned') phase.value = 'choose'
  }

  function reset(): void {
    phase.value = 'choose'
    files.value = []
    format.value = undefined
    detectedFormat.value = undefined
    csvColumns.value = []
    csvMappings.value = {}
    error.value = undefined
    updateExisting.value = false
    importAnyway.value = new Set()
    progress.value = undefined
    result.value = undefined
    clearPlan()
  }

  /** Reads the chosen files (size checked first, strict UTF-8) and detects their format. */
  async function chooseFiles(chosen: readonly ChosenFile[]): Promise<void> {
    reset()
    if (chosen.length === 0) return
    isBusy.value = true
    try {
      files.value = await readChosenFiles(chosen)
      detectedFormat.value = detectImportFormat(files.value)
      format.value = detectedFormat.value
      if (format.value !== undefined && needsColumnMapping(format.value)) await prepareCsvMappings()
    } catch (caught) {
      files.value = []
      csvColumns.value = []
      error.value = caught instanceof ImportInputError ? caught.message : `The files could not be read: ${messageOf(caught)}`
    } finally {
      isBusy.value = false
    }
  }

  async function chooseFormat(chosen: ImportFormat | undefined): Promise<void> {
    format.value = chosen
    error.value = undefined
    clearPlan()
    if (chosen === undefined || !needsColumnMapping(chosen) || csvColumns.value.length > 0) return
    try {
      await prepareCsvMappings()
    } catch (caught) {
      error.value = caught instanceof ImportInputError ? caught.message : `The files could not be read: ${messageOf(caught)}`
    }
  }

  /**
   * Reads each CSV file's header row (a bad one refuses the file here, before any mapping) and
   * offers the mapping last chosen for the same columns, or a guess from the column names.
   */
  async function prepareCsvMappings(): Promise<void> {
    const columns: CsvFileColumns[] = []
    const mappings: Record<string, ColumnMapping> = {}
    for (const file of files.value) {
      const table = parseCsvTable(file.text, file.name)
      const signature = mappingSignature(table.headers)
      columns.push({ file: file.name, headers: table.headers, signature, sampleRows: table.rows.slice(0, 3).map((row) => table.headers.map((header) => row.cells[header] ?? '')) })
      const remembered = await readRememberedCsvMapping(getDatabase(), signature)
      mappings[file.name] = usableMapping(remembered, table.headers) ?? guessColumnMapping(table.headers, 'incident')
    }
    csvColumns.value = columns
    csvMappings.value = mappings
  }

  function setCsvMapping(fileName: string, mapping: ColumnMapping): void {
    csvMappings.value = { ...csvMappings.value, [fileName]: mapping }
    clearPlan()
  }


  function replan(): void {
    if (reading.value === undefined || existing.value === undefined) return
    plan.value = planImport(reading.value, existing.value, { updateExisting: updateExisting.value, importLikelyDuplicates: importAnyway.value })
  }

  /** The dry run: reads the files in the chosen format and plans them against what is stored. Writes nothing. */
  async function checkImport(): Promise<void> {
    if (format.value === undefined || files.value.length === 0) return
    isBusy.value = true
    error.value = undefined
    commitMessage.value = undefined
    try {
      reading.value = readImport(format.value, files.value, { importedAt: now(), jurisdictionIds: await readJurisdictionIds(getDatabase()), csvMappings: csvMappings.value })
      const stored = await readImportNeighbours(getDatabase(), reading.value)
      existing.value = stored
      storedBytes.value = approximateBytes(stored)
      replan()
      phase.value = 'planned'
    } catch (caught) {
      clearPlan()
      error.value = caught instanceof ImportInputError ? caught.message : `The files could not be read: ${messageOf(caught)}`
    } finally {
      isBusy.value = false
    }
    if (phase.value === 'planned') await rememberChosenMappings()
  }

  // Remembered only once a dry run used them: a mapping that read the file is worth offering again.
  async function rememberChosenMappings(): Promise<void> {
    for (const columns of csvColumns.value) {
      const mapping = csvMappings.value[columns.file]
      if (mapping === undefined) continue
      await rememberCsvMapping(getDatabase(), columns.signature, mapping).catch(() => undefined)
    }
  }

  function setUpdateExisting(value: boolean): void {
    updateExisting.value = value
    replan()
  }

  function setImportAnyway(incidentId: string, value: boolean): void {
    const next = new Set(importAnyway.value)
    if (value) next.add(incidentId)
    else next.delete(incidentId)
    importAnyway.value = next
    replan()
  }

  /** Takes a backup, then writes the plan; cancel() aborts it with nothing written. */
  async function commit(): Promise<void> {
    const planned = plan.value
    if (planned === undefined || planned.writes.length === 0 || phase.value === 'importing') return
    phase.value = 'importing'
    commitMessage.value = undefined
    progress.value = { done: 0, total: planned.writes.length }
    controller = new AbortController()
    const db = getDatabase()
    try {
      const recordBytes = planned.writes.reduce((sum, write) => sum + JSON.stringify(write.typed.record).length, 0)
      const noRoom = await shortOfRoomFor(estimatedImportBytes(recordBytes, storedBytes.value))
      if (noRoom !== undefined) throw new Error(noRoom)
      // In the app's backup database and, on the desktop, also as a file outside the browser profile.
      await takeBackup(`Before importing ${fileNames.value.join(', ')}`, now)
      if (controller.signal.aborted) throw new ImportCancelledError()
      result.value = await commitImport(db, planned, {
        author: currentAuthorName(),
        now,
        signal: controller.signal,
        files: fileNames.value,
        onProgress: (done, total) => {
          progress.value = { done, total }
        }
      })
      phase.value = 'done'
    } catch (caught) {
      phase.value = 'planned'
      commitMessage.value = describeCommitFailure(caught)
      if (caught instanceof RevisionConflictError || caught instanceof RecordNotFoundError || caught instanceof RecordValidationError) {
        // What is stored moved on since the dry run: plan again so the report is true now.
        await checkImport()
        commitMessage.value = describeCommitFailure(caught)
      }
    } finally {
      controller = undefined
      progress.value = undefined
    }
  }

  function cancel(): void {
    controller?.abort()
  }

  return {
    phase,
    files,
    fileNames,
    format,
    detectedFormat,
    csvColumns,
    csvMappings,
    csvMappingsComplete,
    isBusy,
    error,
    reading,
    updateExisting,
    importAnyway,
    plan,
    progress,
    result,
    commitMessage,
    reset,
    chooseFiles,
    chooseFormat,
    setCsvMapping,
    checkImport,
    setUpdateExisting,
    setImportAnyway,
    commit,
    cancel
  }
})

// Organisations and incidents stand for the stored records' size; the rest are small by comparison.
function approximateBytes(stored: ExistingRecords): number {
  let length = 0
  for (const organisation of stored.organisations) length += JSON.stringify(organisation).length
  for (const incident of stored.incidents) length += JSON.stringify(incident).length
  return length
}

// A stored mapping is used only if it still fits these columns exactly and passes the mapping checks.
function usableMapping(stored: unknown, headers: readonly string[]): ColumnMapping | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined
  const candidate = stored as ColumnMapping
  if (typeof candidate.columns !== 'object' || candidate.columns === null) return undefined
  const keys = Object.keys(candidate.columns).sort()
  const wanted = [...headers].sort()
  if (keys.length !== wanted.length || keys.some((key, index) => key !== wanted[index])) return undefined
  try {
    return mappingProblems(candidate).length === 0 ? candidate : undefined
  } catch {
    return undefined
  }
}

function describeCommitFailure(error: unknown): string {
  if (error instanceof ImportCancelledError) return 'Import cancelled. Nothing was written.'
  if (error instanceof RevisionConflictError || error instanceof RecordNotFoundError) {
    return `Nothing was imported: ${error.message}. Records changed since the dry run, so it has been checked again; review it and import again.`
  }
  if (error instanceof RecordValidationError) return `Nothing was imported: ${error.message}. The dry run has been checked again.`
  if (error instanceof StorageWriteError) return `Nothing was imported: ${error.message}`
  return `Nothing was imported: ${messageOf(error)}`
}
