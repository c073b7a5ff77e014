import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { timelineEvents, type TimelineItem } from '@shared/timeline/timelineEvents'
import type { TimelineLane } from '@shared/timeline/timelineLanes'
import { labelRoomAt, packLane, ROW_GAP_PX, type PackedLane, type TimelineLayoutOptions } from '@shared/timeline/timelineLayout'
import { MAX_PX_PER_DAY, MIN_PX_PER_DAY } from '@shared/timeline/timelineScale'
import { anIncident } from '../../builders/domain'

const MIN_MARKER_WIDTH = 8
const LANE_HEADER_HEIGHT = 28
const ROW_HEIGHT = 24

// A real item to vary, so every field the layout does not read is still well formed.
const template = timelineEvents(
  { incidents: [anIncident({ occurredOn: '2015-05', jurisdictionIds: ['IN'] })], responses: [], laws: [] },
  { today: '2026-01-01' }
).items[0] as TimelineItem

/** Items of a lane: a start day, a length in days (0 for a one-day event drawn at the minimum width) and a label width. */
const laneItems = fc.array(
  fc.record({
    startDay: fc.integer({ min: 10_000, max: 20_000 }),
    days: fc.constantFrom(0, 1, 1, 1, 30, 31, 365, 3_000),
    labelText: fc.integer({ min: 0, max: 260 })
  }),
  { maxLength: 120 }
)

function laneOf(
  key: string,
  specs: readonly { startDay: number; days: number; labelText: number }[]
): { lane: TimelineLane; textWidth: Map<TimelineItem, number> } {
  const textWidth = new Map<TimelineItem, number>()
  const items = [...specs]
    .sort((a, b) => a.startDay - b.startDay)
    .map((spec, index) => {
      const item: TimelineItem = { ...template, key: `${key}-${index}`, startDay: spec.startDay, endDay: spec.startDay + Math.max(spec.days, 1) }
      textWidth.set(item, spec.labelText)
      return item
    })
  return { lane: { key, label: key, items }, textWidth }
}

/** The chart's label room: beside a narrow marker, inside a wide one. */
function chartOptions(textWidth: ReadonlyMap<TimelineItem, number>): TimelineLayoutOptions {
  return {
    labelWidth: (item, pxPerDay) => labelRoomAt(item, pxPerDay, textWidth.get(item) ?? 0, MIN_MARKER_WIDTH),
    laneHeaderHeight: LANE_HEADER_HEIGHT,
    rowHeight: ROW_HEIGHT
  }
}

/** Whether every item in a row ends (marker or label room, and the gap) before the next one in that row starts, drawn at `pxPerDay`. */
function rowsKeepApart(lane: PackedLane, pxPerDay: number, options: TimelineLayoutOptions): boolean {
  const lastInRow = new Map<number, TimelineItem>()
  for (const { item, row } of lane.placed) {
    const previous = lastInRow.get(row)
    if (previous !== undefined) {
      const room = Math.max((previous.endDay - previous.startDay) * pxPerDay, MIN_MARKER_WIDTH, options.labelWidth?.(previous, pxPerDay) ?? 0)
      // A millionth of a pixel absorbs rounding: the same sums at another zoom round differently.
      if (previous.startDay * pxPerDay + room + ROW_GAP_PX > item.startDay * pxPerDay + 1e-6) return false
    }
    lastInRow.set(row, item)
  }
  return true
}

const zoom = fc.double({ min: MIN_PX_PER_DAY, max: MAX_PX_PER_DAY, noNaN: true })

describe('rows packed at a zoom', () => {
  it('keep every item apart at that zoom and at every closer one, labels beside or inside the markers', () => {
    fc.assert(
      fc.property(laneItems, zoom, fc.double({ min: 1, max: 1_000, noNaN: true }), (specs, packedAt, factor) => {
        const { lane, textWidth } = laneOf('lane', specs)
        const options = chartOptions(textWidth)
        const rows = packLane(lane, packedAt, options)

        expect(rowsKeepApart(rows, packedAt, options)).toBe(true)
        expect(rowsKeepApart(rows, packedAt * factor, options)).toBe(true)
      }),
      { numRuns: 300 }
    )
  })

  it('can crowd items at a coarser zoom (which is why a zoom out needs other rows)', () => {
    const { lane, textWidth } = laneOf('lane', [
      { startDay: 10_000, days: 1, labelText: 0 },
      { startDay: 10_004, days: 1, labelText: 0 }
    ])
    const options = chartOptions(textWidth)

    const rows = packLane(lane, 4, options)

    expect(rows.placed.map((placed) => placed.row)).toEqual([0, 0])
    expect(rowsKeepApart(rows, 1, options)).toBe(false)
  })
})
