import { shallowRef } from 'vue'
import { getDatabase, readImportInProgress, rollBackInterruptedImport, type ImportRollbackResult, type PrecedentDatabase } from '@renderer/db'
import { currentAuthorName } from '@renderer/recordKit'

/** What the last start rolled back, for the Import page to say; `undefined` when nothing was unfinished. */
export const recoveredImport = shallowRef<ImportRollbackResult>()

/**
 * Rolls back an import that a closed or killed tab left half-written (its resume marker is in
 * `meta`), waiting for the exclusive write lock, so an import still running in another window is
 * left to finish. Started once the knowledge base is open; it does not hold up start-up.
 */
export async function recoverInterruptedImport(db: PrecedentDatabase = getDatabase()): Promise<ImportRollbackResult | undefined> {
  if ((await readImportInProgress(db)) === undefined) return undefined
  const result = await rollBackInterruptedImport(db, { author: currentAuthorName(), now: () => new Date().toISOString() })
  if (result !== undefined) recoveredImport.value = result
  return result
}
