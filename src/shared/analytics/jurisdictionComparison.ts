import { assertNever } from '../lib/assertNever'
import type { Incident, IncidentCategory } from '../domain/incident'
import { incidentKeyDate } from '../domain/incident'
import type { IncidentResponse, MatterEffect, Penalty } from '../domain/incidentResponse'
import type { Jurisdiction } from '../domain/jurisdiction'
import type { Law } from '../domain/law'
import type { Organisation } from '../domain/organisation'
import type { OrganisationId } from '../domain/ids'
import { familyUnder } from '../domain/organisationFamily'
import { compareOptionalPartialDates } from '../domain/partialDate'
import { buildMatterChain, effectOf, type MatterChain } from '../domain/responseLifecycle'
import { compareNames } from '../domain/nameOrder'

/** What is compared across jurisdictions: an organisation with everything under it, or a category of incident. */
export type ComparisonSubject =
  { readonly kind: 'organisation'; readonly organisationId: OrganisationId } | { readonly kind: 'category'; readonly category: IncidentCategory }

/** The records a comparison is drawn from; usually the whole knowledge base. */
export interface ComparisonData {
  readonly incidents: readonly Incident[]
  readonly responses: readonly IncidentResponse[]
  readonly laws: readonly Law[]
  readonly organisations: readonly Organisation[]
  readonly jurisdictions: readonly Jurisdiction[]
}

/** Why a law is listed as applying in a column; a law can be both implicated and cited. */
export type LawApplication = 'implicated-by-incident' | 'cited-as-legal-basis'

/** A law of the column's jurisdiction that the column's records link to, with the provisions they name. */
export interface ApplyingLaw {
  readonly law: Law
  /** Provision numbers named by the links, in first-seen order ("41", "42"); empty when only the law as a whole was named. */
  readonly provisionNumbers: readonly string[]
  /** True when at least one link names the law as a whole rather than a provision. */
  readonly isCitedAsWhole: boolean
  readonly applications: readonly LawApplication[]
}

/** One incident in a column with its responses in that jurisdiction read as a matter. */
export interface ComparedMatter {
  readonly incident: Incident
  readonly chain: MatterChain
}

/** A response that decided something, or recorded an outcome or a penalty. */
export interface ComparedOutcome {
  readonly response: IncidentResponse
  readonly incident: Incident
  readonly effect: MatterEffect
  readonly outcome?: string
  readonly penalty?: Penalty
}

/** Everything the subject's incidents led to in one jurisdiction. */
export interface JurisdictionColumn {
  readonly jurisdictionId: string
  /** The jurisdiction's name, or its id when the jurisdiction is not recorded. */
  readonly jurisdictionName: string
  /** The subject's incidents in this jurisdiction, earliest first (undated last). */
  readonly incidents: readonly Incident[]
  readonly applyingLaws: readonly ApplyingLaw[]
  /** Laws recorded for this jurisdiction that none of the column's records link to — shown apart, never as applying. */
  readonly otherLaws: readonly Law[]
  readonly matters: readonly ComparedMatter[]
  /** Concluding or reversing steps, and any response with an outcome or penalty, earliest first. */
  readonly outcomes: readonly ComparedOutcome[]
  /**
   * Responses aimed at the organisation (or one under it) that answer none of its incidents — a
   * notice, a ban on its app — placed in the actor's own jurisdiction, earliest first. Always
   * empty for a category.
   */
  readonly responsesWithoutIncident: readonly IncidentResponse[]
  /** How long each list was before `listFirstOfComparison` cut it; absent when the column is whole. */
  readonly totals?: ComparisonColumnTotals
}

/** The full length of each list of a column, so a cut list can say "and N more". */
export interface ComparisonColumnTotals {
  readonly incidents: number
  readonly applyingLaws: number
  readonly matters: number
  readonly outcomes: number
  readonly responsesWithoutIncident: number
  readonly otherLaws: number
}

/** How many entries each list of a comparison column shows; the rest are counted and found by a search. */
export const COMPARISON_LIST_LIMIT = 5

export interface JurisdictionComparison {
  /** The organisations the subject covers (the root first, then everything under it); empty for a category. */
  readonly organisationIds: readonly OrganisationId[]
  /** One column per jurisdiction involved, by jurisdiction name. */
  readonly columns: readonly JurisdictionColumn[]
  /** Responses aimed at the organisation, answering none of its incidents, whose actor has no recorded jurisdiction: they fit no column. */
  readonly unplacedResponses: readonly IncidentResponse[]
}

function incidentsOfSubject(subject: ComparisonSubject, data: ComparisonData): { incidents: Incident[]; organisationIds: OrganisationId[] } {
  switch (subject.kind) {
    case 'organisation': {
      const organisationIds = [subject.organisationId, ...familyUnder(subject.organisationId, data.organisations).map((member) => member.organisation.id)]
      const covered = new Set<string>(organisationIds)
      const incidents = data.incidents.filter((incident) => incident.organisations.some((link) => covered.has(link.organisationId)))
      return { incidents, organisationIds }
    }
    case 'category':
      return { incidents: data.incidents.filter((incident) => incident.categories.includes(subject.category)), organisationIds: [] }
    default:
      return assertNever(subject)
  }
}

/**
 * The jurisdictions a response to `incident` belongs to. A response answers the incident in every
 * jurisdiction the incident is in, except that an actor based in one of those jurisdictions (a
 * national regulator) acts only in its own: India's ministry does not act in China's column.
 */
function columnsOfResponse(response: IncidentResponse, incident: Incident, headquartersOf: ReadonlyMap<string, string | undefined>): readonly string[] {
  const home = headquartersOf.get(response.actorId)
  if (home !== undefined && incident.jurisdictionIds.includes(home as never)) return [home]
  return incident.jurisdictionIds
}

function byIncidentDate(a: Incident, b: Incident): number {
  return compareOptionalPartialDates(incidentKeyDate(a), incidentKeyDate(b)) || compareNames(a.title, b.title)
}

/**
 * Compares what happened to a subject in each jurisdiction involved, side by side.
 *
 * - The subject's incidents are those involving the organisation or anything under it
 *   (`familyUnder`), or those of the category. Each incident is placed in every jurisdiction it
 *   records; an incident with no jurisdiction is in no column.
 * - A response to one of those incidents goes to the incident's columns, narrowed to the actor's
 *   own jurisdiction when the actor is based in one of them. A response aimed at the organisation
 *   (as a target) that answers none of its incidents goes to its actor's jurisdiction, adding a
 *   column if needed; with no recorded jurisdiction for the actor it is returned as unplaced.
 * - Laws that apply are laws of the column's jurisdiction that the column's incidents implicate or
 *   its responses cite as legal basis. Other laws recorded for that jurisdiction are listed apart,
 *   as `otherLaws`; nothing is inferred beyond the recorded links.
 * - Each incident's responses in the column are read as a matter with `buildMatterChain` (proposed
 *   measures kept apart). Outcomes are the enacted steps that conclude or reverse, and any response
 *   recording an outcome or a penalty.
 */
export function compareJurisdictions(subject: ComparisonSubject, data: ComparisonData): JurisdictionComparison {
  const { incidents, organisationIds } = incidentsOfSubject(subject, data)
  const jurisdictionNames = new Map<string, string>(data.jurisdictions.map((jurisdiction) => [jurisdiction.id, jurisdiction.name]))
  const headquartersOf = new Map<string, string | undefined>(
    data.organisations.map((organisation) => [organisation.id, organisation.headquartersJurisdictionId])
  )
  const lawsById = new Map<string, Law>(data.laws.map((law) => [law.id, law]))

  const subjectIncidentIds = new Set<string>(incidents.map((incident) => incident.id))
  // Indexed once: a category can cover thousands of incidents, each looking up its responses.
  const responsesByIncident = new Map<string, IncidentResponse[]>()
  for (const response of data.responses) {
    for (const incidentId of response.incidentIds) {
      if (!subjectIncidentIds.has(incidentId)) continue
      const answering = responsesByIncident.get(incidentId)
      if (answering === undefined) responsesByIncident.set(incidentId, [response])
      else answering.push(response)
    }
  }
  const covered = new Set<string>(organisationIds)
  const responsesWithoutIncident = data.responses
    .filter((response) => response.targetOrganisationIds.some((id) => covered.has(id)) && !response.incidentIds.some((id) => subjectIncidentIds.has(id)))
    .sort((a, b) => compareOptionalPartialDates(a.datedOn, b.datedOn))
  const unplacedResponses = responsesWithoutIncident.filter((response) => headquartersOf.get(response.actorId) === undefined)

  const jurisdictionIds = [
    ...new Set([
      ...incidents.flatMap((incident) => incident.jurisdictionIds as readonly string[]),
      ...responsesWithoutIncident.flatMap((response) => headquartersOf.get(response.actorId) ?? [])
    ])
  ]
  const nameOf = (id: string): string => jurisdictionNames.get(id) ?? id
  jurisdictionIds.sort((a, b) => compareNames(nameOf(a), nameOf(b)))

  const columns = jurisdictionIds.map((jurisdictionId): JurisdictionColumn => {
    const columnIncidents = incidents.filter((incident) => (incident.jurisdictionIds as readonly string[]).includes(jurisdictionId)).sort(byIncidentDate)

    const matters = columnIncidents.map((incident): ComparedMatter => {
      const responses = (responsesByIncident.get(incident.id) ?? []).filter((response) =>
        columnsOfResponse(response, incident, headquartersOf).includes(jurisdictionId)
      )
      return { incident, chain: buildMatterChain(responses) }
    })

    const applying = new Map<string, { law: Law; provisionNumbers: string[]; isCitedAsWhole: boolean; applications: Set<LawApplication> }>()
    const noteLaw = (lawId: string, provisionNumber: string | undefined, application: LawApplication): void => {
      const law = lawsById.get(lawId)
      if (law === undefined || law.jurisdictionId !== jurisdictionId) return
      const entry = applying.get(lawId) ?? { law, provisionNumbers: [], isCitedAsWhole: false, applications: new Set<LawApplication>() }
      if (provisionNumber === undefined) entry.isCitedAsWhole = true
      else if (!entry.provisionNumbers.includes(provisionNumber)) entry.provisionNumbers.push(provisionNumber)
      entry.applications.add(application)
      applying.set(lawId, entry)
    }
    for (const incident of columnIncidents) {
      for (const reference of incident.implicatedProvisions) noteLaw(reference.lawId, reference.provisionNumber, 'implicated-by-incident')
    }
    const columnResponses = [
      ...matters.flatMap((matter) => [...matter.chain.steps.map((step) => step.response), ...matter.chain.proposed]),
      ...responsesWithoutIncident.filter((response) => headquartersOf.get(response.actorId) === jurisdictionId)
    ]
    for (const response of columnResponses) {
      for (const reference of response.legalBasis) noteLaw(reference.lawId, reference.provisionNumber, 'cited-as-legal-basis')
    }
    const applyingLaws = [...applying.values()].map((entry): ApplyingLaw => ({
      law: entry.law,
      provisionNumbers: entry.provisionNumbers,
      isCitedAsWhole: entry.isCitedAsWhole,
      applications: [...entry.applications]
    }))
    const otherLaws = data.laws
      .filter((law) => law.jurisdictionId === jurisdictionId && !applying.has(law.id))
      .sort((a, b) => compareNames(a.shortName ?? a.title, b.shortName ?? b.title))

    const outcomes = matters
      .flatMap((matter) =>
        matter.chain.steps
          .filter(
            (step) => step.effect === 'concludes' || step.effect === 'reverses' || step.response.outcome !== undefined || step.response.penalty !== undefined
          )
          .map((step): ComparedOutcome => {
            const { response } = step
            return {
              response,
              incident: matter.incident,
              effect: effectOf(response),
              ...(response.outcome === undefined ? {} : { outcome: response.outcome }),
              ...(response.penalty === undefined ? {} : { penalty: response.penalty })
            }
          })
      )
      .sort((a, b) => compareOptionalPartialDates(a.response.datedOn, b.response.datedOn))

    const columnResponsesWithoutIncident = responsesWithoutIncident.filter((response) => headquartersOf.get(response.actorId) === jurisdictionId)
    return {
      jurisdictionId,
      jurisdictionName: nameOf(jurisdictionId),
      incidents: columnIncidents,
      applyingLaws,
      otherLaws,
      matters,
      outcomes,
      responsesWithoutIncident: columnResponsesWithoutIncident
    }
  })

  return { organisationIds, columns, unplacedResponses }
}

/**
 * The comparison with each list of each column cut to its first `limit` entries (they are already
 * in reading order), the full lengths kept in `totals`. A category covers thousands of incidents at
 * scale; drawing (and sending) every one of them is what made the page take minutes, and no one
 * reads a column of thousands: the rest are a search away.
 */
export function listFirstOfComparison(comparison: JurisdictionComparison, limit: number = COMPARISON_LIST_LIMIT): JurisdictionComparison {
  return {
    ...comparison,
    columns: comparison.columns.map((column): JurisdictionColumn => ({
      ...column,
      incidents: column.incidents.slice(0, limit),
      applyingLaws: column.applyingLaws.slice(0, limit),
      matters: column.matters.slice(0, limit),
      outcomes: column.outcomes.slice(0, limit),
      responsesWithoutIncident: column.responsesWithoutIncident.slice(0, limit),
      otherLaws: column.otherLaws.slice(0, limit),
      totals: {
        incidents: column.totals?.incidents ?? column.incidents.length,
        applyingLaws: column.totals?.applyingLaws ?? column.applyingLaws.length,
        matters: column.totals?.matters ?? column.matters.length,
        outcomes: column.totals?.outcomes ?? column.outcomes.length,
        responsesWithoutIncident: column.totals?.responsesWithoutIncident ?? column.responsesWithoutIncident.length,
        otherLaws: column.totals?.otherLaws ?? column.otherLaws.length
      }
    }))
  }
}

/** How many entries of a column's list were left out by `listFirstOfComparison` (0 when it is whole). */
export function unlistedCount(column: JurisdictionColumn, list: keyof ComparisonColumnTotals): number {
  return column.totals === undefined ? 0 : Math.max(0, column.totals[list] - column[list].length)
}
