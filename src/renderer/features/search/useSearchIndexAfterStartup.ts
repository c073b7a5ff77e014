import { watch, type WatchSource } from 'vue'
import { startSearchIndex } from '@renderer/searchIndex'

/**
 * Starts the search index once start-up has opened and seeded the database, so the index is
 * built from the finished knowledge base rather than racing the first-run seeding.
 */
export function useSearchIndexAfterStartup(isReady: WatchSource<boolean>): void {
  watch(
    isReady,
    (ready) => {
      if (ready) startSearchIndex()
    },
    { immediate: true }
  )
}
