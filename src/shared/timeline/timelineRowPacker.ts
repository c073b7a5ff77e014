import type { TimelineLane } from './timelineLanes'
import { collapsedLane, packLane, type PackedLane, type PackedTimeline, type TimelineLayoutOptions } from './timelineLayout'

/** The band of lanes on screen, in layout pixels from the top of the first lane. */
export interface RowBand {
  readonly top: number
  readonly height: number
}

/** Rows to draw a view with, and whether every lane's rows are those of the view's zoom. */
export interface RowsForView {
  readonly packed: PackedTimeline
  /** Keys of the lanes drawn with rows packed at another zoom: `packPendingLanes` packs them. */
  readonly pendingLaneKeys: readonly string[]
}

const NO_LANES_COLLAPSED: ReadonlySet<string> = new Set()

/**
 * Keeps the rows of every lane at every zoom level packed so far, and answers a view's rows
 * without re-packing every lane when the zoom crosses a level (re-packing 10k events takes several
 * milliseconds, 50k tens, on a frame budget of 16).
 *
 * The lanes in the band on screen always get rows packed at the view's level (a lane takes well
 * under a millisecond). A lane off screen keeps rows it already has: from a coarser level when
 * there is one, as rows packed at a zoom stay apart at every closer zoom; otherwise from a closer
 * level, only for its height, as none of it is drawn. Those lanes are then pending:
 * `packPendingLanes` packs them at the view's level when there is time (the chart does it once a
 * gesture settles), after which the rows are exactly `packTimeline`'s, so the same zoom always
 * ends with the same rows. Rows are kept per lane object, so collapsing or moving a lane re-packs
 * nothing; new lanes (new content) start afresh.
 */
export class TimelineRowPacker {
  private readonly rowsByLane = new WeakMap<TimelineLane, Map<number, PackedLane>>()
  private readonly options: TimelineLayoutOptions
  private readonly laneHeaderHeight: number
  private readonly rowHeight: number

  /** `options` are those of `packLane` and `placeInView` (collapsed lanes are given per view). */
  constructor(options: Omit<TimelineLayoutOptions, 'collapsedLaneKeys'> = {}) {
    this.options = options
    this.laneHeaderHeight = options.laneHeaderHeight ?? 28
    this.rowHeight = options.rowHeight ?? 24
  }

  /** Rows for a view whose rows are packed at `pxPerDay` (a `packingZoom` level), with `band` on screen. */
  rowsForView(lanes: readonly TimelineLane[], pxPerDay: number, band: RowBand, collapsedLaneKeys: ReadonlySet<string> = NO_LANES_COLLAPSED): RowsForView {
    const bandBottom = band.top + band.height
    const pendingLaneKeys: string[] = []
    const packedLanes: PackedLane[] = []
    let y = 0
    for (const lane of lanes) {
      let rows: PackedLane
      if (collapsedLaneKeys.has(lane.key)) {
        rows = collapsedLane(lane, pxPerDay)
      } else {
        const exact = this.rowsByLane.get(lane)?.get(pxPerDay)
        const standIn = exact ?? this.standInRows(lane, pxPerDay)
        if (exact !== undefined) rows = exact
        else if (standIn === undefined || (y < bandBottom && y + this.heightOf(standIn) > band.top)) rows = this.pack(lane, pxPerDay)
        else {
          rows = standIn
          pendingLaneKeys.push(lane.key)
        }
      }
      packedLanes.push(rows)
      y += this.heightOf(rows)
    }
    return { packed: { pxPerDay, lanes: packedLanes }, pendingLaneKeys }
  }

  /**
   * Packs lanes that have no rows at `pxPerDay` yet, one lane at a time while `timeLeft()` (in
   * milliseconds) stays above zero, and at least one. True when no lane is left to pack.
   */
  packPendingLanes(lanes: readonly TimelineLane[], pxPerDay: number, timeLeft: () => number, collapsedLaneKeys: ReadonlySet<string> = NO_LANES_COLLAPSED): boolean {
    let packedOne = false
    for (const lane of lanes) {
      if (collapsedLaneKeys.has(lane.key) || this.rowsByLane.get(lane)?.has(pxPerDay) === true) continue
      if (packedOne && timeLeft() <= 0) return false
      this.pack(lane, pxPerDay)
      packedOne = true
    }
    return true
  }

  private pack(lane: TimelineLane, pxPerDay: number): PackedLane {
    const rows = packLane(lane, pxPerDay, this.options)
    let byZoom = this.rowsByLane.get(lane)
    if (byZoom === undefined) {
      byZoom = new Map()
      this.rowsByLane.set(lane, byZoom)
    }
    byZoom.set(pxPerDay, rows)
    return rows
  }

  // The closest coarser level's rows (they stay apart at this zoom), else the closest finer level's.
  private standInRows(lane: TimelineLane, pxPerDay: number): PackedLane | undefined {
    let coarser: PackedLane | undefined
    let finer: PackedLane | undefined
    for (const [zoom, rows] of this.rowsByLane.get(lane) ?? []) {
      if (zoom < pxPerDay && (coarser === undefined || zoom > coarser.pxPerDay)) coarser = rows
      if (zoom > pxPerDay && (finer === undefined || zoom < finer.pxPerDay)) finer = rows
    }
    return coarser ?? finer
  }

  private heightOf(rows: PackedLane): number {
    return this.laneHeaderHeight + (rows.isCollapsed ? 0 : rows.rowCount * this.rowHeight)
  }
}
