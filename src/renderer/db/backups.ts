import Dexie, { type Table } from 'dexie'
import { BUNDLE_COLLECTION, BUNDLE_FORMAT, BUNDLE_VERSION, bundleRecordsInOrder, parseBundle, type Bundle, type BundleRecords } from '@shared/domain/bundle'
import { diffRecords, isSameValue } from '@shared/domain/recordHistory'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { withExclusiveWriteLock } from './exclusiveWriteLock'
import { RECORD_TABLE_NAMES, type PrecedentDatabase } from './precedentDatabase'
import { appendRevision, lastRecordedRevision, revisionTable } from './revisionLog'
import { BundleValidationError, toStorageError } from './storageErrors'
import { fromRow, toRow } from './storedRow'

/** What a backup list shows: when, why, and how much it holds. */
export interface BackupSummary {
  readonly id: string
  readonly createdAt: string
  readonly reason: string
  readonly counts: Readonly<Record<RecordType, number>>
}

interface StoredBackup extends BackupSummary {
  readonly bundle: Bundle
}

/** How many backups are kept; the oldest beyond this are removed after each new one. */
export const BACKUPS_KEPT = 10

/**
 * Backups live in their own IndexedDB database beside the knowledge base, so a failed import,
 * restore or migration of the knowledge base cannot touch them. (The desktop app also writes each
 * one to a file outside the browser profile; see features/backups.)
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

/**
 * Every record of the knowledge base as a bundle, read in one read-only transaction so that a
 * write in another window lands wholly before or wholly after it (RELIABILITY-SECURITY 54).
 * Derived data (search snapshot, index fields) is left out: it is rebuilt, never restored.
 */
export async function readKnowledgeBaseBundle(db: PrecedentDatabase, options: ReadBundleOptions): Promise<Bundle> {
  const records = await db.transaction('r', RECORD_TABLE_NAMES.map((name) => db[name]), async () => {
    const collections: Partial<Record<keyof BundleRecords, unknown[]>> = {}
    for (const type of RECORD_TYPES) {
      const rows = await db.recordTable(type).toArray()
      collections[BUNDLE_COLLECTION[type]] = rows.map((row) => fromRow(row))
    }
    return collections as BundleRecords
  })
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'precedent-knowledge-base',
    revision: 1,
    ...(options.title === undefined ? {} : { title: options.title }),
    createdAt: options.now(),
    records
  }
}

function countsOf(records: BundleRecords): Record<RecordType, number> {
  return Object.fromEntries(RECORD_TYPES.map((type) => [type, records[BUNDLE_COLLECTION[type]].length])) as Record<RecordType, number>
}

export interface CreateBackupOptions {
  readonly reason: string
  readonly now: () => string
  readonly newId?: () => string
}

/**
 * Takes a backup of every record (RELIABILITY-SECURITY 23, 35: taken before every import and
 * restore) and keeps the newest `BACKUPS_KEPT`. The backup is written in one transaction of the
 * backup database: it is either wholly there or not at all.
 */
export async function createBackup(db: PrecedentDatabase, options: CreateBackupOptions): Promise<BackupSummary & { readonly bundle: Bundle }> {
  const bundle = await readKnowledgeBaseBundle(db, { now: options.now, title: options.reason })
  const backup: StoredBackup = {
    id: (options.newId ?? (() => crypto.randomUUID()))(),
    createdAt: bundle.createdAt,
    reason: options.reason,
    counts: countsOf(bundle.records),
    bundle
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
  return stored.map(({ bundle: _bundle, ...summary }) => summary)
}

/** One kept backup's bundle, or `undefined` if it was rotated away. */
export async function readBackup(db: PrecedentDatabase, id: string): Promise<Bundle | undefined> {
  return (await backupDatabaseOf(db).backups.get(id))?.bundle
}

export interface RestoreBundleOptions {
  readonly author: string
  readonly now: () => string
  readonly newRevisionId?: () => string
}

export interface RestoreResult {
  readonly restored: number
  readonly removed: number
  readonly unchanged: number
}

/**
 * Makes the knowledge base hold exactly the bundle's records (a full restore): records that differ
 * are written back, records the bundle lacks are deleted, and each change enters the records'
 * history as a restore, so the restore itself can be inspected and undone record by record.
 * The caller takes a backup first (the Backups view does). One read-write transaction under the
 * exclusive write lock: on any failure nothing changed.
 *
 * @throws BundleValidationError the bundle is invalid; nothing was written
 * @throws StorageWriteError the browser aborted the transaction; nothing was written
 */
export async function restoreBundle(db: PrecedentDatabase, json: unknown, options: RestoreBundleOptions): Promise<RestoreResult> {
  const parsed = parseBundle(json)
  if (!parsed.ok) throw new BundleValidationError(parsed.problems)
  const wanted = bundleRecordsInOrder(parsed.bundle.records)
  const at = options.now()
  const newRevisionId = options.newRevisionId ?? (() => crypto.randomUUID())
  const tables = [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db)]
  try {
    return await withExclusiveWriteLock(() =>
      db.transaction('rw', tables, async () => {
        let restored = 0
        let unchanged = 0
        const keep = new Set<string>()
        for (const typed of wanted) {
          keep.add(typed.record.id)
          const row = await db.recordTable(typed.type).get(typed.record.id)
          const current = row === undefined ? undefined : fromRow(row)
          if (current !== undefined && isSameValue(current, typed.record)) {
            unchanged += 1
            continue
          }
          const revision = (current?.revision ?? (await lastRecordedRevision(db, typed.record.id))) + 1
          const record = { ...typed.record, revision, updatedAt: at } as TypedRecord['record']
          await db.recordTable(typed.type).put(toRow(typed.type, record as never))
          await appendRevision(db, {
            id: newRevisionId(),
            recordType: typed.type,
            recordId: typed.record.id,
            revision,
            at,
            author: options.author,
            action: 'restore',
            changes: diffRecords(current, record),
            snapshot: record,
            note: 'Restored from a backup'
          })
          restored += 1
        }
        let removed = 0
        for (const type of RECORD_TYPES) {
          const surplus = (await db.recordTable(type).toArray()).filter((row) => !keep.has(row.id))
          for (const row of surplus) {
            const record = fromRow(row)
            await db.recordTable(type).delete(row.id)
            await appendRevision(db, {
              id: newRevisionId(),
              recordType: type,
              recordId: row.id,
              revision: record.revision,
              at,
              author: options.author,
              action: 'delete',
              changes: diffRecords(record, undefined),
              note: 'Not in the restored backup'
            })
            removed += 1
          }
        }
        return { restored, removed, unchanged }
      })
    )
  } catch (error) {
    throw toStorageError(error)
  }
}
