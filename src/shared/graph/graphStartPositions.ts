import type { GraphNode } from './relationshipGraph'

/** A point in the graph's own coordinates, the start record at (0, 0). */
export interface GraphPoint {
  readonly x: number
  readonly y: number
}

/** Distance between one ring of the start layout and the next. */
export const GRAPH_RING_SPACING = 160

/**
 * Where each node starts before the force layout settles it: the start record in the centre and
 * each further distance on its own ring, spread evenly with a small seeded wobble. The wobble
 * keeps nodes that are linked alike from starting on top of each other; the seed makes it the
 * same every time, so the same graph always settles the same way (stable tests and screenshots).
 */
export function graphStartPositions(nodes: readonly GraphNode[], seed = 1): Map<string, GraphPoint> {
  const random = seededRandom(seed)
  const countAt = new Map<number, number>()
  for (const node of nodes) countAt.set(node.distance, (countAt.get(node.distance) ?? 0) + 1)

  const placedAt = new Map<number, number>()
  const positions = new Map<string, GraphPoint>()
  for (const node of nodes) {
    const index = placedAt.get(node.distance) ?? 0
    placedAt.set(node.distance, index + 1)
    if (node.distance === 0) {
      positions.set(node.id, { x: 0, y: 0 })
      continue
    }
    const count = countAt.get(node.distance) ?? 1
    const angle = (2 * Math.PI * (index + 0.3 * random())) / count + node.distance * 0.5
    const radius = GRAPH_RING_SPACING * node.distance * (0.9 + 0.2 * random())
    positions.set(node.id, { x: radius * Math.cos(angle), y: radius * Math.sin(angle) })
  }
  return positions
}

/** Mulberry32: a small, fast generator whose sequence is fixed by its seed; numbers in [0, 1). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
