import { computed } from 'vue'
import { currentLocale } from '@renderer/i18n'
import { jurisdictionNameIn } from '@shared/domain/jurisdiction'
import { useRecordList } from './useRecord'

/** Jurisdiction names by id, for showing "China" (中国 in Chinese, where the record has a Chinese name) where a record stores "CN". */
export function useJurisdictionNames() {
  const { records } = useRecordList('jurisdiction')
  return computed(() => new Map<string, string>(records.value.map((jurisdiction) => [jurisdiction.id, jurisdictionNameIn(jurisdiction, currentLocale())])))
}
