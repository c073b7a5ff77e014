import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** What governments and companies did about incidents. Lists are in date order (partial dates compared by the domain). */
export function createResponseRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'response')
  return {
    ...base,
    /** The responses to an incident, in date order, undated last. */
    listForIncident: async (incidentId: string): Promise<IncidentResponse[]> =>
      (await base.listReferencing(incidentId)).filter((response) => response.incidentIds.includes(incidentId as never)),
    /** The responses an organisation took (as actor), in date order. */
    listByActor: async (organisationId: string): Promise<IncidentResponse[]> =>
      (await base.listReferencing(organisationId)).filter((response) => response.actorId === organisationId),
    /** The responses directed at an organisation, in date order. */
    listTargeting: async (organisationId: string): Promise<IncidentResponse[]> =>
      (await base.listReferencing(organisationId)).filter((response) => response.targetOrganisationIds.includes(organisationId as never)),
    /** The responses that name a law as their legal basis, in date order. */
    listUnderLaw: async (lawId: string): Promise<IncidentResponse[]> =>
      (await base.listReferencing(lawId)).filter((response) => response.legalBasis.some((ref) => ref.lawId === lawId))
  }
}

export type ResponseRepository = ReturnType<typeof createResponseRepository>
