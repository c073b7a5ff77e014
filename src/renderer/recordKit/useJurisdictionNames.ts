import { computed } from 'vue'
import { useRecordList } from './useRecord'

/** Jurisdiction names by id, for showing "China" where a record stores "CN". */
export function useJurisdictionNames() {
  const { records } = useRecordList('jurisdiction')
  return computed(() => new Map<string, string>(records.value.map((jurisdiction) => [jurisdiction.id, jurisdiction.name])))
}
