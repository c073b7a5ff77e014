import type { Transaction } from 'dexie'

/**
 * One schema version. Files are append-only: a shipped migration is never edited, a fix is a new one.
 * Each has a test that opens the previous version, writes rows, then opens this one.
 */
export interface Migration {
  readonly version: number
  readonly description: string
  /** Only the tables whose indexes change in this version (`null` deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>
  /** Transforms existing rows; if it throws, the upgrade aborts and the old data stays as it was. */
  readonly upgrade?: (tx: Transaction) => Promise<void>
}
