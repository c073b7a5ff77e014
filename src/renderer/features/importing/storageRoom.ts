import { formatByteSize } from '@shared/interchange/importLimits'

interface StorageManagerLike {
  estimate(): Promise<{ readonly usage?: number; readonly quota?: number }>
}

/**
 * Why a write of about `bytes` should not start, or `undefined` when there looks to be room or the
 * browser cannot tell (RELIABILITY-SECURITY 21). An estimate is only an estimate: a write that
 * still runs out of space is aborted whole by IndexedDB, so this only spares the person a wait.
 */
export async function shortOfRoomFor(bytes: number, storage: StorageManagerLike | undefined = globalThis.navigator?.storage): Promise<string | undefined> {
  if (storage === undefined || typeof storage.estimate !== 'function') return undefined
  try {
    const { usage, quota } = await storage.estimate()
    if (usage === undefined || quota === undefined) return undefined
    const free = quota - usage
    if (free >= bytes) return undefined
    return `This import needs about ${formatByteSize(bytes)} of storage, but only ${formatByteSize(Math.max(free, 0))} is free. Free some disk space, then try again.`
  } catch {
    return undefined
  }
}

/**
 * Bytes an import will take, roughly: each record is stored twice (its row and its history entry's
 * snapshot), as UTF-16 at worst, plus the backup taken first.
 */
export function estimatedImportBytes(recordJsonLength: number, storedJsonLength: number): number {
  return recordJsonLength * 2 * 2 + storedJsonLength * 2
}
