import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { typedRecord, type RecordOfType, type RecordType } from '@shared/domain/recordTypes'
import { repositories } from './knowledgeBase'

/** One record, kept live; `typed` pairs it with its type for the link panels. */
export function useRecord<T extends RecordType>(type: T, id: Ref<string>) {
  const query = useLiveQuery<RecordOfType[T] | undefined>(
    () => repositories[type].get(id.value as never) as Promise<RecordOfType[T] | undefined>,
    undefined,
    id
  )
  const typed = computed(() => (query.data.value === undefined ? undefined : typedRecord(type, query.data.value)))
  return { record: query.data, typed, isLoading: query.isLoading, error: query.error }
}

/** Every record of a type, kept live. */
export function useRecordList<T extends RecordType>(type: T) {
  const query = useLiveQuery<RecordOfType[T][]>(() => repositories[type].list() as Promise<RecordOfType[T][]>, [])
  return { records: query.data, isLoading: query.isLoading, error: query.error }
}
