import { describe, expect, it } from 'vitest'
import { layoutRelationshipGraph, settleGraphLayout, startGraphLayout } from '../../../../src/renderer/features/graph/graphForceLayout'
import { antFinancialGraph } from './graphFixture'

describe('layoutRelationshipGraph', () => {
  it('keeps the start record in the centre', () => {
    expect(layoutRelationshipGraph(antFinancialGraph).positions.get('org-ant-financial')).toEqual({ x: 0, y: 0 })
  })

  it('lays out the same graph the same way every time', () => {
    const first = layoutRelationshipGraph(antFinancialGraph)
    const second = layoutRelationshipGraph(antFinancialGraph)

    expect([...second.positions]).toEqual([...first.positions])
  })

  it('keeps records apart', () => {
    const points = [...layoutRelationshipGraph(antFinancialGraph).positions.values()]

    const closest = Math.min(...points.flatMap((a, i) => points.slice(i + 1).map((b) => Math.hypot(a.x - b.x, a.y - b.y))))
    expect(closest).toBeGreaterThan(40)
  })

  it('has bounds that hold every record', () => {
    const { positions, bounds } = layoutRelationshipGraph(antFinancialGraph)

    const inside = [...positions.values()].every(
      (point) => point.x > bounds.minX && point.x < bounds.minX + bounds.width && point.y > bounds.minY && point.y < bounds.minY + bounds.height
    )
    expect(inside).toBe(true)
  })
})

describe("settleGraphLayout (the layout worker's sliced run)", () => {
  const noPause = (): Promise<void> => Promise.resolve()

  it('gives exactly the layout of the whole run', async () => {
    const sliced = await settleGraphLayout(antFinancialGraph, () => true, noPause)

    expect(sliced).toEqual(layoutRelationshipGraph(antFinancialGraph))
  })

  it('stops between slices once the layout is no longer wanted', async () => {
    let slices = 0
    const result = await settleGraphLayout(
      antFinancialGraph,
      () => slices < 2,
      async () => {
        slices += 1
      }
    )

    expect(result).toBeUndefined()
    expect(slices).toBe(2)
  })
})

describe('startGraphLayout', () => {
  it('places the start record in the centre and every record inside the bounds', () => {
    const { positions, bounds } = startGraphLayout(antFinancialGraph)

    expect(positions.get('org-ant-financial')).toEqual({ x: 0, y: 0 })
    expect(positions.size).toBe(antFinancialGraph.nodes.length)
    const inside = [...positions.values()].every(
      (point) => point.x > bounds.minX && point.x < bounds.minX + bounds.width && point.y > bounds.minY && point.y < bounds.minY + bounds.height
    )
    expect(inside).toBe(true)
  })
})
