import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { LIST_ORDER_FIELDS_OF, listOrderIndex, listOrderValuesOf } from '../listOrder'
import type { Migration } from './migration'

const TABLE_OF: Readonly<Record<RecordType, string>> = {
  incident: 'incidents',
  organisation: 'organisations',
  jurisdiction: 'jurisdictions',
  law: 'laws',
  response: 'responses',
  source: 'sources'
}

/** Version 1's indexes of a record table plus one `[orderField+id]` index per sortable list column. */
function recordTableSchema(type: RecordType): string {
  return ['id, sortKey, *refs, updatedAt', ...LIST_ORDER_FIELDS_OF[type].map(listOrderIndex)].join(', ')
}

/**
 * Version 4 lets every list read a page in any column's order straight from an index (issue 10):
 * each record table gains an index per sortable column over a derived order field and the id
 * (see `listOrder.ts`), and existing rows get those fields computed, in the upgrade's transaction.
 */
export const listOrderIndexes: Migration = {
  version: 4,
  description: 'List order fields and their indexes, one per sortable list column.',
  stores: Object.fromEntries(RECORD_TYPES.map((type) => [TABLE_OF[type], recordTableSchema(type)])),
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
