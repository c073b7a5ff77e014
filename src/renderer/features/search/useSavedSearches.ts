import { computed, type ComputedRef } from 'vue'
import { getDatabase, SAVED_SEARCHES_KEY, useLiveQuery } from '@renderer/db'
import { parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'

export { SAVED_SEARCHES_KEY } from '@renderer/db'

/** The saved searches, kept current across windows; stored entries are validated on every read. */
export function useSavedSearches(): { readonly savedSearches: ComputedRef<readonly SavedSearch[]>; readonly droppedCount: ComputedRef<number> } {
  const stored = useLiveQuery(async () => (await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value, undefined)
  const parsed = computed(() => parseSavedSearches(stored.data.value))
  return {
    savedSearches: computed(() => parsed.value.searches),
    droppedCount: computed(() => parsed.value.droppedCount)
  }
}
