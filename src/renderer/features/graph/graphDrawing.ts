import type { GraphPoint } from '@shared/graph/graphStartPositions'
import type { GraphEdge, GraphNode } from '@shared/graph/relationshipGraph'

/** A line of the diagram: every link from one record to another, drawn once, with all its meanings. */
export interface GraphLine {
  readonly key: string
  readonly from: string
  readonly to: string
  readonly labels: readonly string[]
  readonly x1: number
  readonly y1: number
  /** Ends short of the target's symbol so the arrowhead stays visible. */
  readonly x2: number
  readonly y2: number
  readonly midX: number
  readonly midY: number
}

const ARROW_GAP = 16
const LABEL_LENGTH = 30

/** The links between records drawn as lines, one per ordered pair, in the order the links come. */
export function graphLines(edges: readonly GraphEdge[], positions: ReadonlyMap<string, GraphPoint>): GraphLine[] {
  const byPair = new Map<string, { from: string; to: string; labels: string[] }>()
  for (const edge of edges) {
    const key = `${edge.from}>${edge.to}`
    const line = byPair.get(key) ?? { from: edge.from, to: edge.to, labels: [] }
    if (!line.labels.includes(edge.label)) line.labels.push(edge.label)
    byPair.set(key, line)
  }
  return [...byPair.entries()].flatMap(([key, line]) => {
    const from = positions.get(line.from)
    const to = positions.get(line.to)
    if (from === undefined || to === undefined) return []
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1
    const shorten = Math.min(ARROW_GAP, length / 2) / length
    return [
      {
        key,
        ...line,
        x1: from.x,
        y1: from.y,
        x2: to.x - (to.x - from.x) * shorten,
        y2: to.y - (to.y - from.y) * shorten,
        midX: (from.x + to.x) / 2,
        midY: (from.y + to.y) / 2
      }
    ]
  })
}

/** A node's label as drawn: long names are cut (the full name is in the node's tooltip and the list). */
export function shortGraphLabel(node: GraphNode): string {
  return node.label.length > LABEL_LENGTH ? `${node.label.slice(0, LABEL_LENGTH - 1).trimEnd()}…` : node.label
}
