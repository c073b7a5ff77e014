import {
  duplicateIndexKeys,
  incidentDuplicateData,
  incidentDuplicateProfile,
  organisationDuplicateData,
  organisationDuplicateProfile,
  type DuplicateData
} from '@shared/domain/duplicates'
import { earliestDay } from '@shared/domain/partialDate'
import { referencedIds } from '@shared/domain/recordReferences'
import { recordKeyDate, typedRecord, type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { LIST_ORDER_FIELDS, listOrderValuesOf, type ListOrderValues } from './listOrder'

/** Index fields stored beside each record; derived on every write, stripped on every read. */
export interface DerivedFields {
  /** Every id the record links to (multi-entry index `*refs`). */
  readonly refs: string[]
  /** Earliest day of the key date (`YYYY-MM-DD`, '' when unknown), or the lower-cased name. */
  readonly sortKey: string
  /**
   * Organisations and incidents only: their duplicate-search blocking keys (`x:` exact, `l:` loose;
   * multi-entry index `*duplicateKeys`, migration 005), so an import or a change finds its look-alikes
   * by index instead of comparing with every record.
   */
  readonly duplicateKeys?: string[]
  /** Organisations and incidents only: their folded names or titles and parsed key date (`DuplicateData`). */
  readonly duplicateData?: DuplicateData
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

/** The duplicate-search fields of a record (`duplicateKeys`, `duplicateData`); none for other types. */
export function duplicateFieldsOf(typed: TypedRecord): Pick<DerivedFields, 'duplicateKeys' | 'duplicateData'> {
  switch (typed.type) {
    case 'organisation': {
      const data = organisationDuplicateData(typed.record)
      return { duplicateKeys: duplicateIndexKeys(organisationDuplicateProfile(typed.record, data)), duplicateData: data }
    }
    case 'incident': {
      const data = incidentDuplicateData(typed.record)
      return { duplicateKeys: duplicateIndexKeys(incidentDuplicateProfile(typed.record, data)), duplicateData: data }
    }
    default:
      return {}
  }
}

/** The row to store for a record. */
export function toRow<T extends RecordType>(type: T, record: RecordOfType[T]): StoredRow<T> {
  const typed = typedRecord(type, record)
  return { ...record, refs: referencedIds(typed), sortKey: sortKeyOf(typed), ...listOrderValuesOf(typed), ...duplicateFieldsOf(typed) } as StoredRow<T>
}

/** The pure domain record of a stored row. */
export function fromRow<T extends RecordType>(row: StoredRow<T>): RecordOfType[T] {
  const { refs: _refs, sortKey: _sortKey, duplicateKeys: _duplicateKeys, duplicateData: _duplicateData, ...record } = row
  // The list order fields (see listOrder.ts) are stripped here too.
  for (const field of LIST_ORDER_FIELDS) delete (record as Partial<ListOrderValues>)[field]
  return record as unknown as RecordOfType[T]
}
