import { relationLabels } from '../domain/recordLinks'
import { referencedIds, referencesOf } from '../domain/recordReferences'
import { RECORD_TYPES, recordTitle, type RecordType, type TypedRecord } from '../domain/recordTypes'
import { compareNames } from '../domain/nameOrder'

/** How far from the start record the graph reaches. */
export type GraphHops = 1 | 2

/** One record in a relationship graph. */
export interface GraphNode {
  readonly id: string
  readonly type: RecordType
  readonly label: string
  /** Hops from the start record: 0 for the start itself. */
  readonly distance: number
}

/** One link between two records of the graph, pointing from the record that holds it. */
export interface GraphEdge {
  readonly from: string
  readonly to: string
  /** The relation as named by `referencesOf`, e.g. `organisation:operator`. */
  readonly relation: string
  /** What the link means read from `from` ("Operated by"). */
  readonly label: string
  /** What the link means read from `to` ("Operates"). */
  readonly inverseLabel: string
}

/** The neighbourhood of one record: nodes ordered by distance, then type, then label. */
export interface RelationshipGraph {
  readonly startId: string
  readonly hops: GraphHops
  readonly nodes: readonly GraphNode[]
  readonly edges: readonly GraphEdge[]
  /** Records found within reach but left out to keep the graph readable (the node cap). */
  readonly notShownCount: number
  /**
   * False when the walk stopped before the last hop because the cap was already full: records
   * further out could never be shown, so they were not looked up, and `notShownCount` is then
   * "at least" that many.
   */
  readonly isNotShownCountExact: boolean
}

/** Some of the records that link to one id, and how many link to it in all. */
export interface SomeReferrers {
  readonly records: readonly TypedRecord[]
  readonly total: number
}

/**
 * How the graph finds records. In the app both read the database; in tests, a list in memory.
 * `referrers` answers "which records link to this id?" (incoming links): at most `limitPerType`
 * of each record type, the first by id, so a regulator linked from ten thousand responses costs
 * a page of reads and not ten thousand.
 */
export interface GraphLookup {
  readonly records: (ids: readonly string[]) => Promise<readonly TypedRecord[]>
  readonly referrers: (id: string, limitPerType: number) => Promise<SomeReferrers>
}

export interface NeighbourhoodOptions {
  /** At most this many nodes, the start included; the nearest are kept. Default 150. */
  readonly maxNodes?: number
  /** Record types to leave out (the start record is always shown); they are not walked through either. */
  readonly excludedTypes?: readonly RecordType[]
}

/** Beyond this a node-link diagram stops being readable, and the force layout stops being quick. */
export const DEFAULT_MAX_GRAPH_NODES = 150

interface Reached {
  readonly typed: TypedRecord
  readonly distance: number
}

/**
 * The records within `hops` links of `startId`, following links in both directions (what a record
 * points to, and what points to it), with every link between the records shown. Returns undefined
 * when the start record does not exist. When more records are in reach than `maxNodes`, the
 * nearest are kept (so every shown record stays connected to the start) and the rest are counted
 * in `notShownCount`; once the cap is full, the walk goes no further out. Of a record's referrers
 * only the first `maxNodes` of each type (by id) are read: the cap could not show more, and the
 * rest are counted as not shown. The order of nodes and edges depends only on the records, never
 * on the order the lookup returns them, so the same data always draws the same graph.
 */
export async function neighbourhood(
  startId: string,
  hops: GraphHops,
  lookup: GraphLookup,
  options: NeighbourhoodOptions = {}
): Promise<RelationshipGraph | undefined> {
  const maxNodes = Math.max(1, options.maxNodes ?? DEFAULT_MAX_GRAPH_NODES)
  const excluded = new Set(options.excludedTypes ?? [])
  const [start] = (await lookup.records([startId])).filter((typed) => typed.record.id === startId)
  if (start === undefined) return undefined

  const reached = new Map<string, Reached>([[startId, { typed: start, distance: 0 }]])
  let frontier: TypedRecord[] = [start]
  let isNotShownCountExact = true
  /** Referrers counted but never read; some may have been reached another way, so the count is then "at least". */
  let unread = 0
  for (let distance = 1; distance <= hops && frontier.length > 0; distance += 1) {
    // Nodes are kept nearest first, so once the cap is full nothing further out can be shown.
    // Stopping here also bounds the work: no frontier larger than the cap is ever walked, even
    // when a jurisdiction links to thousands of records.
    if (reached.size >= maxNodes) {
      isNotShownCountExact = false
      break
    }
    const outgoingIds = [...new Set(frontier.flatMap((typed) => referencedIds(typed) as string[]))].filter((id) => !reached.has(id))
    const [targets, referrerLists] = await Promise.all([
      lookup.records(outgoingIds),
      Promise.all(frontier.map((typed) => lookup.referrers(typed.record.id, maxNodes)))
    ])
    for (const some of referrerLists) unread += some.total - some.records.length
    const next: TypedRecord[] = []
    for (const typed of [...targets, ...referrerLists.flatMap((some) => some.records)]) {
      if (reached.has(typed.record.id) || excluded.has(typed.type)) continue
      reached.set(typed.record.id, { typed, distance })
      next.push(typed)
    }
    frontier = next
  }

  const ordered = [...reached.values()].map(({ typed, distance }) => toNode(typed, distance)).sort(compareNodes)
  const nodes = ordered.slice(0, maxNodes)
  const shown = new Map(nodes.map((node) => [node.id, node]))
  return {
    startId,
    hops,
    nodes,
    edges: edgesBetween(
      nodes.map((node) => reached.get(node.id)!.typed),
      shown
    ),
    notShownCount: ordered.length - nodes.length + unread,
    isNotShownCountExact: isNotShownCountExact && unread === 0
  }
}

function toNode(typed: TypedRecord, distance: number): GraphNode {
  return { id: typed.record.id, type: typed.type, label: recordTitle(typed), distance }
}

const TYPE_ORDER = new Map<RecordType, number>(RECORD_TYPES.map((type, index) => [type, index]))

function compareNodes(a: GraphNode, b: GraphNode): number {
  return (
    a.distance - b.distance || TYPE_ORDER.get(a.type)! - TYPE_ORDER.get(b.type)! || compareNames(a.label, b.label) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

function edgesBetween(records: readonly TypedRecord[], shown: ReadonlyMap<string, GraphNode>): GraphEdge[] {
  const seen = new Set<string>()
  const edges: GraphEdge[] = []
  for (const typed of records) {
    for (const reference of referencesOf(typed)) {
      const key = `${typed.record.id}|${reference.targetId}|${reference.relation}`
      if (!shown.has(reference.targetId) || reference.targetId === typed.record.id || seen.has(key)) continue
      seen.add(key)
      const labels = relationLabels(typed.type, reference.relation)
      edges.push({ from: typed.record.id, to: reference.targetId, relation: reference.relation, label: labels.forward, inverseLabel: labels.inverse })
    }
  }
  return edges
}

/**
 * A link as one line of text, read from the record that holds it: "Alipay — Operated by → Ant
 * Financial". This is the graph's text alternative, so it names both records in full.
 */
export function relationshipSentence(edge: GraphEdge, nodesById: ReadonlyMap<string, GraphNode>): string {
  const from = nodesById.get(edge.from)?.label ?? edge.from
  const to = nodesById.get(edge.to)?.label ?? edge.to
  return `${from} — ${edge.label} → ${to}`
}

/** A record's link to another record of the graph, read from the record's own side. */
export interface NodeRelation {
  readonly label: string
  readonly other: GraphNode
}

/**
 * Every link of one node, read from that node's side: "Operated by" Ant Financial for Alipay,
 * "Operates" Alipay for Ant Financial. Used for the summary shown while a node is pointed at.
 */
export function relationsOfNode(graph: RelationshipGraph, nodeId: string): NodeRelation[] {
  const nodesById = new Map(graph.nodes.map((node) => [node.id, node]))
  return graph.edges.flatMap((edge): NodeRelation[] => {
    const otherId = edge.from === nodeId ? edge.to : edge.to === nodeId ? edge.from : undefined
    const other = otherId === undefined ? undefined : nodesById.get(otherId)
    if (other === undefined) return []
    return [{ label: edge.from === nodeId ? edge.label : edge.inverseLabel, other }]
  })
}
