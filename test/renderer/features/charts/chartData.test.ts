import { describe, expect, it } from 'vitest'
import { incidentsPerYear, UNGROUPED } from '@shared/analytics/incidentsPerYear'
import { responsesByKindAndOutcome } from '@shared/analytics/responsesByKindAndOutcome'
import {
  carriedIncidentFilters,
  incidentBarQuery,
  incidentGroupLabel,
  incidentsPerYearBars,
  responsesByKindBars
} from '../../../../src/renderer/features/charts/chartData'
import { parseQuery } from '@shared/search/queryLanguage'
import { anIncident, aResponse } from '../../../builders/sharedDomain'

const names = new Map([['CN', 'China']])

describe('incidentBarQuery', () => {
  it('asks search for the incidents of the year and the group', () => {
    expect(incidentBarQuery(2018, 'jurisdiction', 'CN')).toBe('type:incident year:2018 jurisdiction:CN')
  })

  it('asks for the year only when the group is "none recorded"', () => {
    expect(incidentBarQuery(2018, 'category', UNGROUPED)).toBe('type:incident year:2018')
  })
})

describe('carriedIncidentFilters', () => {
  it('carries the chart filter’s fields into a bar’s query, quoting values with spaces', () => {
    expect(carriedIncidentFilters(parseQuery('org:"ant financial" category:breach -tag:minor'), 'jurisdiction')).toBe(
      'org:"ant financial" category:breach -tag:minor'
    )
  })

  it('leaves out the field the bars are split by, the year and free words', () => {
    expect(carriedIncidentFilters(parseQuery('jurisdiction:CN year:2018 alipay category:breach'), 'jurisdiction')).toBe('category:breach')
  })

  it('is added to the bar’s own query', () => {
    expect(incidentBarQuery(2018, 'jurisdiction', 'CN', 'category:breach')).toBe('type:incident year:2018 jurisdiction:CN category:breach')
  })
})

describe('incidentGroupLabel', () => {
  it('names a jurisdiction, a category and the ungrouped group in words', () => {
    expect([
      incidentGroupLabel('CN', 'jurisdiction', names),
      incidentGroupLabel('consent-dark-pattern', 'category', names),
      incidentGroupLabel(UNGROUPED, 'jurisdiction', names)
    ]).toEqual(['China', 'Consent dark pattern', 'No jurisdiction recorded'])
  })
})

describe('incidentsPerYearBars', () => {
  it('makes a bar per year, quiet years included, and a part per group', () => {
    const chart = incidentsPerYear(
      [anIncident({ id: 'a', occurredOn: '2015-05', jurisdictionIds: ['CN'] }), anIncident({ id: 'b', occurredOn: '2017', jurisdictionIds: ['CN'] })],
      'jurisdiction'
    )

    const bars = incidentsPerYearBars(chart, 'jurisdiction', names)

    expect([bars.categories.map((category) => category.label), bars.series.map((series) => series.label)]).toEqual([['2015', '2016', '2017'], ['China']])
  })
})

describe('responsesByKindBars', () => {
  it('makes a bar per kind in words, and a part only for outcomes that occur', () => {
    const chart = responsesByKindAndOutcome([aResponse({ id: 'a', kind: 'block-or-ban', stage: 'proposed' })])

    const bars = responsesByKindBars(chart)

    expect([bars.categories.map((category) => category.label), bars.series.map((series) => series.label), bars.cells[0]?.query]).toEqual([
      ['Block or ban'],
      ['Proposed or threatened'],
      'type:response kind:block-or-ban'
    ])
  })
})
