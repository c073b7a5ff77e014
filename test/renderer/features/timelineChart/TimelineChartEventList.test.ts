import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import TimelineChartEventList from '../../../../src/renderer/features/timelineChart/TimelineChartEventList.vue'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes } from '@shared/timeline/timelineLanes'
import { packTimeline, placeInView } from '@shared/timeline/timelineLayout'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { anIncident, aResponse } from '../../../builders/domain'

const incident = anIncident({ title: 'UC Browser leak', occurredOn: '2015-05', jurisdictionIds: ['IN', 'CN'] })
const review = aResponse({ title: 'MeitY review', kind: 'review', datedOn: '2015-06-10', incidentIds: [incident.id] })
const content = timelineEvents({ incidents: [incident], responses: [review], laws: [] }, { today: '2026-01-01' })
const { lanes, laneCountByKey } = assignLanes(content.items, 'jurisdiction')
const packed = packTimeline(lanes, 4)
const itemsAt = (startDay: number) => placeInView(packed, content.links, { startDay, pxPerDay: 4 }, { width: 800, top: 0, height: 600 }).items

const Empty = { render: () => null }
const router = createRouter({
  history: createMemoryHistory(),
  routes: [{ path: '/', component: Empty }, ...RECORD_TYPES.map((type) => ({ path: `/${type}/:id`, name: type, component: Empty }))]
})

// The list's scrolled part is 14rem high; the test DOM lays nothing out.
beforeEach(() => void vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(224))
afterEach(() => vi.restoreAllMocks())

/** Opens the list as a person does (it is built only while open). */
async function open(wrapper: { get(selector: string): { element: Element; trigger(event: string): Promise<void> } }): Promise<void> {
  const details = wrapper.get('details')
  ;(details.element as HTMLDetailsElement).open = true
  await details.trigger('toggle')
  await nextTick()
}

describe('TimelineChartEventList', () => {
  it('lists each event in view once, in date order, linked to its record and saying how many lanes show it', async () => {
    const wrapper = mount(TimelineChartEventList, { props: { items: itemsAt(dayNumberOf('2015-04-01')), laneCountByKey }, global: { plugins: [router] } })
    await router.isReady()
    expect(wrapper.findAll('li')).toHaveLength(0)
    await open(wrapper)

    const entries = wrapper.findAll('li')

    expect(entries.map((entry) => entry.text())).toEqual([
      'Incident occurred: UC Browser leak — May 2015 (in 2 lanes)',
      'Matter open: UC Browser leak — 10 June 2015 – open-ended (still running) (in 2 lanes)',
      'Review: MeitY review — 10 June 2015 (in 2 lanes)'
    ])
    expect(entries[2]?.get('a').attributes('href')).toBe(`/response/${review.id}`)
    expect(entries.map((entry) => [entry.attributes('aria-posinset'), entry.attributes('aria-setsize')])).toEqual([
      ['1', '3'],
      ['2', '3'],
      ['3', '3']
    ])
    expect(wrapper.get('summary').text()).toBe('The 3 items in view, as a list')
  })

  it('keeps its entries while a pan leaves the same events in view, and follows the view when they change', async () => {
    const wrapper = mount(TimelineChartEventList, { props: { items: itemsAt(dayNumberOf('2015-04-01')), laneCountByKey }, global: { plugins: [router] } })
    await open(wrapper)
    const linkBefore = wrapper.findAll('a')[0]?.element

    await wrapper.setProps({ items: itemsAt(dayNumberOf('2015-04-02')) })
    const linkAfterPan = wrapper.findAll('a')[0]?.element
    await wrapper.setProps({ items: itemsAt(dayNumberOf('2015-06-05')) })

    expect(linkAfterPan).toBe(linkBefore)
    expect(wrapper.findAll('li').map((entry) => entry.text().split(' — ')[0])).toEqual(['Matter open: UC Browser leak', 'Review: MeitY review'])
  })
})

describe('TimelineChartEventList with many events in view', () => {
  it('puts only the entries near the scrolled part in the page, each saying its place among all', async () => {
    const many = timelineEvents(
      {
        incidents: Array.from({ length: 400 }, (_, index) => anIncident({ title: `Event ${index}`, occurredOn: '2015-05-01', jurisdictionIds: ['IN'] })),
        responses: [],
        laws: []
      },
      { today: '2026-01-01' }
    )
    const grouped = assignLanes(many.items, 'jurisdiction')
    const placed = grouped.lanes[0]!.items.map((item, index) => ({ item, laneKey: grouped.lanes[0]!.key, row: index, x: 0, y: 0, width: 8, markerWidth: 8 }))
    const wrapper = mount(TimelineChartEventList, { props: { items: placed, laneCountByKey: grouped.laneCountByKey }, global: { plugins: [router] } })
    await open(wrapper)

    const entries = wrapper.findAll('li')

    expect(wrapper.get('summary').text()).toBe(`The ${placed.length} items in view, as a list`)
    expect(entries.length).toBeGreaterThan(0)
    expect(entries.length).toBeLessThan(40)
    expect(entries[0]?.attributes('aria-setsize')).toBe(String(placed.length))
  })
})
