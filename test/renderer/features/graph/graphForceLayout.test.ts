import { describe, expect, it } from 'vitest'
import { layoutRelationshipGraph } from '../../../../src/renderer/features/graph/graphForceLayout'
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
