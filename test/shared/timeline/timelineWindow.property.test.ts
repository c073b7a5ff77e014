import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { timelineEvents, type TimelineContent } from '@shared/timeline/timelineEvents'
import type { TimelineGrouping } from '@shared/timeline/timelineLanes'
import { packingZoom, placeInView, type PlacedItem } from '@shared/timeline/timelineLayout'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { cutWindow, placeWindow, TIMELINE_LAYOUT_OPTIONS, TimelineLayoutModel } from '@shared/timeline/timelineWindow'

const TODAY = '2026-01-01'
const contents = new Map<number, TimelineContent>()
function contentOf(count: number): TimelineContent {
  let content = contents.get(count)
  if (content === undefined) {
    content = timelineEvents(syntheticTimelineRecords(count), { today: TODAY })
    contents.set(count, content)
  }
  return content
}

const view = fc.record({
  count: fc.constantFrom(40, 300, 1_500),
  grouping: fc.constantFrom<TimelineGrouping>('jurisdiction', 'organisation', 'type', 'category'),
  // From decades on screen to a few days.
  pxPerDay: fc.double({ min: 0.02, max: 40, noNaN: true }),
  startFraction: fc.double({ min: -0.2, max: 1.2, noNaN: true }),
  top: fc.integer({ min: 0, max: 4_000 }),
  width: fc.integer({ min: 200, max: 1_400 }),
  height: fc.integer({ min: 100, max: 900 }),
  collapseEvery: fc.constantFrom(0, 2, 3)
})

function modelFor(count: number, grouping: TimelineGrouping): TimelineLayoutModel {
  return new TimelineLayoutModel(contentOf(count), { grouping, laneOrder: [] })
}

const placedKey = (placed: Pick<PlacedItem, 'laneKey' | 'item' | 'row'>): string => `${placed.laneKey}|${placed.item.key}|${placed.row}`

describe('timeline windows', () => {
  it('place exactly what placeInView places over every lane, for any view inside the window', () => {
    fc.assert(
      fc.property(view, ({ count, grouping, pxPerDay, startFraction, top, width, height, collapseEvery }) => {
        const model = modelFor(count, grouping)
        const collapsed = new Set(collapseEvery === 0 ? [] : model.lanes.filter((_, index) => index % collapseEvery === 0).map((lane) => lane.key))
        const packed = model.packedAt(packingZoom(pxPerDay), collapsed)
        const days = model.content.items.map((item) => item.startDay)
        const first = Math.min(...days)
        const last = Math.max(...days)
        const scale = { startDay: first + (last - first) * startFraction, pxPerDay }
        const viewport = { width, top, height }
        const full = placeInView(packed, model.content.links, scale, viewport, TIMELINE_LAYOUT_OPTIONS)

        const window = cutWindow(packed, model.content.links, model.laneCountByKey, scale, viewport, { x: width, y: height }, TIMELINE_LAYOUT_OPTIONS)
        const placed = placeWindow(window, scale, viewport, TIMELINE_LAYOUT_OPTIONS)

        expect(placed.items).toEqual(full.items)
        expect(placed.links).toEqual(full.links)
        expect(placed.totalHeight).toBe(full.totalHeight)
        expect(placed.laneCount).toBe(full.lanes.length)
        // Every lane box the window holds is the one placeInView stacks, and every lane on screen is held.
        for (const { index, ...box } of placed.lanes) expect(box).toEqual(full.lanes[index])
        const onScreen = full.lanes.filter((lane) => lane.y < top + height && lane.y + lane.height > top).map((lane) => lane.key)
        expect(placed.lanes.map((lane) => lane.key)).toEqual(expect.arrayContaining(onScreen))
        // A pan or scroll of less than the margin is drawn from the same window, exactly.
        const panned = { ...scale, startDay: scale.startDay + (0.9 * width) / pxPerDay }
        expect(placeWindow(window, panned, viewport, TIMELINE_LAYOUT_OPTIONS).items).toEqual(
          placeInView(packed, model.content.links, panned, viewport, TIMELINE_LAYOUT_OPTIONS).items
        )
        const scrolled = { ...viewport, top: Math.max(0, top - 0.9 * height) }
        expect(placeWindow(window, scale, scrolled, TIMELINE_LAYOUT_OPTIONS).items).toEqual(
          placeInView(packed, model.content.links, scale, scrolled, TIMELINE_LAYOUT_OPTIONS).items
        )
      }),
      { numRuns: 60 }
    )
  })

  it('tile the whole timeline: the windows that cover every day and every lane hold exactly the packed items', () => {
    const tiling = fc.record({
      count: fc.constantFrom(40, 300),
      grouping: fc.constantFrom<TimelineGrouping>('jurisdiction', 'organisation', 'type', 'category'),
      // Zoomed out far enough that a few dozen views cover every year.
      pxPerDay: fc.double({ min: 0.02, max: 0.5, noNaN: true }),
      width: fc.integer({ min: 300, max: 1_400 }),
      height: fc.integer({ min: 300, max: 900 })
    })
    fc.assert(
      fc.property(tiling, ({ count, grouping, pxPerDay, width, height }) => {
        const model = modelFor(count, grouping)
        const packed = model.packedAt(packingZoom(pxPerDay), new Set())
        const expected = packed.lanes.flatMap((lane) => lane.placed.map(({ item, row }) => placedKey({ laneKey: lane.key, item, row }))).sort()
        const first = Math.min(...model.content.items.map((item) => item.startDay))
        const last = Math.max(...model.content.items.map((item) => item.endDay))
        const union = new Set<string>()
        let totalHeight = Number.POSITIVE_INFINITY
        for (let top = 0; top < totalHeight; top += height) {
          for (let startDay = first - width / pxPerDay; startDay <= last; startDay += width / pxPerDay) {
            const window = model.window({ scale: { startDay, pxPerDay }, width, top, height, collapsedLaneKeys: [] })
            totalHeight = window.totalHeight
            for (const placed of window.items) union.add(placedKey(placed))
          }
        }
        expect([...union].sort()).toEqual(expected)
      }),
      { numRuns: 12 }
    )
  }, 30_000)

  it('keeps the lane at the top of the view in place when a zoom crosses a packing level', () => {
    const model = modelFor(1_500, 'jurisdiction')
    const before = model.window({ scale: { startDay: 0, pxPerDay: 0.1 }, width: 1000, top: 0, height: 5_000, collapsedLaneKeys: [] })
    const laneAtTop = before.lanes[5]!
    const scrollTop = laneAtTop.y + 10

    const after = model.window({
      scale: { startDay: 0, pxPerDay: 0.4 },
      width: 1000,
      top: scrollTop,
      height: 600,
      collapsedLaneKeys: [],
      previous: { pxPerDay: 0.1, top: scrollTop }
    })

    expect(after.packedAt).not.toBe(before.packedAt)
    expect(after.lanes.find((lane) => lane.key === laneAtTop.key)!.y - after.top).toBe(-10)
  })

  it("finds a record's event and the top of its lane, and lists every record once", () => {
    const model = modelFor(300, 'jurisdiction')
    const target = model.content.items[model.content.items.length - 1]!

    const location = model.locate(target.recordId, 0.5, [])!
    const window = model.window({
      scale: { startDay: location.item.startDay - 10, pxPerDay: 0.5 },
      width: 800,
      top: location.laneY,
      height: 400,
      collapsedLaneKeys: []
    })

    expect(location.item.recordId).toBe(target.recordId)
    expect(window.lanes[0]?.y).toBeLessThanOrEqual(location.laneY)
    expect(window.lanes.find((lane) => lane.key === location.laneKey)?.y).toBe(location.laneY)
    expect(model.recordIds()).toHaveLength(new Set(model.content.items.map((item) => item.recordId).concat(model.content.undatedRecordIds)).size)
  })
})
