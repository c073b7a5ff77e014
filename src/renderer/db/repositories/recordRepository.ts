import type { RecordOfType, RecordType } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from '../precedentDatabase'
import { compareRecordsOfType } from '../recordOrder'
import { fromRow, type StoredRow } from '../storedRow'

/** The reads every record type has. Records come back as pure domain records, without index fields. */
export interface RecordRepository<T extends RecordType> {
  /** Every record of the type, in list order (see `compareRecordsOfType`). */
  list(): Promise<RecordOfType[T][]>
  get(id: string): Promise<RecordOfType[T] | undefined>
  /** The records with these ids, in the order given; ids with no record are skipped. */
  getMany(ids: readonly string[]): Promise<RecordOfType[T][]>
  count(): Promise<number>
  /** The records of this type that link to `id`, in list order. */
  listReferencing(id: string): Promise<RecordOfType[T][]>
}

/** Strips index fields and puts records in list order. */
export function toSortedRecords<T extends RecordType>(type: T, rows: readonly StoredRow<T>[]): RecordOfType[T][] {
  return rows.map((row) => fromRow(row)).sort(compareRecordsOfType(type))
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
      return table().count()
    },
    async listReferencing(id) {
      return toSortedRecords(type, await table().where('refs').equals(id).toArray())
    }
  }
}
