import { computed } from 'vue'
import { type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { useLiveQuery } from '@renderer/db'
import { matchRecords } from '@shared/domain/recordMatching'
import { searchIndex } from '@renderer/searchIndex'
import { viewData } from '@renderer/viewData'
import type { PickerOption, PickerOptionFinder } from '@renderer/ui/BaseRecordPicker.vue'
import { loadTypedRecords, repositories } from './knowledgeBase'
import { pickerOptionOf } from './pickerOptions'
import { useLinkedNames } from './useRecordListView'

// Sources found by the search worker are ranked again by the pickers' own rule; a few more than
// asked are read so that ranking has something to choose from.
const SOURCE_CANDIDATES = 50

interface FinderOptions {
  /** Ids never offered (the record being edited, records already chosen). */
  readonly except?: () => readonly string[]
  /** Start each option's detail with its record type (pickers over several types). */
  readonly showType?: boolean
}

/**
 * Sources as picker options for typed text, without reading the table: the search worker finds
 * them (the views worker does not hold sources), only those rows are read, and `matchRecords`
 * ranks them like every picker. With no text, the first sources by title are offered.
 */
async function findSources(text: string, limit: number, excluded: ReadonlySet<string>, showType: boolean): Promise<PickerOption[]> {
  const records =
    text.trim() === ''
      ? (await repositories.source.readPage({ order: { field: 'orderTitle', direction: 'ascending' }, limit: limit + excluded.size })).records
      : await repositories.source.getMany((await searchIndex.search(`type:source ${text}`, 'full', SOURCE_CANDIDATES)).items.map((item) => item.id))
  return records.filter((record) => !excluded.has(record.id)).map((record) => pickerOptionOf({ type: 'source', record } as TypedRecord, new Map(), showType))
}

/**
 * A `findOptions` for BaseRecordPicker over records of `types`: answered off the UI thread by the
 * views worker (every type but sources) and the search worker (sources), at most `limit` matches,
 * best first. The page never holds a whole table to choose from.
 */
export function recordFinder(types: RecordType | readonly RecordType[], finder: FinderOptions = {}): PickerOptionFinder {
  const all = typeof types === 'string' ? [types] : types
  const held = all.filter((type) => type !== 'source')
  const showType = finder.showType ?? false
  return async (text, limit) => {
    const except = finder.except?.() ?? []
    const excluded = new Set(except)
    const [fromViews, sources] = await Promise.all([
      held.length === 0 ? [] : viewData().pickerMatches({ types: held, text, limit, except: [...except], showType }),
      all.includes('source') ? findSources(text, limit, excluded, showType) : []
    ])
    if (sources.length === 0) return fromViews
    return matchRecords(text, [...fromViews.map((match) => match.candidate), ...sources], limit)
  }
}

/** The chosen records of a type (only those are read), kept live, by id. */
export function useChosenRecords<T extends RecordType>(type: T, ids: () => readonly string[]) {
  const wanted = computed(() => [...new Set(ids())].sort())
  const records = useLiveQuery(
    async () => new Map((await repositories[type].getMany(wanted.value as never)).map((record) => [record.id as string, record as RecordOfType[T]])),
    new Map<string, RecordOfType[T]>(),
    () => wanted.value.join('\u0000')
  )
  return records.data
}

/** Chosen records of any type as options naming their type (only those are read), kept live, by id. */
export function useChosenOptions(ids: () => readonly string[]) {
  const wanted = computed(() => [...new Set(ids())].sort())
  const options = useLiveQuery(
    async () => new Map((await loadTypedRecords(wanted.value)).map((typed) => [typed.record.id as string, pickerOptionOf(typed, new Map(), true)])),
    new Map<string, PickerOption>(),
    () => wanted.value.join('\u0000')
  )
  return options.data
}

/** The name of the one record a single-valued picker has chosen (only that record is read). */
export function useChosenLabel(type: RecordType, id: () => string | undefined) {
  const names = useLinkedNames(type, () => {
    const chosen = id()
    return chosen === undefined || chosen === '' ? [] : [chosen]
  })
  return computed(() => {
    const chosen = id()
    return chosen === undefined ? undefined : names.value.get(chosen)
  })
}
