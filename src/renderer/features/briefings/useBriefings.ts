import { computed, type ComputedRef, type Ref } from 'vue'
import { createBriefingRepository, getDatabase, useLiveQuery } from '@renderer/db'
import type { Briefing } from '@shared/briefing/briefing'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { loadTypedRecords } from '@renderer/recordKit'

/** Every briefing, most recently changed first, kept current across windows. */
export function useBriefingList() {
  const query = useLiveQuery(() => createBriefingRepository(getDatabase()).list(), [] as Briefing[])
  return { briefings: query.data, isLoading: query.isLoading, error: query.error }
}

/** One briefing, kept current; `undefined` once read means it does not exist (or was deleted). */
export function useBriefing(id: Ref<string>) {
  const query = useLiveQuery(() => createBriefingRepository(getDatabase()).get(id.value), undefined as Briefing | undefined, id)
  return { briefing: query.data, isLoading: query.isLoading, error: query.error }
}

/** The records a briefing names, by id, kept current (an edited title shows at once). */
export function useBriefingRecords(ids: Ref<readonly string[]>): { readonly records: ComputedRef<ReadonlyMap<string, TypedRecord>> } {
  const query = useLiveQuery(() => loadTypedRecords(ids.value), [] as TypedRecord[], ids)
  return { records: computed(() => new Map(query.data.value.map((typed) => [typed.record.id as string, typed]))) }
}
