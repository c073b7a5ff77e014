import type { Law } from '@shared/domain/law'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** Laws, regulations, standards and other instruments. */
export function createLawRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'law')
  return {
    ...base,
    /** The laws of a jurisdiction, by date of adoption (or entry into force). */
    listForJurisdiction: async (jurisdictionId: string): Promise<Law[]> =>
      (await base.listReferencing(jurisdictionId)).filter((law) => law.jurisdictionId === jurisdictionId)
  }
}

export type LawRepository = ReturnType<typeof createLawRepository>
