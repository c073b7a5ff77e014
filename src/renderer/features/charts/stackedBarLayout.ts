import { scaleBand, scaleLinear } from 'd3-scale'
import { stack } from 'd3-shape'

/** One count in a stacked bar chart: `category` is the bar (a year, a response kind), `series` the part of it. */
export interface StackedBarCell {
  readonly category: string
  readonly series: string
  readonly count: number
  /** The search query that lists the records behind the count. */
  readonly query: string
}

/** A stacked bar chart's data, in the words a reader sees. */
export interface StackedBarData {
  readonly categories: readonly { readonly key: string; readonly label: string }[]
  readonly series: readonly { readonly key: string; readonly label: string }[]
  readonly cells: readonly StackedBarCell[]
}

export interface StackedBarSegment {
  readonly key: string
  readonly cell: StackedBarCell
  readonly categoryLabel: string
  readonly seriesLabel: string
  readonly colour: string
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
}

export interface StackedBarLayout {
  readonly width: number
  readonly height: number
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number }
  readonly segments: readonly StackedBarSegment[]
  readonly categoryTicks: readonly { readonly key: string; readonly label: string; readonly x: number }[]
  readonly valueTicks: readonly { readonly value: number; readonly y: number }[]
  readonly seriesColours: ReadonlyMap<string, string>
  /** True when category labels would not fit under their bars and are drawn tilted. */
  readonly hasTiltedLabels: boolean
  /** The colour key above the plot, so an exported picture explains itself: a swatch at (x, y), its label after it. */
  readonly legend: readonly { readonly key: string; readonly label: string; readonly colour: string; readonly x: number; readonly y: number }[]
}

// Okabe–Ito colours, which stay apart for the common kinds of colour blindness; grey last.
export const SERIES_COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#332288', '#882255', '#999999'] as const

const MARGIN = { top: 12, right: 16, bottom: 56, left: 56 }
// An average character of the 12px axis font, for deciding whether labels fit without measuring text.
const CHARACTER_WIDTH = 7
const LEGEND_ROW_HEIGHT = 18
const SWATCH_SIZE = 12

/**
 * Lays a stacked bar chart out in a `width` × `height` box: bars in category order, parts stacked
 * in series order from the axis up, whole-number value ticks (counts are never fractional), a
 * colour per series that stays the same whatever is filtered out of the cells, and the colour key
 * above the plot, wrapped to the width.
 */
export function layOutStackedBars(data: StackedBarData, width: number, height: number): StackedBarLayout {
  const longestLabel = Math.max(0, ...data.categories.map((category) => category.label.length))
  const roughBandWidth = data.categories.length === 0 ? width : ((width - MARGIN.left - MARGIN.right) / data.categories.length) * 0.8
  const hasTiltedLabels = longestLabel * CHARACTER_WIDTH > roughBandWidth
  // Tilted labels need room below the axis: about 0.7 of their length at 45 degrees.
  const bottomMargin = hasTiltedLabels ? Math.min(height / 2, MARGIN.bottom + longestLabel * CHARACTER_WIDTH * 0.7) : MARGIN.bottom
  const categoryKeys = data.categories.map((category) => category.key)
  const seriesKeys = data.series.map((series) => series.key)
  const seriesColours = new Map(seriesKeys.map((key, index) => [key, SERIES_COLOURS[index % SERIES_COLOURS.length] ?? '#999999']))

  const legend: { key: string; label: string; colour: string; x: number; y: number }[] = []
  let legendX = MARGIN.left
  let legendY = MARGIN.top
  for (const series of data.series) {
    const itemWidth = SWATCH_SIZE + 6 + series.label.length * CHARACTER_WIDTH + 16
    if (legendX > MARGIN.left && legendX + itemWidth > width - MARGIN.right) {
      legendX = MARGIN.left
      legendY += LEGEND_ROW_HEIGHT
    }
    legend.push({ key: series.key, label: series.label, colour: seriesColours.get(series.key) ?? '#999999', x: legendX, y: legendY })
    legendX += itemWidth
  }
  const legendHeight = legend.length === 0 ? 0 : legendY - MARGIN.top + LEGEND_ROW_HEIGHT + 8
  const plot = { left: MARGIN.left, top: MARGIN.top + legendHeight, right: width - MARGIN.right, bottom: height - bottomMargin }
  const cellOf = new Map(data.cells.map((cell) => [`${cell.category}\u0000${cell.series}`, cell]))

  const rows = categoryKeys.map(
    (category) =>
      Object.fromEntries([['category', 0], ...seriesKeys.map((series) => [series, cellOf.get(`${category}\u0000${series}`)?.count ?? 0])]) as Record<
        string,
        number
      >
  )
  const stacked = stack<Record<string, number>>().keys(seriesKeys)(rows)
  const maximum = Math.max(1, ...rows.map((row) => seriesKeys.reduce((sum, key) => sum + (row[key] ?? 0), 0)))

  const x = scaleBand<string>().domain(categoryKeys).range([plot.left, plot.right]).paddingInner(0.2).paddingOuter(0.1)
  const y = scaleLinear().domain([0, maximum]).nice().range([plot.bottom, plot.top])
  const labelOf = new Map(data.categories.map((category) => [category.key, category.label]))
  const seriesLabelOf = new Map(data.series.map((series) => [series.key, series.label]))

  const segments: StackedBarSegment[] = []
  stacked.forEach((layer) => {
    layer.forEach(([bottom, top], index) => {
      const category = categoryKeys[index]
      if (category === undefined || top - bottom <= 0) return
      const cell = cellOf.get(`${category}\u0000${layer.key}`)
      if (cell === undefined) return
      segments.push({
        key: `${category}\u0000${layer.key}`,
        cell,
        categoryLabel: labelOf.get(category) ?? category,
        seriesLabel: seriesLabelOf.get(layer.key) ?? layer.key,
        colour: seriesColours.get(layer.key) ?? '#999999',
        x: x(category) ?? 0,
        y: y(top),
        width: x.bandwidth(),
        height: y(bottom) - y(top)
      })
    })
  })

  const valueTicks = y
    .ticks(Math.min(maximum, 6))
    .filter((value) => Number.isInteger(value))
    .map((value) => ({ value, y: y(value) }))
  const categoryTicks = data.categories.map((category) => ({ key: category.key, label: category.label, x: (x(category.key) ?? 0) + x.bandwidth() / 2 }))

  return { width, height, plot, segments, categoryTicks, valueTicks, seriesColours, hasTiltedLabels, legend }
}
