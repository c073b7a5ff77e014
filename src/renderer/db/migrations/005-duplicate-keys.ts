import type { Transaction } from 'dexie'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'
import { duplicateFieldsOf, fromRow, type StoredRow } from '../storedRow'
import type { Migration } from './migration'

const UPGRADE_CHUNK = 1_000

// Rows are rewritten a chunk at a time, in primary-key order, so a large table never sits in memory whole.
export async function addDuplicateFields(tx: Transaction, table: 'organisations' | 'incidents', type: RecordType): Promise<void> {
  let after: string | undefined
  for (;;) {
    const collection = after === undefined ? tx.table(table).orderBy('id') : tx.table(table).where('id').above(after)
    const rows = (await collection.limit(UPGRADE_CHUNK).toArray()) as StoredRow<RecordType>[]
    if (rows.length === 0) return
    await tx.table(table).bulkPut(rows.map((row) => ({ ...row, ...duplicateFieldsOf({ type, record: fromRow(row) } as TypedRecord) })))
    after = rows[rows.length - 1]?.id
  }
}

/**
 * Version 5 makes duplicate search incremental (issue 10). Organisations and incidents gain their
 * duplicate-search blocking keys as a multi-entry index (`*duplicateKeys`) and their folded names or
 * titles (`duplicateData`, unindexed), both derived by `toRow` on every write and computed here for
 * the rows already stored. `duplicatePairs` holds the likely duplicate pairs the duplicates worker
 * keeps up to date: keyed by the pair key, listed by type and score (`[type+rank+key]`, rank being
 * minus the score), and found by either record (`firstId`, `secondId`) when one changes.
 */
export const duplicateKeys: Migration = {
  version: 5,
  description: 'Duplicate-search keys on organisations and incidents; the stored table of likely duplicate pairs.',
  stores: {
    // Dexie takes a version's string as the table's whole index list: version 4's list order indexes are restated.
    incidents: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderDate+id], [orderStatus+id], *duplicateKeys',
    organisations: 'id, sortKey, *refs, updatedAt, [orderTitle+id], [orderKind+id], [orderHeadquarters+id], *duplicateKeys',
    duplicatePairs: 'key, [type+rank+key], firstId, secondId'
  },
  async upgrade(tx) {
    await addDuplicateFields(tx, 'organisations', 'organisation')
    await addDuplicateFields(tx, 'incidents', 'incident')
  }
}
