import { describe, expect, it } from 'vitest'
import { graphLines, shortGraphLabel } from '../../../../src/renderer/features/graph/graphDrawing'
import { antFinancialGraph } from './graphFixture'

const positions = new Map([
  ['org-ant-financial', { x: 0, y: 0 }],
  ['org-alibaba', { x: 100, y: 0 }],
  ['org-alipay', { x: 0, y: 100 }],
  ['inc-bill', { x: -100, y: 0 }]
])

describe('graphLines', () => {
  it('draws two links between the same records in the same direction as one line with both meanings', () => {
    const lines = graphLines(antFinancialGraph.edges, positions)

    expect(lines.find((line) => line.from === 'inc-bill')?.labels).toEqual(['Parent company', 'Operator'])
  })

  it('draws one line per linked pair', () => {
    expect(graphLines(antFinancialGraph.edges, positions)).toHaveLength(3)
  })

  it('ends a line short of its target so the arrowhead is not hidden under the symbol', () => {
    const toAlibaba = graphLines(antFinancialGraph.edges, positions).find((line) => line.to === 'org-alibaba')

    expect(toAlibaba?.x2).toBeLessThan(100)
    expect(toAlibaba?.x2).toBeGreaterThan(50)
  })

  it('leaves out a link whose end has no position', () => {
    const lines = graphLines(antFinancialGraph.edges, new Map([['org-ant-financial', { x: 0, y: 0 }]]))

    expect(lines).toEqual([])
  })
})

describe('shortGraphLabel', () => {
  it('keeps a short name whole', () => {
    expect(shortGraphLabel({ id: 'a', type: 'organisation', label: 'Alipay', distance: 0 })).toBe('Alipay')
  })

  it('cuts a long name and marks the cut with an ellipsis', () => {
    const label = shortGraphLabel({ id: 'a', type: 'incident', label: 'UC Browser transmitted device identifiers and location data', distance: 1 })

    expect(label).toBe('UC Browser transmitted device…')
  })
})
