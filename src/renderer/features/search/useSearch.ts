import { onScopeDispose, ref, shallowRef, type Ref, type ShallowRef } from 'vue'
import { i18n, formatCount } from '@renderer/i18n'
import { searchIndex, type SearchIndexStatus, type SearchMode, type SearchResultPage } from '@renderer/searchIndex'

/**
 * Runs searches against the index and keeps the latest answer. Answers arrive out of order when
 * typing fast; only the one for the latest query is kept.
 */
export function useSearch(): {
  readonly page: ShallowRef<SearchResultPage | undefined>
  readonly isSearching: Ref<boolean>
  readonly errorMessage: Ref<string | undefined>
  readonly run: (query: string, mode: SearchMode, limit?: number) => Promise<void>
} {
  const page = shallowRef<SearchResultPage | undefined>(undefined)
  const isSearching = ref(false)
  const errorMessage = ref<string | undefined>(undefined)
  let latest = 0
  async function run(query: string, mode: SearchMode, limit = 50): Promise<void> {
    latest += 1
    const ticket = latest
    isSearching.value = true
    try {
      const answer = await searchIndex.search(query, mode, limit)
      if (ticket !== latest) return
      page.value = answer
      errorMessage.value = undefined
    } catch (error) {
      if (ticket !== latest) return
      errorMessage.value = error instanceof Error ? error.message : String(error)
    } finally {
      if (ticket === latest) isSearching.value = false
    }
  }
  return { page, isSearching, errorMessage, run }
}

/** The search index's latest status, kept current while the calling component lives. */
export function useSearchIndexStatus(): Ref<SearchIndexStatus> {
  const status = ref<SearchIndexStatus>(searchIndex.status)
  const stop = searchIndex.onStatus((next) => {
    status.value = next
  })
  onScopeDispose(stop)
  return status
}

/**
 * Whether answers shown may be out of date after a status change: the index is ready again after
 * indexing, or took in records (its count moved) — a query asked just before the index heard of a
 * write (an import finished as the search page opened) was answered from the index as it was.
 */
export function isAskingAgainDue(status: SearchIndexStatus, previous: SearchIndexStatus | undefined): boolean {
  if (status.state !== 'ready' || previous === undefined) return false
  return previous.state !== 'ready' || previous.documentCount !== status.documentCount
}

/** The status in words, or '' when the index is ready ("Indexing 1,234 of 5,000 records…"). */
export function describeIndexStatus(status: SearchIndexStatus): string {
  switch (status.state) {
    case 'opening':
      return i18n.global.t('search.status.opening')
    case 'indexing':
      return status.total === 0
        ? i18n.global.t('search.status.indexingStart')
        : i18n.global.t('search.status.indexing', { indexed: formatCount(status.indexed), total: formatCount(status.total) })
    case 'ready':
      return ''
    case 'failed':
      return i18n.global.t('search.status.failed', { message: status.message })
  }
}

/** Adds a filter to a query unless it is already there, as a facet click does. */
export function withFilter(query: string, filter: string): string {
  const trimmed = query.trim()
  if (trimmed.split(/\s+/).includes(filter)) return trimmed
  return trimmed === '' ? filter : `${trimmed} ${filter}`
}
