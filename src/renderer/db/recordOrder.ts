import { compareOptionalPartialDates } from '@shared/domain/partialDate'
import { recordKeyDate, recordTitle, type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'

/**
 * The order records of one type are listed in: organisations and jurisdictions by name; the
 * others chronologically by key date (partial dates compared as the domain does, so "2015" comes
 * before "2015-01"), undated records last, then by title. Ties end on the id, so the order is total.
 */
export function compareRecordsOfType<T extends RecordType>(type: T): (a: RecordOfType[T], b: RecordOfType[T]) => number {
  return (a, b) => {
    const typedA = { type, record: a } as TypedRecord
    const typedB = { type, record: b } as TypedRecord
    const byDate =
      type === 'organisation' || type === 'jurisdiction' ? 0 : compareOptionalPartialDates(recordKeyDate(typedA), recordKeyDate(typedB))
    if (byDate !== 0) return byDate
    const byTitle = recordTitle(typedA).localeCompare(recordTitle(typedB), undefined, { sensitivity: 'base' })
    if (byTitle !== 0) return byTitle
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}
