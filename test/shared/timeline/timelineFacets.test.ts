import { describe, expect, it } from 'vitest'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { timelineFacets, withTimelineFilter } from '@shared/timeline/timelineFacets'
import { anIncident, aResponse } from '../../builders/domain'

const alipay = anIncident({
  occurredOn: '2018-01-03',
  disclosedOn: '2018-01-04',
  jurisdictionIds: ['CN'],
  organisations: [{ organisationId: 'org-ant', role: 'parent' }],
  categories: ['consent-dark-pattern']
})
const summons = aResponse({ datedOn: '2018-01-06', incidentIds: [alipay.id], actorId: 'org-cac' })
const { items } = timelineEvents({ incidents: [alipay], responses: [summons], laws: [] }, { today: '2026-01-01' })
const lookups = { jurisdictionName: () => 'China', organisationName: (id: string) => (id === 'org-ant' ? 'Ant Financial' : 'CAC') }

describe('timelineFacets', () => {
  it('counts each record once, however many dates it has', () => {
    expect(timelineFacets(items, lookups).jurisdiction).toEqual([{ label: 'China', count: 2, filter: 'jurisdiction:CN' }])
  })

  it('narrows by organisation with its name, quoted when it has spaces', () => {
    expect(timelineFacets(items, lookups).organisation.map((entry) => entry.filter)).toEqual(['org:"Ant Financial"', 'org:CAC'])
  })

  it('offers record types, categories and years in the search language', () => {
    const facets = timelineFacets(items, lookups)

    expect([facets.type.map((entry) => entry.filter), facets.category[0]?.filter, facets.year[0]?.filter]).toEqual([
      ['type:incident', 'type:response'],
      'category:consent-dark-pattern',
      'year:2018'
    ])
  })
})

describe('withTimelineFilter', () => {
  it('adds a filter once', () => {
    expect(withTimelineFilter('alipay year:2018', 'year:2018')).toBe('alipay year:2018')
  })

  it('adds a filter after the words typed', () => {
    expect(withTimelineFilter('alipay', 'jurisdiction:CN')).toBe('alipay jurisdiction:CN')
  })
})
