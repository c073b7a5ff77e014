import { describe, expect, it } from 'vitest'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { packingZoom, packTimeline, type TimelineLayoutOptions } from '@shared/timeline/timelineLayout'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { TimelineRowPacker } from '@shared/timeline/timelineRowPacker'

const { lanes } = assignLanes(timelineEvents(syntheticTimelineRecords(3_000), { today: '2026-01-01' }).items, 'jurisdiction')
const options: TimelineLayoutOptions = { labelWidth: () => 120 }
const COARSE = packingZoom(0.1)
const CLOSE = packingZoom(0.4)
const TOP_BAND = { top: 0, height: 400 }

const levelsOf = (rows: ReturnType<TimelineRowPacker['rowsForView']>) => rows.packed.lanes.map((lane) => lane.pxPerDay)

describe('TimelineRowPacker', () => {
  it('packs every lane at the view\'s level the first time, as packTimeline does', () => {
    const rows = new TimelineRowPacker(options).rowsForView(lanes, COARSE, TOP_BAND)

    expect(rows.pendingLaneKeys).toEqual([])
    expect(rows.packed).toEqual(packTimeline(lanes, COARSE, options))
  })

  it('on a zoom in, packs only the lanes on screen and keeps the coarser rows of the others', () => {
    const packer = new TimelineRowPacker(options)
    packer.rowsForView(lanes, COARSE, TOP_BAND)

    const rows = packer.rowsForView(lanes, CLOSE, TOP_BAND)

    expect(levelsOf(rows)[0]).toBe(CLOSE)
    expect(levelsOf(rows).slice(1)).toEqual(lanes.slice(1).map(() => COARSE))
    expect(rows.pendingLaneKeys).toEqual(lanes.slice(1).map((lane) => lane.key))
  })

  it('on a zoom out to a level never packed, packs the lanes on screen and keeps the others\' closer rows only as stand-ins', () => {
    const packer = new TimelineRowPacker(options)
    packer.rowsForView(lanes, CLOSE, TOP_BAND)

    const rows = packer.rowsForView(lanes, COARSE, TOP_BAND)

    expect(levelsOf(rows)[0]).toBe(COARSE)
    expect(levelsOf(rows).slice(1).every((level) => level === CLOSE)).toBe(true)
    expect(rows.pendingLaneKeys).toHaveLength(lanes.length - 1)
  })

  it('packs a lane when it is scrolled into view', () => {
    const packer = new TimelineRowPacker(options)
    packer.rowsForView(lanes, COARSE, TOP_BAND)
    const atTop = packer.rowsForView(lanes, CLOSE, TOP_BAND)
    const secondLaneTop = 28 + (atTop.packed.lanes[0]?.rowCount ?? 0) * 24

    const scrolled = packer.rowsForView(lanes, CLOSE, { top: secondLaneTop, height: 10 })

    expect(levelsOf(scrolled)[1]).toBe(CLOSE)
    expect(scrolled.pendingLaneKeys).not.toContain(lanes[1]?.key)
  })

  it('packs pending lanes one at a time while there is time, at least one, then gives packTimeline\'s rows', () => {
    const packer = new TimelineRowPacker(options)
    packer.rowsForView(lanes, COARSE, TOP_BAND)
    packer.rowsForView(lanes, CLOSE, TOP_BAND)
    let checks = 0

    const doneInOne = packer.packPendingLanes(lanes, CLOSE, () => (checks++ < 2 ? 1 : 0))

    expect(doneInOne).toBe(false)
    expect(packer.rowsForView(lanes, CLOSE, TOP_BAND).pendingLaneKeys).toHaveLength(lanes.length - 1 - 3)
    expect(packer.packPendingLanes(lanes, CLOSE, () => 1_000)).toBe(true)
    expect(packer.rowsForView(lanes, CLOSE, TOP_BAND)).toEqual({ packed: packTimeline(lanes, CLOSE, options), pendingLaneKeys: [] })
  })

  it('re-packs nothing when a lane is collapsed or expanded', () => {
    const packer = new TimelineRowPacker(options)
    const before = packer.rowsForView(lanes, COARSE, TOP_BAND).packed.lanes
    const firstKey = lanes[0]?.key ?? ''

    const collapsed = packer.rowsForView(lanes, COARSE, TOP_BAND, new Set([firstKey]))
    const expanded = packer.rowsForView(lanes, COARSE, TOP_BAND)

    expect(collapsed.packed.lanes[0]).toMatchObject({ key: firstKey, isCollapsed: true, rowCount: 0 })
    expect(collapsed.packed.lanes.slice(1).every((lane, index) => lane === before[index + 1])).toBe(true)
    expect(expanded.packed.lanes.every((lane, index) => lane === before[index])).toBe(true)
  })
})
