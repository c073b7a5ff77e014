import { computed, shallowRef, watch, type ComputedRef } from 'vue'
import { recordTitle } from '@shared/domain/recordTypes'
import { loadTypedRecords } from '@renderer/recordKit'
import type { RecordNameOf } from './revisionText'

/**
 * Names of the records a history mentions by id (an actor, a linked organisation), so an entry
 * reads "from Alipay to Ant Group" rather than two ids. Ids of records since deleted stay ids.
 */
export function useRecordNames(ids: () => readonly string[]): ComputedRef<RecordNameOf> {
  const names = shallowRef<ReadonlyMap<string, string>>(new Map())
  watch(
    () => [...new Set(ids())].sort().join('\u0000'),
    async (key) => {
      const wanted = key === '' ? [] : key.split('\u0000')
      const found = await loadTypedRecords(wanted)
      names.value = new Map(found.map((typed) => [typed.record.id as string, recordTitle(typed)]))
    },
    { immediate: true }
  )
  return computed(() => (id: string) => names.value.get(id))
}
