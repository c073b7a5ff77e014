import { computed, ref } from 'vue'
import { useLiveQuery, type ListOrder, type ListOrderField } from '@renderer/db'
import type { TableSort } from '@renderer/ui/BaseVirtualTable.vue'
import { recordTitle, typedRecord, type RecordType } from '@shared/domain/recordTypes'
import { repositories } from './knowledgeBase'
import { useListFilter } from './useListFilter'
import { useRecordPages } from './useRecordPages'

/**
 * Everything a record list page needs: the column sort (each sortable column mapped to its order
 * field, so sorting is an index read), the filter box (answered by the search worker), and the
 * rows read page by page as they scroll into view.
 */
export function useRecordListView<T extends RecordType>(type: T, orderFieldOfColumn: Readonly<Record<string, ListOrderField>>, initialSort: TableSort) {
  const sort = ref<TableSort>(initialSort)
  const order = computed<ListOrder>(() => ({ field: orderFieldOfColumn[sort.value.key] ?? 'orderTitle', direction: sort.value.direction }))
  const filter = useListFilter(type)
  const pages = useRecordPages(type, order, filter.matchingIds)
  const isFiltered = computed(() => filter.matchingIds.value !== undefined)
  return { sort, filter, isFiltered, ...pages }
}

/**
 * The names of the records these ids point to (of one type), kept live: for the few rows on
 * screen, never a whole table. Ids with no record are left out, so the caller shows the id.
 */
export function useLinkedNames(type: RecordType, ids: () => readonly string[]) {
  const wanted = computed(() => [...new Set(ids())].sort())
  const names = useLiveQuery(
    async () => {
      const records = await repositories[type].getMany(wanted.value as never)
      return new Map(records.map((record) => [record.id as string, recordTitle(typedRecord(type, record))]))
    },
    new Map<string, string>(),
    () => wanted.value.join('\u0000')
  )
  return names.data
}
