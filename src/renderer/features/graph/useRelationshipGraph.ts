import { getCurrentScope, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { findSomeLinksTo, getDatabase, useLiveQuery } from '@renderer/db'
import type { RecordType } from '@shared/domain/recordTypes'
import { neighbourhood, type GraphHops, type GraphLookup, type RelationshipGraph } from '@shared/graph/relationshipGraph'
import { loadTypedRecords } from '@renderer/recordKit'
import { startGraphLayout, type GraphLayout } from './graphForceLayout'
import { graphLayoutClient, type PendingGraphLayout } from './graphLayoutClient'

const lookup: GraphLookup = {
  records: (ids) => loadTypedRecords(ids),
  referrers: (id, limitPerType) => findSomeLinksTo(getDatabase(), id, limitPerType)
}

/**
 * The neighbourhood of one record and its layout, kept live: any write (here or in another
 * window) to a record the graph read redraws it. The records are drawn as soon as they are read,
 * on their start rings; the settled force layout comes from the layout worker and replaces it
 * (`isLayoutSettled`). A layout asked for an older graph is cancelled and its answer dropped.
 */
export function useRelationshipGraph(startId: Ref<string>, hops: Ref<GraphHops>, hiddenTypes: Ref<readonly RecordType[]>) {
  const query = useLiveQuery<RelationshipGraph | undefined>(
    () => neighbourhood(startId.value, hops.value, lookup, { excludedTypes: hiddenTypes.value }),
    undefined,
    // Compared as text: the address gives a new array on every navigation, even an unchanged one.
    [startId, hops, () => hiddenTypes.value.join(',')]
  )
  const layout = shallowRef<GraphLayout>()
  const isLayoutSettled = ref(false)
  const layoutError = shallowRef<Error>()
  let pending: PendingGraphLayout | undefined
  let laidOutShape: string | undefined

  watch(
    query.data,
    (graph) => {
      // A write elsewhere re-reads the graph; the same records and links keep their places.
      const shape = graph === undefined ? undefined : shapeSignature(graph)
      if (shape !== undefined && shape === laidOutShape) return
      laidOutShape = shape
      pending?.cancel()
      pending = undefined
      layoutError.value = undefined
      isLayoutSettled.value = false
      layout.value = graph === undefined ? undefined : startGraphLayout(graph)
      if (graph === undefined) return
      const asked = graphLayoutClient().layout(graph)
      pending = asked
      asked.result.then(
        (settled) => {
          // A newer graph has been asked for meanwhile: this answer is stale.
          if (pending !== asked || settled === undefined) return
          layout.value = settled
          isLayoutSettled.value = true
          pending = undefined
        },
        (error: unknown) => {
          if (pending !== asked) return
          laidOutShape = undefined
          // The start rings stay drawn; the view says the arrangement could not be finished.
          layoutError.value = error instanceof Error ? error : new Error(String(error))
          pending = undefined
        }
      )
    },
    { immediate: true }
  )
  if (getCurrentScope() !== undefined) onScopeDispose(() => pending?.cancel())

  return { graph: query.data, layout, isLayoutSettled, layoutError, isLoading: query.isLoading, error: query.error }
}

/** What the layout depends on, as text: the records' ids and distances, and the links' ends. */
function shapeSignature(graph: RelationshipGraph): string {
  return `${graph.nodes.map((node) => `${node.id}@${node.distance}`).join(' ')}|${graph.edges.map((edge) => `${edge.from}>${edge.to}`).join(' ')}`
}
