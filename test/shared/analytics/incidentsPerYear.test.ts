import { describe, expect, it } from 'vitest'
import { countedYearOf, incidentsPerYear, UNGROUPED } from '@shared/analytics/incidentsPerYear'
import { toPartialDate } from '@shared/domain/partialDate'
import { anIncident } from '../../builders/sharedDomain'

const dated = (id: string, occurredOn: string, jurisdictionIds: string[] = ['CN'], categories: string[] = []) =>
  anIncident({ id, title: id, occurredOn, jurisdictionIds, categories: categories as never })

describe('countedYearOf', () => {
  it('counts an incident known only to the year in that year', () => {
    expect(countedYearOf({ occurredOn: toPartialDate('2015') })).toBe(2015)
  })

  it('counts an incident known to the month in that month’s year', () => {
    expect(countedYearOf({ occurredOn: toPartialDate('2015-05') })).toBe(2015)
  })

  it('counts a range spanning years in its first year', () => {
    expect(countedYearOf({ occurredOn: toPartialDate('2017-11/2019-02') })).toBe(2017)
  })

  it('counts an approximate year in that year', () => {
    expect(countedYearOf({ occurredOn: toPartialDate('2016~') })).toBe(2016)
  })

  it('falls back to the disclosure date when the occurrence is unknown', () => {
    expect(countedYearOf({ disclosedOn: toPartialDate('2019-03') })).toBe(2019)
  })

  it('gives no year to an incident with no date', () => {
    expect(countedYearOf({})).toBeUndefined()
  })
})

describe('incidentsPerYear', () => {
  it('counts incidents per year and jurisdiction', () => {
    const chart = incidentsPerYear([dated('a', '2018-01-03', ['CN']), dated('b', '2018', ['CN']), dated('c', '2015-05', ['IN'])], 'jurisdiction')

    expect(chart.counts.map((cell) => [cell.year, cell.group, cell.count])).toEqual([
      [2015, 'IN', 1],
      [2018, 'CN', 2]
    ])
  })

  it('spans every year from the first to the last, quiet years included', () => {
    const chart = incidentsPerYear([dated('a', '2015'), dated('b', '2018')], 'jurisdiction')

    expect(chart.years).toEqual([2015, 2016, 2017, 2018])
  })

  it('counts an incident in two jurisdictions once in each, but once in the year’s total', () => {
    const chart = incidentsPerYear([dated('a', '2018', ['CN', 'IN'])], 'jurisdiction')

    expect([chart.counts.map((cell) => cell.group), chart.totalsByYear]).toEqual([['CN', 'IN'], [{ year: 2018, count: 1 }]])
  })

  it('groups by category when asked', () => {
    const chart = incidentsPerYear([dated('a', '2018', ['CN'], ['breach', 'profiling'])], 'category')

    expect(chart.groups).toEqual(['breach', 'profiling'])
  })

  it('puts an incident with no jurisdiction in the ungrouped group', () => {
    const chart = incidentsPerYear([dated('a', '2018', [])], 'jurisdiction')

    expect(chart.groups).toEqual([UNGROUPED])
  })

  it('orders groups by their totals, largest first', () => {
    const chart = incidentsPerYear([dated('a', '2018', ['IN']), dated('b', '2019', ['CN']), dated('c', '2020', ['CN'])], 'jurisdiction')

    expect(chart.groups).toEqual(['CN', 'IN'])
  })

  it('keeps undated incidents apart instead of dropping them', () => {
    const chart = incidentsPerYear([anIncident({ id: 'undated', title: 'Undated', jurisdictionIds: ['CN'] })], 'jurisdiction')

    expect([chart.undatedIncidentIds, chart.counts]).toEqual([['undated'], []])
  })

  it('names the incidents behind each count, for clicking through', () => {
    const chart = incidentsPerYear([dated('a', '2018'), dated('b', '2018')], 'jurisdiction')

    expect(chart.counts[0]?.incidentIds).toEqual(['a', 'b'])
  })

  it('gives an empty axis when there is nothing to count', () => {
    expect(incidentsPerYear([], 'category').years).toEqual([])
  })
})
