import { ref, watch, type Ref } from 'vue'

/** How many items of a long list are drawn at first, and added by each "Show more". */
export const SHOWN_PART_STEP = 100

/**
 * How much of a long list is read and drawn: the first `step` items, grown by `showMore()`. Goes
 * back to the first part when the list becomes another record's (`resetOn` changes), not when the
 * same list is re-read. The list's reader reads only `limit` items (a regulator has thousands).
 */
export function useShownPart(resetOn: Ref<unknown>, step = SHOWN_PART_STEP) {
  const limit = ref(step)
  watch(resetOn, () => {
    limit.value = step
  })
  return {
    limit,
    step,
    showMore: (): void => {
      limit.value += step
    }
  }
}
