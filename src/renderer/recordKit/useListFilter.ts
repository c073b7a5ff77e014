import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { searchIndex } from '@renderer/searchIndex'
import type { RecordType } from '@shared/domain/recordTypes'
import type { Message } from '@shared/locale/message'

/** Pause after the last keystroke before asking the index, so typing a word asks once, not per letter. */
const FILTER_DELAY_MS = 150

/**
 * A list's filter box: the typed query, in the search page's language, answered by the search
 * worker with every matching id of the list's record type. `matchingIds` is undefined while the
 * box is empty (the list is not filtered); answers to an older query are dropped.
 */
export function useListFilter(type: RecordType) {
  const text = ref('')
  const matchingIds = shallowRef<readonly string[] | undefined>(undefined)
  const hints = shallowRef<readonly Message[]>([])
  const isSearching = ref(false)
  const error = shallowRef<Error | undefined>(undefined)
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function ask(query: string): Promise<void> {
    asked += 1
    const question = asked
    isSearching.value = true
    try {
      const answer = await searchIndex.matchingIds(query, type)
      if (question !== asked) return
      matchingIds.value = answer.isFiltered ? answer.ids : undefined
      hints.value = answer.hints
      error.value = undefined
    } catch (reason: unknown) {
      if (question === asked) error.value = reason instanceof Error ? reason : new Error(String(reason))
    } finally {
      if (question === asked) isSearching.value = false
    }
  }

  watch(text, (query) => {
    clearTimeout(timer)
    if (query.trim() === '') {
      asked += 1
      matchingIds.value = undefined
      hints.value = []
      isSearching.value = false
      return
    }
    timer = setTimeout(() => void ask(query), FILTER_DELAY_MS)
  })
  onScopeDispose(() => clearTimeout(timer))

  return { text, matchingIds, hints, isSearching, error }
}
