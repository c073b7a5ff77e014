import { diffRecords } from '@shared/domain/recordHistory'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import type { ImportCounts, ImportPlan } from '@shared/interchange/importPlan'
import type { ImportFormat } from '@shared/interchange/importReading'
import { withExclusiveWriteLock } from './exclusiveWriteLock'
import { assertLinksExist } from './linkCheck'
import { RECORD_TABLE_NAMES, type PrecedentDatabase } from './precedentDatabase'
import { revisionTable } from './revisionLog'
import { RecordNotFoundError, RevisionConflictError, toStorageError } from './storageErrors'
import { fromRow, toRow, type StoredRow } from './storedRow'

/** The `meta` key of the import log: one entry per committed import, newest last. */
export const IMPORT_LOG_KEY = 'imports:log'
/** Entries kept in the import log. */
export const IMPORT_LOG_KEPT = 100
/** Records written between two progress reports (and two chances to cancel). */
export const IMPORT_SLICE_SIZE = 250

export interface ImportCommitOptions {
  readonly author: string
  readonly now: () => string
  readonly newRevisionId?: () => string
  /** Aborting it cancels the import: the transaction is aborted and nothing is written. */
  readonly signal?: AbortSignal
  /** Called between slices with the records written so far (still uncommitted) and the total. */
  readonly onProgress?: (done: number, total: number) => void
  /** The imported files' names, for the import log. */
  readonly files?: readonly string[]
}

/** One committed import, as kept in the log. */
export interface ImportLogEntry {
  readonly at: string
  readonly author: string
  readonly format: ImportFormat
  readonly files: readonly string[]
  readonly created: number
  readonly updated: number
  /** The plan's counts, so the log says what was skipped too. */
  readonly planned: ImportCounts
}

export interface ImportCommitResult {
  readonly created: number
  readonly updated: number
  readonly writtenByType: Readonly<Record<RecordType, number>>
  /** The ids written, in the order written. */
  readonly ids: readonly string[]
  readonly log: ImportLogEntry
}

/** The person cancelled the import; the transaction was aborted, so nothing was written. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError'
  constructor() {
    super('Import cancelled; nothing was written')
  }
}

// A function, not an inline test: the signal changes under our feet, which narrowing cannot know.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

interface PreparedWrite {
  readonly typed: TypedRecord
  readonly previous?: TypedRecord
}

/**
 * Writes an import plan, all or nothing (RELIABILITY-SECURITY 18, 35, 51): one read-write
 * transaction over the record tables, `revisions` and `meta`, under the exclusive write lock. It
 * first re-reads every planned record: a new one must still be absent and an update must still be
 * at the revision the plan saw, else `RevisionConflictError` and nothing is written. Records are
 * then written in slices, with progress reported and the signal checked between slices; each gets
 * an 'import' revision (the search index follows revisions), every link is checked against what
 * is stored, and one entry is added to the import log. Bulk errors are never caught inside the
 * transaction: any failure aborts it whole.
 *
 * @throws RevisionConflictError a planned record changed (or appeared) since the plan was made
 * @throws RecordNotFoundError a record planned as an update was deleted since
 * @throws RecordValidationError a written record links to a record that does not exist
 * @throws ImportCancelledError the signal fired
 * @throws StorageWriteError the browser aborted the transaction (quota, …)
 */
export async function commitImport(db: PrecedentDatabase, plan: ImportPlan, options: ImportCommitOptions): Promise<ImportCommitResult> {
  const { signal } = options
  if (isAborted(signal)) throw new ImportCancelledError()
  const at = options.now()
  const newRevisionId = options.newRevisionId ?? (() => crypto.randomUUID())
  const total = plan.writes.length
  const note = options.files === undefined || options.files.length === 0 ? undefined : `Imported from ${options.files.join(', ')}`
  const tables = [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db), db.meta]
  try {
    return await withExclusiveWriteLock(() =>
      db.transaction('rw', tables, async () => {
        const prepared = await prepareWrites(db, plan, at)
        // Every link must reach a stored record or one this import writes.
        const writing = prepared.map((write) => write.typed)
        await assertLinksExist(db, writing, { alsoExisting: new Set(writing.map((typed) => typed.record.id as string)), pathOf: (typed, _index, path) => `${typed.record.id}.${path}` })
        const writtenByType = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>
        options.onProgress?.(0, total)
        for (let start = 0; start < prepared.length; start += IMPORT_SLICE_SIZE) {
          if (isAborted(signal)) throw new ImportCancelledError()
          const slice = prepared.slice(start, start + IMPORT_SLICE_SIZE)
          for (const type of RECORD_TYPES) {
            const rows = slice.filter((write) => write.typed.type === type).map((write) => toRow(type, write.typed.record as never))
            if (rows.length > 0) await db.recordTable(type).bulkPut(rows as StoredRow<typeof type>[])
          }
          // One bulk add per slice, inside this transaction: the history commits or fails with the records.
          await revisionTable(db).bulkAdd(
            slice.map(({ typed, previous }) => {
              writtenByType[typed.type] += 1
              return {
                id: newRevisionId(),
                recordType: typed.type,
                recordId: typed.record.id,
                revision: typed.record.revision,
                at,
                author: options.author,
                action: 'import' as const,
                changes: diffRecords(previous?.record, typed.record),
                snapshot: typed.record,
                ...(note === undefined ? {} : { note })
              }
            })
          )
          options.onProgress?.(Math.min(start + slice.length, total), total)
        }
        if (isAborted(signal)) throw new ImportCancelledError()
        const created = prepared.filter((write) => write.previous === undefined).length
        const log: ImportLogEntry = {
          at,
          author: options.author,
          format: plan.format,
          files: options.files ?? [],
          created,
          updated: prepared.length - created,
          planned: plan.counts
        }
        const logged = await db.meta.get(IMPORT_LOG_KEY)
        const earlier = Array.isArray(logged?.value) ? (logged.value as ImportLogEntry[]) : []
        await db.meta.put({ key: IMPORT_LOG_KEY, value: [...earlier, log].slice(-IMPORT_LOG_KEPT) })
        return { created, updated: log.updated, writtenByType, ids: prepared.map((write) => write.typed.record.id), log }
      })
    )
  } catch (error) {
    if (error instanceof ImportCancelledError || isAborted(signal)) throw new ImportCancelledError()
    throw toStorageError(error)
  }
}

const CSV_MAPPING_KEY_PREFIX = 'imports:csv-mapping:'

/**
 * The column mapping last chosen for CSV files with these columns (`signature` from
 * `mappingSignature`), as stored; the caller checks it before use, since stored data may be old.
 */
export async function readRememberedCsvMapping(db: PrecedentDatabase, signature: string): Promise<unknown> {
  return (await db.meta.get(CSV_MAPPING_KEY_PREFIX + signature))?.value
}

/** Remembers a column mapping for the next CSV file with the same columns. */
export async function rememberCsvMapping(db: PrecedentDatabase, signature: string, mapping: unknown): Promise<void> {
  try {
    await db.meta.put({ key: CSV_MAPPING_KEY_PREFIX + signature, value: mapping })
  } catch (error) {
    throw toStorageError(error)
  }
}

/** The import log, oldest first. */
export async function readImportLog(db: PrecedentDatabase): Promise<ImportLogEntry[]> {
  const row = await db.meta.get(IMPORT_LOG_KEY)
  return Array.isArray(row?.value) ? (row.value as ImportLogEntry[]) : []
}

// Re-reads what the plan saw, inside the transaction, and stamps bookkeeping on what will be written.
async function prepareWrites(db: PrecedentDatabase, plan: ImportPlan, at: string): Promise<PreparedWrite[]> {
  const prepared: PreparedWrite[] = []
  const lastRecorded = await lastRecordedRevisions(db, plan.writes.map((write) => write.typed.record.id))
  for (const type of RECORD_TYPES) {
    const writes = plan.writes.filter((write) => write.typed.type === type)
    if (writes.length === 0) continue
    const rows = await db.recordTable(type).bulkGet(writes.map((write) => write.typed.record.id))
    for (const [index, write] of writes.entries()) {
      const row = rows[index]
      const current = row === undefined ? undefined : fromRow(row)
      if (write.expectedRevision === undefined && current !== undefined) throw new RevisionConflictError(current, undefined)
      if (write.expectedRevision !== undefined && current === undefined) throw new RecordNotFoundError(write.typed.record.id)
      if (write.expectedRevision !== undefined && current !== undefined && current.revision !== write.expectedRevision) {
        throw new RevisionConflictError(current, write.expectedRevision)
      }
      // A record created again under an old id counts on from its history, as every writer does.
      const revision = current === undefined ? (lastRecorded.get(write.typed.record.id) ?? 0) + 1 : current.revision + 1
      const record = { ...write.typed.record, createdAt: current?.createdAt ?? at, updatedAt: at, revision }
      prepared.push({
        typed: { type, record } as TypedRecord,
        ...(current === undefined ? {} : { previous: { type, record: current } as TypedRecord })
      })
    }
  }
  return prepared
}

/**
 * The highest revision each id's history holds, in one query: new records rarely have a history
 * (only an id deleted and imported again does), so this reads almost nothing.
 */
async function lastRecordedRevisions(db: PrecedentDatabase, ids: readonly string[]): Promise<Map<string, number>> {
  const highest = new Map<string, number>()
  if (ids.length === 0) return highest
  const revisions = await revisionTable(db).where('recordId').anyOf([...ids]).toArray()
  for (const revision of revisions) highest.set(revision.recordId, Math.max(highest.get(revision.recordId) ?? 0, revision.revision))
  return highest
}

