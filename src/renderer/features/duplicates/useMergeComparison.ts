import type { Ref } from 'vue'
import { findLinksTo, getDatabase, useLiveQuery, type MergeableType } from '@renderer/db'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { loadTypedRecord } from '@renderer/recordKit'

/** Two records side by side with the records linking to each, for the merge page. */
export interface MergeComparison {
  readonly first?: TypedRecord
  readonly second?: TypedRecord
  readonly firstReferrers: readonly TypedRecord[]
  readonly secondReferrers: readonly TypedRecord[]
}

/** The two records a person is comparing, kept live so a change in another window shows before they merge. */
export function useMergeComparison(type: Ref<MergeableType>, firstId: Ref<string>, secondId: Ref<string>) {
  const query = useLiveQuery<MergeComparison>(
    async () => {
      const [first, second, firstReferrers, secondReferrers] = await Promise.all([
        loadTypedRecord(type.value, firstId.value),
        loadTypedRecord(type.value, secondId.value),
        findLinksTo(getDatabase(), firstId.value),
        findLinksTo(getDatabase(), secondId.value)
      ])
      return { first, second, firstReferrers, secondReferrers }
    },
    { firstReferrers: [], secondReferrers: [] },
    [type, firstId, secondId]
  )
  return { comparison: query.data, isLoading: query.isLoading, error: query.error }
}
