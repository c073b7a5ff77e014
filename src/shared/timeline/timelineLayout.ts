import type { TimelineItem, TimelineLink } from './timelineEvents'
import type { TimelineLane } from './timelineLanes'
import type { TimelineScale } from './timelineScale'

/** The part of the timeline on screen, in layout pixels: x from the scale's start, y from the top of the first lane. */
export interface TimelineViewport {
  readonly width: number
  readonly top: number
  readonly height: number
}

export interface TimelineLayoutOptions {
  readonly collapsedLaneKeys?: ReadonlySet<string>
  readonly laneHeaderHeight?: number
  readonly rowHeight?: number
  /** The narrowest an item is drawn, so a day seen from a decade away can still be pointed at. */
  readonly minMarkerWidth?: number
  /** Room kept beside an item for its label, so labels in a row never run into the next item. */
  readonly labelWidth?: (item: TimelineItem) => number
  /** Rows a lane may grow to; items that fit in none are counted, not drawn (zoom in to see them). */
  readonly maxRowsPerLane?: number
}

/** A lane as drawn: where it is and how many rows its items needed. */
export interface LaneBox {
  readonly key: string
  readonly label: string
  readonly y: number
  readonly height: number
  readonly rowCount: number
  readonly isCollapsed: boolean
  readonly itemCount: number
  /** Items that did not fit in `maxRowsPerLane` rows at this zoom. */
  readonly hiddenCount: number
}

/** An item placed in a lane. `width` is its true span; `markerWidth` is what is drawn (never less than the minimum). */
export interface PlacedItem {
  readonly item: TimelineItem
  readonly laneKey: string
  readonly row: number
  readonly x: number
  readonly y: number
  readonly width: number
  readonly markerWidth: number
}

/** A connector from one placed item to another in the same lane. */
export interface PlacedLink {
  readonly key: string
  readonly laneKey: string
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
}

export interface TimelineLayout {
  readonly lanes: readonly LaneBox[]
  /** Only the items that intersect the viewport, lane by lane in chronological order. */
  readonly items: readonly PlacedItem[]
  readonly links: readonly PlacedLink[]
  readonly totalHeight: number
}

const DEFAULTS = { laneHeaderHeight: 28, rowHeight: 24, minMarkerWidth: 8, maxRowsPerLane: 40 }
const GAP_PX = 4

/**
 * Estimates how wide a label is at the timeline's 12 px font, without a DOM (wide CJK characters
 * count double). Used to keep room for labels in layout, and to cut labels that would not fit.
 */
export function estimateLabelWidth(text: string): number {
  let width = 0
  for (const character of text) width += character.charCodeAt(0) > 0x2e80 ? 12 : 6.6
  return width
}

/** The text of a label cut to `maxWidth` pixels, with "…" when cut. */
export function fitLabel(text: string, maxWidth: number): string {
  if (estimateLabelWidth(text) <= maxWidth) return text
  let width = estimateLabelWidth('…')
  let fitted = ''
  for (const character of text) {
    width += character.charCodeAt(0) > 0x2e80 ? 12 : 6.6
    if (width > maxWidth) break
    fitted += character
  }
  return `${fitted.trimEnd()}…`
}

/**
 * Places every lane's items in rows so that no two drawn items (with their label room) overlap,
 * greedily, earliest first, in the first row that is free, and returns the lane boxes plus only
 * the items and links that intersect the viewport. Rows depend on the zoom, never on the pan, so
 * items keep their rows while the view moves. Work is linear in the items times the rows used.
 */
export function layoutTimeline(
  lanes: readonly TimelineLane[],
  links: readonly TimelineLink[],
  scale: TimelineScale,
  viewport: TimelineViewport,
  options: TimelineLayoutOptions = {}
): TimelineLayout {
  const laneHeaderHeight = options.laneHeaderHeight ?? DEFAULTS.laneHeaderHeight
  const rowHeight = options.rowHeight ?? DEFAULTS.rowHeight
  const minMarkerWidth = options.minMarkerWidth ?? DEFAULTS.minMarkerWidth
  const maxRows = options.maxRowsPerLane ?? DEFAULTS.maxRowsPerLane
  const labelWidth = options.labelWidth ?? (() => 0)
  const collapsed = options.collapsedLaneKeys ?? new Set<string>()
  const viewTop = viewport.top
  const viewBottom = viewport.top + viewport.height
  const { startDay, pxPerDay } = scale

  const laneBoxes: LaneBox[] = []
  const placedItems: PlacedItem[] = []
  const placedLinks: PlacedLink[] = []
  let y = 0

  for (const lane of lanes) {
    if (collapsed.has(lane.key)) {
      laneBoxes.push({ key: lane.key, label: lane.label, y, height: laneHeaderHeight, rowCount: 0, isCollapsed: true, itemCount: lane.items.length, hiddenCount: 0 })
      y += laneHeaderHeight
      continue
    }
    const rowEnds: number[] = []
    // Every placed item's position, visible or not, so that a link with one end off screen is still drawn.
    const positions = new Map<string, { readonly x: number; readonly row: number; readonly markerWidth: number }>()
    const laneTop = y + laneHeaderHeight
    const visibleInLane: { item: TimelineItem; x: number; row: number; width: number; markerWidth: number }[] = []
    let hiddenCount = 0
    for (const item of lane.items) {
      const x = (item.startDay - startDay) * pxPerDay
      const width = (item.endDay - item.startDay) * pxPerDay
      const markerWidth = Math.max(width, minMarkerWidth)
      const occupiedEnd = x + Math.max(markerWidth, labelWidth(item)) + GAP_PX
      let row = 0
      while (row < rowEnds.length && (rowEnds[row] ?? 0) > x) row += 1
      if (row >= maxRows) {
        hiddenCount += 1
        continue
      }
      rowEnds[row] = occupiedEnd
      positions.set(item.key, { x, row, markerWidth })
      if (x <= viewport.width && x + markerWidth >= 0) visibleInLane.push({ item, x, row, width, markerWidth })
    }
    const rowCount = Math.max(rowEnds.length, 1)
    const height = laneHeaderHeight + rowCount * rowHeight
    laneBoxes.push({ key: lane.key, label: lane.label, y, height, rowCount, isCollapsed: false, itemCount: lane.items.length, hiddenCount })
    if (y < viewBottom && y + height > viewTop) {
      for (const placed of visibleInLane) {
        const itemY = laneTop + placed.row * rowHeight
        if (itemY + rowHeight >= viewTop && itemY <= viewBottom) {
          placedItems.push({ item: placed.item, laneKey: lane.key, row: placed.row, x: placed.x, y: itemY, width: placed.width, markerWidth: placed.markerWidth })
        }
      }
      for (const link of links) {
        const from = positions.get(link.fromKey)
        const to = positions.get(link.toKey)
        if (from === undefined || to === undefined) continue
        const x1 = from.x + Math.min(from.markerWidth, minMarkerWidth) / 2
        const x2 = to.x + Math.min(to.markerWidth, minMarkerWidth) / 2
        if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > viewport.width) continue
        placedLinks.push({
          key: `${lane.key}|${link.fromKey}|${link.toKey}`,
          laneKey: lane.key,
          x1,
          y1: laneTop + from.row * rowHeight + rowHeight / 2,
          x2,
          y2: laneTop + to.row * rowHeight + rowHeight / 2
        })
      }
    }
    y += height
  }
  return { lanes: laneBoxes, items: placedItems, links: placedLinks, totalHeight: y }
}
