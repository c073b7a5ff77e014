import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { i18n, translateMessage } from '@renderer/i18n'
import { getDatabase, readRememberedCsvMapping, rememberCsvMapping, type ImportCommitResult } from '@renderer/db'
import { guessColumnMapping, mappingProblems, type ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { needsColumnMapping, type MappedFormat } from '@shared/interchange/importers'
import { describeImportProblem, ImportInputError } from '@shared/interchange/importProblem'
import type { ImportFormat } from '@shared/interchange/importReading'
import { BACKUP_REASONS, estimatedImportBytes, shortOfRoomFor, takeBackup } from '../backups'
import { currentAuthorName } from '@renderer/recordKit'
import { createImportPipelineClient, ImportPipelineError, type ImportPipelineClient } from './importPipelineClient'
import type { CsvFileColumns, ImportFailure, ImportPipelineProgress } from './importPipelineProtocol'
import type { ImportPlanSummary } from './importPlanSummary'
import { assertFileSizes, type ChosenFile } from './readImportFileText'

export type { CsvFileColumns } from './importPipelineProtocol'

/** Where the import stands: choosing files, a dry run shown, writing, or written. */
export type ImportPhase = 'choose' | 'planned' | 'importing' | 'done'

const now = (): string => new Date().toISOString()
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
const failureOf = (error: unknown): ImportFailure => {
  if (error instanceof ImportPipelineError) return error.failure
  if (error instanceof ImportInputError) return { kind: 'input', message: error.message, problem: error.problem }
  return { kind: 'other', message: messageOf(error) }
}
/** A failure in the interface language: a file's problem (file, row, field) or the storage's reason in words. */
const failureText = (failure: ImportFailure): string => {
  if (failure.kind === 'input') return translateMessage(describeImportProblem(failure.problem))
  if ((failure.kind === 'stale' || failure.kind === 'storage') && failure.reason !== undefined) return translateMessage(failure.reason)
  return failure.message
}
const readFailureMessage = (error: unknown): string => {
  const failure = failureOf(error)
  return failure.kind === 'input' || failure.kind === 'storage'
    ? failureText(failure)
    : i18n.global.t('importing.store.filesNotRead', { message: failureText(failure) })
}

/**
 * The import flow's state and its one write (RELIABILITY-SECURITY 35; issue 10). Reading,
 * checking, planning and writing happen in the import worker (`importPipeline.ts`); this store
 * holds only what the page shows: the chosen files' handles, the CSV columns, the dry run's
 * summary, progress, and the outcome. Only "Import" writes, after a backup, in chunks that a
 * cancel or a closed tab rolls back. Every failure is a message; nothing half-happens.
 */
export const useImportStore = defineStore('import', () => {
  let pipeline: ImportPipelineClient | undefined
  const client = (): ImportPipelineClient => (pipeline ??= createImportPipelineClient())

  const phase = ref<ImportPhase>('choose')
  /** The chosen files: handles only; their content is read in the worker. */
  const files = shallowRef<readonly ChosenFile[]>([])
  const format = ref<ImportFormat>()
  const detectedFormat = ref<ImportFormat>()
  /** The columns of each CSV file and the mapping chosen for it, by file name. */
  const csvColumns = shallowRef<readonly CsvFileColumns[]>([])
  /** The format `csvColumns` were read for. */
  let columnsFormat: MappedFormat | undefined
  const csvMappings = shallowRef<Readonly<Record<string, ColumnMapping>>>({})
  const isBusy = ref(false)
  /** The one-line reason files could not be read or planned; nothing was written. */
  const error = ref<string>()
  const updateExisting = ref(false)
  const importAnyway = ref<ReadonlySet<string>>(new Set())
  /** The dry run as the page shows it; the plan itself stays in the worker. */
  const plan = shallowRef<ImportPlanSummary>()
  /** The stored records' size as JSON, for the backup's share of the storage estimate. */
  const storedBytes = ref(0)
  /** Reading and planning (during a check) or writing (during an import). */
  const progress = shallowRef<ImportPipelineProgress>()
  const result = shallowRef<ImportCommitResult>()
  /** What happened to the last attempt to write, when it did not write (cancelled, conflict, failure). */
  const commitMessage = ref<string>()
  let cancelRequested = false
  // Bumped by each new read or check, so a stopped one's late answer is ignored.
  let generation = 0

  const fileNames = computed(() => files.value.map((file) => file.name))
  /** Whether every CSV file has a mapping that can be used (always true for other formats). */
  const csvMappingsComplete = computed(() => {
    if (format.value === undefined || !needsColumnMapping(format.value)) return true
    return (
      csvColumns.value.length === files.value.length &&
      csvColumns.value.every((columns) => {
        const mapping = csvMappings.value[columns.file]
        return mapping !== undefined && mappingProblems(mapping).length === 0
      })
    )
  })

  function clearPlan(): void {
    plan.value = undefined
    commitMessage.value = undefined
    if (phase.value === 'planned') phase.value = 'choose'
  }

  function reset(): void {
    stopReading()
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

  /** Reads the chosen files in the worker (sizes checked first, strict UTF-8) and detects their format. */
  async function chooseFiles(chosen: readonly ChosenFile[]): Promise<void> {
    reset()
    if (chosen.length === 0) return
    const mine = (generation += 1)
    isBusy.value = true
    try {
      // Refused from sizes alone, before a byte is read; then a clear refusal if the disk is short.
      assertFileSizes(chosen)
      const totalBytes = chosen.reduce((sum, file) => sum + file.size, 0)
      const noRoom = await shortOfRoomFor('import', estimatedImportBytes(totalBytes, 0))
      if (noRoom !== undefined) throw new ImportPipelineError({ kind: 'storage', message: noRoom })
      const inspected = await client().inspect(chosen, (value) => {
        if (mine === generation) progress.value = value
      })
      if (mine !== generation) return
      // Shown only once read: a file that cannot be read is refused before any choice is offered.
      files.value = chosen
      detectedFormat.value = inspected.detectedFormat
      format.value = inspected.detectedFormat
      if (inspected.csvColumns.length > 0 && inspected.detectedFormat !== undefined && needsColumnMapping(inspected.detectedFormat))
        await offerCsvMappings(inspected.csvColumns, inspected.detectedFormat)
    } catch (caught) {
      if (mine !== generation) return
      files.value = []
      csvColumns.value = []
      error.value = failureOf(caught).kind === 'cancelled' ? undefined : readFailureMessage(caught)
    } finally {
      if (mine === generation) {
        isBusy.value = false
        progress.value = undefined
      }
    }
  }

  async function chooseFormat(chosen: ImportFormat | undefined): Promise<void> {
    format.value = chosen
    error.value = undefined
    clearPlan()
    if (chosen === undefined || !needsColumnMapping(chosen)) return
    // Columns read for the other mapped format (a CSV's header row, a JSON file's fields) do not fit this one.
    if (csvColumns.value.length > 0 && columnsFormat === chosen) return
    try {
      await offerCsvMappings(await client().csvColumns(files.value, chosen), chosen)
    } catch (caught) {
      error.value = readFailureMessage(caught)
    }
  }

  /** Offers, for each CSV file, the mapping last chosen for the same columns, or a guess from the column names. */
  async function offerCsvMappings(columns: readonly CsvFileColumns[], columnsOf: MappedFormat): Promise<void> {
    const mappings: Record<string, ColumnMapping> = {}
    for (const file of columns) {
      const remembered = await readRememberedCsvMapping(getDatabase(), file.signature)
      mappings[file.file] = usableMapping(remembered, file.headers) ?? guessColumnMapping(file.headers, 'incident')
    }
    csvColumns.value = columns
    columnsFormat = columnsOf
    csvMappings.value = mappings
  }

  function setCsvMapping(fileName: string, mapping: ColumnMapping): void {
    csvMappings.value = { ...csvMappings.value, [fileName]: mapping }
    clearPlan()
  }

  const choices = () => ({ updateExisting: updateExisting.value, importAnyway: [...importAnyway.value] })

  async function replan(): Promise<void> {
    if (plan.value === undefined) return
    try {
      plan.value = await client().replan(choices())
    } catch (caught) {
      error.value = i18n.global.t('importing.store.dryRunNotUpdated', { message: failureText(failureOf(caught)) })
    }
  }

  /** The dry run: the worker reads the files in the chosen format and plans them against what is stored. Writes nothing. */
  async function checkImport(): Promise<void> {
    if (format.value === undefined || files.value.length === 0) return
    const mine = (generation += 1)
    isBusy.value = true
    error.value = undefined
    commitMessage.value = undefined
    try {
      const planned = await client().check(
        { files: files.value, format: format.value, csvMappings: csvMappings.value, choices: choices(), importedAt: now() },
        (value) => {
          if (mine === generation) progress.value = value
        }
      )
      if (mine !== generation) return
      plan.value = planned.summary
      storedBytes.value = planned.storedBytes
      phase.value = 'planned'
    } catch (caught) {
      if (mine !== generation) return
      clearPlan()
      error.value = failureOf(caught).kind === 'cancelled' ? undefined : readFailureMessage(caught)
    } finally {
      if (mine === generation) {
        isBusy.value = false
        progress.value = undefined
      }
    }
    if (phase.value === 'planned') await rememberChosenMappings()
  }

  /** Stops reading or checking at once (the worker is ended); nothing was written. */
  function stopReading(): void {
    if (!isBusy.value || phase.value === 'importing') return
    generation += 1
    isBusy.value = false
    progress.value = undefined
    pipeline?.stop()
  }

  // Remembered only once a dry run used them: a mapping that read the file is worth offering again.
  async function rememberChosenMappings(): Promise<void> {
    for (const columns of csvColumns.value) {
      const mapping = csvMappings.value[columns.file]
      if (mapping === undefined) continue
      await rememberCsvMapping(getDatabase(), columns.signature, mapping).catch(() => undefined)
    }
  }

  async function setUpdateExisting(value: boolean): Promise<void> {
    updateExisting.value = value
    await replan()
  }

  async function setImportAnyway(incidentId: string, value: boolean): Promise<void> {
    const next = new Set(importAnyway.value)
    if (value) next.add(incidentId)
    else next.delete(incidentId)
    importAnyway.value = next
    await replan()
  }

  /** Takes a backup, then has the worker write the plan in chunks; cancel() stops it and rolls back. */
  async function commit(): Promise<void> {
    const planned = plan.value
    if (planned === undefined || planned.writeCount === 0 || phase.value === 'importing') return
    phase.value = 'importing'
    commitMessage.value = undefined
    cancelRequested = false
    progress.value = { stage: 'writing', done: 0, total: planned.writeCount }
    try {
      const noRoom = await shortOfRoomFor('import', estimatedImportBytes(planned.recordBytes, storedBytes.value))
      if (noRoom !== undefined) throw new ImportPipelineError({ kind: 'storage', message: noRoom })
      // In the app's backup database and, on the desktop, also as a file outside the browser profile.
      await takeBackup(BACKUP_REASONS.beforeImporting(fileNames.value), now)
      if (cancelRequested) throw new ImportPipelineError({ kind: 'cancelled', message: 'Import cancelled', rolledBack: 0 })
      result.value = await client().commit({ author: currentAuthorName(), files: fileNames.value }, (value) => {
        progress.value = value
      })
      phase.value = 'done'
    } catch (caught) {
      phase.value = 'planned'
      const failure = failureOf(caught)
      commitMessage.value = describeCommitFailure(failure)
      if (failure.kind === 'stale') {
        // What is stored moved on since the dry run: plan again so the report is true now.
        await checkImport()
        commitMessage.value = describeCommitFailure(failure)
      }
    } finally {
      progress.value = undefined
    }
  }

  function cancel(): void {
    if (phase.value !== 'importing') {
      stopReading()
      return
    }
    cancelRequested = true
    pipeline?.cancelCommit()
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
    stopReading,
    setUpdateExisting,
    setImportAnyway,
    commit,
    cancel
  }
})

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

function describeCommitFailure(failure: ImportFailure): string {
  switch (failure.kind) {
    case 'cancelled':
      return failure.rolledBack > 0
        ? i18n.global.t('importing.store.cancelledRolledBack', { count: failure.rolledBack })
        : i18n.global.t('importing.store.cancelled')
    case 'stale':
      return failure.isInvalid === true
        ? i18n.global.t('importing.store.staleInvalid', { message: failureText(failure) })
        : i18n.global.t('importing.store.stale', { message: failureText(failure) })
    default:
      return i18n.global.t('importing.store.failed', { message: failureText(failure) })
  }
}
