import { watch, type WatchSource } from 'vue'
import { startSearchIndex } from '@renderer/searchIndex'

/**
 * Starts the search index as soon as `canStart` holds. The app passes "start-up has not failed",
 * so the worker loads its snapshot while the page opens and checks the knowledge base, instead of
 * after it: the first query after a reload is answered sooner. Records seeded on a first run
 * meanwhile reach the index through the change feed, as any write does.
 */
export function useSearchIndexAfterStartup(canStart: WatchSource<boolean>): void {
  watch(
    canStart,
    (allowed) => {
      if (allowed) startSearchIndex()
    },
    { immediate: true }
  )
}
