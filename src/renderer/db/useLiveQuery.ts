import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQuery<T> {
  /** The latest result; `initial` until the first one arrives. Kept on error. */
  readonly data: ShallowRef<T>
  /** The error of the latest run, cleared by the next result. */
  readonly error: ShallowRef<Error | undefined>
  /** True until the first result (or error) of the current subscription. */
  readonly isLoading: Ref<boolean>
  /** Stops listening; also done when the calling component or effect scope is disposed. */
  readonly stop: () => void
}

/**
 * A database read kept current: re-runs `query` whenever a write (in this window or another)
 * touches what it read, and when `deps` change. Results replace `data` whole (a `shallowRef`),
 * so rows are never made deeply reactive.
 */
export function useLiveQuery<T>(query: () => Promise<T> | T, initial: T, deps?: WatchSource<unknown> | readonly WatchSource<unknown>[]): LiveQuery<T> {
  const data = shallowRef(initial) as ShallowRef<T>
  const error = shallowRef<Error | undefined>(undefined)
  const isLoading = ref(true)
  let subscription: Subscription | undefined

  function subscribe(): void {
    subscription?.unsubscribe()
    isLoading.value = true
    subscription = liveQuery(query).subscribe({
      next: (value) => {
        data.value = value
        error.value = undefined
        isLoading.value = false
      },
      error: (reason: unknown) => {
        error.value = reason instanceof Error ? reason : new Error(String(reason))
        isLoading.value = false
      }
    })
  }

  const stopWatching = deps === undefined ? undefined : watch(deps as WatchSource<unknown>, subscribe)
  subscribe()

  function stop(): void {
    stopWatching?.()
    subscription?.unsubscribe()
    subscription = undefined
  }
  if (getCurrentScope() !== undefined) onScopeDispose(stop)

  return { data, error, isLoading, stop }
}
