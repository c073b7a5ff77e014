/** The Web Lock every bulk write holds: import, restore, backup-restore (RELIABILITY-SECURITY 51). */
export const EXCLUSIVE_WRITE_LOCK = 'precedent-exclusive-write'

interface LockManagerLike {
  request<T>(name: string, options: { mode: 'exclusive' }, callback: () => Promise<T>): Promise<T>
}

/**
 * Runs `work` while holding the exclusive write lock, so two windows never import or restore at
 * once (the second waits). Where Web Locks are missing (old engines, the unit-test DOM) it runs
 * directly: IndexedDB transactions still keep each write atomic.
 */
export function withExclusiveWriteLock<T>(work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as { locks?: LockManagerLike | null } | undefined)?.locks
  if (locks === undefined || locks === null) return work()
  return locks.request(EXCLUSIVE_WRITE_LOCK, { mode: 'exclusive' }, work)
}
