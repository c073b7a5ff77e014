import {
  createIncidentRepository,
  createJurisdictionRepository,
  createLawRepository,
  createOrganisationRepository,
  createResponseRepository,
  createSourceRepository,
  findReferrerIds,
  readFirstInListOrder,
  type ListOrderField,
  type RecordPage,
  getDatabase,
  readAsOneSnapshot
} from '@renderer/db'
import { RECORD_TYPES, typedRecord, type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'

/** The app's repositories over its one database; features read through these. */
export const repositories = {
  incident: createIncidentRepository(getDatabase()),
  organisation: createOrganisationRepository(getDatabase()),
  jurisdiction: createJurisdictionRepository(getDatabase()),
  law: createLawRepository(getDatabase()),
  response: createResponseRepository(getDatabase()),
  source: createSourceRepository(getDatabase())
}

/** Loads one record with its type, or undefined when it does not exist. */
export async function loadTypedRecord(type: RecordType, id: string): Promise<TypedRecord | undefined> {
  const record = await repositories[type].get(id as never)
  return record === undefined ? undefined : typedRecord(type, record)
}

/** Loads records of any type by id (ids are unique across types); missing ids are skipped. */
export async function loadTypedRecords(ids: readonly string[]): Promise<TypedRecord[]> {
  if (ids.length === 0) return []
  const found = await Promise.all(
    RECORD_TYPES.map(async (type) => (await repositories[type].getMany(ids as never[])).map((record) => typedRecord(type, record)))
  )
  return found.flat()
}

/** Runs `read` (reads only) against one state of the knowledge base: see `readAsOneSnapshot`. */
export function readConsistently<T>(read: () => Promise<T>): Promise<T> {
  return readAsOneSnapshot(getDatabase(), read)
}

/** The ids of the records of `type` linking to any of `targetIds` (keys of the `*refs` index only). */
export function loadReferrerIds(type: RecordType, targetIds: readonly string[]): Promise<Set<string>> {
  return findReferrerIds(getDatabase(), type, targetIds)
}

/** The first `limit` of the records `ids` in the list order of `field` (ties by id), read by index. */
export function loadFirstInListOrder<T extends RecordType>(
  type: T,
  ids: ReadonlySet<string>,
  field: ListOrderField,
  limit: number
): Promise<RecordPage<RecordOfType[T]>> {
  return readFirstInListOrder(getDatabase(), type, ids, field, limit)
}
