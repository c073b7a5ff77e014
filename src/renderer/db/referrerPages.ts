import type { RecordOfType, RecordType, TypedRecord } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from './precedentDatabase'
import { listOrderIndex, listOrderValuesOf, type ListOrderField } from './listOrder'
import { compareListOrderKeys, type ListOrderKey, type RecordPage } from './repositories/recordRepository'
import { fromRow } from './storedRow'

// Pages of a hub's referrers (the ten thousand responses naming a regulator) read without reading
// them all: the `*refs` index gives their ids (keys only, no record is read), and the list order
// index `[field+id]` gives their order. IndexedDB has no compound multi-entry index, so "the first
// n referrers by date" is the order index walked in chunks of keys, keeping the ids that refer.

/** Up to this many ids, their rows are read and sorted in memory (cheaper than walking the index). */
const READ_ALL_BELOW = 1_000
/** Ids per `anyOf` query when many targets are asked about at once. */
const TARGET_CHUNK = 500
const MIN_WALK_CHUNK = 500
const MAX_WALK_CHUNK = 20_000

/**
 * The ids of the records of `type` that link to any of `targetIds`, read from the `*refs` index's
 * keys only. A thousand targets (a hub's incidents, asked for their responses) cost one query per
 * five hundred.
 */
export async function findReferrerIds(db: PrecedentDatabase, type: RecordType, targetIds: readonly string[]): Promise<Set<string>> {
  const table = db.recordTable(type)
  const found = new Set<string>()
  for (let start = 0; start < targetIds.length; start += TARGET_CHUNK) {
    const chunk = targetIds.slice(start, start + TARGET_CHUNK)
    const ids = chunk.length === 1 ? await table.where('refs').equals(chunk[0]!).primaryKeys() : await table.where('refs').anyOf(chunk).primaryKeys()
    for (const id of ids) found.add(id)
  }
  return found
}

/**
 * The first `limit` of the records `ids` in the list order of `field`, ascending, ties by id (the
 * order of the `[field+id]` index, so exactly the list's order), with their order keys. A few ids
 * are read and sorted; many are found by walking the order index's primary keys in growing chunks
 * until `limit` of them are met, so the cost follows `limit`, not how many there are.
 */
export function readFirstInListOrder<T extends RecordType>(
  db: PrecedentDatabase,
  type: T,
  ids: ReadonlySet<string>,
  field: ListOrderField,
  limit: number,
  // Tests lower these to walk small tables in several chunks.
  tuning: { readonly readAllBelow?: number; readonly walkChunk?: number } = {}
): Promise<RecordPage<RecordOfType[T]>> {
  const readAllBelow = tuning.readAllBelow ?? READ_ALL_BELOW
  const table = db.recordTable(type)
  const keyOf = (row: object): ListOrderKey => [(row as Record<string, unknown>)[field] as string | number, (row as { id: string }).id]
  return db.transaction('r', table, async () => {
    if (limit <= 0 || ids.size === 0) return { records: [], keys: [] }
    if (ids.size <= Math.max(readAllBelow, limit)) {
      const rows = (await table.bulkGet([...ids])).flatMap((row) => (row === undefined ? [] : [row]))
      const keyed = rows
        .map((row) => ({ row, key: keyOf(row) }))
        .sort((a, b) => compareListOrderKeys(a.key, b.key))
        .slice(0, limit)
      return { records: keyed.map(({ row }) => fromRow(row)), keys: keyed.map(({ key }) => key) }
    }
    const chosen: string[] = []
    const index = listOrderIndex(field)
    // Five times the page: enough for a hub (a fifth or more of the table refers to it) in one
    // chunk; doubled while it is not. (No count of the table first: at 100k, while the app's workers
    // read, every extra request waits its turn in IndexedDB's queue.)
    let chunk = tuning.walkChunk ?? Math.min(MAX_WALK_CHUNK, Math.max(MIN_WALK_CHUNK, limit * 5))
    let after: ListOrderKey | undefined
    for (;;) {
      const keys = await (after === undefined ? table.orderBy(index) : table.where(index).above(after)).limit(chunk).primaryKeys()
      for (const id of keys) {
        if (ids.has(id)) chosen.push(id)
        if (chosen.length === limit) break
      }
      if (chosen.length === limit || keys.length < chunk) break
      // The walk goes on after the chunk's last row, whose order key is its field and id.
      const last = await table.get(keys[keys.length - 1]!)
      if (last === undefined) break
      after = keyOf(last)
      chunk = Math.max(chunk, Math.min(MAX_WALK_CHUNK, chunk * 2))
    }
    const rows = (await table.bulkGet(chosen)).flatMap((row) => (row === undefined ? [] : [row]))
    return { records: rows.map((row) => fromRow(row)), keys: rows.map((row) => keyOf(row)) }
  })
}

/** A record's key in the `[field+id]` order index, computed as its row stores it (for records read otherwise). */
export function listOrderKeyOf(typed: TypedRecord, field: ListOrderField): ListOrderKey {
  return [listOrderValuesOf(typed)[field] ?? '', typed.record.id]
}
