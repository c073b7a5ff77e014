import { computed, ref, shallowRef, watch, type Ref } from 'vue'
import { currentLocale } from '@renderer/i18n'
import { viewData, type ComparisonViewData } from '@renderer/viewData'
import type { ComparisonSubject } from '@shared/analytics/jurisdictionComparison'

/**
 * The comparison of a subject across jurisdictions, kept live: the views worker compares the
 * records it holds (the page never reads the tables) with the pure `compareJurisdictions`, and is
 * asked again when the subject changes or a write was applied. `organisationNames` names the
 * organisations the comparison mentions (the subject, actors, targets).
 */
export function useJurisdictionComparison(subject: Ref<ComparisonSubject | undefined>) {
  const data = shallowRef<ComparisonViewData | undefined>(undefined)
  const isLoading = ref(false)
  const error = shallowRef<Error | undefined>(undefined)
  const views = viewData()
  let latest = 0
  watch(
    // Asked again in another language too: the columns are headed by jurisdictions' names in it.
    [() => JSON.stringify(subject.value ?? null), views.changes, currentLocale],
    async ([key], previous) => {
      latest += 1
      const ticket = latest
      const current = subject.value
      if (current === undefined) {
        data.value = undefined
        isLoading.value = false
        return
      }
      // A new subject shows "Comparing…"; a write to the same subject redraws in place.
      if (previous === undefined || previous[0] !== key) {
        data.value = undefined
        isLoading.value = true
      }
      try {
        const next = await views.comparison(current, currentLocale())
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
  const comparison = computed(() => (subject.value === undefined ? undefined : data.value?.comparison))
  const organisationNames = computed(() => new Map<string, string>(data.value?.organisationNames ?? []))
  const subjectExists = computed(() => data.value?.subjectExists ?? true)
  return { comparison, organisationNames, subjectExists, isLoading, error }
}
