import type { Jurisdiction } from '@shared/domain/jurisdiction'
import type { PrecedentDatabase } from '../precedentDatabase'
import { createRecordRepository } from './recordRepository'

/** Jurisdictions: countries, their subdivisions and supranational bodies. */
export function createJurisdictionRepository(db: PrecedentDatabase) {
  const base = createRecordRepository(db, 'jurisdiction')
  return {
    ...base,
    /** The subdivisions of a jurisdiction (e.g. China's provinces), by name. */
    listSubdivisions: async (parentId: string): Promise<Jurisdiction[]> =>
      (await base.listReferencing(parentId)).filter((jurisdiction) => jurisdiction.parentId === parentId),
    /** Every jurisdiction id, e.g. as the known ids when loading a bundle that links to them. */
    listIds: async (): Promise<Set<string>> => new Set((await db.jurisdictions.toCollection().primaryKeys()) as string[])
  }
}

export type JurisdictionRepository = ReturnType<typeof createJurisdictionRepository>
