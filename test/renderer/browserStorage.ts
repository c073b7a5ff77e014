import { afterEach } from 'vitest'

/** What the fake `navigator.storage` reports: free bytes and whether the browser keeps the data. */
export interface BrowserStorageState {
  free: number
  isPersisted: boolean
  estimates: number
}

/**
 * Gives `navigator.storage` (which happy-dom lacks) an estimate and a persistence answer the test
 * sets, for the test file that calls it (at its top level); reset to plenty of room after each test.
 */
export function useBrowserStorage(): BrowserStorageState {
  const state: BrowserStorageState = { free: 1024 * 1024 * 1024, isPersisted: false, estimates: 0 }
  const usage = 5 * 1024 * 1024
  const storage = {
    estimate: () => {
      state.estimates += 1
      return Promise.resolve({ usage, quota: usage + state.free })
    },
    persisted: () => Promise.resolve(state.isPersisted),
    persist: () => Promise.resolve(state.isPersisted)
  }
  Object.defineProperty(globalThis.navigator, 'storage', { value: storage, configurable: true })
  afterEach(() => {
    state.free = 1024 * 1024 * 1024
    state.isPersisted = false
    state.estimates = 0
  })
  return state
}
