import { computed, type Ref } from 'vue'
import { findSomeLinksTo, getDatabase, useLiveQuery } from '@renderer/db'
import type { RecordType } from '@shared/domain/recordTypes'
import { neighbourhood, type GraphHops, type GraphLookup, type RelationshipGraph } from '@shared/graph/relationshipGraph'
import { loadTypedRecords } from '../records'
import { layoutRelationshipGraph } from './graphForceLayout'

const lookup: GraphLookup = {
  records: (ids) => loadTypedRecords(ids),
  referrers: (id, limitPerType) => findSomeLinksTo(getDatabase(), id, limitPerType)
}

/**
 * The neighbourhood of one record and its layout, kept live: any write (here or in another
 * window) to a record the graph read redraws it.
 */
export function useRelationshipGraph(startId: Ref<string>, hops: Ref<GraphHops>, hiddenTypes: Ref<readonly RecordType[]>) {
  const query = useLiveQuery<RelationshipGraph | undefined>(
    () => neighbourhood(startId.value, hops.value, lookup, { excludedTypes: hiddenTypes.value }),
    undefined,
    // Compared as text: the address gives a new array on every navigation, even an unchanged one.
    [startId, hops, () => hiddenTypes.value.join(',')]
  )
  const layout = computed(() => (query.data.value === undefined ? undefined : layoutRelationshipGraph(query.data.value)))
  return { graph: query.data, layout, isLoading: query.isLoading, error: query.error }
}
