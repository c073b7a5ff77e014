import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { getDatabase, useLiveQuery } from '@renderer/db'
import { searchIndex } from '@renderer/searchIndex'
import { viewData, type TimelineJumpChoice, type TimelineViewData } from '@renderer/viewData'
import { parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'
import type { TimelineContent } from '@shared/timeline/timelineEvents'
import type { TimelineFacetEntry, TimelineFacetName } from '@shared/timeline/timelineFacets'
import type { LaneLookups } from '@shared/timeline/timelineLanes'
import type { TimelineSubject } from '@shared/timeline/timelineScope'
import type { TimelineScope } from '@shared/timeline/timelineViewState'
import { todayAsDay } from '../viewExport'

// The meta row the search feature keeps saved searches in (read only here).
const SAVED_SEARCHES_KEY = 'saved-searches'
// A list longer than this is no help to choose from (and slow to draw): the filter narrows it.
export const MAX_JUMP_CHOICES = 500

const EMPTY: TimelineViewData = {
  content: { items: [], links: [], undatedRecordIds: [] },
  jurisdictionNames: [],
  organisationNames: [],
  subjectName: undefined,
  facets: { type: [], jurisdiction: [], organisation: [], category: [], year: [] },
  jumpChoices: [],
  jumpChoiceCount: 0
}

export interface TimelineData {
  readonly content: ComputedRef<TimelineContent>
  readonly lookups: ComputedRef<LaneLookups>
  /** Facets of what is shown, counted by record, with the filters that narrow to each value. */
  readonly facets: ComputedRef<Readonly<Record<TimelineFacetName, readonly TimelineFacetEntry[]>>>
  /** The first MAX_JUMP_CHOICES records with an event, and how many there are in all. */
  readonly jumpChoices: ComputedRef<readonly TimelineJumpChoice[]>
  readonly jumpChoiceCount: ComputedRef<number>
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
 * The timeline's content for a scope, kept live. The views worker holds the records and computes
 * the items (narrowed to the scope's subject, then to what the query — typed, or from a saved
 * search — finds in the search index), so the page never reads the record tables; it asks again
 * whenever the worker has applied a write, so an edit in any window redraws the timeline.
 */
export function useTimelineData(scope: Ref<TimelineScope>): TimelineData {
  const savedSearches = useLiveQuery(async () => (await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value, undefined)

  const savedSearch = computed(() =>
    scope.value.savedSearchId === undefined ? undefined : parseSavedSearches(savedSearches.data.value).searches.find((search) => search.id === scope.value.savedSearchId)
  )
  const effectiveQuery = computed(() => [savedSearch.value?.query ?? '', scope.value.query].map((part) => part.trim()).filter((part) => part !== '').join(' '))
  const subject = computed(() => subjectOf(scope.value))
  // The subject compared as text: the address gives a new object on every navigation.
  const subjectKey = computed(() => JSON.stringify(subject.value))

  const data = shallowRef<TimelineViewData>(EMPTY)
  const isLoading = ref(true)
  const errorMessage = ref<string | undefined>(undefined)
  const views = viewData()
  const today = todayAsDay()
  let latest = 0
  // Asked again when the subject or query changes and after every write the worker applied, so an edited record moves at once.
  watch(
    [subjectKey, effectiveQuery, views.changes],
    async ([, query]) => {
      latest += 1
      const ticket = latest
      isLoading.value = true
      try {
        const matchingIds = query === '' ? undefined : (await searchIndex.search(query, 'full', Number.POSITIVE_INFINITY)).items.map((item) => item.id)
        if (ticket !== latest) return
        const next = await views.timeline({ subject: subject.value, matchingIds, today, jumpChoiceLimit: MAX_JUMP_CHOICES })
        if (ticket !== latest) return
        data.value = next
        errorMessage.value = undefined
      } catch (error) {
        if (ticket !== latest) return
        errorMessage.value = error instanceof Error ? error.message : String(error)
      } finally {
        if (ticket === latest) isLoading.value = false
      }
    },
    { immediate: true }
  )

  const lookups = computed((): LaneLookups => {
    const jurisdictionNames = new Map(data.value.jurisdictionNames)
    const organisationNames = new Map(data.value.organisationNames)
    return { jurisdictionName: (id) => jurisdictionNames.get(id), organisationName: (id) => organisationNames.get(id) }
  })

  return {
    content: computed(() => data.value.content),
    lookups,
    facets: computed(() => data.value.facets),
    jumpChoices: computed(() => data.value.jumpChoices),
    jumpChoiceCount: computed(() => data.value.jumpChoiceCount),
    savedSearch,
    effectiveQuery,
    isLoading: computed(() => isLoading.value),
    errorMessage,
    subjectName: computed(() => data.value.subjectName)
  }
}
