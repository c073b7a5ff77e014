import type { RecordOfType, RecordType } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from '../precedentDatabase'
import { listOrderIndex, type ListOrderField } from '../listOrder'
import { sortRecordsOfType } from '../recordOrder'
import { countRowsInPages } from '../readRowsInPages'
import { fromRow, type StoredRow } from '../storedRow'

/** A list's order: one order field (see `listOrder.ts`) and a direction; ties always go by id, ascending with the direction. */
export interface ListOrder {
  readonly field: ListOrderField
  readonly direction: 'ascending' | 'descending'
}

/** A row's place in an order: its order field's value and its id, the key of the `[field+id]` index. */
export type ListOrderKey = readonly [string | number, string]

/** One page of a list, read by index. */
export interface RecordPageRequest {
  readonly order: ListOrder
  /** Start right after this row (keyset paging: O(limit) whatever the page's position). */
  readonly after?: ListOrderKey
  /** Rows to step over first. IndexedDB steps one by one, so callers keep this small. */
  readonly skip?: number
  readonly limit: number
  /**
   * Count from the last row instead: skip `skip` rows from the end and take the `limit` before them
   * (still returned in the order's direction). Reaching the end of a long list costs as much as
   * reaching its start. Not combined with `after`.
   */
  readonly fromEnd?: boolean
}

export interface RecordPage<R> {
  readonly records: R[]
  /** The order key of each record, in the same order (the last one is the next page's `after`). */
  readonly keys: ListOrderKey[]
}

/** How many rows a filtered list reads per `bulkGet` when it puts matches in order, between yields to the page. */
const ORDER_KEY_CHUNK = 500

/** The reads every record type has. Records come back as pure domain records, without index fields. */
export interface RecordRepository<T extends RecordType> {
  /** Every record of the type, in list order (see `compareRecordsOfType`). */
  list(): Promise<RecordOfType[T][]>
  get(id: string): Promise<RecordOfType[T] | undefined>
  /** The records with these ids, in the order given; ids with no record are skipped. */
  getMany(ids: readonly string[]): Promise<RecordOfType[T][]>
  /** How many records of the type are stored, counted by pages of keys (see `countRowsInPages`). */
  count(): Promise<number>
  /** The records of this type that link to `id`, in list order. */
  listReferencing(id: string): Promise<RecordOfType[T][]>
  /** One page of records in a list order, read from the order's index (never the whole table). */
  readPage(request: RecordPageRequest): Promise<RecordPage<RecordOfType[T]>>
  /**
   * The order keys of these records (missing ids skipped), for putting a filter's matches in a
   * list's order; read in chunks so a large match set never holds the page for long.
   */
  orderKeys(ids: readonly string[], field: ListOrderField): Promise<ListOrderKey[]>
}

/** Compares two order keys as their index does (one field holds one kind of value, so `<` matches IndexedDB's order). */
export function compareListOrderKeys(a: ListOrderKey, b: ListOrderKey): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0
}

/** Strips index fields and puts records in list order. */
export function toSortedRecords<T extends RecordType>(type: T, rows: readonly StoredRow<T>[]): RecordOfType[T][] {
  return sortRecordsOfType(
    type,
    rows.map((row) => fromRow(row))
  )
}

export function createRecordRepository<T extends RecordType>(db: PrecedentDatabase, type: T): RecordRepository<T> {
  const table = () => db.recordTable(type)
  return {
    async list() {
      return toSortedRecords(type, await table().orderBy('sortKey').toArray())
    },
    async get(id) {
      const row = await table().get(id)
      return row === undefined ? undefined : fromRow(row)
    },
    async getMany(ids) {
      if (ids.length === 0) return []
      const rows = await table().bulkGet([...ids])
      return rows.flatMap((row) => (row === undefined ? [] : [fromRow(row)]))
    },
    count() {
      return countRowsInPages(table())
    },
    async listReferencing(id) {
      return toSortedRecords(type, await table().where('refs').equals(id).toArray())
    },
    async readPage({ order, after, skip = 0, limit, fromEnd = false }) {
      if (limit <= 0) return { records: [], keys: [] }
      const index = listOrderIndex(order.field)
      const forward = (order.direction === 'ascending') !== fromEnd
      const start = after === undefined ? table().orderBy(index) : forward ? table().where(index).above(after) : table().where(index).below(after)
      const rows = await (forward ? start : start.reverse()).offset(skip).limit(limit).toArray()
      if (fromEnd) rows.reverse()
      return {
        records: rows.map((row) => fromRow(row)),
        keys: rows.map((row) => [(row as unknown as Record<string, unknown>)[order.field] as string | number, row.id as string] as const)
      }
    },
    async orderKeys(ids, field) {
      const keys: ListOrderKey[] = []
      for (let start = 0; start < ids.length; start += ORDER_KEY_CHUNK) {
        const rows = await table().bulkGet(ids.slice(start, start + ORDER_KEY_CHUNK))
        for (const row of rows) {
          if (row !== undefined) keys.push([(row as unknown as Record<string, unknown>)[field] as string | number, row.id as string])
        }
      }
      return keys
    }
  }
}
