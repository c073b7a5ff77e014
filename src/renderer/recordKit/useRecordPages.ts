import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { compareListOrderKeys, type ListOrder, type ListOrderKey } from '@renderer/db'
import type { RecordOfType, RecordType } from '@shared/domain/recordTypes'
import { repositories } from './knowledgeBase'
import { holdRecordCount, isRecordCountKept, type RecordCountHold } from './recordCounts'

/** Rows read per page; a screen shows about 20, so a page and its neighbour cover the overscan. */
export const RECORD_PAGE_SIZE = 50

/**
 * The rows of one record list, read page by page as they are shown (never the whole table).
 *
 * Unfiltered, a page is read from the order's index: right after the last key of the page before
 * when that is known (keyset paging, cheap wherever it is), else by stepping from the nearer end
 * of the list, so a jump to the end costs no more than the start. Filtered (`matchingIds` set),
 * the matches' order keys are read once and sorted, and each page is one `bulkGet`.
 *
 * The count is a live query: any write to the table, in this window or another, re-reads the
 * count and the pages on screen (the old rows stay shown until the new ones arrive).
 */
export function useRecordPages<T extends RecordType>(type: T, order: Ref<ListOrder>, matchingIds: Ref<readonly string[] | undefined>) {
  const repository = repositories[type]
  const firstPageRead = ref(false)
  /**
   * The count of the table, shared by the lists of its type (see holdRecordCount). Counting reads
   * every key (hundreds of ms at 100k, in pages that let other reads in between), so when no count
   * is kept it starts only once the first page has been read: the list paints first, and until the
   * count arrives it is as long as what that page read.
   */
  const countHold = shallowRef<RecordCountHold | undefined>(isRecordCountKept(type) ? holdRecordCount(type) : undefined)
  watch(firstPageRead, (read) => {
    if (read && countHold.value === undefined) countHold.value = holdRecordCount(type)
  })
  onScopeDispose(() => countHold.value?.release())
  const tableCount = computed(() => countHold.value?.live.data.value ?? -1)

  let pages = new Map<number, readonly RecordOfType[T][]>()
  /** Pages of the last reading, shown until their replacements arrive after a write. */
  let previousPages = new Map<number, readonly RecordOfType[T][]>()
  /** The order key of each read page's last row, where the next page starts. */
  let boundaries = new Map<number, ListOrderKey>()
  const loading = new Set<number>()
  /** Bumped on every reset: answers to an older reading are dropped. */
  let generation = 0
  const pagesVersion = ref(0)
  const error = shallowRef<Error | undefined>(undefined)
  const visibleRange = shallowRef({ start: 0, end: RECORD_PAGE_SIZE })

  /** The filter's matches in the list order (ids), once their keys are read; undefined when unfiltered. */
  const orderedMatches = shallowRef<readonly string[] | undefined>(undefined)
  const isOrderingMatches = ref(false)

  /** How many rows the first page read: the list's length until the count arrives. */
  const firstPageLength = ref(0)
  const isCounted = computed(() => countHold.value !== undefined && !countHold.value.live.isLoading.value && tableCount.value >= 0)
  const total = computed(() => {
    if (matchingIds.value !== undefined) return orderedMatches.value?.length ?? 0
    return isCounted.value ? tableCount.value : firstPageLength.value
  })
  /** True until the first rows (or, filtered, the matches' order) are known. */
  const isLoading = computed(() => (matchingIds.value === undefined ? !isCounted.value && !firstPageRead.value : orderedMatches.value === undefined))

  function reset(keepShown: boolean): void {
    generation += 1
    previousPages = keepShown ? new Map([...previousPages, ...pages]) : new Map()
    pages = new Map()
    boundaries = new Map()
    loading.clear()
    pagesVersion.value += 1
  }

  async function readPage(page: number): Promise<readonly RecordOfType[T][]> {
    const start = page * RECORD_PAGE_SIZE
    const matches = orderedMatches.value
    if (!isCounted.value && matchingIds.value === undefined) {
      // Before the count: only the first page, read from the start of the index.
      const read = await repository.readPage({ order: order.value, limit: RECORD_PAGE_SIZE })
      const last = read.keys.at(-1)
      if (last !== undefined && read.records.length === RECORD_PAGE_SIZE) boundaries.set(0, last)
      return read.records as RecordOfType[T][]
    }
    const end = Math.min(start + RECORD_PAGE_SIZE, total.value)
    if (matchingIds.value !== undefined) {
      return matches === undefined ? [] : ((await repository.getMany(matches.slice(start, end))) as RecordOfType[T][])
    }
    let known = page - 1
    while (known >= 0 && !boundaries.has(known)) known -= 1
    const skipFromStart = start - (known + 1) * RECORD_PAGE_SIZE
    const skipFromEnd = total.value - end
    const request =
      skipFromEnd < skipFromStart
        ? { order: order.value, skip: skipFromEnd, limit: end - start, fromEnd: true }
        : { order: order.value, skip: skipFromStart, limit: end - start, ...(known >= 0 ? { after: boundaries.get(known)! } : {}) }
    const read = await repository.readPage(request)
    const last = read.keys.at(-1)
    if (last !== undefined && read.records.length === end - start) boundaries.set(page, last)
    return read.records as RecordOfType[T][]
  }

  function loadPage(page: number): void {
    const beforeCount = !isCounted.value && matchingIds.value === undefined
    if (pages.has(page) || loading.has(page) || (beforeCount ? page > 0 : page * RECORD_PAGE_SIZE >= total.value)) return
    const reading = generation
    loading.add(page)
    readPage(page).then(
      (records) => {
        if (reading !== generation) return
        loading.delete(page)
        pages.set(page, records)
        previousPages.delete(page)
        if (page === 0 && beforeCount) {
          firstPageLength.value = records.length
          firstPageRead.value = true
        }
        error.value = undefined
        pagesVersion.value += 1
      },
      (reason: unknown) => {
        if (reading !== generation) return
        loading.delete(page)
        error.value = reason instanceof Error ? reason : new Error(String(reason))
      }
    )
  }

  /** Asks for the rows from `start` to `end` (exclusive) to be read; call it as the view scrolls. */
  function showRange(start: number, end: number): void {
    if (start !== visibleRange.value.start || end !== visibleRange.value.end) visibleRange.value = { start, end }
    const first = Math.floor(Math.max(start, 0) / RECORD_PAGE_SIZE)
    const last = Math.floor(Math.max(end - 1, 0) / RECORD_PAGE_SIZE)
    for (let page = first; page <= last; page += 1) loadPage(page)
  }

  /** The record at a position in the list, or undefined while its page is being read. */
  function recordAt(index: number): RecordOfType[T] | undefined {
    void pagesVersion.value
    const page = Math.floor(index / RECORD_PAGE_SIZE)
    return (pages.get(page) ?? previousPages.get(page))?.[index % RECORD_PAGE_SIZE]
  }

  async function orderMatches(ids: readonly string[] | undefined): Promise<void> {
    const reading = generation
    if (ids === undefined) {
      orderedMatches.value = undefined
      return
    }
    isOrderingMatches.value = true
    try {
      const keys = await repository.orderKeys(ids, order.value.field)
      if (reading !== generation) return
      keys.sort(compareListOrderKeys)
      if (order.value.direction === 'descending') keys.reverse()
      orderedMatches.value = keys.map((key) => key[1])
    } catch (reason: unknown) {
      error.value = reason instanceof Error ? reason : new Error(String(reason))
    } finally {
      if (reading === generation) isOrderingMatches.value = false
    }
  }

  const reloadShown = (): void => showRange(visibleRange.value.start, visibleRange.value.end)

  watch(
    () => [order.value.field, order.value.direction] as const,
    async () => {
      reset(false)
      if (matchingIds.value !== undefined) await orderMatches(matchingIds.value)
      reloadShown()
    }
  )
  watch(matchingIds, async (ids) => {
    reset(false)
    orderedMatches.value = undefined
    await orderMatches(ids)
    reloadShown()
  })
  watch(tableCount, async () => {
    reset(true)
    if (matchingIds.value !== undefined) await orderMatches(matchingIds.value)
    reloadShown()
  })

  // The first page is read at once; the count follows it.
  reloadShown()

  /** The records read in the shown range, for looking up what they link to (names of actors, …). */
  const shownRecords = computed(() => {
    void pagesVersion.value
    const records: RecordOfType[T][] = []
    for (let index = visibleRange.value.start; index < Math.min(visibleRange.value.end, total.value); index += 1) {
      const record = recordAt(index)
      if (record !== undefined) records.push(record)
    }
    return records
  })

  return {
    shownRecords,
    /** How many rows the list has (the filter's matches when filtered). */
    total,
    recordAt,
    showRange,
    isLoading,
    isOrderingMatches,
    error
  }
}
