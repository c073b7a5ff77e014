import { timelineItemLabel, type TimelineContent, type TimelineItem } from './timelineEvents'
import { assignLanes, orderLanes, type LaneLookups, type TimelineGrouping, type TimelineLane } from './timelineLanes'
import {
  collapsedLane,
  estimateLabelWidth,
  LABEL_GAP_PX,
  labelRoomAt,
  packingZoom,
  packLane,
  type LaneBox,
  type PackedLane,
  type PackedTimeline,
  type PlacedItem,
  type PlacedLink,
  type TimelineLayout,
  type TimelineLayoutOptions,
  type TimelineViewport
} from './timelineLayout'
import type { TimelineScale } from './timelineScale'
import { anchoredScrollTop } from './timelineScrollAnchor'

/** Heights the chart draws lanes and rows at (the worker packs and cuts windows with the same). */
export const TIMELINE_ROW_HEIGHT = 24
export const TIMELINE_LANE_HEADER_HEIGHT = 28
/** The widest a label is drawn; longer ones are cut with "…". */
export const TIMELINE_MAX_LABEL_WIDTH = 260
export const TIMELINE_LAYOUT_OPTIONS = { rowHeight: TIMELINE_ROW_HEIGHT, laneHeaderHeight: TIMELINE_LANE_HEADER_HEIGHT } as const

/**
 * What the chart asks for: the part of the timeline around the view. The window holds a margin
 * of a view's width on each side and a view's height above and below, so a pan or a scroll is
 * drawn at once from what the page already has while the next window is asked for.
 */
export interface TimelineWindowRequest {
  readonly scale: TimelineScale
  readonly width: number
  /** The band of lanes on screen, in layout pixels from the top of the first lane. */
  readonly top: number
  readonly height: number
  readonly collapsedLaneKeys: readonly string[]
  /**
   * The view the page drew last: when its rows were packed at another zoom, `top` is moved so the
   * lane at the top of the view stays where it was on screen (see `anchoredScrollTop`).
   */
  readonly previous?: { readonly pxPerDay: number; readonly top: number }
}

/** A lane box in a window, with its place among all lanes (for "Move up/down"). */
export interface WindowLane extends LaneBox {
  readonly index: number
}

/** An item in a window: its row and y (they depend only on the zoom level), and how many lanes show it. */
export interface WindowItem {
  readonly item: TimelineItem
  readonly laneKey: string
  readonly row: number
  readonly y: number
  readonly laneCount: number
}

/** A connector in a window, by the days of its ends (so it is placed at any pan). */
export interface WindowLink {
  readonly key: string
  readonly laneKey: string
  readonly from: { readonly startDay: number; readonly endDay: number }
  readonly to: { readonly startDay: number; readonly endDay: number }
  readonly y1: number
  readonly y2: number
}

/** The part of the laid-out timeline a view needs, with totals: all the page receives to draw. */
export interface TimelineWindow {
  /** The zoom level the rows were packed at (`packingZoom` of the request's zoom). */
  readonly packedAt: number
  /** The request's `top`, moved when the rows changed zoom level (see `TimelineWindowRequest.previous`). */
  readonly top: number
  readonly laneCount: number
  readonly totalHeight: number
  /** Lanes that meet the window's band, top to bottom. */
  readonly lanes: readonly WindowLane[]
  readonly items: readonly WindowItem[]
  readonly links: readonly WindowLink[]
}

/** Where a record's item is, for "Go to record". */
export interface TimelineLocation {
  readonly item: TimelineItem
  readonly laneKey: string
  /** The lane's top at the given zoom, with the given lanes collapsed. */
  readonly laneY: number
}

interface ResolvedHeights {
  readonly laneHeaderHeight: number
  readonly rowHeight: number
  readonly minMarkerWidth: number
}

const resolveHeights = (options: TimelineLayoutOptions): ResolvedHeights => ({
  laneHeaderHeight: options.laneHeaderHeight ?? TIMELINE_LANE_HEADER_HEIGHT,
  rowHeight: options.rowHeight ?? TIMELINE_ROW_HEIGHT,
  minMarkerWidth: options.minMarkerWidth ?? 8
})

const laneHeight = (lane: PackedLane, heights: ResolvedHeights): number => heights.laneHeaderHeight + (lane.isCollapsed ? 0 : lane.rowCount * heights.rowHeight)

/**
 * Cuts from packed lanes what `placeInView` would place in `viewport` under `scale`, widened by
 * `marginX` pixels on each side and `marginY` above and below: the lanes that meet the band, their
 * items in the rows and days around the view, and the links of those lanes. `placeWindow` turns it
 * into exactly the layout `placeInView` gives for any view inside the window.
 */
export function cutWindow(
  packed: PackedTimeline,
  links: readonly { readonly fromKey: string; readonly toKey: string }[],
  laneCountByKey: ReadonlyMap<string, number>,
  scale: TimelineScale,
  viewport: TimelineViewport,
  margins: { readonly x: number; readonly y: number },
  options: TimelineLayoutOptions = {}
): Omit<TimelineWindow, 'top'> {
  const heights = resolveHeights(options)
  const { rowHeight, minMarkerWidth } = heights
  const viewTop = viewport.top - margins.y
  const viewBottom = viewport.top + viewport.height + margins.y
  const left = -margins.x
  const right = viewport.width + margins.x
  const { startDay, pxPerDay } = scale
  const lanes: WindowLane[] = []
  const items: WindowItem[] = []
  const windowLinks: WindowLink[] = []
  let y = 0
  for (const [index, lane] of packed.lanes.entries()) {
    const height = laneHeight(lane, heights)
    if (y < viewBottom && y + height > viewTop) {
      lanes.push({
        key: lane.key,
        label: lane.label,
        y,
        height,
        rowCount: lane.rowCount,
        isCollapsed: lane.isCollapsed,
        itemCount: lane.itemCount,
        hiddenCount: lane.hiddenCount,
        index
      })
      const laneTop = y + heights.laneHeaderHeight
      if (!lane.isCollapsed) {
        const firstRow = Math.max(0, Math.floor((viewTop - laneTop) / rowHeight) - 1)
        const lastRow = Math.floor((viewBottom - laneTop) / rowHeight)
        const byKey = new Map<string, TimelineItem>()
        for (const { item, row } of lane.placed) {
          byKey.set(item.key, item)
          if (row < firstRow || row > lastRow) continue
          const x = (item.startDay - startDay) * pxPerDay
          if (x > right) continue
          if (x + Math.max((item.endDay - item.startDay) * pxPerDay, minMarkerWidth) < left) continue
          items.push({ item, laneKey: lane.key, row, y: laneTop + row * rowHeight, laneCount: laneCountByKey.get(item.key) ?? 1 })
        }
        for (const link of links) {
          const fromRow = lane.rowOfKey.get(link.fromKey)
          const toRow = lane.rowOfKey.get(link.toKey)
          if (fromRow === undefined || toRow === undefined) continue
          const from = byKey.get(link.fromKey)
          const to = byKey.get(link.toKey)
          if (from === undefined || to === undefined) continue
          const x1 = anchorX(from, scale, minMarkerWidth)
          const x2 = anchorX(to, scale, minMarkerWidth)
          if (Math.max(x1, x2) < left || Math.min(x1, x2) > right) continue
          windowLinks.push({
            key: `${lane.key}|${link.fromKey}|${link.toKey}`,
            laneKey: lane.key,
            from: { startDay: from.startDay, endDay: from.endDay },
            to: { startDay: to.startDay, endDay: to.endDay },
            y1: laneTop + fromRow * rowHeight + rowHeight / 2,
            y2: laneTop + toRow * rowHeight + rowHeight / 2
          })
        }
      }
    }
    y += height
  }
  return { packedAt: packed.pxPerDay, laneCount: packed.lanes.length, totalHeight: y, lanes, items, links: windowLinks }
}

// A link meets an item at the middle of its marker, or of its first few pixels when it is a long span (as `placeInView`).
function anchorX(item: { readonly startDay: number; readonly endDay: number }, scale: TimelineScale, minMarkerWidth: number): number {
  const markerWidth = Math.max((item.endDay - item.startDay) * scale.pxPerDay, minMarkerWidth)
  return (item.startDay - scale.startDay) * scale.pxPerDay + Math.min(markerWidth, minMarkerWidth) / 2
}

/** A window's layout under the view's scale, as the chart draws it. */
export interface WindowLayout extends TimelineLayout {
  readonly lanes: readonly WindowLane[]
  /** How many lanes show each item drawn (more than one: a gold dot). */
  readonly laneCountByKey: ReadonlyMap<string, number>
  readonly laneCount: number
}

/**
 * Places a window under the view's scale and band: the page's part of `placeInView`, run on every
 * pan frame over a window's few hundred items. For a view inside the window it gives exactly what
 * `placeInView` gives over all lanes (but lane boxes: only those the window holds).
 */
export function placeWindow(
  window: Omit<TimelineWindow, 'top'>,
  scale: TimelineScale,
  viewport: TimelineViewport,
  options: TimelineLayoutOptions = {}
): WindowLayout {
  const { laneHeaderHeight, rowHeight, minMarkerWidth } = resolveHeights(options)
  const viewTop = viewport.top
  const viewBottom = viewport.top + viewport.height
  const { startDay, pxPerDay } = scale
  const laneTops = new Map(window.lanes.map((lane) => [lane.key, lane.y + laneHeaderHeight]))
  const inView = new Set(window.lanes.filter((lane) => !lane.isCollapsed && lane.y < viewBottom && lane.y + lane.height > viewTop).map((lane) => lane.key))
  const items: PlacedItem[] = []
  const laneCountByKey = new Map<string, number>()
  for (const { item, laneKey, row, y, laneCount } of window.items) {
    if (!inView.has(laneKey)) continue
    const laneTop = laneTops.get(laneKey) ?? 0
    const firstRow = Math.max(0, Math.floor((viewTop - laneTop) / rowHeight) - 1)
    const lastRow = Math.floor((viewBottom - laneTop) / rowHeight)
    if (row < firstRow || row > lastRow) continue
    const x = (item.startDay - startDay) * pxPerDay
    if (x > viewport.width) continue
    const width = (item.endDay - item.startDay) * pxPerDay
    const markerWidth = Math.max(width, minMarkerWidth)
    if (x + markerWidth < 0) continue
    items.push({ item, laneKey, row, x, y, width, markerWidth })
    laneCountByKey.set(item.key, laneCount)
  }
  const links: PlacedLink[] = []
  for (const link of window.links) {
    if (!inView.has(link.laneKey)) continue
    const x1 = anchorX(link.from, scale, minMarkerWidth)
    const x2 = anchorX(link.to, scale, minMarkerWidth)
    if (Math.max(x1, x2) < 0 || Math.min(x1, x2) > viewport.width) continue
    links.push({ key: link.key, laneKey: link.laneKey, x1, y1: link.y1, x2, y2: link.y2 })
  }
  return { lanes: window.lanes, items, links, totalHeight: window.totalHeight, laneCountByKey, laneCount: window.laneCount }
}

/**
 * Where a chart gets its windows: the views worker for the Timeline page, a layout in the page for
 * a briefing's picture. `key` changes when the content or the lanes do (answers for an older key are dropped).
 */
export interface TimelineWindowSource {
  readonly key: number | string
  window(request: TimelineWindowRequest): Promise<TimelineWindow>
}

/** A source over a layout held in this thread (a briefing's few records). */
export function localWindowSource(model: TimelineLayoutModel): TimelineWindowSource {
  localSources += 1
  return { key: `local-${localSources}`, window: async (request) => model.window(request) }
}
let localSources = 0

/** How a timeline is grouped and ordered: what its lanes depend on besides the content. */
export interface TimelineArrangement {
  readonly grouping: TimelineGrouping
  readonly laneOrder: readonly string[]
}

/**
 * A timeline laid out once and kept: its lanes (grouped and ordered), each item's label room, and
 * rows packed per zoom level on first use. Windows are cut from it for each view. The views worker
 * keeps one per timeline asked for (the Timeline page), and a briefing's picture builds one in the
 * page for its few records; both are drawn by the same chart.
 */
export class TimelineLayoutModel {
  readonly lanes: readonly TimelineLane[]
  readonly laneCountByKey: ReadonlyMap<string, number>
  private readonly labelRooms = new Map<TimelineItem, number>()
  private readonly packedByLevel = new Map<number, readonly PackedLane[]>()
  private readonly options: TimelineLayoutOptions

  constructor(
    readonly content: TimelineContent,
    arrangement: TimelineArrangement,
    lookups: LaneLookups = {}
  ) {
    const assignment = assignLanes(content.items, arrangement.grouping, lookups)
    this.lanes = orderLanes(assignment.lanes, arrangement.laneOrder)
    this.laneCountByKey = assignment.laneCountByKey
    this.options = { ...TIMELINE_LAYOUT_OPTIONS, labelWidth: (item, pxPerDay) => labelRoomAt(item, pxPerDay, this.labelTextRoom(item)) }
  }

  /** The rows of every lane at a zoom level (packed on first use), collapsed lanes without rows. */
  packedAt(level: number, collapsedLaneKeys: ReadonlySet<string>): PackedTimeline {
    let lanes = this.packedByLevel.get(level)
    if (lanes === undefined) {
      lanes = this.lanes.map((lane) => packLane(lane, level, this.options))
      this.packedByLevel.set(level, lanes)
    }
    return { pxPerDay: level, lanes: lanes.map((rows, index) => (collapsedLaneKeys.has(rows.key) ? collapsedLane(this.lanes[index]!, level) : rows)) }
  }

  /** The window around a view (see `TimelineWindowRequest`). */
  window(request: TimelineWindowRequest): TimelineWindow {
    const collapsed = new Set(request.collapsedLaneKeys)
    const packed = this.packedAt(packingZoom(request.scale.pxPerDay), collapsed)
    let top = request.top
    if (request.previous !== undefined && top > 0) {
      const before = packingZoom(request.previous.pxPerDay)
      if (before !== packed.pxPerDay) top = anchoredScrollTop(this.packedAt(before, collapsed), packed, request.previous.top, resolveHeights(this.options))
    }
    const cut = cutWindow(
      packed,
      this.content.links,
      this.laneCountByKey,
      request.scale,
      { width: request.width, top, height: request.height },
      { x: request.width, y: request.height },
      this.options
    )
    return { ...cut, top }
  }

  /** Every lane's key, in the order drawn (a lane move writes the whole order). */
  laneKeys(): string[] {
    return this.lanes.map((lane) => lane.key)
  }

  /** The first item of a record (its event, else its range), the lane it is first drawn in, and that lane's top. */
  locate(recordId: string, pxPerDay: number, collapsedLaneKeys: readonly string[]): TimelineLocation | undefined {
    const items = this.content.items
    const target = items.find((item) => item.recordId === recordId && item.shape === 'event') ?? items.find((item) => item.recordId === recordId)
    if (target === undefined) return undefined
    const laneIndex = this.lanes.findIndex((lane) => lane.items.includes(target))
    if (laneIndex < 0) return undefined
    // The lane is drawn expanded once the page has gone to it.
    const collapsed = new Set(collapsedLaneKeys)
    collapsed.delete(this.lanes[laneIndex]!.key)
    const heights = resolveHeights(this.options)
    const packed = this.packedAt(packingZoom(pxPerDay), collapsed)
    let laneY = 0
    for (const lane of packed.lanes.slice(0, laneIndex)) laneY += laneHeight(lane, heights)
    return { item: target, laneKey: this.lanes[laneIndex]!.key, laneY }
  }

  /** The records the timeline shows, dated or not: what exports and briefings take. */
  recordIds(): string[] {
    return [...new Set([...this.content.items.map((item) => item.recordId), ...this.content.undatedRecordIds])]
  }

  private labelTextRoom(item: TimelineItem): number {
    let room = this.labelRooms.get(item)
    if (room === undefined) {
      room = Math.min(estimateLabelWidth(timelineItemLabel(item)), TIMELINE_MAX_LABEL_WIDTH) + LABEL_GAP_PX
      this.labelRooms.set(item, room)
    }
    return room
  }
}

/** The first and last day any item covers, or undefined for no items. */
export function timelineExtent(items: readonly TimelineItem[]): { readonly startDay: number; readonly endDay: number } | undefined {
  if (items.length === 0) return undefined
  let startDay = Number.POSITIVE_INFINITY
  let endDay = Number.NEGATIVE_INFINITY
  for (const item of items) {
    if (item.startDay < startDay) startDay = item.startDay
    if (item.endDay > endDay) endDay = item.endDay
  }
  return { startDay, endDay }
}
