import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import TimelineChart from '../../../../src/renderer/features/timeline/TimelineChart.vue'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { packingZoom, packTimeline } from '@shared/timeline/timelineLayout'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { anIncident, aResponse } from '../../../builders/domain'

const incident = anIncident({ title: 'UC Browser leak', occurredOn: '2015-05', jurisdictionIds: ['IN'] })
const review = aResponse({ title: 'MeitY review', kind: 'review', datedOn: '2015-06-10', incidentIds: [incident.id] })
const later = anIncident({ title: 'Far in the future', occurredOn: '2030', jurisdictionIds: ['CN'] })
const content = timelineEvents({ incidents: [incident, later], responses: [review], laws: [] }, { today: '2026-01-01' })
const { lanes, laneCountByKey } = assignLanes(content.items, 'jurisdiction', { jurisdictionName: (id) => ({ CN: 'China', IN: 'India' })[id] })

function mountChart(collapsedLaneKeys: string[] = []) {
  return mount(TimelineChart, {
    props: {
      lanes,
      links: content.links,
      laneCountByKey,
      scale: { startDay: dayNumberOf('2015-04-01'), pxPerDay: 4 },
      width: 800,
      collapsedLaneKeys,
      todayDay: dayNumberOf('2026-01-01'),
      label: 'Timeline of 3 items'
    },
    global: { stubs: { RouterLink: true } },
    attachTo: document.body
  })
}

const itemLabelled = (wrapper: ReturnType<typeof mountChart>, start: string) =>
  wrapper.findAll('g.timeline-item').find((element) => element.attributes('data-label')?.startsWith(start))

describe('TimelineChart', () => {
  it('draws a month-precision event as wide as the month at the current zoom', () => {
    const wrapper = mountChart()

    const marker = itemLabelled(wrapper, 'UC Browser leak — May 2015')?.get('rect.timeline-item-marker')

    expect(Number(marker?.attributes('width'))).toBe(31 * 4)
  })

  it('names each event with its kind and its date at its precision', () => {
    const wrapper = mountChart()

    expect(itemLabelled(wrapper, 'UC Browser leak')?.attributes('aria-label')).toBe('Incident occurred: UC Browser leak — May 2015')
  })

  it('draws only what is in view', () => {
    const wrapper = mountChart()

    expect(itemLabelled(wrapper, 'Far in the future')).toBeUndefined()
  })

  it('links the incident to its response', () => {
    const wrapper = mountChart()

    expect(wrapper.findAll('.timeline-links path')).toHaveLength(1)
  })

  it('asks to open the record when Enter is pressed on an event', async () => {
    const wrapper = mountChart()

    await itemLabelled(wrapper, 'MeitY review')?.trigger('keydown', { key: 'Enter' })

    expect(wrapper.emitted('open')?.[0]?.[0]).toMatchObject({ recordId: review.id })
  })

  it('shows a summary while an event has focus', async () => {
    const wrapper = mountChart()

    await itemLabelled(wrapper, 'MeitY review')?.trigger('focus')

    expect(wrapper.get('[role="tooltip"]').text()).toContain('Review: MeitY review — 10 June 2015')
  })

  it('asks to collapse a lane and to move it, from buttons named after the lane', async () => {
    const wrapper = mountChart()

    await wrapper.get('button[aria-label="Collapse India"]').trigger('click')
    await wrapper.get('button[aria-label="Move India up"]').trigger('click')

    expect(wrapper.emitted('toggle-lane')).toEqual([['jurisdiction:IN']])
    expect(wrapper.emitted('move-lane')).toEqual([['jurisdiction:IN', -1]])
  })

  it('draws nothing of a collapsed lane but its header, and says so', () => {
    const wrapper = mountChart(['jurisdiction:IN'])

    expect(itemLabelled(wrapper, 'UC Browser leak')).toBeUndefined()
    expect(wrapper.get('g.timeline-lane[data-lane-key="jurisdiction:IN"]').text()).toContain('(collapsed)')
  })

  it('zooms about the pointer with Ctrl and the wheel', async () => {
    const wrapper = mountChart()

    await wrapper.get('svg.timeline-canvas').trigger('wheel', { ctrlKey: true, deltaY: -100, clientX: 0 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    const scale = wrapper.emitted('update:scale')?.[0]?.[0] as { startDay: number; pxPerDay: number } | undefined
    expect(scale?.pxPerDay).toBeCloseTo(4 * Math.exp(0.2), 9)
  })

  it('zooms in when two pointers move apart (pinch)', async () => {
    const wrapper = mountChart()
    const canvas = wrapper.get('svg.timeline-canvas')

    await canvas.trigger('pointerdown', { button: 0, pointerId: 1, clientX: 100 })
    await canvas.trigger('pointerdown', { button: 0, pointerId: 2, clientX: 200 })
    await canvas.trigger('pointermove', { pointerId: 2, clientX: 300 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    const scale = wrapper.emitted('update:scale')?.[0]?.[0] as { startDay: number; pxPerDay: number } | undefined
    expect(scale?.pxPerDay).toBeCloseTo(8, 9)
  })

  it('asks for a new scale when the view is dragged', async () => {
    const wrapper = mountChart()
    const canvas = wrapper.get('svg.timeline-canvas')

    await canvas.trigger('pointerdown', { button: 0, pointerId: 1, clientX: 100 })
    await canvas.trigger('pointermove', { pointerId: 1, clientX: 140 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    expect(wrapper.emitted('update:scale')?.[0]?.[0]).toEqual({ startDay: dayNumberOf('2015-04-01') - 10, pxPerDay: 4 })
  })
})

describe('TimelineChart with many lanes', () => {
  it('keeps the lane at the top of the view in place when the lanes above it are packed again after a zoom', async () => {
    vi.useFakeTimers()
    try {
      const many = timelineEvents(syntheticTimelineRecords(3_000), { today: '2026-01-01' })
      const grouped = assignLanes(many.items, 'jurisdiction')
      const scale = { startDay: dayNumberOf('2000-01-01'), pxPerDay: 0.1 }
      const wrapper = mount(TimelineChart, {
        props: { lanes: grouped.lanes, links: many.links, laneCountByKey: grouped.laneCountByKey, scale, width: 1000, collapsedLaneKeys: [], todayDay: dayNumberOf('2026-01-01'), label: 'Timeline' },
        global: { stubs: { RouterLink: true } },
        attachTo: document.body
      })
      const chart = wrapper.vm as unknown as { layout: { lanes: readonly { key: string; y: number }[] } }
      const laneAtTop = chart.layout.lanes[5] as { key: string; y: number }
      const scroller = wrapper.get('.timeline-scroller').element as HTMLElement
      scroller.scrollTop = laneAtTop.y + 10
      await wrapper.get('.timeline-scroller').trigger('scroll')
      const offsetOnScreen = () => (chart.layout.lanes.find((lane) => lane.key === laneAtTop.key)?.y ?? Number.NaN) - scroller.scrollTop

      await wrapper.setProps({ scale: { ...scale, pxPerDay: 0.4 } })
      await vi.advanceTimersByTimeAsync(1_000)

      expect((wrapper.vm as unknown as { rowsSettled: boolean }).rowsSettled).toBe(true)
      expect(chart.layout.lanes.slice(0, 5).map((lane) => lane.y)).not.toEqual(laneYsAt(grouped.lanes, 0.1).slice(0, 5))
      expect(offsetOnScreen()).toBe(-10)
    } finally {
      vi.useRealTimers()
    }
  })
})

function laneYsAt(lanes: Parameters<typeof packTimeline>[0], pxPerDay: number): number[] {
  let y = 0
  return packTimeline(lanes, packingZoom(pxPerDay)).lanes.map((lane) => {
    const top = y
    y += 28 + lane.rowCount * 24
    return top
  })
}
