import { RECORD_TYPES, type TypedRecord } from '@shared/domain/recordTypes'
import { LIST_ORDER_FIELDS_OF, listOrderIndex, listOrderValuesOf } from '../listOrder'
import { TABLE_OF } from '../recordTables'
import type { Migration } from './migration'

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/
const ROWS_PER_PUT = 1_000

/**
 * Version 8 files Chinese names by pinyin in the lists (issue 14; `nameOrderKey`): the list order
 * fields of rows whose text holds Han characters are worked out again. Only those rows are read:
 * each order index's keys are scanned (keys only, no rows) for a Han character, so a knowledge base
 * of Latin names upgrades without reading its records. No index changes.
 */
export const pinyinOrderKeys: Migration = {
  version: 8,
  description: 'List order keys of Chinese names by pinyin.',
  stores: {},
  async upgrade(tx) {
    for (const type of RECORD_TYPES) {
      const table = tx.table(TABLE_OF[type])
      const ids = new Set<string>()
      for (const field of LIST_ORDER_FIELDS_OF[type]) {
        const keys = (await table.orderBy(listOrderIndex(field)).keys()) as unknown as [unknown, string][]
        for (const [value, id] of keys) if (typeof value === 'string' && HAN.test(value)) ids.add(id)
      }
      const chosen = [...ids]
      for (let start = 0; start < chosen.length; start += ROWS_PER_PUT) {
        const rows = (await table.bulkGet(chosen.slice(start, start + ROWS_PER_PUT))) as (Record<string, unknown> | undefined)[]
        const updated = rows
          .filter((row) => row !== undefined)
          .map((row) => ({ ...row, ...listOrderValuesOf({ type, record: row } as unknown as TypedRecord) }))
        await table.bulkPut(updated)
      }
    }
  }
}
