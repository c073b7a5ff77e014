import type { Incident } from '../domain/incident'
import type { IncidentResponse } from '../domain/incidentResponse'
import type { Law } from '../domain/law'
import type { Organisation } from '../domain/organisation'
import type { OrganisationId } from '../domain/ids'
import { familyUnder } from '../domain/organisationFamily'
import type { TimelineRecords } from './timelineEvents'

/** What a timeline is of: everything, one organisation (with everything under it), one jurisdiction, or one law. */
export type TimelineSubject =
  | { readonly kind: 'everything' }
  | { readonly kind: 'organisation'; readonly organisationId: string }
  | { readonly kind: 'jurisdiction'; readonly jurisdictionId: string }
  | { readonly kind: 'law'; readonly lawId: string }

export interface KnowledgeBaseRecords extends TimelineRecords {
  readonly organisations: readonly Organisation[]
}

function responsesFor(
  responses: readonly IncidentResponse[],
  incidentIds: ReadonlySet<string>,
  also: (response: IncidentResponse) => boolean
): IncidentResponse[] {
  return responses.filter((response) => also(response) || response.incidentIds.some((id) => incidentIds.has(id)))
}

function lawsCitedBy(laws: readonly Law[], incidents: readonly Incident[], responses: readonly IncidentResponse[]): Law[] {
  const cited = new Set<string>([
    ...incidents.flatMap((incident) => incident.implicatedProvisions.map((reference) => reference.lawId)),
    ...responses.flatMap((response) => response.legalBasis.map((reference) => reference.lawId))
  ])
  return laws.filter((law) => cited.has(law.id))
}

/**
 * The records a timeline of `subject` shows. An organisation's timeline covers it and every
 * organisation under it (Alibaba → Alipay, UC Browser), their incidents, every response to those
 * incidents or by or against them, and the laws those cite. A jurisdiction's covers its incidents,
 * their responses, responses to no incident by organisations based there, and its laws. A law's covers the law, the incidents implicating it and the
 * responses to them or based on it.
 */
export function recordsAbout(all: KnowledgeBaseRecords, subject: TimelineSubject): TimelineRecords {
  switch (subject.kind) {
    case 'everything':
      return { incidents: all.incidents, responses: all.responses, laws: all.laws }
    case 'organisation': {
      const family = new Set<string>([
        subject.organisationId,
        ...familyUnder(subject.organisationId as OrganisationId, all.organisations).map((member) => member.organisation.id)
      ])
      const incidents = all.incidents.filter((incident) => incident.organisations.some((link) => family.has(link.organisationId)))
      const incidentIds = new Set<string>(incidents.map((incident) => incident.id))
      const responses = responsesFor(
        all.responses,
        incidentIds,
        (response) => family.has(response.actorId) || response.targetOrganisationIds.some((id) => family.has(id))
      )
      return { incidents, responses, laws: lawsCitedBy(all.laws, incidents, responses) }
    }
    case 'jurisdiction': {
      const incidents = all.incidents.filter((incident) => incident.jurisdictionIds.some((id) => id === subject.jurisdictionId))
      const incidentIds = new Set<string>(incidents.map((incident) => incident.id))
      // A response to no incident (notices to smartphone makers) belongs where its actor is based.
      const basedHere = new Set<string>(
        all.organisations.filter((organisation) => organisation.headquartersJurisdictionId === subject.jurisdictionId).map((organisation) => organisation.id)
      )
      return {
        incidents,
        responses: responsesFor(all.responses, incidentIds, (response) => response.incidentIds.length === 0 && basedHere.has(response.actorId)),
        laws: all.laws.filter((law) => law.jurisdictionId === subject.jurisdictionId)
      }
    }
    case 'law': {
      const incidents = all.incidents.filter((incident) => incident.implicatedProvisions.some((reference) => reference.lawId === subject.lawId))
      const incidentIds = new Set<string>(incidents.map((incident) => incident.id))
      return {
        incidents,
        responses: responsesFor(all.responses, incidentIds, (response) => response.legalBasis.some((reference) => reference.lawId === subject.lawId)),
        laws: all.laws.filter((law) => law.id === subject.lawId)
      }
    }
  }
}

/** Keeps only the records whose ids a search returned (`undefined`: no search, keep all). */
export function recordsMatching(records: TimelineRecords, matchingIds: ReadonlySet<string> | undefined): TimelineRecords {
  if (matchingIds === undefined) return records
  return {
    incidents: records.incidents.filter((incident) => matchingIds.has(incident.id)),
    responses: records.responses.filter((response) => matchingIds.has(response.id)),
    laws: records.laws.filter((law) => matchingIds.has(law.id))
  }
}
