import { describe, expect, it } from 'vitest'
import { layOutStackedBars, SERIES_COLOURS, type StackedBarData } from '../../../../src/renderer/features/charts/stackedBarLayout'

const data: StackedBarData = {
  categories: [
    { key: '2015', label: '2015' },
    { key: '2016', label: '2016' },
    { key: '2018', label: '2018' }
  ],
  series: [
    { key: 'CN', label: 'China' },
    { key: 'IN', label: 'India' }
  ],
  cells: [
    { category: '2015', series: 'IN', count: 1, query: 'q1' },
    { category: '2018', series: 'CN', count: 2, query: 'q2' },
    { category: '2018', series: 'IN', count: 1, query: 'q3' }
  ]
}

describe('layOutStackedBars', () => {
  it('draws a part for each non-zero count only', () => {
    const layout = layOutStackedBars(data, 600, 300)

    expect(layout.segments.map((segment) => segment.cell.query).sort()).toEqual(['q1', 'q2', 'q3'])
  })

  it('stacks a bar’s parts in series order from the axis up', () => {
    const layout = layOutStackedBars(data, 600, 300)
    const [china, india] = ['q2', 'q3'].map((query) => layout.segments.find((segment) => segment.cell.query === query))

    expect([china!.y + china!.height, india!.y + india!.height]).toEqual([layout.plot.bottom, china!.y])
  })

  it('makes heights proportional to counts', () => {
    const layout = layOutStackedBars(data, 600, 300)
    const heightOf = (query: string) => layout.segments.find((segment) => segment.cell.query === query)!.height

    expect(heightOf('q2')).toBeCloseTo(2 * heightOf('q3'))
  })

  it('keeps a series’ colour whatever other series hold', () => {
    const layout = layOutStackedBars(data, 600, 300)

    expect(layout.seriesColours.get('IN')).toBe(SERIES_COLOURS[1])
  })

  it('labels the value axis with whole counts only', () => {
    const layout = layOutStackedBars(data, 600, 300)

    expect(layout.valueTicks.every((tick) => Number.isInteger(tick.value))).toBe(true)
  })

  it('places a category tick under the middle of its bar', () => {
    const layout = layOutStackedBars(data, 600, 300)
    const bar = layout.segments.find((segment) => segment.cell.query === 'q1')!

    expect(layout.categoryTicks[0]!.x).toBeCloseTo(bar.x + bar.width / 2)
  })

  it('tilts category labels too long for their bars, leaving them room', () => {
    const long = { ...data, categories: data.categories.map((category) => ({ ...category, label: `Rectification order ${category.label}` })) }

    const layout = layOutStackedBars(long, 300, 300)

    expect([layout.hasTiltedLabels, layout.plot.bottom < layOutStackedBars(data, 300, 300).plot.bottom]).toEqual([true, true])
  })
})

describe('layOutStackedBars colour key', () => {
  it('gives every series a key entry in its colour above the plot', () => {
    const layout = layOutStackedBars(data, 600, 300)

    expect(layout.legend.map((entry) => [entry.label, entry.colour, entry.y < layout.plot.top])).toEqual([
      ['China', SERIES_COLOURS[0], true],
      ['India', SERIES_COLOURS[1], true]
    ])
  })

  it('wraps the key to a new row when it is wider than the chart', () => {
    const many = { ...data, series: Array.from({ length: 8 }, (_, index) => ({ key: `s${index}`, label: `Series with a long name ${index}` })) }

    const layout = layOutStackedBars(many, 600, 300)

    expect(new Set(layout.legend.map((entry) => entry.y)).size).toBeGreaterThan(1)
  })
})
