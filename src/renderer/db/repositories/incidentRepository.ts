import type { Incident } from '@shared/domain/incident'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** Incidents, with queries by what they involve. Ids are unique across types, so each is one `refs` lookup. */
export function createIncidentRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'incident')
  return {
    ...base,
    /** Incidents the organisation played any role in, in date order. */
    listForOrganisation: (organisationId: string): Promise<Incident[]> => base.listReferencing(organisationId),
    /** Incidents in the jurisdiction, in date order. */
    listForJurisdiction: (jurisdictionId: string): Promise<Incident[]> => base.listReferencing(jurisdictionId),
    /** Incidents implicating the law (any of its provisions), in date order. */
    listImplicatingLaw: (lawId: string): Promise<Incident[]> => base.listReferencing(lawId),
    /** Incidents citing the source, in date order. */
    listCitingSource: (sourceId: string): Promise<Incident[]> => base.listReferencing(sourceId)
  }
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>
