import { UNGROUPED, type IncidentGrouping, type IncidentsPerYear, type YearGroupCount } from '@shared/analytics/incidentsPerYear'
import { RESPONSE_OUTCOMES, type KindOutcomeCount, type ResponsesByKindAndOutcome } from '@shared/analytics/responsesByKindAndOutcome'
import { INCIDENT_CATEGORIES, type IncidentCategory } from '@shared/domain/incident'
import { domainLabel, i18n } from '@renderer/i18n'
import type { ParsedQuery } from '@shared/search/queryLanguage'
import type { StackedBarData } from './stackedBarLayout'

/** The counts a bar chart needs (the ids behind each bar stay in the views worker). */
export type IncidentYearCounts = Pick<IncidentsPerYear, 'years' | 'groups'> & { readonly counts: readonly Omit<YearGroupCount, 'incidentIds'>[] }
export type ResponseKindCounts = Pick<ResponsesByKindAndOutcome, 'kinds'> & { readonly counts: readonly Omit<KindOutcomeCount, 'responseIds'>[] }

const CARRIED_INCIDENT_FIELDS = ['jurisdiction', 'org', 'category', 'status', 'tag'] as const

const filterToken = (field: string, value: string): string => `${field}:${/[\s"]/.test(value) ? `"${value.replaceAll('"', '')}"` : value}`

/**
 * The chart filter's conditions that search understands the same way, as query text, so a bar
 * opens the records it counts and not more: every field but the one the bars are split by (the
 * bar names its own group) and `year` (the bar names its own year). Free words are left out, as
 * the chart ignores them.
 */
export function carriedIncidentFilters(query: ParsedQuery, by: IncidentGrouping): string {
  const fields = CARRIED_INCIDENT_FIELDS.filter((field) => field !== by)
  return [
    ...fields.flatMap((field) => query.filters.values[field].map((value) => filterToken(field, value))),
    ...query.filters.excluded.filter(({ field }) => (fields as readonly string[]).includes(field)).map(({ field, value }) => `-${filterToken(field, value)}`)
  ].join(' ')
}

const isCategory = (group: string): group is IncidentCategory => (INCIDENT_CATEGORIES as readonly string[]).includes(group)

/** A group's name for people: "China" for CN, "Consent dark pattern" for its slug. */
export function incidentGroupLabel(group: string, by: IncidentGrouping, jurisdictionNames: ReadonlyMap<string, string>): string {
  if (group === UNGROUPED) return i18n.global.t(by === 'jurisdiction' ? 'charts.incidents.noJurisdiction' : 'charts.incidents.noCategory')
  if (by === 'category') return isCategory(group) ? domainLabel('incidentCategory', group) : group
  return jurisdictionNames.get(group) ?? group
}

/**
 * The search that lists the incidents behind one bar part: `type:incident year:2018 jurisdiction:CN`.
 * Incidents with no jurisdiction or category cannot be asked for by a filter, so their query names
 * the year only. Search counts an incident in every year its dates touch, so it may list a few
 * more than the bar (an incident that happened in 2017 and came out in 2018).
 */
export function incidentBarQuery(year: number, by: IncidentGrouping, group: string, carriedFilters = ''): string {
  const base = `type:incident year:${year}`
  return [group === UNGROUPED ? base : `${base} ${by}:${group}`, carriedFilters].filter((part) => part !== '').join(' ')
}

/** The incidents-per-year counts as a stacked bar chart: a bar per year, a part per group; `carriedFilters` is added to each part's query. */
export function incidentsPerYearBars(
  chart: IncidentYearCounts,
  by: IncidentGrouping,
  jurisdictionNames: ReadonlyMap<string, string>,
  carriedFilters = ''
): StackedBarData {
  return {
    categories: chart.years.map((year) => ({ key: String(year), label: String(year) })),
    series: chart.groups.map((group) => ({ key: group, label: incidentGroupLabel(group, by, jurisdictionNames) })),
    cells: chart.counts.map((cell) => ({
      category: String(cell.year),
      series: cell.group,
      count: cell.count,
      query: incidentBarQuery(cell.year, by, cell.group, carriedFilters)
    }))
  }
}

/**
 * The responses counts as a stacked bar chart: a bar per kind, a part per outcome. A part's query
 * lists the responses of that kind; whether each was proposed or concluding is shown on its page.
 */
export function responsesByKindBars(chart: ResponseKindCounts): StackedBarData {
  const outcomes = RESPONSE_OUTCOMES.filter((outcome) => chart.counts.some((cell) => cell.outcome === outcome))
  return {
    categories: chart.kinds.map((kind) => ({ key: kind, label: domainLabel('responseKind', kind) })),
    series: outcomes.map((outcome) => ({ key: outcome, label: domainLabel('responseOutcome', outcome) })),
    cells: chart.counts.map((cell) => ({ category: cell.kind, series: cell.outcome, count: cell.count, query: `type:response kind:${cell.kind}` }))
  }
}
