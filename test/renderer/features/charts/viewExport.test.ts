import { describe, expect, it } from 'vitest'
import { composeExportSvg, exportFileName, headingLines, todayAsDay } from '../../../../src/renderer/features/charts/viewExport'

const heading = { title: 'Incidents per year by jurisdiction', filters: 'jurisdiction:CN <b>', asOfDay: '2026-11-29' }

function aChartSvg(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg')
  svg.setAttribute('width', '300')
  svg.setAttribute('height', '200')
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-label', 'Chart')
  const label = document.createElementNS('http://www.w3.org/2000/svg', 'text')
  label.textContent = 'Year'
  svg.append(label)
  return svg
}

describe('headingLines', () => {
  it('gives the title, the filters and the "as of" day in words', () => {
    expect(headingLines(heading)).toEqual(['Incidents per year by jurisdiction', 'Filters: jurisdiction:CN <b>', 'As of 29 November 2026'])
  })

  it('says "none" when there are no filters', () => {
    expect(headingLines({ ...heading, filters: ' ' })[1]).toBe('Filters: none')
  })
})

describe('composeExportSvg', () => {
  it('puts the heading above a copy of the view', () => {
    const svg = composeExportSvg(aChartSvg(), heading)

    expect([svg.includes('>Incidents per year by jurisdiction<'), svg.includes('>As of 29 November 2026<'), svg.includes('>Year<')]).toEqual([true, true, true])
  })

  it('escapes filter text instead of making it markup', () => {
    const svg = composeExportSvg(aChartSvg(), heading)

    expect(svg).toContain('Filters: jurisdiction:CN &lt;b&gt;')
  })

  it('leaves the page’s own element untouched and strips ARIA from the copy', () => {
    const view = aChartSvg()

    const svg = composeExportSvg(view, heading)

    expect([view.getAttribute('role'), svg.includes('aria-label')]).toEqual(['img', false])
  })
})

describe('exportFileName', () => {
  it('makes a file name from the title and the day', () => {
    expect(exportFileName(heading, 'png')).toBe('incidents-per-year-by-jurisdiction-2026-11-29.png')
  })
})

describe('todayAsDay', () => {
  it('gives the local day as YYYY-MM-DD', () => {
    expect(todayAsDay(new Date(2026, 0, 5, 12))).toBe('2026-01-05')
  })
})
