import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { listOrderValuesOf } from '../listOrder'
import type { Migration } from './migration'

const TABLE_OF: Readonly<Record<RecordType, string>> = {
  incident: 'incidents',
  organisation: 'organisations',
  jurisdiction: 'jurisdictions',
  law: 'laws',
  response: 'responses',
  source: 'sources'
}

// Spelled out, not derived from LIST_ORDER_FIELDS_OF: a shipped version's schema must never change
// when a later version adds a sortable column (that version restates the list with its index).
const STORES_OF_VERSION_4: Readonly<Record<RecordType, string>> = {
  incident: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderDate+id], [orderStatus+id]',
  organisation: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderKind+id], [orderHeadquarters+id]',
  jurisdiction: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderCode+id], [orderKind+id], [orderRegion+id]',
  law: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderKind+id], [orderStatus+id], [orderDate+id], [orderProvisions+id]',
  response: 'id, sortKey, *refs, updatedAt, [orderDate+id], [orderKind+id], [orderTitle+id]',
  source: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderPublisher+id], [orderDate+id]'
}

/**
 * Version 4 lets every list read a page in any column's order straight from an index (issue 10):
 * each record table gains an index per sortable column over a derived order field and the id
 * (see `listOrder.ts`), and existing rows get those fields computed, in the upgrade's transaction.
 */
export const listOrderIndexes: Migration = {
  version: 4,
  description: 'List order fields and their indexes, one per sortable list column.',
  stores: Object.fromEntries(RECORD_TYPES.map((type) => [TABLE_OF[type], STORES_OF_VERSION_4[type]])),
  async upgrade(tx) {
    for (const type of RECORD_TYPES) {
      await tx
        .table(TABLE_OF[type])
        .toCollection()
        .modify((row: Record<string, unknown>) => {
          Object.assign(row, listOrderValuesOf({ type, record: row } as unknown as TypedRecord))
        })
    }
  }
}
