import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@renderer/i18n'
import { composeExportSvg, exportFileName, headingLines, todayAsDay } from '../../../../src/renderer/features/viewExport'

const SVG_NS = 'http://www.w3.org/2000/svg'
const heading = { title: 'Timeline of Alibaba Group', filters: 'grouped by jurisdiction', asOfDay: '2026-11-29' }

function drawing(labels: string[]): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg')
  svg.setAttribute('width', '400')
  svg.setAttribute('height', '300')
  svg.setAttribute('role', 'group')
  svg.setAttribute('aria-label', 'Timeline')
  for (const label of labels) {
    const group = document.createElementNS(SVG_NS, 'g')
    group.setAttribute('class', 'timeline-item')
    group.setAttribute('tabindex', '0')
    const title = document.createElementNS(SVG_NS, 'title')
    title.textContent = label
    group.append(title)
    svg.append(group)
  }
  return svg
}

describe('composeExportSvg', () => {
  it('keeps every label as text, escaped, never as markup', () => {
    const svg = composeExportSvg([{ element: drawing(['Sesame Credit apologises — 3 January 2018', 'A <b> & "C"']) }], heading)

    expect(svg).toContain('Sesame Credit apologises — 3 January 2018')
    expect(svg).toContain('A &lt;b&gt; &amp; "C"')
  })

  it('heads the picture with its title, the filters and the day it was made', () => {
    const svg = composeExportSvg([{ element: drawing([]) }], heading)

    expect(svg).toContain('Timeline of Alibaba Group')
    expect(svg).toContain('Filters: grouped by jurisdiction')
    expect(svg).toContain('As of 29 November 2026')
  })

  it('drops the page-only attributes: classes, roles, ARIA and tab stops', () => {
    const svg = composeExportSvg([{ element: drawing(['x']) }], heading)

    expect(svg).not.toMatch(/class=|role=|aria-|tabindex=/)
  })

  it('cuts a drawing to the band of lanes on screen', () => {
    const svg = composeExportSvg([{ element: drawing([]), band: { top: 120, height: 90 } }], heading)

    expect(svg).toContain('viewBox="0 120 400 90"')
  })

  it('leaves the page drawing untouched', () => {
    const element = drawing(['x'])

    composeExportSvg([{ element }], heading)

    expect(element.getAttribute('role')).toBe('group')
  })
})

describe('headingLines', () => {
  it('says "none" when no filter is used', () => {
    expect(headingLines({ ...heading, filters: ' ' })[1]).toBe('Filters: none')
  })
})

describe('exportFileName', () => {
  it('names the file by title and day, without characters file systems refuse', () => {
    expect(exportFileName({ ...heading, title: 'Timeline: a/b' }, 'png')).toBe('timeline-a-b-2026-11-29.png')
    expect(exportFileName({ ...heading, title: 'Incidents per year by jurisdiction' }, 'svg')).toBe('incidents-per-year-by-jurisdiction-2026-11-29.svg')
  })

  it('keeps letters of any script', () => {
    expect(exportFileName({ ...heading, title: '支付宝 时间线' }, 'svg')).toBe('支付宝-时间线-2026-11-29.svg')
  })
})

describe('composeExportSvg with a chart sized by its viewBox', () => {
  it('exports at the size of its viewBox', () => {
    const chart = document.createElementNS(SVG_NS, 'svg')
    chart.setAttribute('viewBox', '0 0 300 200')

    const svg = composeExportSvg([{ element: chart }], heading)

    expect(svg).toContain('viewBox="0 0 300 200"')
  })
})

describe('todayAsDay', () => {
  it('gives the local day as YYYY-MM-DD', () => {
    expect(todayAsDay(new Date(2026, 0, 5, 12))).toBe('2026-01-05')
  })
})

describe('an exported picture in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('writes its filters and date in Chinese, the title as given', () => {
    setLocale('zh-CN')

    expect(headingLines({ title: '阿里巴巴集团时间线', filters: '', asOfDay: '2026-11-29' })).toEqual([
      '阿里巴巴集团时间线',
      '筛选条件：无',
      '截至2026年11月29日'
    ])
  })

  it('names a CJK font family first, so Chinese labels are drawn in one face', () => {
    const svg = composeExportSvg([{ element: drawing(['芝麻信用']) }], heading)

    expect(svg).toMatch(/font-family="&quot;Noto Sans CJK SC&quot;/)
  })

  it('draws even a part that names its own face for the screen (the timeline’s system-ui) in the CJK face first', () => {
    const part = drawing([])
    const labels = document.createElementNS(SVG_NS, 'g')
    labels.setAttribute('font-family', 'system-ui, sans-serif')
    part.append(labels)
    const svg = composeExportSvg([{ element: part }], heading)

    expect(svg).not.toContain('font-family="system-ui, sans-serif"')
    expect(svg.match(/<g font-family="&quot;Noto Sans CJK SC&quot;/g)).toHaveLength(1)
    // The page's own drawing is left as it was.
    expect(labels.getAttribute('font-family')).toBe('system-ui, sans-serif')
  })
})
