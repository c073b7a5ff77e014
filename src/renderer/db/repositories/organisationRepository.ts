import type { Organisation } from '@shared/domain/organisation'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** Organisations, with queries along their links. */
export function createOrganisationRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'organisation')
  return {
    ...base,
    /** Organisations whose links name this one (its subsidiaries, units, affiliates, what it operates), by name. */
    listLinkedTo: async (organisationId: string): Promise<Organisation[]> =>
      (await base.listReferencing(organisationId)).filter((organisation) => organisation.links.some((link) => link.organisationId === organisationId)),
    /** Organisations headquartered in the jurisdiction, by name. */
    listHeadquarteredIn: async (jurisdictionId: string): Promise<Organisation[]> =>
      (await base.listReferencing(jurisdictionId)).filter((organisation) => organisation.headquartersJurisdictionId === jurisdictionId)
  }
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>
