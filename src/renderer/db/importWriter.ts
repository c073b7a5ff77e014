import { diffRecords, isCreation, recordBefore, type FieldChange } from '@shared/domain/recordHistory'
import { RECORD_TYPES, typedRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import type { ImportCounts, ImportPlan, PlannedWrite } from '@shared/interchange/importPlan'
import type { ImportFormat } from '@shared/interchange/importReading'
import { isSameFeedPosition, noteUnloggedWrite, readFeedPositionHere, readFeedTokenAround, type FeedPosition } from './changeFeed'
import { withExclusiveWriteLock } from './exclusiveWriteLock'
import { HeldChangeNotices } from './heldChangeNotices'
import { assertLinksExist } from './linkCheck'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { writeRecordChanges } from './recordChanges'
import { lastRecordedRevisions, revisionTable } from './revisionLog'
import { RecordNotFoundError, RevisionConflictError, toStorageError } from './storageErrors'
import { fromRow, toRow, type StoredRow } from './storedRow'

/** The `meta` key of the import log: one entry per committed import, newest last. */
export const IMPORT_LOG_KEY = 'imports:log'
/** Entries kept in the import log. */
export const IMPORT_LOG_KEPT = 100
/**
 * The `meta` key of the resume marker: present exactly while an import has committed some of its
 * chunks but not its last one. It is written in the same transaction as each chunk.
 */
export const IMPORT_IN_PROGRESS_KEY = 'imports:in-progress'
/**
 * Records written per read-write transaction. Each chunk is one commit, so a tab closed mid-import
 * leaves whole chunks only. 2,000 (a few MB with their revisions) keeps a commit to a few seconds
 * on a slow disk while the per-chunk costs (the re-check's reads, waiting for the previous commit's
 * flush with strict durability) stay small beside the writes; 500 cost measurably more per record.
 */
export const IMPORT_CHUNK_SIZE = 2000

export interface ImportCommitOptions {
  readonly author: string
  readonly now: () => string
  readonly newRevisionId?: () => string
  /** Aborting it cancels the import: chunks already committed are rolled back, so nothing stays written. */
  readonly signal?: AbortSignal
  /** Called after each committed chunk with the records written so far and the total. */
  readonly onProgress?: (done: number, total: number) => void
  /** The imported files' names, for the import log. */
  readonly files?: readonly string[]
  /** Records per transaction (tests use small chunks). */
  readonly chunkSize?: number
  /**
   * Where the change feed stood before the plan read what is stored (`readFeedPosition`). While it
   * still stands where the commit last checked, nothing was written since: the plan's checks still
   * hold, and the commit does not read the planned records again to repeat them (issue 10: that
   * re-reading was a tenth of an import's write time).
   */
  readonly plannedAt?: FeedPosition
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
  /** How many records were written (the ids are not kept: an import may write a hundred thousand). */
  readonly written: number
  readonly log: ImportLogEntry
}

/**
 * The resume marker (`meta['imports:in-progress']`): which import (its id, the time stamped on all
 * its records and revisions, who ran it, from which files) and how far it got. A marker found
 * when no import holds the exclusive write lock means the tab that wrote it was closed or killed.
 */
export interface ImportInProgress {
  readonly importId: string
  readonly at: string
  readonly author: string
  readonly format: ImportFormat
  readonly files: readonly string[]
  /** Records the plan writes in all. */
  readonly total: number
  /** Records written by the chunks committed so far. */
  readonly done: number
}

/** What rolling back an unfinished import did. */
export interface ImportRollbackResult {
  readonly files: readonly string[]
  readonly at: string
  /** Records the import had written in committed chunks. */
  readonly written: number
  /** Records it created, removed again with their import revisions. */
  readonly removed: number
  /** Records it updated, put back as they were (a `restore` revision each). */
  readonly restored: number
  /** Records changed by someone else after the import wrote them: left as they are. */
  readonly leftChanged: number
}

/** The person cancelled the import; what had been written was rolled back, so nothing stays written. */
export class ImportCancelledError extends Error {
  override readonly name = 'ImportCancelledError'
  constructor(readonly rolledBack: number = 0) {
    super('Import cancelled; nothing was written')
  }
}

// A function, not an inline test: the signal changes under our feet, which narrowing cannot know.
const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true

interface PreparedWrite {
  readonly typed: TypedRecord
  readonly previous?: TypedRecord
}

const recordWriteTables = (db: PrecedentDatabase) => [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db), db.meta]

/**
 * Writes an import plan in chunks (RELIABILITY-SECURITY 18, 35, 51; issue 10), all under the
 * exclusive write lock, so that no other import or restore interleaves:
 * 1. an import left unfinished by a closed tab is rolled back first (`rollBackInterruptedImport`);
 * 2. one read-only pass re-reads every planned record: a new one must still be absent and an
 *    update must still be at the revision the plan saw, and every link must reach a stored record
 *    or one this import writes; otherwise `RevisionConflictError`/`RecordValidationError` and
 *    nothing is written. Skipped when the change feed still stands at `plannedAt`;
 * 3. the writes go in chunks of `IMPORT_CHUNK_SIZE`, one read-write transaction each, which
 *    re-checks its own records and links, writes them with an `import` revision each (the search
 *    index follows revisions), and writes the resume marker; the last chunk writes the import log
 *    entry and removes the marker instead. A chunk that finds the feed where the last check left it
 *    (nothing written in between) reads only what it must: updated records' current rows and the
 *    history of new ids.
 * A chunk that fails is aborted whole by IndexedDB; the chunks before it are then rolled back, as
 * they are on cancel, so an import is either written completely or not at all.
 *
 * @throws RevisionConflictError a planned record changed (or appeared) since the plan was made
 * @throws RecordNotFoundError a record planned as an update was deleted since
 * @throws RecordValidationError a written record links to a record that does not exist
 * @throws ImportCancelledError the signal fired (what was written has been rolled back)
 * @throws StorageWriteError the browser aborted a transaction (quota, …)
 */
export async function commitImport(db: PrecedentDatabase, plan: ImportPlan, options: ImportCommitOptions): Promise<ImportCommitResult> {
  const { signal } = options
  if (isAborted(signal)) throw new ImportCancelledError()
  const newRevisionId = options.newRevisionId ?? (() => crypto.randomUUID())
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK_SIZE)
  const total = plan.writes.length
  const files = options.files ?? []
  const note = files.length === 0 ? undefined : `Imported from ${files.join(', ')}`
  const plannedIds = new Set(plan.writes.map((write) => write.typed.record.id as string))
  // Live queries, the search index and the duplicates hear of the chunks once, when the import has
  // finished or been rolled back, not after each chunk (see HeldChangeNotices).
  const notices = new HeldChangeNotices()
  let rolledBack = 0
  try {
    return await withExclusiveWriteLock(async () => {
      let marker: ImportInProgress | undefined
      try {
        return await writeChunks()
      } catch (error) {
        // Chunks that committed before the failure or the cancel are taken out again, still under
        // the lock, so no other import sees them and none stays half-imported.
        if (marker !== undefined) rolledBack = await rollBackAfterFailure(db, marker, { author: options.author, now: options.now, newRevisionId, chunkSize })
        throw error
      } finally {
        notices.release()
      }

      async function writeChunks(): Promise<ImportCommitResult> {
        await rollBackInterruptedImportHoldingLock(db, { author: options.author, now: options.now, newRevisionId, chunkSize })
        // Taken inside the lock, so no two imports share the stamp their revisions are found by.
        const at = options.now()
        // What others had written when the plan's checks last held: each chunk compares, and checks
        // again only when something was written since.
        let checkedToken = await db.transaction('r', recordWriteTables(db), async () => {
          const token = await readFeedTokenAround(db, at)
          if (options.plannedAt !== undefined && isSameFeedPosition(await readFeedPositionHere(db), options.plannedAt)) return token
          // Only conflicts and links are checked here: the revision numbers are worked out by each chunk.
          const prepared = await prepareWrites(db, plan.writes, at, { numbersRevisions: false })
          await assertImportLinks(db, prepared, plannedIds)
          return token
        })
        const writtenByType = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>
        let created = 0
        let log: ImportLogEntry | undefined
        const started: ImportInProgress = { importId: newRevisionId(), at, author: options.author, format: plan.format, files, total, done: 0 }
        options.onProgress?.(0, total)
        // Each chunk's rows are worked out while the chunk before it is being written (see precomputeChunk).
        let upcoming = precomputeChunk(plan.writes.slice(0, chunkSize))
        // An empty plan still runs one (empty) chunk, which logs the import.
        for (let start = 0; start === 0 || start < total; start += chunkSize) {
          if (isAborted(signal)) throw new ImportCancelledError()
          const chunk = plan.writes.slice(start, start + chunkSize)
          const precomputed = await upcoming
          const following = plan.writes.slice(start + chunkSize, start + 2 * chunkSize)
          upcoming = precomputeChunk(following)
          // Awaited by the next chunk; a chunk that fails first leaves it unread.
          upcoming.catch(() => undefined)
          const isLast = start + chunk.length >= total
          const committed = await db.transaction('rw', recordWriteTables(db), async () => {
            const unchanged = (await readFeedTokenAround(db, at)) === checkedToken
            const prepared = await prepareWrites(db, chunk, at, { plannedNewAreAbsent: unchanged })
            if (!unchanged) await assertImportLinks(db, prepared, plannedIds)
            // One bulk write per table, inside the chunk's transaction: the history commits or fails with the records.
            await writeRecordChanges(
              db,
              prepared.map(({ typed, previous }) => ({
                action: 'import' as const,
                before: previous,
                after: typed,
                note,
                prepared: { row: rowOf(precomputed, typed), changes: previous === undefined ? precomputed.get(keyOf(typed))?.createdChanges : undefined }
              })),
              { at, author: options.author, newRevisionId }
            )
            const chunkCreated = prepared.filter((write) => write.previous === undefined).length
            const done = start + chunk.length
            if (!isLast) {
              await db.meta.put({ key: IMPORT_IN_PROGRESS_KEY, value: { ...started, done } satisfies ImportInProgress })
            } else {
              const entry: ImportLogEntry = {
                at,
                author: options.author,
                format: plan.format,
                files,
                created: created + chunkCreated,
                updated: total - created - chunkCreated,
                planned: plan.counts
              }
              const logged = await db.meta.get(IMPORT_LOG_KEY)
              const earlier = Array.isArray(logged?.value) ? (logged.value as ImportLogEntry[]) : []
              await db.meta.put({ key: IMPORT_LOG_KEY, value: [...earlier, entry].slice(-IMPORT_LOG_KEPT) })
              await db.meta.delete(IMPORT_IN_PROGRESS_KEY)
              log = entry
            }
            // Read inside the transaction, after its writes: no other write can come between.
            const token = await readFeedTokenAround(db, at)
            return {
              created: chunkCreated,
              done,
              token,
              types: prepared.map((write) => write.typed.type),
              notice: HeldChangeNotices.takeFromCurrentTransaction()
            }
          })
          checkedToken = committed.token
          // Only once the chunk's transaction has committed does it count (and need rolling back).
          notices.keep(committed.notice)
          marker = { ...started, done: committed.done }
          created += committed.created
          for (const type of committed.types) writtenByType[type] += 1
          options.onProgress?.(committed.done, total)
        }
        marker = undefined
        const entry = log ?? { at, author: options.author, format: plan.format, files, created: 0, updated: 0, planned: plan.counts }
        return { created: entry.created, updated: entry.updated, writtenByType, written: total, log: entry }
      }
    })
  } catch (error) {
    if (error instanceof ImportCancelledError || isAborted(signal)) throw new ImportCancelledError(rolledBack)
    throw toStorageError(error)
  }
}

async function assertImportLinks(db: PrecedentDatabase, prepared: readonly PreparedWrite[], plannedIds: ReadonlySet<string>): Promise<void> {
  const writing = prepared.map((write) => write.typed)
  // Every link must reach a stored record or one this import writes (in this chunk or another).
  await assertLinksExist(db, writing, { alsoExisting: plannedIds, pathOf: (typed, _index, path) => `${typed.record.id}.${path}` })
}

// If the rollback itself fails, the marker stays and the next start (or import) finishes it.
async function rollBackAfterFailure(db: PrecedentDatabase, marker: ImportInProgress, options: RollbackOptions): Promise<number> {
  try {
    await rollBackImport(db, marker, options)
    return marker.done
  } catch (error) {
    console.error('[import] the unfinished import could not be rolled back yet; it will be on the next start', error)
    return 0
  }
}

interface RollbackOptions {
  readonly author: string
  readonly now: () => string
  readonly newRevisionId?: () => string
  readonly chunkSize?: number
}

/** The resume marker of an unfinished import, or `undefined` (a damaged marker reads as none). */
export async function readImportInProgress(db: PrecedentDatabase): Promise<ImportInProgress | undefined> {
  const value = (await db.meta.get(IMPORT_IN_PROGRESS_KEY))?.value as Partial<ImportInProgress> | undefined
  if (typeof value !== 'object' || value === null) return undefined
  if (typeof value.at !== 'string' || typeof value.author !== 'string' || typeof value.done !== 'number' || !Array.isArray(value.files)) return undefined
  return value as ImportInProgress
}

/**
 * Rolls back an import that a closed or killed tab left unfinished, if there is one (its marker is
 * in `meta`). It waits for the exclusive write lock, so it never touches an import another window
 * is still writing: that one holds the lock until it has finished or rolled back itself, and
 * removes its marker. Returns what was rolled back, or `undefined` when nothing was unfinished.
 *
 * Why roll back rather than resume: the plan and the files it came from live only in the tab that
 * was closed (a `File` cannot be reopened after a restart), so the remaining writes are not known;
 * the records already written are, by their revisions, and taking them out leaves the knowledge
 * base as it was before the import, with its backup still at hand.
 */
export async function rollBackInterruptedImport(db: PrecedentDatabase, options: RollbackOptions): Promise<ImportRollbackResult | undefined> {
  try {
    return await withExclusiveWriteLock(() => rollBackInterruptedImportHoldingLock(db, options))
  } catch (error) {
    throw toStorageError(error)
  }
}

async function rollBackInterruptedImportHoldingLock(db: PrecedentDatabase, options: RollbackOptions): Promise<ImportRollbackResult | undefined> {
  const marker = await readImportInProgress(db)
  if (marker === undefined) return undefined
  return rollBackImport(db, marker, options)
}

// Records linking to others go first, so a rollback stopped half-way leaves no link to a removed record.
const ROLLBACK_ORDER: readonly RecordType[] = ['response', 'incident', 'law', 'source', 'organisation', 'jurisdiction']

/**
 * Takes an import's committed chunks out again, in chunks of its own (one read-write transaction
 * each, so this too can be interrupted and run again). The import's records are found by their
 * `import` revisions, which all carry the import's time stamp and author. A record it created is
 * removed with that revision, as if never imported; a record it updated is put back as it was,
 * with a `restore` revision, so its history stays true and the search index follows. A record
 * someone changed after the import wrote it is left as it is. Idempotent: a revision already rolled
 * back is gone (or its record has moved on). The marker is removed with the last chunk.
 */
async function rollBackImport(db: PrecedentDatabase, marker: ImportInProgress, options: RollbackOptions): Promise<ImportRollbackResult> {
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK_SIZE)
  const newRevisionId = options.newRevisionId ?? (() => crypto.randomUUID())
  // Only the keys are kept in memory: snapshots are read again chunk by chunk.
  const found: { readonly id: string; readonly type: RecordType }[] = []
  await revisionTable(db)
    .where('at')
    .equals(marker.at)
    .each((revision) => {
      if (revision.action === 'import' && revision.author === marker.author) found.push({ id: revision.id, type: revision.recordType })
    })
  found.sort((a, b) => ROLLBACK_ORDER.indexOf(a.type) - ROLLBACK_ORDER.indexOf(b.type))
  let removed = 0
  let restored = 0
  let leftChanged = 0
  const note = `Import of ${marker.files.length === 0 ? 'a file' : marker.files.join(', ')} rolled back`
  for (let start = 0; start === 0 || start < found.length; start += chunkSize) {
    const chunk = found.slice(start, start + chunkSize)
    const isLast = start + chunkSize >= found.length
    await db.transaction('rw', recordWriteTables(db), async () => {
      const removedBefore = removed
      const revisions = await revisionTable(db).bulkGet(chunk.map((item) => item.id))
      for (const revision of revisions) {
        if (revision === undefined || revision.snapshot === undefined) continue
        const table = db.recordTable(revision.recordType)
        const row = await table.get(revision.recordId)
        if (row === undefined || row.revision !== revision.revision) {
          leftChanged += 1
          continue
        }
        if (isCreation(revision)) {
          await table.delete(revision.recordId)
          await revisionTable(db).delete(revision.id)
          removed += 1
          continue
        }
        const before = recordBefore(revision)
        const current = fromRow(row)
        const at = options.now()
        const record = { ...before, createdAt: current.createdAt, updatedAt: at, revision: current.revision + 1 } as typeof current
        await writeRecordChanges(
          db,
          [{ action: 'restore', before: typedRecord(revision.recordType, current), after: typedRecord(revision.recordType, record), note }],
          { at, author: options.author, newRevisionId }
        )
        restored += 1
      }
      // Records taken out with their revisions leave no trace in the log: the stamp tells the
      // followers of the change feed (search, duplicates, views) to read the tables again.
      if (removed > removedBefore) await noteUnloggedWrite(db, options.now())
      // Only this import's marker: never one a later import wrote.
      if (isLast && (await readImportInProgress(db))?.importId === marker.importId) await db.meta.delete(IMPORT_IN_PROGRESS_KEY)
    })
  }
  return { files: marker.files, at: marker.at, written: marker.done, removed, restored, leftChanged }
}

export const CSV_MAPPING_KEY_PREFIX = 'imports:csv-mapping:'

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

/**
 * Re-reads what the plan saw, inside the transaction, and stamps bookkeeping on what will be written.
 * With `plannedNewAreAbsent` (nothing written since the plan's checks) the records planned as new
 * are known to be absent and are not read; updates still are, for the version they replace.
 */
async function prepareWrites(
  db: PrecedentDatabase,
  planned: readonly PlannedWrite[],
  at: string,
  { numbersRevisions = true, plannedNewAreAbsent = false } = {}
): Promise<PreparedWrite[]> {
  const prepared: PreparedWrite[] = []
  const byType = RECORD_TYPES.map((type) => ({ type, writes: planned.filter((write) => write.typed.type === type) })).filter(({ writes }) => writes.length > 0)
  const read = async (type: RecordType, writes: readonly PlannedWrite[]): Promise<(StoredRow<RecordType> | undefined)[]> => {
    if (!plannedNewAreAbsent) return db.recordTable(type).bulkGet(writes.map((write) => write.typed.record.id))
    const updates = writes.filter((write) => write.expectedRevision !== undefined)
    if (updates.length === 0) return writes.map(() => undefined)
    const found = await db.recordTable(type).bulkGet(updates.map((write) => write.typed.record.id))
    const byId = new Map(updates.map((write, index) => [write.typed.record.id as string, found[index]]))
    return writes.map((write) => byId.get(write.typed.record.id as string))
  }
  const rowsByType = await Promise.all(byType.map(({ type, writes }) => read(type, writes)))
  const absentIds = byType.flatMap(({ writes }, typeIndex) =>
    writes.filter((_write, index) => rowsByType[typeIndex]![index] === undefined).map((write) => write.typed.record.id as string)
  )
  // The history of every new id is one index lookup each: not worth it when only checking.
  const lastRecorded = numbersRevisions ? await lastRecordedRevisions(db, absentIds) : new Map<string, number>()
  for (const [typeIndex, { type, writes }] of byType.entries()) {
    const rows = rowsByType[typeIndex]!
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
        typed: typedRecord(type, record),
        ...(current === undefined ? {} : { previous: typedRecord(type, current) })
      })
    }
  }
  return prepared
}

/** What a chunk writes that does not depend on what its transaction reads: each record's row and, for a new record, its changes. */
interface PrecomputedWrite {
  /** The stored row without the bookkeeping the chunk stamps (`createdAt`, `updatedAt`, `revision`). */
  readonly row: StoredRow<RecordType>
  /** A record planned as new: every field is a change (`diffRecords` from nothing). */
  readonly createdChanges?: FieldChange[]
}

/** Records worked out between two yields to the event loop, so none of it is a long task. */
const PRECOMPUTE_SLICE = 250

const keyOf = (typed: TypedRecord): string => `${typed.type}:${typed.record.id}`
const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * A chunk's rows (`toRow`: index fields, folded titles, duplicate keys) and a new record's changes,
 * worked out before its transaction, a slice at a time, while the previous chunk's transaction is
 * writing: none of them depends on the bookkeeping the transaction stamps (`toRow` and `diffRecords`
 * never read it), so the transaction only adds that. A record planned as new that turns out to
 * exist is refused by the transaction's re-check before its precomputed changes could be used.
 */
async function precomputeChunk(writes: readonly PlannedWrite[]): Promise<Map<string, PrecomputedWrite>> {
  const precomputed = new Map<string, PrecomputedWrite>()
  for (let start = 0; start < writes.length; start += PRECOMPUTE_SLICE) {
    if (start > 0) await nextTask()
    for (const { typed, expectedRevision } of writes.slice(start, start + PRECOMPUTE_SLICE)) {
      precomputed.set(keyOf(typed), {
        row: toRow(typed.type, typed.record as never),
        ...(expectedRevision === undefined ? { createdChanges: diffRecords(undefined, typed.record) } : {})
      })
    }
  }
  return precomputed
}

/** The row to store for a prepared record: its precomputed row with the chunk's bookkeeping. */
function rowOf(precomputed: ReadonlyMap<string, PrecomputedWrite>, typed: TypedRecord): StoredRow<RecordType> {
  const row = precomputed.get(keyOf(typed))?.row
  if (row === undefined) return toRow(typed.type, typed.record as never)
  const { createdAt, updatedAt, revision } = typed.record
  return { ...row, createdAt, updatedAt, revision }
}
