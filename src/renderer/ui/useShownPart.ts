import { computed, ref, watch, type Ref } from 'vue'

/** How many items of a long list are drawn at first, and added by each "Show more". */
export const SHOWN_PART_STEP = 100

/**
 * The first part of a list that is drawn, grown by `showMore()`. Goes back to the first part when
 * the list becomes another record's (`resetOn` changes), not when the same list is re-read.
 */
export function useShownPart<T>(items: Ref<readonly T[]>, resetOn: Ref<unknown>, step = SHOWN_PART_STEP) {
  const limit = ref(step)
  watch(resetOn, () => {
    limit.value = step
  })
  const shown = computed(() => items.value.slice(0, limit.value))
  return {
    shown,
    total: computed(() => items.value.length),
    step,
    showMore: (): void => {
      limit.value += step
    }
  }
}
