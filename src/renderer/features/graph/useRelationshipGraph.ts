import { computed, type Ref } from 'vue'
import { findLinksTo, getDatabase, useLiveQuery } from '@renderer/db'
import { neighbourhood, type GraphHops, type GraphLookup, type RelationshipGraph } from '@shared/graph/relationshipGraph'
import { loadTypedRecords } from '../records'
import { layoutRelationshipGraph } from './graphForceLayout'

const lookup: GraphLookup = {
  records: (ids) => loadTypedRecords(ids),
  referrers: (id) => findLinksTo(getDatabase(), id)
}

/**
 * The neighbourhood of one record and its layout, kept live: any write (here or in another
 * window) to a record the graph read redraws it. Sources are left out unless asked for, since
 * every cited article would otherwise crowd out the organisations, laws and responses.
 */
export function useRelationshipGraph(startId: Ref<string>, hops: Ref<GraphHops>, includeSources: Ref<boolean>) {
  const query = useLiveQuery<RelationshipGraph | undefined>(
    () => neighbourhood(startId.value, hops.value, lookup, { excludedTypes: includeSources.value ? [] : ['source'] }),
    undefined,
    [startId, hops, includeSources]
  )
  const layout = computed(() => (query.data.value === undefined ? undefined : layoutRelationshipGraph(query.data.value)))
  return { graph: query.data, layout, isLoading: query.isLoading, error: query.error }
}
