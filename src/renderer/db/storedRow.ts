import { earliestDay } from '@shared/domain/partialDate'
import { referencedIds } from '@shared/domain/recordReferences'
import { recordKeyDate, type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { LIST_ORDER_FIELDS, listOrderValuesOf, type ListOrderValues } from './listOrder'

/** Index fields stored beside each record; derived on every write, stripped on every read. */
export interface DerivedFields {
  /** Every id the record links to (multi-entry index `*refs`). */
  readonly refs: string[]
  /** Earliest day of the key date (`YYYY-MM-DD`, '' when unknown), or the lower-cased name. */
  readonly sortKey: string
}


/** A row as stored in a record table. */
export type StoredRow<T extends RecordType> = RecordOfType[T] & DerivedFields & ListOrderValues

/** The sort key of a record: see `DerivedFields.sortKey`. */
export function sortKeyOf(typed: TypedRecord): string {
  switch (typed.type) {
    case 'organisation':
    case 'jurisdiction':
      return typed.record.name.toLowerCase()
    default: {
      const keyDate = recordKeyDate(typed)
      return keyDate === undefined ? '' : earliestDay(keyDate)
    }
  }
}

/** The row to store for a record. */
export function toRow<T extends RecordType>(type: T, record: RecordOfType[T]): StoredRow<T> {
  const typed = { type, record } as TypedRecord
  return { ...record, refs: referencedIds(typed), sortKey: sortKeyOf(typed), ...listOrderValuesOf(typed) } as StoredRow<T>
}

/** The pure domain record of a stored row. */
export function fromRow<T extends RecordType>(row: StoredRow<T>): RecordOfType[T] {
  const { refs: _refs, sortKey: _sortKey, ...record } = row
  // The list order fields (see listOrder.ts) are stripped here too.
  for (const field of LIST_ORDER_FIELDS) delete (record as Partial<ListOrderValues>)[field]
  return record as unknown as RecordOfType[T]
}
