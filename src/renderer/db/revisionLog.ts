import Dexie, { type Table } from 'dexie'
import { compareRevisions, type RecordRevision } from '@shared/domain/recordHistory'
import { REVISIONS_WRITTEN_KEY } from './metaKeys'
import type { PrecedentDatabase } from './precedentDatabase'

/** The table of record revisions (added by migration 002: `id, recordId, [recordId+revision], at`). */
export function revisionTable(db: PrecedentDatabase): Table<RecordRevision, string> {
  return db.table('revisions')
}

/**
 * Adds entries to records' histories, in one bulk request, and marks the log as written
 * (`meta['revisions-written']`, a new id): a follower of the change feed whose mark holds the id it
 * last saw knows with one key read that nothing was added since, where it would otherwise count the
 * revisions of the last minute (an import's 100,000, all dated alike). Call it inside the
 * transaction that makes the change, with `revisions` and `meta` among the transaction's tables, so
 * the change and its history commit or fail together; called outside one it would commit on its
 * own, and the log could claim a change that never happened.
 *
 * @throws Error when called outside a read-write transaction that includes `revisions` and `meta`
 */
export async function appendRevisions(db: PrecedentDatabase, entries: readonly RecordRevision[]): Promise<void> {
  assertInHistoryTransaction('appendRevisions')
  await revisionTable(db).bulkAdd([...entries])
  await markRevisionsWritten(db)
}

/**
 * Marks the log as written (a new id in `meta['revisions-written']`), in the caller's transaction,
 * for a write that adds history entries as they were recorded elsewhere (a restore putting back a
 * backup's history) rather than through `appendRevisions`.
 *
 * @throws Error when called outside a read-write transaction that includes `revisions` and `meta`
 */
export async function markRevisionsWritten(db: PrecedentDatabase): Promise<void> {
  assertInHistoryTransaction('markRevisionsWritten')
  await db.meta.put({ key: REVISIONS_WRITTEN_KEY, value: crypto.randomUUID() })
}

/** The id `appendRevisions` last wrote ('' when no revision was ever added this way). */
export async function revisionsWrittenNow(db: PrecedentDatabase): Promise<string> {
  const value = (await db.meta.get(REVISIONS_WRITTEN_KEY))?.value
  return typeof value === 'string' ? value : ''
}

/** @throws Error naming `caller` when not inside a read-write transaction that includes `revisions` and `meta` */
export function assertInHistoryTransaction(caller: string): void {
  const transaction = Dexie.currentTransaction
  if (
    transaction === null ||
    transaction === undefined ||
    transaction.mode !== 'readwrite' ||
    !transaction.storeNames.includes('revisions') ||
    !transaction.storeNames.includes('meta')
  ) {
    throw new Error(`${caller} must run inside a read-write transaction that includes the revisions and meta tables`)
  }
}

/** A record's history, newest first. Runs in the caller's transaction if there is one. */
export async function listRevisions(db: PrecedentDatabase, recordId: string): Promise<RecordRevision[]> {
  const revisions = await revisionTable(db).where('[recordId+revision]').between([recordId, Dexie.minKey], [recordId, Dexie.maxKey]).toArray()
  return revisions.sort(compareRevisions).reverse()
}

/**
 * The highest revision number a record's history holds (0 if none). A record created again under
 * an old id (a restore after a delete) counts on from it, so its history stays in order.
 */
export async function lastRecordedRevision(db: PrecedentDatabase, recordId: string): Promise<number> {
  const newest = await revisionTable(db).where('[recordId+revision]').between([recordId, Dexie.minKey], [recordId, Dexie.maxKey]).last()
  return newest?.revision ?? 0
}

/** Ids looked up per `[recordId+revision]` range query in {@link lastRecordedRevisions} (Dexie merges ranges in quadratic time). */
const RANGES_PER_QUERY = 100

/**
 * {@link lastRecordedRevision} for many records at once, reading index keys only: one pass over the
 * `recordId` index finds which ids have any history (a fresh or emptied knowledge base: none, or
 * few), then their highest revisions are read from `[recordId+revision]`. Ids without history are
 * absent from the map. Runs in the caller's transaction if there is one.
 */
export async function lastRecordedRevisions(db: PrecedentDatabase, recordIds: readonly string[]): Promise<Map<string, number>> {
  const highest = new Map<string, number>()
  if (recordIds.length === 0) return highest
  const withHistory = [
    ...new Set(
      (await revisionTable(db)
        .where('recordId')
        .anyOf([...recordIds])
        .keys()) as string[]
    )
  ]
  for (let start = 0; start < withHistory.length; start += RANGES_PER_QUERY) {
    const ranges = withHistory.slice(start, start + RANGES_PER_QUERY).map((id): [unknown, unknown] => [
      [id, Dexie.minKey],
      [id, Dexie.maxKey]
    ])
    const keys = (await revisionTable(db).where('[recordId+revision]').inAnyRange(ranges, { includeUppers: true }).keys()) as unknown as [string, number][]
    for (const [recordId, revision] of keys) highest.set(recordId, Math.max(highest.get(recordId) ?? 0, revision))
  }
  return highest
}

/** One revision by its id, or `undefined`. */
export function getRevision(db: PrecedentDatabase, id: string): Promise<RecordRevision | undefined> {
  return revisionTable(db).get(id)
}
