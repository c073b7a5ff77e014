import { describe, expect, it } from 'vitest'
import { graphStartPositions } from '@shared/graph/graphStartPositions'
import type { GraphNode } from '@shared/graph/relationshipGraph'

const node = (id: string, distance: number): GraphNode => ({ id, type: 'organisation', label: id, distance })
const nodes = [node('start', 0), node('a', 1), node('b', 1), node('c', 1), node('d', 2), node('e', 2)]
const radius = (point: { x: number; y: number } | undefined) => Math.hypot(point?.x ?? NaN, point?.y ?? NaN)

describe('graphStartPositions', () => {
  it('places the start record in the centre', () => {
    const positions = graphStartPositions(nodes)

    expect(positions.get('start')).toEqual({ x: 0, y: 0 })
  })

  it('places every node farther out than every node nearer the start', () => {
    const positions = graphStartPositions(nodes)

    const nearest = Math.min(radius(positions.get('d')), radius(positions.get('e')))
    const farthestNeighbour = Math.max(...['a', 'b', 'c'].map((id) => radius(positions.get(id))))
    expect(nearest).toBeGreaterThan(farthestNeighbour)
  })

  it('gives the same positions for the same nodes and seed', () => {
    expect(graphStartPositions(nodes, 7)).toEqual(graphStartPositions(nodes, 7))
  })

  it('gives other positions for another seed', () => {
    expect(graphStartPositions(nodes, 7)).not.toEqual(graphStartPositions(nodes, 8))
  })

  it('never starts two nodes at the same point', () => {
    const points = [...graphStartPositions(nodes).values()].map((point) => `${point.x.toFixed(3)},${point.y.toFixed(3)}`)

    expect(new Set(points).size).toBe(nodes.length)
  })
})
