import { describe, expect, it } from 'vitest'
import { selectIncidentsForChart, selectResponsesForChart, type ChartVocabulary } from '@shared/analytics/chartFilter'
import { parseQuery } from '@shared/search/queryLanguage'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/sharedDomain'

const incidents = [
  anIncident({
    id: 'inc-cn',
    title: 'CN',
    occurredOn: '2018-01-03',
    jurisdictionIds: ['CN'],
    categories: ['consent-dark-pattern'],
    organisations: [{ organisationId: 'org-pay', role: 'operator' }]
  }),
  anIncident({ id: 'inc-zj', title: 'Zhejiang', occurredOn: '2019', jurisdictionIds: ['CN-ZJ'], categories: ['breach'] }),
  anIncident({ id: 'inc-in', title: 'IN', occurredOn: '2015-05', jurisdictionIds: ['IN'], categories: ['undisclosed-transmission'] })
]
const vocabulary: ChartVocabulary = {
  jurisdictions: [
    aJurisdiction({ id: 'CN', code: 'CN', name: 'China', nameZh: '中国' }),
    aJurisdiction({ id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang', parentId: 'CN' }),
    aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })
  ],
  organisations: [
    anOrganisation({ id: 'org-group', name: 'Group', kind: 'company' }),
    anOrganisation({ id: 'org-pay', name: 'Pay', links: [{ relation: 'parent', organisationId: 'org-group' }] }),
    anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
  ],
  incidents
}
const ids = (selection: { readonly records: readonly { readonly id: string }[] }) => selection.records.map((record) => record.id)
const incidentIdsFor = (query: string) => ids(selectIncidentsForChart(incidents, parseQuery(query), vocabulary))

describe('selectIncidentsForChart', () => {
  it('keeps every incident for an empty query', () => {
    expect(incidentIdsFor('')).toEqual(['inc-cn', 'inc-zj', 'inc-in'])
  })

  it('filters by jurisdiction code, a country including its subdivisions', () => {
    expect(incidentIdsFor('jurisdiction:CN')).toEqual(['inc-cn', 'inc-zj'])
  })

  it('filters by jurisdiction name from the start of a word, so "in" is India, not China', () => {
    expect(incidentIdsFor('jurisdiction:in')).toEqual(['inc-in'])
  })

  it('filters by the year the incident is counted in', () => {
    expect(incidentIdsFor('year:2015..2018')).toEqual(['inc-cn', 'inc-in'])
  })

  it('filters by category slug or label', () => {
    expect([incidentIdsFor('category:breach'), incidentIdsFor('category:"consent dark pattern"')]).toEqual([['inc-zj'], ['inc-cn']])
  })

  it('filters by an organisation with everything under it', () => {
    expect(incidentIdsFor('org:group')).toEqual(['inc-cn'])
  })

  it('excludes with a minus', () => {
    expect(incidentIdsFor('-jurisdiction:CN')).toEqual(['inc-in'])
  })

  it('counts nothing when the type filter names another record type', () => {
    expect(incidentIdsFor('type:law')).toEqual([])
  })

  it('says that free words were ignored', () => {
    const selection = selectIncidentsForChart(incidents, parseQuery('alipay'), vocabulary)

    expect(selection.ignored).toEqual([{ key: 'charts.ignored.words' }])
    expect(selectIncidentsForChart(incidents, parseQuery('kind:fine type:law'), vocabulary).ignored).toEqual([{ key: 'charts.ignored.noIncidentType' }])
    expect(selectIncidentsForChart(incidents, parseQuery('kind:fine'), vocabulary).ignored).toEqual([
      { key: 'charts.ignored.notForIncidents', values: { field: 'kind' } }
    ])
  })
})

describe('selectResponsesForChart', () => {
  const responses = [
    aResponse({ id: 'resp-block', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', incidentIds: ['inc-in'] }),
    aResponse({ id: 'resp-summons', kind: 'summons', actorId: 'org-cac', datedOn: '2018-01-06', incidentIds: ['inc-cn'], targetOrganisationIds: ['org-pay'] })
  ]
  const responseIdsFor = (query: string) => ids(selectResponsesForChart(responses, parseQuery(query), vocabulary))

  it('filters by kind', () => {
    expect(responseIdsFor('kind:block-or-ban')).toEqual(['resp-block'])
  })

  it('filters by the jurisdiction of the incidents answered', () => {
    expect(responseIdsFor('jurisdiction:china')).toEqual(['resp-summons'])
  })

  it('filters by the category of the incidents answered', () => {
    expect(responseIdsFor('category:undisclosed-transmission')).toEqual(['resp-block'])
  })

  it('filters by the year of the response', () => {
    expect(responseIdsFor('year:2020')).toEqual(['resp-block'])
  })

  it('filters by actor or target, an organisation covering everything under it', () => {
    expect(responseIdsFor('org:group')).toEqual(['resp-summons'])
  })
})
