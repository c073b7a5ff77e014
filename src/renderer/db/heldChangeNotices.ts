import Dexie, { mergeRanges, type ObservabilitySet, type Transaction } from 'dexie'

/**
 * Change notices (Dexie's "storage mutated" parts) held back from a run of transactions and told
 * once at the end. Every committed transaction normally tells every live query in every window and
 * worker what it changed, and each re-runs; an import of a hundred thousand records in two hundred
 * chunks would re-run the page's counts (O(rows) each in IndexedDB) and wake the search index and
 * duplicates workers two hundred times, all competing with the import for the same database. Held,
 * they hear of the whole import once, when it has finished (or been rolled back), and catch up in
 * bulk. The parts told are exactly those of the held transactions, merged, so no live query misses
 * a change.
 */
export class HeldChangeNotices {
  private held: ObservabilitySet = {}
  private isEmpty = true

  /**
   * Call at the end of a read-write transaction's callback, after its last write: takes the
   * transaction's change notice so that its commit tells no one. Returns the parts, to be passed
   * to `keep` once the transaction has committed (a transaction that aborts changed nothing).
   */
  static takeFromCurrentTransaction(): ObservabilitySet | undefined {
    const transaction = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction & { mutatedParts?: ObservabilitySet } }) | null
    const idbTransaction = transaction?.idbtrans
    if (idbTransaction === undefined) return undefined
    const parts = idbTransaction.mutatedParts
    // Dexie tells the parts it finds here when the transaction completes.
    delete idbTransaction.mutatedParts
    return parts
  }

  /** Keeps a committed transaction's parts until `release`. */
  keep(parts: ObservabilitySet | undefined): void {
    if (parts === undefined) return
    for (const [part, ranges] of Object.entries(parts)) {
      const kept = this.held[part]
      if (kept === undefined) this.held[part] = ranges
      else mergeRanges(kept, ranges)
      this.isEmpty = false
    }
  }

  /** Tells every live query, here and in other windows and workers, of everything held, once. */
  release(): void {
    if (this.isEmpty) return
    const parts = this.held
    this.held = {}
    this.isEmpty = true
    Dexie.on.storagemutated.fire(parts)
  }
}
