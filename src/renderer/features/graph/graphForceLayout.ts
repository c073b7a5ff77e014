import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force'
import { graphStartPositions, type GraphPoint } from '@shared/graph/graphStartPositions'
import type { GraphEdge, GraphNode } from '@shared/graph/relationshipGraph'

/** Where every node of the graph is drawn, and the box that holds them all. */
export interface GraphLayout {
  readonly positions: ReadonlyMap<string, GraphPoint>
  readonly bounds: { readonly minX: number; readonly minY: number; readonly width: number; readonly height: number }
}

/** What the layout needs of a graph: node ids and distances, and which nodes are linked (sent to the layout worker). */
export interface GraphShape {
  readonly nodes: readonly Pick<GraphNode, 'id' | 'distance'>[]
  readonly edges: readonly Pick<GraphEdge, 'from' | 'to'>[]
}

interface LayoutNode extends SimulationNodeDatum {
  readonly id: string
}

// Enough ticks for 150 nodes to settle; run off-screen so the graph never jiggles in front of the user.
const TICKS = 300
// Ticks between two checks whether the layout is still wanted (see `settleGraphLayout`).
const TICKS_PER_SLICE = 30
// Room around the outermost nodes for their labels.
const MARGIN = 90

/**
 * The layout drawn before the force layout has settled: the seeded rings of `graphStartPositions`
 * (the start record in the centre). Computed in well under a millisecond, so the graph's records
 * are on screen as soon as they are read.
 */
export function startGraphLayout(graph: GraphShape): GraphLayout {
  const start = graphStartPositions(graph.nodes as readonly GraphNode[])
  return layoutOf(graph.nodes.map((node) => ({ id: node.id, ...(start.get(node.id) ?? { x: 0, y: 0 }) })))
}

/**
 * Settles the graph with a force simulation, run to the end before it is drawn. It starts from the
 * seeded positions of `graphStartPositions` with the start record pinned in the centre, and
 * d3-force's own randomness is seeded too, so the same graph always gets the same layout.
 */
export function layoutRelationshipGraph(graph: GraphShape): GraphLayout {
  const simulation = graphSimulation(graph)
  simulation.tick(TICKS)
  return layoutOf(simulation.nodes())
}

/**
 * The same layout as `layoutRelationshipGraph`, computed in slices of ticks with `pause()` awaited
 * between them (the layout worker lets a newer request in there); resolves undefined as soon as
 * `isWanted()` turns false, so a superseded layout stops early.
 */
export async function settleGraphLayout(graph: GraphShape, isWanted: () => boolean, pause: () => Promise<void>): Promise<GraphLayout | undefined> {
  const simulation = graphSimulation(graph)
  for (let done = 0; done < TICKS; done += TICKS_PER_SLICE) {
    if (!isWanted()) return undefined
    simulation.tick(Math.min(TICKS_PER_SLICE, TICKS - done))
    await pause()
  }
  return isWanted() ? layoutOf(simulation.nodes()) : undefined
}

function graphSimulation(graph: GraphShape) {
  const start = graphStartPositions(graph.nodes as readonly GraphNode[])
  const nodes: LayoutNode[] = graph.nodes.map((node) => {
    const point = start.get(node.id) ?? { x: 0, y: 0 }
    return node.distance === 0 ? { id: node.id, x: 0, y: 0, fx: 0, fy: 0 } : { id: node.id, x: point.x, y: point.y }
  })
  const links = graph.edges.map((edge) => ({ source: edge.from, target: edge.to }))
  return (
    forceSimulation(nodes)
      .force(
        'link',
        forceLink<LayoutNode, { source: string; target: string }>(links)
          .id((node) => node.id)
          .distance(120)
          .strength(0.5)
      )
      .force('charge', forceManyBody().strength(-520))
      .force('collide', forceCollide(40))
      // Pulled harder up and down than sideways, so the graph fills a wide screen and a landscape page.
      .force('x', forceX(0).strength(0.03))
      .force('y', forceY(0).strength(0.07))
      .stop()
  )
}

function layoutOf(nodes: readonly { readonly id: string; readonly x?: number | undefined; readonly y?: number | undefined }[]): GraphLayout {
  const positions = new Map(nodes.map((node) => [node.id, { x: node.x ?? 0, y: node.y ?? 0 }]))
  const xs = nodes.map((node) => node.x ?? 0)
  const ys = nodes.map((node) => node.y ?? 0)
  const minX = Math.min(...xs) - MARGIN
  const minY = Math.min(...ys) - MARGIN / 2
  return {
    positions,
    bounds: { minX, minY, width: Math.max(...xs) + MARGIN - minX, height: Math.max(...ys) + MARGIN - minY }
  }
}
