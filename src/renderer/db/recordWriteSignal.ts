import { readFeedHead } from './changeFeed'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES, type RecordTableName } from './recordTables'
import { useLiveQuery, type LiveQuery } from './useLiveQuery'

/**
 * A token that changes on every committed write to the given record tables, in this window or
 * another: how the page tells the search, views and duplicates workers to catch up. Every write of
 * records moves the change feed's head (a new revision, or the stamp of a write without one; a
 * rolled-back import removes the newest revisions), and the first and last row of each table stand
 * for rows removed without a trace at either end. Reading one row of a table from either end is
 * enough for Dexie to re-run the live query on any write to it; a re-run that finds the same token
 * (Dexie re-runs on opening, for one) tells no one. Counting the tables instead (as this did) is
 * O(rows) per table in Chromium's IndexedDB: hundreds of milliseconds at 100k records, on the one
 * request queue the window's own reads wait in.
 */
export function useRecordWriteSignal(db: PrecedentDatabase, tables: readonly RecordTableName[] = RECORD_TABLE_NAMES): LiveQuery<string> {
  return useLiveQuery(async () => {
    const ends = await Promise.all(
      tables.map(async (name) => {
        const table = db.table<{ readonly id: string }, string>(name)
        const [first, last] = await Promise.all([table.limit(1).toArray(), table.reverse().limit(1).toArray()])
        return `${first[0]?.id ?? ''}…${last[0]?.id ?? ''}`
      })
    )
    return `${await readFeedHead(db)}|${ends.join(',')}`
  }, '')
}
