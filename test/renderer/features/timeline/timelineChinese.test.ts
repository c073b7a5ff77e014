import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import TimelineChart from '../../../../src/renderer/features/timelineChart/TimelineChart.vue'
import TimelineFacets from '../../../../src/renderer/features/timeline/TimelineFacets.vue'
import { axisTickLabel, describeItem, itemKindLabel, itemLabel } from '../../../../src/renderer/features/timelineChart/timelineWords'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { describeTimelineItem, timelineEvents, timelineItemLabel } from '@shared/timeline/timelineEvents'
import { localWindowSource, TimelineLayoutModel } from '@shared/timeline/timelineWindow'
import { aLaw, anIncident, aResponse } from '../../../builders/domain'

const incident = anIncident({ title: 'UC Browser leak', occurredOn: '2015-05', jurisdictionIds: ['IN'] })
const review = aResponse({ title: 'MeitY review', kind: 'review', datedOn: '2015-06-10', incidentIds: [incident.id] })
const content = timelineEvents({ incidents: [incident], responses: [review], laws: [] }, { today: '2026-01-01' })

async function mountChart(grouping: 'jurisdiction' | 'type', pxPerDay = 4) {
  const model = new TimelineLayoutModel(content, { grouping, laneOrder: [] }, { jurisdictionName: (id) => ({ IN: 'India' })[id] })
  const wrapper = mount(TimelineChart, {
    props: {
      source: localWindowSource(model),
      scale: { startDay: dayNumberOf('2015-04-01'), pxPerDay },
      width: 800,
      collapsedLaneKeys: [],
      todayDay: dayNumberOf('2026-01-01'),
      label: '时间线'
    },
    global: { stubs: { RouterLink: true } },
    attachTo: document.body
  })
  await vi.waitFor(() => expect((wrapper.vm as unknown as { rowsSettled: boolean }).rowsSettled).toBe(true))
  return wrapper
}

afterEach(() => {
  setLocale('en')
})

describe('the timeline in Chinese', () => {
  it('writes the axis in Chinese months and the lane buttons and summaries in Chinese', async () => {
    setLocale('zh-CN')
    const wrapper = await mountChart('type')

    const ticks = wrapper.findAll('svg.timeline-axis text').map((text) => text.text())
    expect(ticks).toContain('2015年5月')
    expect(wrapper.findAll('.timeline-lane text').map((text) => text.text())).toEqual(['事件 · 2个条目', '应对 · 1个条目'])
    expect(wrapper.findAll('.timeline-lane-control button').map((button) => button.attributes('aria-label'))).toContain('下移 事件')
    wrapper.unmount()
  })

  it('names each event with its kind and its date in Chinese, the record title as it is', async () => {
    setLocale('zh-CN')
    const wrapper = await mountChart('jurisdiction')

    const labels = wrapper.findAll('g.timeline-item').map((item) => item.attributes('aria-label'))
    expect(labels).toContain('事件发生：UC Browser leak — 2015年5月')
    expect(labels).toContain('审查：MeitY review — 2015年6月10日')
    wrapper.unmount()
  })

  it('writes years and decades on the axis in Chinese by the tick’s unit, and keeps English ticks as they were', () => {
    const tick = { day: dayNumberOf('2018-01-01'), unit: 'year', label: '2018' } as const
    const decade = { day: dayNumberOf('2010-01-01'), unit: 'decade', label: '2010s' } as const
    expect([axisTickLabel(tick), axisTickLabel(decade)]).toEqual(['2018', '2010s'])
    setLocale('zh-CN')
    expect(axisTickLabel(tick)).toBe('2018年')
    expect(axisTickLabel(decade)).toBe('2010年代')
    expect(axisTickLabel({ day: dayNumberOf('2018-03-01'), unit: 'month', label: 'Mar 2018' })).toBe('2018年3月')
    expect(axisTickLabel({ day: dayNumberOf('2018-03-07'), unit: 'day', label: '7 Mar' })).toBe('3月7日')
  })

  it('names a response by its kind’s code, a proposed one as proposed, and a range by its dates, in each language', () => {
    const law = aLaw({ title: 'Cybersecurity Law', jurisdictionId: 'CN', inForceOn: '2017-06-01', repealedOn: undefined })
    const repealed = aLaw({ title: 'Old Rules', jurisdictionId: 'CN', inForceOn: '2010-01', repealedOn: '2016-11-07' })
    const fine = aResponse({ title: 'CAC fine', kind: 'fine', stage: 'proposed', datedOn: '2018-02', incidentIds: [incident.id] })
    const { items } = timelineEvents({ incidents: [incident], responses: [fine], laws: [law, repealed] }, { today: '2026-01-01' })
    const proposed = items.find((item) => item.recordId === fine.id)!
    const inForce = items.find((item) => item.recordId === law.id && item.shape === 'range')!
    const closed = items.find((item) => item.recordId === repealed.id && item.shape === 'range')!

    const english = [itemKindLabel(proposed), itemLabel(inForce), itemLabel(closed), describeItem(proposed)]
    expect(english).toEqual([proposed.kindLabel, timelineItemLabel(inForce), timelineItemLabel(closed), describeTimelineItem(proposed)])
    expect(english.slice(0, 3)).toEqual([
      'Fine (proposed)',
      'Law in force: Cybersecurity Law — 1 June 2017 – open-ended',
      'Law in force: Old Rules — January 2010 – 7 November 2016'
    ])

    setLocale('zh-CN')
    expect(itemKindLabel(proposed)).toBe('罚款（拟议）')
    expect(itemLabel(inForce)).toBe('法律施行：Cybersecurity Law — 2017年6月1日至今')
    expect(itemLabel(closed)).toBe('法律施行：Old Rules — 2010年1月至2016年11月7日')
    expect(describeItem(inForce)).toBe('法律施行：Cybersecurity Law — 2017年6月1日至今（仍在持续）')
  })

  it('titles the facets in Chinese', () => {
    setLocale('zh-CN')
    const facets = { type: [{ label: 'Incidents', count: 2, filter: 'type:incident' }], jurisdiction: [], organisation: [], category: [], year: [] }
    const wrapper = mount(TimelineFacets, { props: { facets } })

    expect(wrapper.find('summary').text()).toBe('按类型、法域、组织、类别或年份缩小范围')
    expect(wrapper.find('button.timeline-facet').attributes('aria-label')).toBe('类型：事件，2')
  })
})
