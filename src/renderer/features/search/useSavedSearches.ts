import { computed, type ComputedRef } from 'vue'
import { getDatabase, useLiveQuery } from '@renderer/db'
import { parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'

/** The `meta` row that holds the saved searches. */
export const SAVED_SEARCHES_KEY = 'saved-searches'

/** The saved searches, kept current across windows; stored entries are validated on every read. */
export function useSavedSearches(): { readonly savedSearches: ComputedRef<readonly SavedSearch[]>; readonly droppedCount: ComputedRef<number> } {
  const stored = useLiveQuery(async () => (await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value, undefined)
  const parsed = computed(() => parseSavedSearches(stored.data.value))
  return {
    savedSearches: computed(() => parsed.value.searches),
    droppedCount: computed(() => parsed.value.droppedCount)
  }
}
