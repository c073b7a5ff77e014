import type { PackedLane, PackedTimeline } from './timelineLayout'

/** Heights the lanes are drawn at (as `placeInView` stacks them). */
export interface LaneHeights {
  readonly laneHeaderHeight: number
  readonly rowHeight: number
}

function laneHeight(lane: PackedLane, heights: LaneHeights): number {
  return heights.laneHeaderHeight + (lane.isCollapsed ? 0 : lane.rowCount * heights.rowHeight)
}

function laneTop(packed: PackedTimeline, key: string, heights: LaneHeights): number | undefined {
  let y = 0
  for (const lane of packed.lanes) {
    if (lane.key === key) return y
    y += laneHeight(lane, heights)
  }
  return undefined
}

/**
 * The scroll position that keeps the lane at the top of the view where it was on screen when the
 * rows change from `previous` to `next`: lanes above it that grow or shrink (packed again at the
 * view's zoom once a gesture settles, or at a zoom across a level) then do not push what is being
 * read out of view. Unchanged when that lane is gone.
 */
export function anchoredScrollTop(previous: PackedTimeline, next: PackedTimeline, scrollTop: number, heights: LaneHeights): number {
  let y = 0
  for (const lane of previous.lanes) {
    const height = laneHeight(lane, heights)
    if (y + height > scrollTop) {
      const top = laneTop(next, lane.key, heights)
      return top === undefined ? scrollTop : Math.max(0, scrollTop + top - y)
    }
    y += height
  }
  return scrollTop
}
