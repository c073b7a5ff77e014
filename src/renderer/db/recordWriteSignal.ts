import { UNLOGGED_WRITE_KEY } from './metaKeys'
import { RECORD_TABLE_NAMES, type PrecedentDatabase, type RecordTableName } from './precedentDatabase'
import { revisionTable } from './revisionLog'
import { useLiveQuery, type LiveQuery } from './useLiveQuery'

/**
 * A number that moves on every committed write to the given record tables, the revision log or the
 * stamp of writes without revisions, in this window or another: how the page tells the search,
 * views and duplicates workers to catch up. It is a live query that reads one row of each table,
 * which is enough for Dexie to re-run it on any write to that table (a read of the primary key's
 * whole range), and counts its runs: the first answer is 1. Counting the tables instead (as this
 * did) is O(rows) per table in Chromium's IndexedDB, hundreds of milliseconds at 100k records on
 * the one request queue the window's own reads wait in.
 */
export function useRecordWriteSignal(db: PrecedentDatabase, tables: readonly RecordTableName[] = RECORD_TABLE_NAMES): LiveQuery<number> {
  let runs = 0
  return useLiveQuery(async () => {
    await Promise.all([
      revisionTable(db).limit(1).toArray(),
      db.meta.get(UNLOGGED_WRITE_KEY),
      ...tables.map((name) => db.table(name).limit(1).toArray())
    ])
    runs += 1
    return runs
  }, 0)
}
