import { assertNever } from '../lib/assertNever'
import { incidentKeyDate, type Incident } from '../domain/incident'
import { earliestDay } from '../domain/partialDate'
import { compareNames } from '../domain/nameOrder'

/** What the bars of the incidents-per-year chart are split by. */
export type IncidentGrouping = 'jurisdiction' | 'category'

/** The group of an incident that records no jurisdiction (or no category). */
export const UNGROUPED = '(none)'

/** How many incidents of one group fall in one year, and which. */
export interface YearGroupCount {
  readonly year: number
  readonly group: string
  readonly count: number
  readonly incidentIds: readonly string[]
}

export interface IncidentsPerYear {
  /** Every year from the first to the last counted, gaps included, so the axis is honest about quiet years. */
  readonly years: readonly number[]
  /** Groups in order of their totals (largest first), then by key. */
  readonly groups: readonly string[]
  /** Only non-zero counts, by year then group order. */
  readonly counts: readonly YearGroupCount[]
  /** Distinct incidents per year (an incident in two groups counts once here). */
  readonly totalsByYear: readonly { readonly year: number; readonly count: number }[]
  /** Incidents with no date at all: counted nowhere on the axis, but not hidden. */
  readonly undatedIncidentIds: readonly string[]
}

/**
 * The year an incident is counted in: the year of the first day its key date (occurred, else
 * disclosed, else reported) can mean. An incident known only to the year or month counts in that
 * year; a range spanning years ("2017/2019") counts once, in its first year; "c. 2017" counts in
 * 2017. Undefined when the incident has no date.
 */
export function countedYearOf(incident: Pick<Incident, 'occurredOn' | 'disclosedOn' | 'reportedOn'>): number | undefined {
  const date = incidentKeyDate(incident)
  return date === undefined ? undefined : Number(earliestDay(date).slice(0, 4))
}

function groupsOf(incident: Incident, by: IncidentGrouping): readonly string[] {
  switch (by) {
    case 'jurisdiction':
      return incident.jurisdictionIds.length > 0 ? incident.jurisdictionIds : [UNGROUPED]
    case 'category':
      return incident.categories.length > 0 ? incident.categories : [UNGROUPED]
    default:
      return assertNever(by)
  }
}

/**
 * Counts incidents per year, split by jurisdiction or by category. An incident in several
 * jurisdictions (or with several categories) counts once in each of its groups, so stacked bars
 * can be taller than the number of incidents; `totalsByYear` gives the distinct count.
 */
export function incidentsPerYear(incidents: readonly Incident[], by: IncidentGrouping): IncidentsPerYear {
  const cells = new Map<string, { year: number; group: string; incidentIds: string[] }>()
  const groupTotals = new Map<string, number>()
  const distinctByYear = new Map<number, number>()
  const undatedIncidentIds: string[] = []

  for (const incident of incidents) {
    const year = countedYearOf(incident)
    if (year === undefined) {
      undatedIncidentIds.push(incident.id)
      continue
    }
    distinctByYear.set(year, (distinctByYear.get(year) ?? 0) + 1)
    for (const group of new Set(groupsOf(incident, by))) {
      const key = `${year}\u0000${group}`
      const cell = cells.get(key) ?? { year, group, incidentIds: [] }
      cell.incidentIds.push(incident.id)
      cells.set(key, cell)
      groupTotals.set(group, (groupTotals.get(group) ?? 0) + 1)
    }
  }

  const groups = [...groupTotals.keys()].sort((a, b) => (groupTotals.get(b) ?? 0) - (groupTotals.get(a) ?? 0) || compareNames(a, b))
  const groupRank = new Map(groups.map((group, index) => [group, index]))
  const countedYears = [...distinctByYear.keys()]
  const years: number[] = []
  if (countedYears.length > 0) {
    for (let year = Math.min(...countedYears); year <= Math.max(...countedYears); year += 1) years.push(year)
  }
  const counts = [...cells.values()]
    .map((cell): YearGroupCount => ({ year: cell.year, group: cell.group, count: cell.incidentIds.length, incidentIds: cell.incidentIds }))
    .sort((a, b) => a.year - b.year || (groupRank.get(a.group) ?? 0) - (groupRank.get(b.group) ?? 0))

  return {
    years,
    groups,
    counts,
    totalsByYear: years.map((year) => ({ year, count: distinctByYear.get(year) ?? 0 })),
    undatedIncidentIds
  }
}
