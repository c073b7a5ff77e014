import { computed, ref } from 'vue'
import {
  countDuplicatePairs,
  getDatabase,
  readDismissedDuplicatePairs,
  readDuplicatePairPage,
  useLiveQuery,
  type DuplicatePairRow,
  type DuplicatePairType
} from '@renderer/db'
import { startDuplicatePairs } from '@renderer/duplicatePairs'

export type { DuplicatePairRow, DuplicatePairType } from '@renderer/db'

/** Pairs shown at first per type; "Show more" adds as many again. */
export const DUPLICATE_PAGE_SIZE = 50

interface DuplicatePage {
  readonly pairs: readonly DuplicatePairRow[]
  readonly total: number
}

interface DuplicatePages {
  readonly organisation: DuplicatePage
  readonly incident: DuplicatePage
}

const emptyPage: DuplicatePage = { pairs: [], total: 0 }

/**
 * Likely duplicate organisations and incidents as the duplicates worker stored them, likeliest
 * first, a page at a time with counts, without dismissed pairs; kept live as pairs are stored or
 * dismissed. Starts the worker, whose status tells whether it is still computing.
 */
export function useDuplicateCandidates() {
  const status = startDuplicatePairs()
  const shown = ref<Record<DuplicatePairType, number>>({ organisation: DUPLICATE_PAGE_SIZE, incident: DUPLICATE_PAGE_SIZE })
  const query = useLiveQuery<DuplicatePages>(
    async () => {
      const db = getDatabase()
      const dismissed = new Set(await readDismissedDuplicatePairs(db))
      const pageOf = async (type: DuplicatePairType): Promise<DuplicatePage> => {
        const [pairs, total] = await Promise.all([
          readDuplicatePairPage(db, type, { offset: 0, limit: shown.value[type] }, dismissed),
          countDuplicatePairs(db, type, dismissed)
        ])
        return { pairs, total }
      }
      const [organisation, incident] = await Promise.all([pageOf('organisation'), pageOf('incident')])
      return { organisation, incident }
    },
    { organisation: emptyPage, incident: emptyPage },
    shown
  )
  const organisationPairs = computed(() => query.data.value.organisation.pairs)
  const incidentPairs = computed(() => query.data.value.incident.pairs)
  const totals = computed(() => ({ organisation: query.data.value.organisation.total, incident: query.data.value.incident.total }))
  const showMore = (type: DuplicatePairType): void => {
    shown.value = { ...shown.value, [type]: shown.value[type] + DUPLICATE_PAGE_SIZE }
  }
  return { organisationPairs, incidentPairs, totals, showMore, status, isLoading: query.isLoading, error: query.error }
}
