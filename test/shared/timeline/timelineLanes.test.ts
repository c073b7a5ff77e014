import { describe, expect, it } from 'vitest'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { assignLanes, moveLane, orderLanes } from '@shared/timeline/timelineLanes'
import { anIncident, aLaw } from '../../builders/domain'

const itemsOf = (...incidents: ReturnType<typeof anIncident>[]) => timelineEvents({ incidents, responses: [], laws: [] }, { today: '2026-01-01' }).items

describe('assignLanes', () => {
  it('puts each jurisdiction in its own lane, named by the lookup', () => {
    const items = itemsOf(anIncident({ jurisdictionIds: ['CN'] }), anIncident({ jurisdictionIds: ['IN'] }))
    const names: Record<string, string> = { CN: 'China', IN: 'India' }

    const { lanes } = assignLanes(items, 'jurisdiction', { jurisdictionName: (id) => names[id] })

    expect(lanes.map((lane) => lane.label)).toEqual(['China', 'India'])
  })

  it('shows an event that belongs to several groups in each of their lanes, under the same key', () => {
    const incident = anIncident({
      organisations: [
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-ant-financial', role: 'parent' }
      ]
    })

    const { lanes, laneCountByKey } = assignLanes(itemsOf(incident), 'organisation')

    expect(lanes.map((lane) => lane.items[0]?.key)).toEqual([`${incident.id}:incident-occurred`, `${incident.id}:incident-occurred`])
    expect(laneCountByKey.get(`${incident.id}:incident-occurred`)).toBe(2)
  })

  it('gathers items with no group in a "No …" lane that comes last', () => {
    const items = itemsOf(anIncident({ jurisdictionIds: [] }), anIncident({ jurisdictionIds: ['ZW'] }))

    const { lanes } = assignLanes(items, 'jurisdiction')

    expect(lanes.map((lane) => lane.label)).toEqual(['ZW', 'No jurisdiction'])
  })

  it('groups by record type with the plural type name', () => {
    const items = timelineEvents({ incidents: [anIncident()], responses: [], laws: [aLaw()] }, { today: '2026-01-01' }).items

    const { lanes } = assignLanes(items, 'type')

    expect(lanes.map((lane) => lane.label)).toEqual(['Incidents', 'Laws'])
  })

  it('groups by category with the category name', () => {
    const { lanes } = assignLanes(itemsOf(anIncident({ categories: ['consent-dark-pattern'] })), 'category')

    expect(lanes.map((lane) => lane.label)).toEqual(['Consent dark pattern'])
  })
})

describe('orderLanes', () => {
  it('puts the lanes a person moved first, in their order, and keeps the rest after them', () => {
    const lanes = [{ key: 'a' }, { key: 'b' }, { key: 'c' }]

    expect(orderLanes(lanes, ['c', 'a']).map((lane) => lane.key)).toEqual(['c', 'a', 'b'])
  })
})

describe('moveLane', () => {
  it('moves a lane one place up', () => {
    expect(moveLane(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b'])
  })

  it('leaves the first lane where it is when moved up', () => {
    expect(moveLane(['a', 'b'], 'a', -1)).toEqual(['a', 'b'])
  })
})
