import { onMounted, ref, type Ref } from 'vue'
import { formatByteSize } from '@shared/interchange/importLimits'

/** How much this app stores and may store, as the browser reports it (RELIABILITY-SECURITY 21). */
export interface StorageStatus {
  readonly usage: string
  readonly quota: string
  readonly isPersisted: boolean
}

/** The storage estimate, read when the component mounts; `undefined` where the browser cannot tell. */
export function useStorageEstimate(): Ref<StorageStatus | undefined> {
  const status = ref<StorageStatus>()
  onMounted(async () => {
    const storage = globalThis.navigator?.storage
    if (storage?.estimate === undefined) return
    try {
      const [estimate, isPersisted] = await Promise.all([storage.estimate(), storage.persisted?.() ?? Promise.resolve(false)])
      status.value = { usage: formatByteSize(estimate.usage ?? 0), quota: formatByteSize(estimate.quota ?? 0), isPersisted }
    } catch {
      status.value = undefined
    }
  })
  return status
}
