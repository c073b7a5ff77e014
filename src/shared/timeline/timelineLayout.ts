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
  /**
   * Room kept beside an item for its label at a zoom, so labels in a row never run into the next
   * item. For rows packed at one zoom to stay apart at every closer zoom, it may grow with the zoom
   * by no more than the zoom's factor (as `labelRoomAt` does).
   */
  readonly labelWidth?: (item: TimelineItem, pxPerDay: number) => number
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
/** Pixels kept free between one item's room (marker and label) and the next item in its row. */
export const ROW_GAP_PX = 4
/** Space between a marker and the label beside it, or between a wide marker's start and the label inside it. */
export const LABEL_GAP_PX = 4
/** Markers at least this wide (spans and bars) carry their label inside; narrower ones carry it to the right. */
export const INSIDE_LABEL_MIN_WIDTH = 60

/** Where a label starts, from the start of a marker `markerWidth` pixels wide. */
export function labelOffset(markerWidth: number): number {
  return markerWidth >= INSIDE_LABEL_MIN_WIDTH ? LABEL_GAP_PX : markerWidth + LABEL_GAP_PX
}

/**
 * The room an item's label takes from the start of its marker at a zoom, for a label `textWidth`
 * pixels wide: beside a narrow marker, inside a wide one. Grows with the zoom no faster than the
 * zoom does, so rows packed with it stay apart at closer zooms.
 */
export function labelRoomAt(item: TimelineItem, pxPerDay: number, textWidth: number, minMarkerWidth = DEFAULTS.minMarkerWidth): number {
  return labelOffset(Math.max((item.endDay - item.startDay) * pxPerDay, minMarkerWidth)) + textWidth
}

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

/** One lane's items with the row each was packed into (items that fit in no row are left out). */
export interface PackedLane {
  readonly key: string
  /** The zoom this lane's rows were packed at (a collapsed lane: the zoom it was asked for). */
  readonly pxPerDay: number
  readonly label: string
  readonly isCollapsed: boolean
  readonly itemCount: number
  readonly hiddenCount: number
  readonly rowCount: number
  /** Chronological, each with its row. */
  readonly placed: readonly { readonly item: TimelineItem; readonly row: number }[]
  readonly rowOfKey: ReadonlyMap<string, number>
}

/** Rows for every lane at one zoom: what stays the same while the view pans. */
export interface PackedTimeline {
  /**
   * The zoom the rows were packed for; they stay free of overlaps at this zoom and any closer one.
   * A lane may have been packed at another zoom (see `PackedLane.pxPerDay`).
   */
  readonly pxPerDay: number
  readonly lanes: readonly PackedLane[]
}

interface ResolvedOptions {
  readonly laneHeaderHeight: number
  readonly rowHeight: number
  readonly minMarkerWidth: number
}

function resolve(options: TimelineLayoutOptions): ResolvedOptions {
  return {
    laneHeaderHeight: options.laneHeaderHeight ?? DEFAULTS.laneHeaderHeight,
    rowHeight: options.rowHeight ?? DEFAULTS.rowHeight,
    minMarkerWidth: options.minMarkerWidth ?? DEFAULTS.minMarkerWidth
  }
}

/**
 * The zoom to pack rows at for a view at `pxPerDay`: the power of √2 at or below it. Rows packed at
 * a zoom stay free of overlaps at every closer zoom (gaps between items grow, markers and labels
 * never outgrow them), so a zoom gesture re-packs only when it crosses a level, and the same zoom
 * always gives the same rows (a bookmark restores them).
 */
export function packingZoom(pxPerDay: number): number {
  return 2 ** (Math.floor(Math.log2(pxPerDay) * 2) / 2)
}

/** A collapsed lane: no rows, its items only counted. */
export function collapsedLane(lane: TimelineLane, pxPerDay: number): PackedLane {
  return {
    key: lane.key,
    pxPerDay,
    label: lane.label,
    isCollapsed: true,
    itemCount: lane.items.length,
    hiddenCount: 0,
    rowCount: 0,
    placed: [],
    rowOfKey: new Map()
  }
}

/**
 * Packs one lane's items into rows at a zoom, greedily, earliest first, in the first row that is
 * free, so that no two drawn items (with their label room) overlap. Rows depend on the zoom, never
 * on the pan. Work is linear in the items times the rows used.
 */
export function packLane(lane: TimelineLane, pxPerDay: number, options: TimelineLayoutOptions = {}): PackedLane {
  const { minMarkerWidth } = resolve(options)
  const maxRows = options.maxRowsPerLane ?? DEFAULTS.maxRowsPerLane
  const labelWidth = options.labelWidth ?? (() => 0)
  const rowEnds: number[] = []
  const placed: { item: TimelineItem; row: number }[] = []
  const rowOfKey = new Map<string, number>()
  let hiddenCount = 0
  for (const item of lane.items) {
    // Pixels from day 0: translation does not change which items overlap.
    const x = item.startDay * pxPerDay
    const markerWidth = Math.max((item.endDay - item.startDay) * pxPerDay, minMarkerWidth)
    let row = 0
    while (row < rowEnds.length && (rowEnds[row] ?? 0) > x) row += 1
    if (row >= maxRows) {
      hiddenCount += 1
      continue
    }
    rowEnds[row] = x + Math.max(markerWidth, labelWidth(item, pxPerDay)) + ROW_GAP_PX
    placed.push({ item, row })
    rowOfKey.set(item.key, row)
  }
  return {
    key: lane.key,
    pxPerDay,
    label: lane.label,
    isCollapsed: false,
    itemCount: lane.items.length,
    hiddenCount,
    rowCount: Math.max(rowEnds.length, 1),
    placed,
    rowOfKey
  }
}

/** Packs every lane's items into rows at a zoom (see `packLane`); collapsed lanes get none. */
export function packTimeline(lanes: readonly TimelineLane[], pxPerDay: number, options: TimelineLayoutOptions = {}): PackedTimeline {
  const collapsed = options.collapsedLaneKeys ?? new Set<string>()
  return { pxPerDay, lanes: lanes.map((lane) => (collapsed.has(lane.key) ? collapsedLane(lane, pxPerDay) : packLane(lane, pxPerDay, options))) }
}

/**
 * Places packed lanes under a scale: lane boxes stacked from the top, and only the items and
 * links that intersect the viewport (horizontally and vertically). Runs on every pan frame.
 */
export function placeInView(
  packed: PackedTimeline,
  links: readonly TimelineLink[],
  scale: TimelineScale,
  viewport: TimelineViewport,
  options: TimelineLayoutOptions = {}
): TimelineLayout {
  const { laneHeaderHeight, rowHeight, minMarkerWidth } = resolve(options)
  const viewTop = viewport.top
  const viewBottom = viewport.top + viewport.height
  const { startDay, pxPerDay } = scale
  const laneBoxes: LaneBox[] = []
  const placedItems: PlacedItem[] = []
  const placedLinks: PlacedLink[] = []
  let y = 0
  for (const lane of packed.lanes) {
    const height = laneHeaderHeight + (lane.isCollapsed ? 0 : lane.rowCount * rowHeight)
    laneBoxes.push({
      key: lane.key,
      label: lane.label,
      y,
      height,
      rowCount: lane.rowCount,
      isCollapsed: lane.isCollapsed,
      itemCount: lane.itemCount,
      hiddenCount: lane.hiddenCount
    })
    const laneTop = y + laneHeaderHeight
    if (!lane.isCollapsed && y < viewBottom && y + height > viewTop) {
      const firstRow = Math.max(0, Math.floor((viewTop - laneTop) / rowHeight) - 1)
      const lastRow = Math.floor((viewBottom - laneTop) / rowHeight)
      for (const { item, row } of lane.placed) {
        if (row < firstRow || row > lastRow) continue
        const x = (item.startDay - startDay) * pxPerDay
        if (x > viewport.width) continue
        const width = (item.endDay - item.startDay) * pxPerDay
        const markerWidth = Math.max(width, minMarkerWidth)
        if (x + markerWidth < 0) continue
        placedItems.push({ item, laneKey: lane.key, row, x, y: laneTop + row * rowHeight, width, markerWidth })
      }
      // Links are drawn even when one end is off screen.
      for (const link of links) {
        const fromRow = lane.rowOfKey.get(link.fromKey)
        const toRow = lane.rowOfKey.get(link.toKey)
        if (fromRow === undefined || toRow === undefined) continue
        const from = itemOf(lane, link.fromKey)
        const to = itemOf(lane, link.toKey)
        if (from === undefined || to === undefined) continue
        const x1 = anchorX(from, scale, minMarkerWidth)
        const x2 = anchorX(to, scale, minMarkerWidth)
        if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > viewport.width) continue
        placedLinks.push({
          key: `${lane.key}|${link.fromKey}|${link.toKey}`,
          laneKey: lane.key,
          x1,
          y1: laneTop + fromRow * rowHeight + rowHeight / 2,
          x2,
          y2: laneTop + toRow * rowHeight + rowHeight / 2
        })
      }
    }
    y += height
  }
  return { lanes: laneBoxes, items: placedItems, links: placedLinks, totalHeight: y }
}

const itemsByKeyCache = new WeakMap<PackedLane, Map<string, TimelineItem>>()

function itemOf(lane: PackedLane, key: string): TimelineItem | undefined {
  let byKey = itemsByKeyCache.get(lane)
  if (byKey === undefined) {
    byKey = new Map(lane.placed.map(({ item }) => [item.key, item]))
    itemsByKeyCache.set(lane, byKey)
  }
  return byKey.get(key)
}

// A link meets an item at the middle of its marker, or of its first few pixels when it is a long span.
function anchorX(item: TimelineItem, scale: TimelineScale, minMarkerWidth: number): number {
  const markerWidth = Math.max((item.endDay - item.startDay) * scale.pxPerDay, minMarkerWidth)
  return (item.startDay - scale.startDay) * scale.pxPerDay + Math.min(markerWidth, minMarkerWidth) / 2
}

/**
 * Packs the lanes at exactly the scale's zoom and places them in the viewport: the lane boxes, and
 * only the items and links that intersect it. See `packTimeline` and `placeInView`, which a view
 * uses separately so that panning does not re-pack.
 */
export function layoutTimeline(
  lanes: readonly TimelineLane[],
  links: readonly TimelineLink[],
  scale: TimelineScale,
  viewport: TimelineViewport,
  options: TimelineLayoutOptions = {}
): TimelineLayout {
  return placeInView(packTimeline(lanes, scale.pxPerDay, options), links, scale, viewport, options)
}
