import Dexie, { type Table } from 'dexie'
import { BUNDLE_COLLECTION, BUNDLE_FORMAT, BUNDLE_VERSION, parseBundle, type Bundle, type BundleProblem } from '@shared/domain/bundle'
import { withoutUnsafeCharactersInside } from '@shared/domain/unsafeCharacters'
import { WORKSPACE_ROW_NAME, type BundleWorkspace } from '@shared/domain/bundleWorkspace'
import { readBundleFile, type ReadBundleFileOptions } from './bundleFileReader'
import { isSameValue } from '@shared/domain/recordHistory'
import { REVISION_NOTES } from '@shared/domain/revisionNotes'
import { RECORD_TYPES, typedRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { withExclusiveWriteLock, type HeldWriteLock } from './exclusiveWriteLock'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { writeRecordChanges } from './recordChanges'
import { lastRecordedRevisions } from './revisionLog'
import { BundleValidationError, recordProblemsOf, toStorageError } from './storageErrors'
import { planWorkspaceRestore, restoreWorkspace, workspaceTables, writeWorkspace, type WorkspaceRestoreResult } from './backupWorkspace'
import { fromRow } from './storedRow'

/**
 * Why a backup was taken, as codes for words in the reader's language. Kept beside the English
 * `reason` (which also titles the backup's file, read by other copies of Precedent and the command
 * line); backups taken before these codes have only the English.
 */
export type BackupReasonCode =
  | { readonly kind: 'by-hand' }
  | { readonly kind: 'daily' }
  | { readonly kind: 'before-importing'; readonly files: readonly string[] }
  /** Before restoring the backup taken at `takenAt` (an ISO timestamp). */
  | { readonly kind: 'before-restoring-backup'; readonly takenAt: string }
  | { readonly kind: 'before-restoring-file'; readonly fileName: string }
  | { readonly kind: 'before-upgrading'; readonly from: number; readonly to: number }

/** Why a backup is taken: in English, as stored and as its file's title, and as codes. */
export interface BackupReason {
  readonly text: string
  readonly code: BackupReasonCode
}

/** What a backup list shows: when, why, and how much it holds. */
export interface BackupSummary {
  readonly id: string
  readonly createdAt: string
  /** In English, as stored. */
  readonly reason: string
  readonly reasonCode?: BackupReasonCode
  readonly counts: Readonly<Record<RecordType, number>>
  /** The compressed size in bytes; absent for backups taken before they were compressed. */
  readonly bytes?: number
}

/**
 * How a backup is kept since issue 10: the bundle's JSON, gzip-compressed, as a Blob (Chromium
 * keeps large Blobs as files beside the database, not in the page's memory).
 */
interface StoredCompressedBackup extends BackupSummary {
  readonly file: Blob
}

/** How backups were kept before: the bundle itself. They still list, save and restore. */
interface StoredBundleBackup extends BackupSummary {
  readonly bundle: Bundle
}

type StoredBackup = StoredCompressedBackup | StoredBundleBackup

/** A kept backup's content: a gzip-compressed bundle file, or (older backups) the bundle itself. */
export type BackupContent = { readonly kind: 'file'; readonly file: Blob } | { readonly kind: 'bundle'; readonly bundle: Bundle }

/** How many backups are kept; the oldest beyond this are removed after each new one. */
export const BACKUPS_KEPT = 10

/**
 * Backups live in their own IndexedDB database beside the knowledge base, so a failed import,
 * restore or migration of the knowledge base cannot touch them. (The desktop app also writes each
 * one to a file outside the browser profile; see features/backups.) Version 1's one table holds
 * both kinds of row, so no upgrade is needed.
 */
class BackupDatabase extends Dexie {
  backups!: Table<StoredBackup, string>
  constructor(name: string) {
    super(name, { chromeTransactionDurability: 'strict' })
    this.version(1).stores({ backups: 'id, createdAt' })
  }
}

const backupDatabases = new Map<string, BackupDatabase>()
function backupDatabaseOf(db: PrecedentDatabase): BackupDatabase {
  const name = `${db.name}-backups`
  let backups = backupDatabases.get(name)
  if (backups === undefined) {
    backups = new BackupDatabase(name)
    backupDatabases.set(name, backups)
  }
  return backups
}

export interface ReadBundleOptions {
  readonly now: () => string
  readonly title?: string
}

/** Records read and serialised per request while a bundle is written out. */
const BUNDLE_PAGE_SIZE = 250

/**
 * Where bundle text goes as it is produced. `write` must not block; `backlog` says how many
 * pieces are still waiting to be consumed, so the reader can wait for it to drain.
 */
export interface BundleTextSink {
  write(text: string): void
  readonly backlog: number
}

/**
 * Pieces allowed to wait in a sink before reading pauses (each is one page of records). Small on
 * purpose: the compressor works through its queue in one run of promise jobs, so the queue's
 * length bounds the longest task on the page as well as the memory.
 */
const MAX_SINK_BACKLOG = 2

/**
 * Writes the whole knowledge base to `sink` as bundle JSON (version 2): every record, table by
 * table and page by page, one record a line, then the workspace (history, merges and redirects,
 * briefings, saved searches, preferences, import log: see `backupWorkspace.ts`), all in one
 * read-only transaction, so that a write in another window lands wholly before or wholly after it
 * (RELIABILITY-SECURITY 54). Only one page of rows and its text are held at a time: nothing
 * awaited here is outside IndexedDB (that would end the transaction), so while the sink is behind,
 * a cheap key read keeps the transaction open and lets it drain. Derived data (search snapshot,
 * likely duplicate pairs, index fields) is left out: it is rebuilt, never restored.
 */
export async function writeKnowledgeBaseBundle(db: PrecedentDatabase, sink: BundleTextSink, options: ReadBundleOptions): Promise<Record<RecordType, number>> {
  const header = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'precedent-knowledge-base',
    revision: 1,
    ...(options.title === undefined ? {} : { title: options.title }),
    createdAt: options.now()
  }
  return db.transaction('r', [...RECORD_TABLE_NAMES.map((name) => db[name]), ...workspaceTables(db)], async () => {
    const counts = Object.fromEntries(RECORD_TYPES.map((type) => [type, 0])) as Record<RecordType, number>
    sink.write(`${JSON.stringify(header).slice(0, -1)},"records":{`)
    for (const [position, type] of RECORD_TYPES.entries()) {
      const table = db.recordTable(type)
      sink.write(`${position === 0 ? '' : ','}\n${JSON.stringify(BUNDLE_COLLECTION[type])}:[`)
      let last: string | undefined
      for (;;) {
        const rows = await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(BUNDLE_PAGE_SIZE).toArray()
        if (rows.length === 0) break
        const separator = counts[type] === 0 ? '\n' : ',\n'
        sink.write(separator + rows.map((row) => JSON.stringify(fromRow(row))).join(',\n'))
        counts[type] += rows.length
        last = rows[rows.length - 1]!.id
        for (let wait = 0; sink.backlog > MAX_SINK_BACKLOG && wait < 10_000; wait += 1) await table.limit(1).primaryKeys()
        if (rows.length < BUNDLE_PAGE_SIZE) break
      }
      sink.write('\n]')
    }
    sink.write('}')
    await writeWorkspace(db, {
      write: (text) => sink.write(text),
      async waitForSink() {
        for (let wait = 0; sink.backlog > MAX_SINK_BACKLOG && wait < 10_000; wait += 1) await db.meta.limit(1).primaryKeys()
      }
    })
    sink.write('}\n')
    return counts
  })
}

/** A sink that gzips what it is given into a Blob, as it comes. */
export function gzipBlobSink(): { readonly sink: BundleTextSink; finish(): Promise<Blob>; abort(reason: unknown): void } {
  const compression = new CompressionStream('gzip')
  const compressed = new Response(compression.readable).blob()
  const writer = compression.writable.getWriter()
  const encoder = new TextEncoder()
  let failure: unknown
  return {
    sink: {
      write(text) {
        writer.write(encoder.encode(text)).catch((error: unknown) => {
          failure ??= error
        })
      },
      get backlog() {
        return 1 - (writer.desiredSize ?? 1)
      }
    },
    async finish() {
      await writer.close()
      const blob = await compressed
      if (failure !== undefined) throw failure
      return blob
    },
    abort(reason) {
      void writer.abort(reason).catch(() => undefined)
      void compressed.catch(() => undefined)
    }
  }
}

/** The whole knowledge base as a gzip-compressed bundle file, written as it is read (see {@link writeKnowledgeBaseBundle}). */
export async function writeKnowledgeBaseFile(
  db: PrecedentDatabase,
  options: ReadBundleOptions
): Promise<{ readonly file: Blob; readonly counts: Record<RecordType, number> }> {
  const gzip = gzipBlobSink()
  try {
    const counts = await writeKnowledgeBaseBundle(db, gzip.sink, options)
    return { file: await gzip.finish(), counts }
  } catch (error) {
    gzip.abort(error)
    throw error
  }
}

/**
 * Every record of the knowledge base as a bundle object, read in one read-only transaction. For
 * tests and small exports: a large knowledge base is written with {@link writeKnowledgeBaseFile}.
 */
export async function readKnowledgeBaseBundle(db: PrecedentDatabase, options: ReadBundleOptions): Promise<Bundle> {
  const pieces: string[] = []
  await writeKnowledgeBaseBundle(db, { write: (text) => void pieces.push(text), backlog: 0 }, options)
  return JSON.parse(pieces.join('')) as Bundle
}

export interface CreateBackupOptions {
  readonly reason: BackupReason
  readonly now: () => string
  readonly newId?: () => string
  /** The exclusive write lock, when the caller already holds it (a restore's safety backup, the backup before an upgrade). */
  readonly lock?: HeldWriteLock
}

/**
 * Takes a backup of every record (RELIABILITY-SECURITY 23, 35: taken before every import and
 * restore) as a gzip-compressed bundle file, and keeps the newest `BACKUPS_KEPT`. The backup is
 * written in one transaction of the backup database: it is either wholly there or not at all.
 * It holds the exclusive write lock (taken here unless `options.lock` says the caller holds it),
 * so another window's import, restore or upgrade waits until it is kept (RELIABILITY-SECURITY 51).
 */
export async function createBackup(db: PrecedentDatabase, options: CreateBackupOptions): Promise<BackupSummary & { readonly file: Blob }> {
  return withExclusiveWriteLock(() => createBackupHoldingLock(db, options), options.lock)
}

async function createBackupHoldingLock(db: PrecedentDatabase, options: CreateBackupOptions): Promise<BackupSummary & { readonly file: Blob }> {
  const createdAt = options.now()
  const { file, counts } = await writeKnowledgeBaseFile(db, { now: () => createdAt, title: options.reason.text })
  const backup: StoredCompressedBackup = {
    id: (options.newId ?? (() => crypto.randomUUID()))(),
    createdAt,
    reason: options.reason.text,
    reasonCode: options.reason.code,
    counts,
    bytes: file.size,
    file
  }
  const backups = backupDatabaseOf(db)
  await backups.transaction('rw', backups.backups, async () => {
    await backups.backups.add(backup)
    const surplus = await backups.backups.orderBy('createdAt').reverse().offset(BACKUPS_KEPT).primaryKeys()
    await backups.backups.bulkDelete(surplus)
  })
  return backup
}

/** The kept backups, newest first. */
export async function listBackups(db: PrecedentDatabase): Promise<BackupSummary[]> {
  const stored = await backupDatabaseOf(db).backups.orderBy('createdAt').reverse().toArray()
  return stored.map((backup) => {
    const { id, createdAt, reason, reasonCode, counts, bytes } = backup
    return { id, createdAt, reason, ...(reasonCode === undefined ? {} : { reasonCode }), counts, ...(bytes === undefined ? {} : { bytes }) }
  })
}

/** One kept backup's content, or `undefined` if it was rotated away. */
export async function readBackupContent(db: PrecedentDatabase, id: string): Promise<BackupContent | undefined> {
  const stored = await backupDatabaseOf(db).backups.get(id)
  if (stored === undefined) return undefined
  return 'file' in stored ? { kind: 'file', file: stored.file } : { kind: 'bundle', bundle: stored.bundle }
}

/**
 * One kept backup as a bundle value (not yet validated), or `undefined` if it was rotated away.
 * Compressed backups are read as a stream (see {@link readBundleFile}).
 */
export async function readBackup(db: PrecedentDatabase, id: string, options: ReadBundleFileOptions = {}): Promise<unknown> {
  const content = await readBackupContent(db, id)
  if (content === undefined) return undefined
  return content.kind === 'bundle' ? content.bundle : readBundleFile(content.file, 'backup', options)
}

export interface RestoreBundleOptions {
  readonly author: string
  readonly now: () => string
  readonly newRevisionId?: () => string
  /** Aborting rolls the whole restore back (its one transaction is aborted). */
  readonly signal?: AbortSignal
  /** Called after each page of records is written, with how many of `total` are done. */
  readonly onProgress?: (done: number, total: number) => void
  /** The exclusive write lock, when the caller already holds it (to take its safety backup under the same lock). */
  readonly lock?: HeldWriteLock
}

export interface RestoreResult {
  readonly restored: number
  readonly removed: number
  readonly unchanged: number
  /** What was put back beside the records (a version 1 backup holds none of it; redirects are cleaned all the same). */
  readonly workspace: WorkspaceRestoreResult
}

/** Records compared and written per step of a restore (bulk reads and writes of this size). */
const RESTORE_PAGE_SIZE = 500

/** The restore was cancelled before its transaction committed: nothing was changed. */
export class RestoreCancelledError extends Error {
  override readonly name = 'RestoreCancelledError'
  constructor() {
    super('Restore cancelled: nothing was changed')
  }
}

/**
 * Makes the knowledge base hold exactly the bundle's records (a full restore): records that differ
 * are written back, records the bundle lacks are deleted, and each change enters the records'
 * history as a restore, so the restore itself can be inspected and undone record by record.
 * Beside the records, every part of the workspace the bundle holds is put back in the same
 * transaction (history entries the knowledge base lacks are added; briefings, saved searches,
 * merges, redirects, preferences, import log replace what is stored), and redirects are cleaned
 * so that each leads to a record that exists (see `backupWorkspace.ts`).
 * The caller takes a backup first (the Backups view does). One read-write transaction under the
 * exclusive write lock, all reads first, then written in bulk pages of RESTORE_PAGE_SIZE: on any failure, or
 * when cancelled, the transaction is aborted and nothing changed.
 *
 * @throws BundleValidationError the bundle is invalid; nothing was written
 * @throws RestoreCancelledError `signal` was aborted; nothing was written
 * @throws StorageWriteError the browser aborted the transaction; nothing was written
 */
export async function restoreBundle(db: PrecedentDatabase, json: unknown, options: RestoreBundleOptions): Promise<RestoreResult> {
  // A backup from before the text schema refused disguising characters (a bidi override typed into
  // a title) must still restore: they are taken out, as an import takes them out, not refused.
  const parsed = parseBundle(withoutUnsafeCharactersInside(json))
  if (!parsed.ok) throw new BundleValidationError(recordProblemsOf(parsed.problems.map((problem) => nameRecordOf(problem, json))))
  const at = options.now()
  const newRevisionId = options.newRevisionId ?? (() => crypto.randomUUID())
  const tables = [...RECORD_TABLE_NAMES.map((name) => db[name]), ...workspaceTables(db)]
  const { workspace } = parsed.bundle
  const total = RECORD_TYPES.reduce((sum, type) => sum + parsed.bundle.records[BUNDLE_COLLECTION[type]].length, 0)
  const checkNotCancelled = (): void => {
    if (options.signal?.aborted === true) throw new RestoreCancelledError()
  }
  try {
    checkNotCancelled()
    return await withExclusiveWriteLock(
      () =>
        db.transaction('rw', tables, async () => {
          // Every read comes before the first write: reads in a transaction that already holds many
          // uncommitted writes get slower as they grow, so at 100k records this order matters.
          const plans: {
            readonly type: RecordType
            readonly writes: readonly { current?: TypedRecord['record']; record: TypedRecord['record'] }[]
            readonly surplus: readonly TypedRecord['record'][]
          }[] = []
          let unchanged = 0
          options.onProgress?.(0, total)
          const recordIds = new Set(RECORD_TYPES.flatMap((type) => parsed.bundle.records[BUNDLE_COLLECTION[type]].map((record) => record.id)))
          const workspacePlan = await planWorkspaceRestore(db, workspace, recordIds)
          for (const type of RECORD_TYPES) {
            const table = db.recordTable(type)
            const wanted = parsed.bundle.records[BUNDLE_COLLECTION[type]] as readonly TypedRecord['record'][]
            // The stored ids first (keys only): only records already stored are read and compared, so
            // a restore into an empty knowledge base reads no rows at all.
            const notInBundle = new Set(await table.toCollection().primaryKeys())
            const writes: { current?: TypedRecord['record']; record: TypedRecord['record'] }[] = []
            for (let start = 0; start < wanted.length; start += RESTORE_PAGE_SIZE) {
              checkNotCancelled()
              const page = wanted.slice(start, start + RESTORE_PAGE_SIZE)
              const stored = page.filter((record) => notInBundle.has(record.id))
              const rows = stored.length === 0 ? [] : await table.bulkGet(stored.map((record) => record.id))
              const currentOf = new Map<string, TypedRecord['record']>()
              rows.forEach((row) => {
                if (row !== undefined) currentOf.set(row.id, fromRow(row) as TypedRecord['record'])
              })
              const changed = page.flatMap((record) => {
                notInBundle.delete(record.id)
                const current = currentOf.get(record.id)
                if (current !== undefined && isSameValue(current, record)) {
                  unchanged += 1
                  return []
                }
                return [{ record, current }]
              })
              // A record created again under an old id counts on from its history, so the log stays in order.
              const recorded = await lastRecordedRevisions(
                db,
                changed.filter(({ current }) => current === undefined).map(({ record }) => record.id)
              )
              for (const { record, current } of changed) {
                // Counting on from the backup's history too, which the restore adds to the log.
                const revision =
                  Math.max(current === undefined ? (recorded.get(record.id) ?? 0) : current.revision, workspacePlan.highestRevisionOf.get(record.id) ?? 0) + 1
                writes.push({ current, record: { ...record, revision, updatedAt: at } as TypedRecord['record'] })
              }
            }
            // What the bundle lacks is read whole, to log it.
            const surplus: TypedRecord['record'][] = []
            const surplusList = [...notInBundle]
            for (let start = 0; start < surplusList.length; start += RESTORE_PAGE_SIZE) {
              checkNotCancelled()
              for (const row of await table.bulkGet(surplusList.slice(start, start + RESTORE_PAGE_SIZE))) {
                if (row !== undefined) surplus.push(fromRow(row) as TypedRecord['record'])
              }
            }
            plans.push({ type, writes, surplus })
          }
          let restored = 0
          let removed = 0
          let done = unchanged
          options.onProgress?.(done, total)
          for (const { type, writes, surplus } of plans) {
            for (let start = 0; start < writes.length; start += RESTORE_PAGE_SIZE) {
              checkNotCancelled()
              const page = writes.slice(start, start + RESTORE_PAGE_SIZE)
              await writeRecordChanges(
                db,
                page.map(({ current, record }) => ({
                  action: 'restore' as const,
                  before: current === undefined ? undefined : typedRecord(type, current),
                  after: typedRecord(type, record),
                  note: REVISION_NOTES.fromBackup
                })),
                { at, author: options.author, newRevisionId }
              )
              restored += page.length
              done += page.length
              options.onProgress?.(done, total)
            }
            for (let start = 0; start < surplus.length; start += RESTORE_PAGE_SIZE) {
              checkNotCancelled()
              const page = surplus.slice(start, start + RESTORE_PAGE_SIZE)
              await writeRecordChanges(
                db,
                page.map((record) => ({ action: 'delete' as const, before: typedRecord(type, record), after: undefined, note: REVISION_NOTES.notInBackup })),
                { at, author: options.author, newRevisionId }
              )
              removed += page.length
            }
          }
          checkNotCancelled()
          const restoredWorkspace = await restoreWorkspace(db, workspace, workspacePlan, checkNotCancelled)
          checkNotCancelled()
          return { restored, removed, unchanged, workspace: restoredWorkspace }
        }),
      options.lock
    )
  } catch (error) {
    if (error instanceof RestoreCancelledError) throw error
    throw toStorageError(error)
  }
}

/**
 * `records.incidents[12].occurredOn` becomes `records.incidents[12] (inc-foo).occurredOn`, and
 * `workspace.briefings[2].title` becomes `workspace.briefings[2] (b-1).title`, so the row can be found.
 */
function nameRecordOf(problem: BundleProblem, json: unknown): BundleProblem {
  const match = /^(records|workspace)\.(\w+)\[(\d+)\]/.exec(problem.path)
  if (match === null) return problem
  const part = match[1] as 'records' | 'workspace'
  const collection = (json as Record<string, Record<string, unknown> | undefined> | null)?.[part]?.[match[2]!]
  const nameField = part === 'records' ? 'id' : (WORKSPACE_ROW_NAME[match[2] as keyof BundleWorkspace] ?? 'id')
  const id = Array.isArray(collection) ? (collection[Number(match[3])] as Record<string, unknown> | null)?.[nameField] : undefined
  return typeof id === 'string' && id.length <= 200 ? { ...problem, path: `${match[0]} (${id})${problem.path.slice(match[0].length)}` } : problem
}
