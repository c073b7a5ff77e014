/**
 * The Web Lock every bulk write holds: import, its roll-back, restore, taking a backup, and the
 * opening of the database that upgrades its schema (RELIABILITY-SECURITY 51).
 */
export const EXCLUSIVE_WRITE_LOCK = 'precedent-exclusive-write'

/** The part of `navigator.locks` used here (tests pass a fake one). */
export interface LockManagerLike {
  request<T>(name: string, options: { mode: 'exclusive' }, callback: () => Promise<T>): Promise<T>
}

declare const heldWriteLockBrand: unique symbol

/**
 * Proof that the caller runs inside {@link withExclusiveWriteLock}: handed to the work, and passed
 * on to a step that would otherwise take the lock itself (a restore's safety backup, the backup
 * taken before an upgrade). Web Locks are not reentrant, so such a step waiting for the lock again
 * would wait for itself for ever. Only valid until the work it was handed to has finished.
 */
export interface HeldWriteLock {
  readonly [heldWriteLockBrand]: true
}

/** The tokens whose work is still running: a token kept past its work is refused. */
const heldNow = new WeakSet<HeldWriteLock>()

/** A token passed on after its work ended: the lock it stood for was already released. */
export class ReleasedWriteLockError extends Error {
  override readonly name = 'ReleasedWriteLockError'
  constructor() {
    super('The exclusive write lock this step was given has already been released')
  }
}

/**
 * Runs `work` while holding the exclusive write lock, so two windows never import, restore, back
 * up or upgrade at once (the second waits for the first to finish). With `held`, the caller
 * already holds it: `work` runs at once under that same lock. Where Web Locks are missing (old
 * engines, the unit-test DOM) it runs directly: IndexedDB transactions still keep each write atomic.
 *
 * @throws ReleasedWriteLockError `held` belongs to work that has already finished
 */
export async function withExclusiveWriteLock<T>(
  work: (lock: HeldWriteLock) => Promise<T>,
  held?: HeldWriteLock,
  locks: LockManagerLike | undefined = lockManager()
): Promise<T> {
  if (held !== undefined) {
    if (!heldNow.has(held)) throw new ReleasedWriteLockError()
    return work(held)
  }
  const run = async (): Promise<T> => {
    const lock = Object.freeze({}) as HeldWriteLock
    heldNow.add(lock)
    try {
      return await work(lock)
    } finally {
      heldNow.delete(lock)
    }
  }
  return locks === undefined ? run() : locks.request(EXCLUSIVE_WRITE_LOCK, { mode: 'exclusive' }, run)
}

function lockManager(): LockManagerLike | undefined {
  return (globalThis.navigator as { locks?: LockManagerLike | null } | undefined)?.locks ?? undefined
}
