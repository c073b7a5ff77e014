import { ref, shallowRef, watch, type Ref } from 'vue'
import { currentLocale } from '@renderer/i18n'
import { viewData, type ChartsViewData } from '@renderer/viewData'
import type { ChartsSettings } from './chartsRoute'

const EMPTY: ChartsViewData = {
  incidents: { years: [], groups: [], counts: [], undatedIncidentCount: 0 },
  incidentsIgnored: [],
  responses: { kinds: [], counts: [], totalsByKind: [] },
  responsesIgnored: [],
  jurisdictionNames: []
}

/**
 * The charts' counts, kept live: the views worker filters and counts the records it holds (the
 * page never reads the tables) and is asked again when the settings change or a write was applied.
 */
export function useChartsData(settings: Ref<ChartsSettings>) {
  const data = shallowRef<ChartsViewData>(EMPTY)
  const isLoading = ref(true)
  const error = shallowRef<Error | undefined>(undefined)
  const views = viewData()
  let latest = 0
  watch(
    [() => JSON.stringify(settings.value), views.changes, currentLocale],
    async () => {
      latest += 1
      const ticket = latest
      const { incidentFilter, responseFilter, incidentGrouping } = settings.value
      try {
        const next = await views.charts({ incidentFilter, responseFilter, grouping: incidentGrouping, locale: currentLocale() })
        if (ticket !== latest) return
        data.value = next
        error.value = undefined
      } catch (reason) {
        if (ticket !== latest) return
        error.value = reason instanceof Error ? reason : new Error(String(reason))
      } finally {
        if (ticket === latest) isLoading.value = false
      }
    },
    { immediate: true }
  )
  return { data, isLoading, error }
}
