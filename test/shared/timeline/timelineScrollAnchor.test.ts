import { describe, expect, it } from 'vitest'
import type { PackedLane, PackedTimeline } from '@shared/timeline/timelineLayout'
import { anchoredScrollTop } from '@shared/timeline/timelineScrollAnchor'

const HEIGHTS = { laneHeaderHeight: 28, rowHeight: 24 }

function rows(...lanes: readonly (readonly [key: string, rowCount: number])[]): PackedTimeline {
  return {
    pxPerDay: 1,
    lanes: lanes.map(([key, rowCount]): PackedLane => ({
      key,
      pxPerDay: 1,
      label: key,
      isCollapsed: false,
      itemCount: 0,
      hiddenCount: 0,
      rowCount,
      placed: [],
      rowOfKey: new Map()
    }))
  }
}

describe('anchoredScrollTop', () => {
  it('moves the view by what the lanes above the one at its top grew', () => {
    // Lane b starts at 28 + 10 × 24 = 268; the view shows b from 300; lane a grows by 5 rows.
    expect(anchoredScrollTop(rows(['a', 10], ['b', 20]), rows(['a', 15], ['b', 20]), 300, HEIGHTS)).toBe(300 + 5 * 24)
  })

  it('leaves the view where it is when only the lane at its top or lanes below change', () => {
    expect(anchoredScrollTop(rows(['a', 10], ['b', 20], ['c', 3]), rows(['a', 10], ['b', 4], ['c', 9]), 300, HEIGHTS)).toBe(300)
  })

  it('leaves the view at the top when it is there', () => {
    expect(anchoredScrollTop(rows(['a', 10], ['b', 20]), rows(['a', 2], ['b', 20]), 0, HEIGHTS)).toBe(0)
  })

  it('never scrolls above the first lane, and leaves the view alone when its lane is gone', () => {
    expect(anchoredScrollTop(rows(['a', 10], ['b', 20]), rows(['a', 1], ['b', 20]), 270, HEIGHTS)).toBe(270 - 9 * 24)
    expect(anchoredScrollTop(rows(['a', 10], ['b', 20]), rows(['a', 10]), 300, HEIGHTS)).toBe(300)
  })
})
