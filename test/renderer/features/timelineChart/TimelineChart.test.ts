import { describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import TimelineChart from '../../../../src/renderer/features/timelineChart/TimelineChart.vue'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { packingZoom } from '@shared/timeline/timelineLayout'
import { syntheticTimelineRecords } from '@shared/timeline/timelineBenchmark'
import { localWindowSource, TimelineLayoutModel } from '@shared/timeline/timelineWindow'
import { anIncident, aResponse } from '../../../builders/domain'

const incident = anIncident({ title: 'UC Browser leak', occurredOn: '2015-05', jurisdictionIds: ['IN'] })
const review = aResponse({ title: 'MeitY review', kind: 'review', datedOn: '2015-06-10', incidentIds: [incident.id] })
const later = anIncident({ title: 'Far in the future', occurredOn: '2030', jurisdictionIds: ['CN'] })
const content = timelineEvents({ incidents: [incident, later], responses: [review], laws: [] }, { today: '2026-01-01' })
const model = new TimelineLayoutModel(content, { grouping: 'jurisdiction', laneOrder: [] }, { jurisdictionName: (id) => ({ CN: 'China', IN: 'India' })[id] })

/** Waits until the chart has drawn the window of its view (its source answers on a later task). */
async function drawn(wrapper: { readonly vm: unknown }): Promise<void> {
  await vi.waitFor(() => expect((wrapper.vm as { rowsSettled: boolean }).rowsSettled).toBe(true))
}

async function mountChart(collapsedLaneKeys: string[] = []) {
  const wrapper = mount(TimelineChart, {
    props: {
      source: localWindowSource(model),
      scale: { startDay: dayNumberOf('2015-04-01'), pxPerDay: 4 },
      width: 800,
      collapsedLaneKeys,
      todayDay: dayNumberOf('2026-01-01'),
      label: 'Timeline of 3 items'
    },
    global: { stubs: { RouterLink: true } },
    attachTo: document.body
  })
  await drawn(wrapper)
  return wrapper
}

const itemLabelled = (wrapper: Awaited<ReturnType<typeof mountChart>>, start: string) =>
  wrapper.findAll('g.timeline-item').find((element) => element.attributes('data-label')?.startsWith(start))

describe('TimelineChart', () => {
  it('draws a month-precision event as wide as the month at the current zoom', async () => {
    const wrapper = await mountChart()

    const marker = itemLabelled(wrapper, 'UC Browser leak — May 2015')?.get('rect.timeline-item-marker')

    expect(Number(marker?.attributes('width'))).toBe(31 * 4)
  })

  it('names each event with its kind and its date at its precision', async () => {
    const wrapper = await mountChart()

    expect(itemLabelled(wrapper, 'UC Browser leak')?.attributes('aria-label')).toBe('Incident occurred: UC Browser leak — May 2015')
  })

  it('draws only what is in view', async () => {
    const wrapper = await mountChart()

    expect(itemLabelled(wrapper, 'Far in the future')).toBeUndefined()
  })

  it('links the incident to its response', async () => {
    const wrapper = await mountChart()

    expect(wrapper.findAll('.timeline-links path')).toHaveLength(1)
  })

  it('asks to open the record when Enter is pressed on an event', async () => {
    const wrapper = await mountChart()

    await itemLabelled(wrapper, 'MeitY review')?.trigger('keydown', { key: 'Enter' })

    expect(wrapper.emitted('open')?.[0]?.[0]).toMatchObject({ recordId: review.id })
  })

  it('shows a summary while an event has focus', async () => {
    const wrapper = await mountChart()

    await itemLabelled(wrapper, 'MeitY review')?.trigger('focus')

    expect(wrapper.get('[role="tooltip"]').text()).toContain('Review: MeitY review — 10 June 2015')
  })

  it('asks to collapse a lane and to move it, from buttons named after the lane', async () => {
    const wrapper = await mountChart()

    await wrapper.get('button[aria-label="Collapse India"]').trigger('click')
    await wrapper.get('button[aria-label="Move India up"]').trigger('click')

    expect(wrapper.emitted('toggle-lane')).toEqual([['jurisdiction:IN']])
    expect(wrapper.emitted('move-lane')).toEqual([['jurisdiction:IN', -1]])
  })

  it('draws nothing of a collapsed lane but its header, and says so', async () => {
    const wrapper = await mountChart(['jurisdiction:IN'])

    expect(itemLabelled(wrapper, 'UC Browser leak')).toBeUndefined()
    expect(wrapper.get('g.timeline-lane[data-lane-key="jurisdiction:IN"]').text()).toContain('(collapsed)')
  })

  it('zooms about the pointer with Ctrl and the wheel', async () => {
    const wrapper = await mountChart()

    await wrapper.get('svg.timeline-canvas').trigger('wheel', { ctrlKey: true, deltaY: -100, clientX: 0 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    const scale = wrapper.emitted('update:scale')?.[0]?.[0] as { startDay: number; pxPerDay: number } | undefined
    expect(scale?.pxPerDay).toBeCloseTo(4 * Math.exp(0.2), 9)
  })

  it('zooms in when two pointers move apart (pinch)', async () => {
    const wrapper = await mountChart()
    const canvas = wrapper.get('svg.timeline-canvas')

    await canvas.trigger('pointerdown', { button: 0, pointerId: 1, clientX: 100 })
    await canvas.trigger('pointerdown', { button: 0, pointerId: 2, clientX: 200 })
    await canvas.trigger('pointermove', { pointerId: 2, clientX: 300 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    const scale = wrapper.emitted('update:scale')?.[0]?.[0] as { startDay: number; pxPerDay: number } | undefined
    expect(scale?.pxPerDay).toBeCloseTo(8, 9)
  })

  it('asks for a new scale when the view is dragged', async () => {
    const wrapper = await mountChart()
    const canvas = wrapper.get('svg.timeline-canvas')

    await canvas.trigger('pointerdown', { button: 0, pointerId: 1, clientX: 100 })
    await canvas.trigger('pointermove', { pointerId: 1, clientX: 140 })
    await new Promise((resolve) => requestAnimationFrame(resolve))

    expect(wrapper.emitted('update:scale')?.[0]?.[0]).toEqual({ startDay: dayNumberOf('2015-04-01') - 10, pxPerDay: 4 })
  })
})

describe('TimelineChart with many lanes', () => {
  it('draws only the window around the view, and keeps the lane at the top of the view in place when a zoom packs the rows again', async () => {
    const many = timelineEvents(syntheticTimelineRecords(3_000), { today: '2026-01-01' })
    const manyModel = new TimelineLayoutModel(many, { grouping: 'jurisdiction', laneOrder: [] })
    const scale = { startDay: dayNumberOf('2000-01-01'), pxPerDay: 0.1 }
    const wrapper = mount(TimelineChart, {
      props: { source: localWindowSource(manyModel), scale, width: 1000, collapsedLaneKeys: [], todayDay: dayNumberOf('2026-01-01'), label: 'Timeline' },
      global: { stubs: { RouterLink: true } },
      attachTo: document.body
    })
    await drawn(wrapper)
    const chart = wrapper.vm as unknown as { layout: { lanes: readonly { key: string; y: number }[]; laneCount: number } }
    const scroller = wrapper.get('.timeline-scroller').element as HTMLElement
    const laneAtTop = manyModel.window({ scale, width: 1000, top: 0, height: 5_000, collapsedLaneKeys: [] }).lanes.find((lane) => lane.y > 400) as {
      key: string
      y: number
    }
    scroller.scrollTop = laneAtTop.y + 10
    await wrapper.get('.timeline-scroller').trigger('scroll')
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await drawn(wrapper)
    const offsetOnScreen = () => (chart.layout.lanes.find((lane) => lane.key === laneAtTop.key)?.y ?? Number.NaN) - scroller.scrollTop
    expect(offsetOnScreen()).toBe(-10)

    await wrapper.setProps({ scale: { ...scale, pxPerDay: 0.4 } })
    await new Promise((resolve) => requestAnimationFrame(resolve))
    await drawn(wrapper)

    expect(packingZoom(0.4)).not.toBe(packingZoom(0.1))
    expect(chart.layout.lanes.find((lane) => lane.key === laneAtTop.key)?.y).not.toBe(laneAtTop.y)
    expect(offsetOnScreen()).toBe(-10)
    // Only the lanes around the view are drawn, not all of them.
    expect(wrapper.findAll('g.timeline-lane').length).toBeLessThan(chart.layout.laneCount)
  })
})
