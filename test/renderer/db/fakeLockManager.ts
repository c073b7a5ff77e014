import type { LockManagerLike } from '@renderer/db'

/**
 * An exclusive, first-come first-served lock manager, like `navigator.locks` for one lock name
 * (happy-dom has none). Not reentrant, as Web Locks are not: a request made while holding waits
 * behind the holder for ever. `granted` lists, in order, the label of each request when granted.
 */
export class FakeLockManager implements LockManagerLike {
  readonly requested: string[] = []
  private queue: Promise<void> = Promise.resolve()

  request<T>(name: string, _options: { mode: 'exclusive' }, callback: () => Promise<T>): Promise<T> {
    this.requested.push(name)
    const turn = this.queue.then(() => callback())
    this.queue = turn.then(
      () => undefined,
      () => undefined
    )
    return turn
  }
}

/** Puts `locks` in place of `navigator.locks` until the returned function is called. */
export function installLockManager(locks: LockManagerLike): () => void {
  Object.defineProperty(globalThis.navigator, 'locks', { configurable: true, get: () => locks })
  return () => {
    delete (globalThis.navigator as { locks?: unknown }).locks
  }
}

/** A promise and the function that resolves it: lets a test hold a lock until it says so. */
export function aLatch(): { readonly done: Promise<void>; release(): void } {
  let release: () => void = () => undefined
  const done = new Promise<void>((resolve) => {
    release = resolve
  })
  return { done, release }
}
