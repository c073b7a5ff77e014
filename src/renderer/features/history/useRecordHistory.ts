import { computed, type Ref } from 'vue'
import { getDatabase, listRevisions, useLiveQuery } from '@renderer/db'
import type { RecordRevision } from '@shared/domain/recordHistory'

/** A record's history, newest first, kept live (a save in any window adds its entry at once). */
export function useRecordHistory(recordId: Ref<string | undefined>) {
  const query = useLiveQuery<RecordRevision[]>(() => (recordId.value === undefined ? [] : listRevisions(getDatabase(), recordId.value)), [], recordId)
  const newest = computed(() => query.data.value[0])
  return { revisions: query.data, newest, isLoading: query.isLoading, error: query.error }
}
