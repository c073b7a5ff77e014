import type { Table } from 'dexie'
import type { Message } from '@shared/locale/message'
import type { PrecedentDatabase } from './precedentDatabase'

/** The record types duplicate search compares. */
export type DuplicatePairType = 'organisation' | 'incident'

/**
 * One likely duplicate pair as the duplicates worker stores it (table `duplicatePairs`, migration
 * 005): the two records' ids and titles (the lower id first), how alike they are and why.
 */
export interface DuplicatePairRow {
  /** `duplicatePairKey(firstId, secondId)`. */
  readonly key: string
  readonly type: DuplicatePairType
  readonly firstId: string
  readonly secondId: string
  readonly firstTitle: string
  readonly secondTitle: string
  readonly score: number
  /** Minus the score, so the `[type+rank+key]` index lists the likeliest pairs first. */
  readonly rank: number
  /** Why the two look alike, as messages for words in the reader's language; pairs stored before version 4 hold English sentences. */
  readonly reasons: readonly (Message | string)[]
}

/** The `meta` row holding how far the stored pairs have followed the record tables. */
export const DUPLICATES_WATERMARK_KEY = 'duplicates:watermark'

/** The table of stored duplicate pairs. */
export function duplicatePairTable(db: PrecedentDatabase): Table<DuplicatePairRow, string> {
  return db.table('duplicatePairs')
}

function pairsOfType(db: PrecedentDatabase, type: DuplicatePairType) {
  // Ranks are minus scores (from -1 to 0); keys are ids joined by '|'.
  return duplicatePairTable(db).where('[type+rank+key]').between([type, -Infinity, ''], [type, Infinity, '\uffff'], true, true)
}

/**
 * One page of the stored pairs of a type, likeliest first, leaving out the pairs a person dismissed;
 * reads only as far into the index as the page reaches.
 */
export async function readDuplicatePairPage(
  db: PrecedentDatabase,
  type: DuplicatePairType,
  page: { readonly offset: number; readonly limit: number },
  dismissed: ReadonlySet<string> = new Set()
): Promise<DuplicatePairRow[]> {
  return pairsOfType(db, type)
    .filter((pair) => !dismissed.has(pair.key))
    .offset(page.offset)
    .limit(page.limit)
    .toArray()
}

/** How many pairs of a type are stored, less those dismissed; counted by the index, never by reading the pairs. */
export async function countDuplicatePairs(db: PrecedentDatabase, type: DuplicatePairType, dismissed: ReadonlySet<string> = new Set()): Promise<number> {
  const [total, dismissedRows] = await Promise.all([pairsOfType(db, type).count(), dismissed.size === 0 ? [] : duplicatePairTable(db).bulkGet([...dismissed])])
  return total - dismissedRows.filter((row) => row?.type === type).length
}
