import { describe, expect, it } from 'vitest'
import { layoutRelationshipGraph } from '../../../../src/renderer/features/graph/graphForceLayout'
import { relationshipGraphSvg } from '../../../../src/renderer/features/graph/relationshipGraphSvg'
import { antFinancialGraph } from './graphFixture'

const heading = { title: 'Relationships of Ant Financial', filters: '1 hop · sources left out', asOf: '29 November 2026, 10:15' }

describe('relationshipGraphSvg', () => {
  const svg = relationshipGraphSvg(antFinancialGraph, layoutRelationshipGraph(antFinancialGraph), heading)

  it('is a standalone SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
  })

  it('names a CJK face first, so Chinese names are drawn in one face', () => {
    expect(svg).toMatch(/^<svg [^>]*font-family="&#34;Noto Sans CJK SC&#34;, /)
  })

  it('carries the title, the settings and the "as of" date', () => {
    expect(svg).toContain('>Relationships of Ant Financial</text>')
    expect(svg).toContain('>1 hop · sources left out</text>')
    expect(svg).toContain('>As of 29 November 2026, 10:15</text>')
  })

  it('names every record shown', () => {
    for (const name of ['Ant Financial', 'Alibaba Group', 'Alipay']) expect(svg).toContain(`>${name}</text>`)
  })

  it('labels every link, since a printed page cannot hover', () => {
    expect(svg).toContain('>Parent company; Operator</text>')
  })

  it('writes names as text, escaping markup', () => {
    expect(svg).toContain('Annual bill &#60;consent&#62; default &#38; &#34;opt-in&#34;')
    expect(svg).not.toContain('<consent>')
  })

  it('says how many records were left out', () => {
    const capped = relationshipGraphSvg({ ...antFinancialGraph, notShownCount: 12 }, layoutRelationshipGraph(antFinancialGraph), heading)

    expect(capped).toContain('· 12 more not shown')
  })

  it('says "at least" when the walk stopped before counting everything', () => {
    const capped = relationshipGraphSvg(
      { ...antFinancialGraph, notShownCount: 12, isNotShownCountExact: false },
      layoutRelationshipGraph(antFinancialGraph),
      heading
    )

    expect(capped).toContain('at least 12 more not shown')
  })
})
