import { computed, type ComputedRef } from 'vue'
import { getDatabase, readImportLog, useLiveQuery, type ImportLogEntry } from '@renderer/db'

export type { ImportLogEntry }

/** The imports made in this knowledge base, newest first, kept current across windows. */
export function useImportLog(): ComputedRef<readonly ImportLogEntry[]> {
  const log = useLiveQuery(() => readImportLog(getDatabase()), [] as ImportLogEntry[])
  return computed(() => [...log.data.value].reverse())
}
