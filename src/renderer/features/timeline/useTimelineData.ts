import { computed, ref, shallowRef, watch, type ComputedRef, type Ref, type ShallowRef } from 'vue'
import { getDatabase, useLiveQuery } from '@renderer/db'
import { searchIndex } from '@renderer/searchIndex'
import { parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'
import { timelineEvents, type TimelineContent } from '@shared/timeline/timelineEvents'
import type { LaneLookups } from '@shared/timeline/timelineLanes'
import { recordsAbout, recordsMatching, type KnowledgeBaseRecords, type TimelineSubject } from '@shared/timeline/timelineScope'
import type { TimelineScope } from '@shared/timeline/timelineViewState'
import { repositories } from '../records'
import { todayAsDay } from '../viewExport'

// The meta row the search feature keeps saved searches in (read only here).
const SAVED_SEARCHES_KEY = 'saved-searches'
const EMPTY: KnowledgeBaseRecords = { incidents: [], responses: [], laws: [], organisations: [] }

export interface TimelineData {
  readonly content: ComputedRef<TimelineContent>
  readonly lookups: ComputedRef<LaneLookups>
  /** The saved search the scope names, once read (undefined while loading or when it no longer exists). */
  readonly savedSearch: ComputedRef<SavedSearch | undefined>
  /** The words the records are filtered by: the saved search's query, then the typed one. */
  readonly effectiveQuery: ComputedRef<string>
  readonly isLoading: ComputedRef<boolean>
  readonly errorMessage: Ref<string | undefined>
  readonly subjectName: ComputedRef<string | undefined>
}

function subjectOf(scope: TimelineScope): TimelineSubject {
  if (scope.organisationId !== undefined) return { kind: 'organisation', organisationId: scope.organisationId }
  if (scope.jurisdictionId !== undefined) return { kind: 'jurisdiction', jurisdictionId: scope.jurisdictionId }
  if (scope.lawId !== undefined) return { kind: 'law', lawId: scope.lawId }
  return { kind: 'everything' }
}

/**
 * The timeline's content for a scope, kept live: records are read with live queries (so an edit
 * in any window redraws the timeline), narrowed to the scope's subject, then to what the query
 * (typed, or from a saved search) finds in the search index.
 */
export function useTimelineData(scope: Ref<TimelineScope>): TimelineData {
  const records = useLiveQuery<KnowledgeBaseRecords>(
    async () => {
      const [incidents, responses, laws, organisations] = await Promise.all([
        repositories.incident.list(),
        repositories.response.list(),
        repositories.law.list(),
        repositories.organisation.list()
      ])
      return { incidents, responses, laws, organisations }
    },
    EMPTY
  )
  const jurisdictions = useLiveQuery(() => repositories.jurisdiction.list(), [])
  const savedSearches = useLiveQuery(async () => (await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value, undefined)

  const savedSearch = computed(() =>
    scope.value.savedSearchId === undefined ? undefined : parseSavedSearches(savedSearches.data.value).searches.find((search) => search.id === scope.value.savedSearchId)
  )
  const effectiveQuery = computed(() => [savedSearch.value?.query ?? '', scope.value.query].map((part) => part.trim()).filter((part) => part !== '').join(' '))

  const matchingIds: ShallowRef<ReadonlySet<string> | undefined> = shallowRef(undefined)
  const isSearching = ref(false)
  const errorMessage = ref<string | undefined>(undefined)
  let latest = 0
  // Re-run the search when the query changes and after every write, so an edited record moves at once.
  watch(
    [effectiveQuery, records.data],
    async ([query]) => {
      latest += 1
      const ticket = latest
      if (query === '') {
        matchingIds.value = undefined
        errorMessage.value = undefined
        return
      }
      isSearching.value = true
      try {
        const page = await searchIndex.search(query, 'full', Number.POSITIVE_INFINITY)
        if (ticket !== latest) return
        matchingIds.value = new Set(page.items.map((item) => item.id))
        errorMessage.value = undefined
      } catch (error) {
        if (ticket !== latest) return
        errorMessage.value = error instanceof Error ? error.message : String(error)
      } finally {
        if (ticket === latest) isSearching.value = false
      }
    },
    { immediate: true }
  )

  const today = todayAsDay()
  const content = computed(() => {
    const all = records.data.value
    const about = recordsAbout(all, subjectOf(scope.value))
    return timelineEvents(recordsMatching(about, matchingIds.value), { today, allIncidents: all.incidents, organisations: all.organisations })
  })

  const lookups = computed((): LaneLookups => {
    const jurisdictionNames = new Map(jurisdictions.data.value.map((jurisdiction) => [jurisdiction.id as string, jurisdiction.name]))
    const organisationNames = new Map(records.data.value.organisations.map((organisation) => [organisation.id as string, organisation.name]))
    return { jurisdictionName: (id) => jurisdictionNames.get(id), organisationName: (id) => organisationNames.get(id) }
  })

  const subjectName = computed((): string | undefined => {
    const subject = subjectOf(scope.value)
    if (subject.kind === 'organisation') return lookups.value.organisationName?.(subject.organisationId) ?? subject.organisationId
    if (subject.kind === 'jurisdiction') return lookups.value.jurisdictionName?.(subject.jurisdictionId) ?? subject.jurisdictionId
    if (subject.kind === 'law') {
      const law = records.data.value.laws.find((candidate) => candidate.id === subject.lawId)
      return law?.shortName ?? law?.title ?? subject.lawId
    }
    return undefined
  })

  return {
    content,
    lookups,
    savedSearch,
    effectiveQuery,
    isLoading: computed(() => records.isLoading.value || isSearching.value),
    errorMessage,
    subjectName
  }
}
