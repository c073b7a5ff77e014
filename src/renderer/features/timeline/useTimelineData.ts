import { computed, ref, shallowRef, watch, type ComputedRef, type Ref } from 'vue'
import { getDatabase, useLiveQuery } from '@renderer/db'
import { currentLocale } from '@renderer/i18n'
import { searchIndex } from '@renderer/searchIndex'
import { STALE_TIMELINE_MESSAGE, viewData, type TimelineJumpChoice, type TimelineSummary } from '@renderer/viewData'
import { parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'
import type { TimelineFacetEntry, TimelineFacetName } from '@shared/timeline/timelineFacets'
import type { TimelineSubject } from '@shared/timeline/timelineScope'
import type { TimelineScope } from '@shared/timeline/timelineViewState'
import type { TimelineArrangement, TimelineLocation, TimelineWindowSource } from '@shared/timeline/timelineWindow'
import { todayAsDay } from '../viewExport'

// The meta row the search feature keeps saved searches in (read only here).
const SAVED_SEARCHES_KEY = 'saved-searches'
// A list longer than this is no help to choose from (and slow to draw): the filter narrows it.
export const MAX_JUMP_CHOICES = 500

const EMPTY: TimelineSummary = {
  layoutId: 0,
  itemCount: 0,
  laneCount: 0,
  undatedRecordCount: 0,
  extent: undefined,
  subjectName: undefined,
  facets: { type: [], jurisdiction: [], organisation: [], category: [], year: [] },
  jumpChoices: [],
  jumpChoiceCount: 0
}

export interface TimelineData {
  /** Where the chart asks for the window around its view; undefined until the timeline is open. */
  readonly source: ComputedRef<TimelineWindowSource | undefined>
  /** Items drawn in all (an item shown in several lanes counts once), and lanes. */
  readonly itemCount: ComputedRef<number>
  readonly laneCount: ComputedRef<number>
  readonly undatedRecordCount: ComputedRef<number>
  /** The first and last day any item covers. */
  readonly extent: ComputedRef<TimelineSummary['extent']>
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
  /** Where a record's item is (zoom `pxPerDay`, with these lanes collapsed); undefined when it is not drawn. */
  locate(recordId: string, pxPerDay: number, collapsedLaneKeys: readonly string[]): Promise<TimelineLocation | undefined>
  /** Every lane key in drawn order. */
  laneKeys(): Promise<readonly string[]>
  /** The records the timeline shows (its filter applied), dated or not: what exports and briefings take. */
  recordIds(): Promise<readonly string[]>
}

function subjectOf(scope: TimelineScope): TimelineSubject {
  if (scope.organisationId !== undefined) return { kind: 'organisation', organisationId: scope.organisationId }
  if (scope.jurisdictionId !== undefined) return { kind: 'jurisdiction', jurisdictionId: scope.jurisdictionId }
  if (scope.lawId !== undefined) return { kind: 'law', lawId: scope.lawId }
  return { kind: 'everything' }
}

/**
 * The timeline for a scope and an arrangement of lanes, kept live. The views worker holds the
 * records, computes the items (narrowed to the scope's subject, then to what the query — typed, or
 * from a saved search — finds in the search index), lays them out in lanes and keeps the layout;
 * the page gets totals, facets and jump choices, and the chart asks for the window around its view.
 * So the page never reads the record tables nor holds every item. It asks again whenever the
 * worker has applied a write, so an edit in any window redraws the timeline.
 */
export function useTimelineData(scope: Ref<TimelineScope>, arrangement: Ref<TimelineArrangement>): TimelineData {
  const savedSearches = useLiveQuery(async () => (await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value, undefined)

  const savedSearch = computed(() =>
    scope.value.savedSearchId === undefined
      ? undefined
      : parseSavedSearches(savedSearches.data.value).searches.find((search) => search.id === scope.value.savedSearchId)
  )
  const effectiveQuery = computed(() =>
    [savedSearch.value?.query ?? '', scope.value.query]
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .join(' ')
  )
  const subject = computed(() => subjectOf(scope.value))
  // Compared as text: the address gives new objects on every navigation.
  const subjectKey = computed(() => JSON.stringify(subject.value))
  const arrangementKey = computed(() => JSON.stringify([arrangement.value.grouping, arrangement.value.laneOrder]))

  const data = shallowRef<TimelineSummary>(EMPTY)
  const isLoading = ref(true)
  const errorMessage = ref<string | undefined>(undefined)
  // Bumped when the worker no longer keeps the layout the chart draws from: it is asked for again.
  const staleLayouts = ref(0)
  const views = viewData()
  const today = todayAsDay()
  let latest = 0
  let lastSearch: { readonly query: string; readonly ids: readonly string[] | undefined } | undefined
  // Asked again when the subject, query or lanes change and after every write the worker applied, so
  // an edited record moves at once; and in another language, whose jurisdiction names the lanes show.
  watch(
    [subjectKey, effectiveQuery, arrangementKey, views.changes, staleLayouts, currentLocale],
    async ([, query]) => {
      latest += 1
      const ticket = latest
      isLoading.value = true
      try {
        // A new arrangement of lanes does not search again.
        const matchingIds =
          query === ''
            ? undefined
            : lastSearch?.query === query
              ? lastSearch.ids
              : (await searchIndex.search(query, 'full', Number.POSITIVE_INFINITY)).items.map((item) => item.id)
        if (ticket !== latest) return
        lastSearch = { query, ids: matchingIds }
        const { grouping, laneOrder } = arrangement.value
        const next = await views.timeline({
          subject: subject.value,
          matchingIds,
          today,
          jumpChoiceLimit: MAX_JUMP_CHOICES,
          grouping,
          laneOrder,
          locale: currentLocale()
        })
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

  // A write after the search and before the next one must search again.
  watch(views.changes, () => (lastSearch = undefined))

  const onStale = (error: unknown): never => {
    if (error instanceof Error && error.message === STALE_TIMELINE_MESSAGE) staleLayouts.value += 1
    throw error
  }

  const source = computed((): TimelineWindowSource | undefined => {
    const { layoutId } = data.value
    if (layoutId === 0) return undefined
    return { key: layoutId, window: (request) => views.timelineWindow(layoutId, request).catch(onStale) }
  })

  return {
    source,
    itemCount: computed(() => data.value.itemCount),
    laneCount: computed(() => data.value.laneCount),
    undatedRecordCount: computed(() => data.value.undatedRecordCount),
    extent: computed(() => data.value.extent),
    facets: computed(() => data.value.facets),
    jumpChoices: computed(() => data.value.jumpChoices),
    jumpChoiceCount: computed(() => data.value.jumpChoiceCount),
    savedSearch,
    effectiveQuery,
    isLoading: computed(() => isLoading.value),
    errorMessage,
    subjectName: computed(() => data.value.subjectName),
    locate: async (recordId, pxPerDay, collapsedLaneKeys) =>
      data.value.layoutId === 0
        ? undefined
        : views.timelineLocate({ layoutId: data.value.layoutId, recordId, pxPerDay, collapsedLaneKeys: [...collapsedLaneKeys] }).catch(onStale),
    laneKeys: async () => (data.value.layoutId === 0 ? [] : views.timelineKeys(data.value.layoutId, 'lanes').catch(onStale)),
    recordIds: async () => (data.value.layoutId === 0 ? [] : views.timelineKeys(data.value.layoutId, 'records').catch(onStale))
  }
}
