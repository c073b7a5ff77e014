import { computed } from 'vue'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import type { PickerOption } from '@renderer/ui/BaseRecordPicker.vue'
import { pickerOptionOf } from './pickerOptions'
import { useJurisdictionNames } from './useJurisdictionNames'
import { useRecordList } from './useRecord'

/** Every record of a type as picker options, kept live; `except` leaves out ids (the record being edited). */
export function usePickerOptions(type: RecordType, except: () => readonly string[] = () => []) {
  const { records } = useRecordList(type)
  const jurisdictionNames = useJurisdictionNames()
  return computed<PickerOption[]>(() => {
    const excluded = new Set(except())
    return records.value
      .filter((record) => !excluded.has(record.id))
      .map((record) => pickerOptionOf({ type, record } as TypedRecord, jurisdictionNames.value))
  })
}

/** Records of every type that can cite a source (all but sources), as options that name their type. */
export function useAnyRecordPickerOptions() {
  const lists = RECORD_TYPES.filter((type) => type !== 'source').map((type) => ({ type, records: useRecordList(type).records }))
  const jurisdictionNames = useJurisdictionNames()
  return computed<PickerOption[]>(() =>
    lists.flatMap(({ type, records }) =>
      records.value.map((record) => pickerOptionOf({ type, record } as TypedRecord, jurisdictionNames.value, true))
    )
  )
}
