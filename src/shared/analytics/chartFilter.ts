import { message, type Message } from '../locale/message'
import type { ParsedQuery, QueryFilters } from '../search/queryLanguage'
import { INCIDENT_CATEGORY_LABELS, type Incident } from '../domain/incident'
import { RESPONSE_KIND_LABELS, type IncidentResponse } from '../domain/incidentResponse'
import type { Jurisdiction } from '../domain/jurisdiction'
import type { Organisation } from '../domain/organisation'
import type { OrganisationId } from '../domain/ids'
import { familyUnder } from '../domain/organisationFamily'
import { earliestDay } from '../domain/partialDate'
import { foldForMatching } from '../domain/textFolding'
import { countedYearOf } from './incidentsPerYear'

/** The records filter values are matched against (jurisdictions by code or name, organisations by name or alias). */
export interface ChartVocabulary {
  readonly jurisdictions: readonly Jurisdiction[]
  readonly organisations: readonly Organisation[]
  /** Needed to filter responses by their incidents' jurisdiction, category or year. */
  readonly incidents: readonly Incident[]
}

/** Records that pass a chart's filter, and what in the query the chart could not use. */
export interface ChartSelection<T> {
  readonly records: readonly T[]
  /** Sentences (as messages) naming parts of the query that were ignored, so the chart never looks filtered when it is not. */
  readonly ignored: readonly Message[]
}

const fold = (text: string): string => foldForMatching(text).trim()

// A jurisdiction's name matches from the start of a word, as in search: "in" means India, not China.
function jurisdictionIdsMatching(value: string, jurisdictions: readonly Jurisdiction[]): Set<string> {
  const wanted = fold(value)
  const namesOf = (j: Jurisdiction): string[] => [j.id, j.code, j.alpha3, j.name, j.nameZh].filter((n): n is string => n !== undefined).map(fold)
  let matched = jurisdictions.filter((j) => namesOf(j).includes(wanted))
  if (matched.length === 0) matched = jurisdictions.filter((j) => namesOf(j).some((name) => name.startsWith(wanted) || name.includes(` ${wanted}`)))
  const ids = new Set<string>(matched.map((j) => j.id))
  // A country includes its subdivisions.
  let grew = true
  while (grew) {
    grew = false
    for (const j of jurisdictions) {
      if (j.parentId !== undefined && ids.has(j.parentId) && !ids.has(j.id)) {
        ids.add(j.id)
        grew = true
      }
    }
  }
  return ids
}

function organisationIdsMatching(value: string, organisations: readonly Organisation[]): Set<string> {
  const wanted = fold(value)
  const matched = organisations.filter((o) => [o.id, o.name, ...o.aliases.map((alias) => alias.name)].some((name) => fold(name).includes(wanted)))
  return new Set(
    matched.flatMap((o) => [o.id as string, ...familyUnder(o.id as OrganisationId, organisations).map((member) => member.organisation.id as string)])
  )
}

const slugOrLabelIs = (slug: string, label: string, value: string): boolean => fold(slug) === fold(value) || fold(label) === fold(value)

interface IncidentTests {
  readonly jurisdiction: (incident: Incident, value: string) => boolean
  readonly org: (incident: Incident, value: string) => boolean
  readonly category: (incident: Incident, value: string) => boolean
  readonly status: (incident: Incident, value: string) => boolean
  readonly tag: (incident: Incident, value: string) => boolean
}

/** Resolves each typed value once, not once per record: resolving an organisation walks its whole family. */
function memoised(resolve: (value: string) => Set<string>): (value: string) => Set<string> {
  const cache = new Map<string, Set<string>>()
  return (value) => {
    let ids = cache.get(value)
    if (ids === undefined) {
      ids = resolve(value)
      cache.set(value, ids)
    }
    return ids
  }
}

function incidentTests(vocabulary: ChartVocabulary): IncidentTests {
  const jurisdictionIds = memoised((value) => jurisdictionIdsMatching(value, vocabulary.jurisdictions))
  const organisationIds = memoised((value) => organisationIdsMatching(value, vocabulary.organisations))
  return {
    jurisdiction: (incident, value) => {
      const ids = jurisdictionIds(value)
      return incident.jurisdictionIds.some((id) => ids.has(id))
    },
    org: (incident, value) => {
      const ids = organisationIds(value)
      return incident.organisations.some((link) => ids.has(link.organisationId))
    },
    category: (incident, value) => incident.categories.some((category) => slugOrLabelIs(category, INCIDENT_CATEGORY_LABELS[category], value)),
    status: (incident, value) => fold(incident.status) === fold(value),
    tag: (incident, value) => incident.tags.some((tag) => fold(tag) === fold(value))
  }
}

function inYears(year: number | undefined, filters: QueryFilters): boolean {
  const range = filters.years
  if (range === undefined) return true
  if (year === undefined) return false
  return (range.from === undefined || year >= range.from) && (range.to === undefined || year <= range.to)
}

function ignoredWords(query: ParsedQuery): Message[] {
  return query.clauses.length > 0 || query.exclusions.length > 0 ? [message('charts.ignored.words')] : []
}

/**
 * The incidents a chart counts under a query's filters: `jurisdiction:` (code or name, a country
 * including its subdivisions), `org:` (with everything under the organisation), `category:`,
 * `status:`, `tag:` and `year:` (the year the incident is counted in, see `countedYearOf`), each
 * negatable except year. Values of one field are alternatives; fields must all hold. `type:` other
 * than incident, `kind:`, `law:` and free words are reported as ignored.
 */
export function selectIncidentsForChart(incidents: readonly Incident[], query: ParsedQuery, vocabulary: ChartVocabulary): ChartSelection<Incident> {
  const { filters } = query
  const tests = incidentTests(vocabulary)
  const ignored = ignoredWords(query)
  if (filters.types.length > 0 && !filters.types.includes('incident')) {
    return { records: [], ignored: [...ignored, message('charts.ignored.noIncidentType')] }
  }
  for (const field of ['kind', 'law'] as const) {
    if (filters.values[field].length > 0) ignored.push(message('charts.ignored.notForIncidents', { field }))
  }
  const fields = ['jurisdiction', 'org', 'category', 'status', 'tag'] as const
  const records = incidents.filter(
    (incident) =>
      inYears(countedYearOf(incident), filters) &&
      fields.every((field) => filters.values[field].length === 0 || filters.values[field].some((value) => tests[field](incident, value))) &&
      filters.excluded.every(({ field, value }) => !(field in tests) || !tests[field as keyof IncidentTests](incident, value))
  )
  return { records, ignored }
}

/**
 * The responses a chart counts under a query's filters: `kind:` (slug or label), `year:` (the year
 * of the response's date, a range counting in its first year), `org:` (actor or target, with
 * everything under the organisation), and through the incidents they answer `jurisdiction:` and
 * `category:` (a response also matches a jurisdiction when its actor is based there). Other fields
 * and free words are reported as ignored.
 */
export function selectResponsesForChart(
  responses: readonly IncidentResponse[],
  query: ParsedQuery,
  vocabulary: ChartVocabulary
): ChartSelection<IncidentResponse> {
  const { filters } = query
  const ignored = ignoredWords(query)
  if (filters.types.length > 0 && !filters.types.includes('response')) {
    return { records: [], ignored: [...ignored, message('charts.ignored.noResponseType')] }
  }
  for (const field of ['law', 'status', 'tag'] as const) {
    if (filters.values[field].length > 0) ignored.push(message('charts.ignored.notForResponses', { field }))
  }
  const incidentsById = new Map(vocabulary.incidents.map((incident) => [incident.id as string, incident]))
  const headquartersOf = new Map(vocabulary.organisations.map((o) => [o.id as string, o.headquartersJurisdictionId as string | undefined]))
  const incidentTest = incidentTests(vocabulary)
  const jurisdictionIds = memoised((value) => jurisdictionIdsMatching(value, vocabulary.jurisdictions))
  const organisationIds = memoised((value) => organisationIdsMatching(value, vocabulary.organisations))
  const incidentsOf = (response: IncidentResponse): Incident[] => response.incidentIds.flatMap((id) => incidentsById.get(id) ?? [])
  const tests: Record<'kind' | 'org' | 'jurisdiction' | 'category', (response: IncidentResponse, value: string) => boolean> = {
    kind: (response, value) => slugOrLabelIs(response.kind, RESPONSE_KIND_LABELS[response.kind], value),
    org: (response, value) => {
      const ids = organisationIds(value)
      return [response.actorId, ...response.targetOrganisationIds].some((id) => ids.has(id))
    },
    jurisdiction: (response, value) => {
      const home = headquartersOf.get(response.actorId)
      return (home !== undefined && jurisdictionIds(value).has(home)) || incidentsOf(response).some((incident) => incidentTest.jurisdiction(incident, value))
    },
    category: (response, value) => incidentsOf(response).some((incident) => incidentTest.category(incident, value))
  }
  const fields = ['kind', 'org', 'jurisdiction', 'category'] as const
  const records = responses.filter(
    (response) =>
      inYears(response.datedOn === undefined ? undefined : Number(earliestDay(response.datedOn).slice(0, 4)), filters) &&
      fields.every((field) => filters.values[field].length === 0 || filters.values[field].some((value) => tests[field](response, value))) &&
      filters.excluded.every(({ field, value }) => !(field in tests) || !tests[field as keyof typeof tests](response, value))
  )
  return { records, ignored }
}
