import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3-force'
import { graphStartPositions, type GraphPoint } from '@shared/graph/graphStartPositions'
import type { RelationshipGraph } from '@shared/graph/relationshipGraph'

/** Where every node of the graph is drawn, and the box that holds them all. */
export interface GraphLayout {
  readonly positions: ReadonlyMap<string, GraphPoint>
  readonly bounds: { readonly minX: number; readonly minY: number; readonly width: number; readonly height: number }
}

interface LayoutNode extends SimulationNodeDatum {
  readonly id: string
}

// Enough ticks for 150 nodes to settle; run off-screen so the graph never jiggles in front of the user.
const TICKS = 300
// Room around the outermost nodes for their labels.
const MARGIN = 90

/**
 * Settles the graph with a force simulation, run to the end before anything is drawn. It starts
 * from the seeded positions of `graphStartPositions` with the start record pinned in the centre,
 * and d3-force's own randomness is seeded too, so the same graph always gets the same layout.
 */
export function layoutRelationshipGraph(graph: RelationshipGraph): GraphLayout {
  const start = graphStartPositions(graph.nodes)
  const nodes: LayoutNode[] = graph.nodes.map((node) => {
    const point = start.get(node.id) ?? { x: 0, y: 0 }
    return node.distance === 0 ? { id: node.id, x: 0, y: 0, fx: 0, fy: 0 } : { id: node.id, x: point.x, y: point.y }
  })
  const links = graph.edges.map((edge) => ({ source: edge.from, target: edge.to }))
  forceSimulation(nodes)
    .force('link', forceLink<LayoutNode, { source: string; target: string }>(links).id((node) => node.id).distance(120).strength(0.5))
    .force('charge', forceManyBody().strength(-520))
    .force('collide', forceCollide(40))
    // Pulled harder up and down than sideways, so the graph fills a wide screen and a landscape page.
    .force('x', forceX(0).strength(0.03))
    .force('y', forceY(0).strength(0.07))
    .stop()
    .tick(TICKS)

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
