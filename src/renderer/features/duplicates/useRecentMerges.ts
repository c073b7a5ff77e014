import { getDatabase, listMerges, useLiveQuery, type MergeEntry } from '@renderer/db'

/** The latest merges, newest first, kept live (an undo in another window shows here too). */
export function useRecentMerges(limit = 10) {
  const query = useLiveQuery<MergeEntry[]>(() => listMerges(getDatabase(), limit), [])
  return { merges: query.data, isLoading: query.isLoading, error: query.error }
}
