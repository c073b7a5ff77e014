import { describe, expect, it } from 'vitest'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { timelineEvents, type TimelineContent } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { fitLabel, layoutTimeline, packingZoom, packTimeline, placeInView, type PlacedItem } from '@shared/timeline/timelineLayout'
import { layoutBenchmark } from '@shared/timeline/timelineBenchmark'
import { anIncident, aResponse } from '../../builders/domain'

const START = dayNumberOf('2015-01-01')
const VIEW = { width: 1000, top: 0, height: 1000 }

function contentOf(incidents: ReturnType<typeof anIncident>[], responses: ReturnType<typeof aResponse>[] = []): TimelineContent {
  return timelineEvents({ incidents, responses, laws: [] }, { today: '2026-01-01' })
}

function layOut(content: TimelineContent, pxPerDay = 1, options: Parameters<typeof layoutTimeline>[4] = {}) {
  const { lanes } = assignLanes(content.items, 'jurisdiction')
  return layoutTimeline(lanes, content.links, { startDay: START, pxPerDay }, VIEW, options)
}

function overlaps(a: PlacedItem, b: PlacedItem): boolean {
  return a.laneKey === b.laneKey && a.row === b.row && a.x < b.x + b.markerWidth && b.x < a.x + a.markerWidth
}

describe('layoutTimeline', () => {
  it('draws a month-precision event exactly as wide as its month', () => {
    const layout = layOut(contentOf([anIncident({ occurredOn: '2015-05', jurisdictionIds: ['IN'] })]), 2)

    expect(layout.items[0]).toMatchObject({ x: (dayNumberOf('2015-05-01') - START) * 2, width: 31 * 2 })
  })

  it('puts overlapping items in different rows', () => {
    const content = contentOf([
      anIncident({ occurredOn: '2015-05', jurisdictionIds: ['IN'] }),
      anIncident({ occurredOn: '2015-05-10', jurisdictionIds: ['IN'] })
    ])

    const rows = layOut(content).items.map((item) => item.row)

    expect(rows).toEqual([0, 1])
  })

  it('reuses a row once the earlier item and its label room have ended', () => {
    const content = contentOf([
      anIncident({ occurredOn: '2015-01-01', jurisdictionIds: ['IN'] }),
      anIncident({ occurredOn: '2015-03-01', jurisdictionIds: ['IN'] })
    ])

    const rows = layOut(content, 1, { labelWidth: () => 50 }).items.map((item) => item.row)

    expect(rows).toEqual([0, 0])
  })

  it('never overlaps two drawn items in a row, whatever the dates', () => {
    const incidents = Array.from({ length: 60 }, (_, index) =>
      anIncident({
        occurredOn: `2015-${String((index % 12) + 1).padStart(2, '0')}${index % 3 === 0 ? '' : `-${String((index % 28) + 1).padStart(2, '0')}`}`,
        jurisdictionIds: ['IN']
      })
    )

    const items = layOut(contentOf(incidents), 3).items

    expect(items.some((a, i) => items.some((b, j) => i < j && overlaps(a, b)))).toBe(false)
  })

  it('returns only the items inside the viewport', () => {
    const inside = anIncident({ occurredOn: '2015-02', jurisdictionIds: ['IN'] })
    const beyond = anIncident({ occurredOn: '2030', jurisdictionIds: ['IN'] })

    const ids = layOut(contentOf([inside, beyond])).items.map((item) => item.item.recordId)

    expect(ids).toEqual([inside.id])
  })

  it('draws nothing of a collapsed lane but its header, and still counts its items', () => {
    const content = contentOf([anIncident({ jurisdictionIds: ['IN'] })])

    const layout = layOut(content, 1, { collapsedLaneKeys: new Set(['jurisdiction:IN']) })

    expect(layout.items).toEqual([])
    expect(layout.lanes[0]).toMatchObject({ isCollapsed: true, itemCount: 1, height: 28 })
  })

  it('stacks lanes one below the other', () => {
    const content = contentOf([anIncident({ jurisdictionIds: ['CN'] }), anIncident({ jurisdictionIds: ['IN'] })])

    const [first, second] = layOut(content).lanes

    expect(second!.y).toBe(first!.y + first!.height)
  })

  it('draws a link from an incident to its response in the same lane', () => {
    const incident = anIncident({ occurredOn: '2015-02-01', jurisdictionIds: ['CN'] })
    const response = aResponse({ datedOn: '2015-03-01', incidentIds: [incident.id] })

    const [link] = layOut(contentOf([incident], [response])).links

    expect(link).toMatchObject({ laneKey: 'jurisdiction:CN', x1: 31 + 4, x2: 59 + 4 })
  })

  it('counts items beyond the row limit instead of overlapping them', () => {
    const incidents = Array.from({ length: 5 }, () => anIncident({ occurredOn: '2015-05', jurisdictionIds: ['IN'] }))

    const layout = layOut(contentOf(incidents), 1, { maxRowsPerLane: 3 })

    expect(layout.lanes[0]).toMatchObject({ rowCount: 3, hiddenCount: 2 })
  })

  it('lays out ten thousand events in well under a second', () => {
    const timings = layoutBenchmark(10_000, () => performance.now())

    expect(timings.layoutMs).toBeLessThan(1000)
  })
})

describe('packTimeline and placeInView', () => {
  it('keep rows free of overlaps at any zoom closer than the one they were packed at', () => {
    const incidents = Array.from({ length: 40 }, (_, index) =>
      anIncident({
        occurredOn: `2015-${String((index % 12) + 1).padStart(2, '0')}${index % 2 === 0 ? '' : `-${String((index % 27) + 1).padStart(2, '0')}`}`,
        jurisdictionIds: ['IN']
      })
    )
    const content = contentOf(incidents)
    const packed = packTimeline(assignLanes(content.items, 'jurisdiction').lanes, 1, { labelWidth: () => 40 })

    const items = placeInView(packed, content.links, { startDay: START, pxPerDay: 2.7 }, { width: 5000, top: 0, height: 5000 }).items

    expect(items.some((a, i) => items.some((b, j) => i < j && overlaps(a, b)))).toBe(false)
  })

  it('give the same layout as packing at the scale itself when packed at its zoom', () => {
    const content = contentOf([
      anIncident({ occurredOn: '2015-05', jurisdictionIds: ['IN'] }),
      anIncident({ occurredOn: '2015-05-10', jurisdictionIds: ['IN'] })
    ])
    const lanes = assignLanes(content.items, 'jurisdiction').lanes
    const scale = { startDay: START, pxPerDay: 2 }

    expect(placeInView(packTimeline(lanes, 2), content.links, scale, VIEW)).toEqual(layoutTimeline(lanes, content.links, scale, VIEW))
  })
})

describe('packingZoom', () => {
  it('is the power of √2 at or below the zoom', () => {
    const zooms = [1, 1.5, 3, 0.3].map(packingZoom)

    zooms.forEach((zoom, index) => expect(zoom).toBeCloseTo([1, Math.SQRT2, 2 * Math.SQRT2, 0.25][index]!, 12))
  })
})

describe('fitLabel', () => {
  it('keeps a label that fits', () => {
    expect(fitLabel('May 2015', 200)).toBe('May 2015')
  })

  it('cuts a label that does not fit and says so with an ellipsis', () => {
    expect(fitLabel('Cyberspace Administration of China summons Alipay', 60)).toMatch(/^Cybe.*…$/)
  })
})
