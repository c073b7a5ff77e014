import { duplicateIndexKeys, incidentDuplicateProfile, MAX_BLOCK_SIZE, normaliseOrganisationName } from '@shared/domain/duplicates'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { referencedIds } from '@shared/domain/recordReferences'
import { RECORD_TYPES, typedRecord, type TypedRecord } from '@shared/domain/recordTypes'
import type { ExistingRecords } from '@shared/interchange/importPlan'
import type { ImportReading } from '@shared/interchange/importReading'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { fromRow } from './storedRow'

/** The ids of the stored jurisdictions, which readers need to resolve country codes. */
export async function readJurisdictionIds(db: PrecedentDatabase): Promise<ReadonlySet<string>> {
  return new Set(await db.jurisdictions.toCollection().primaryKeys())
}

const byId = (a: { readonly id: string }, b: { readonly id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * What planning an import needs from storage, and no more, read in one transaction so the plan
 * sees one moment: the stored records that carry an incoming id or that an incoming record links
 * to; the stored organisations sharing a normalised name or alias with an incoming one (found
 * through the `*duplicateKeys` index); and the stored incidents sharing a duplicate-search block
 * with an incoming incident. `planImport` over this subset gives the same plan as over every
 * stored record: a loose block of more than `MAX_BLOCK_SIZE` stored incidents proposes no pairs,
 * so for such a block only `MAX_BLOCK_SIZE + 1` of its records are read, enough for the plan to
 * see it as the full block it is.
 */
export async function readImportNeighbours(db: PrecedentDatabase, reading: ImportReading): Promise<ExistingRecords> {
  const found = new Map<string, TypedRecord>()
  const wanted = new Set<string>()
  const certainNames = new Set<string>()
  const exactTitleKeys = new Set<string>()
  const looseTitleKeys = new Set<string>()
  for (const { typed } of reading.candidates) {
    wanted.add(typed.record.id)
    for (const target of referencedIds(typed)) wanted.add(target)
    if (typed.type === 'organisation') {
      for (const name of [typed.record.name, ...typed.record.aliases.map((alias) => alias.name)]) {
        const compact = normaliseOrganisationName(name).replace(/ /g, '')
        if (compact !== '') certainNames.add(`x:${compact}`)
      }
    }
    if (typed.type === 'incident') {
      for (const key of duplicateIndexKeys(incidentDuplicateProfile(typed.record))) (key.startsWith('x:') ? exactTitleKeys : looseTitleKeys).add(key)
    }
  }
  await db.transaction(
    'r',
    RECORD_TABLE_NAMES.map((name) => db[name]),
    async () => {
      const ids = [...wanted]
      for (const type of RECORD_TYPES) {
        for (const row of await db.recordTable(type).bulkGet(ids)) if (row !== undefined) found.set(row.id, typedRecord(type, fromRow(row)))
      }
      for (const row of await db.organisations
        .where('duplicateKeys')
        .anyOf([...certainNames])
        .toArray())
        found.set(row.id, { type: 'organisation', record: fromRow(row) })
      const incidentIds = new Set(
        await db.incidents
          .where('duplicateKeys')
          .anyOf([...exactTitleKeys])
          .primaryKeys()
      )
      for (const key of looseTitleKeys) {
        for (const id of await db.incidents
          .where('duplicateKeys')
          .equals(key)
          .limit(MAX_BLOCK_SIZE + 1)
          .primaryKeys())
          incidentIds.add(id)
      }
      const missing = [...incidentIds].filter((id) => !found.has(id))
      for (const row of await db.incidents.bulkGet(missing)) if (row !== undefined) found.set(row.id, { type: 'incident', record: fromRow(row) })
    }
  )
  const all = [...found.values()]
  return {
    get: (id) => found.get(id),
    // In primary-key order, as a whole table reads: the first stored organisation with a name wins.
    organisations: all.flatMap((typed) => (typed.type === 'organisation' ? [typed.record as Organisation] : [])).sort(byId),
    incidents: all.flatMap((typed) => (typed.type === 'incident' ? [typed.record as Incident] : [])).sort(byId)
  }
}
