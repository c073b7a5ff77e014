import Dexie, { RangeSet, rangesOverlap, type ObservabilitySet } from 'dexie'
import { describe, expect, it } from 'vitest'
import {
  commitImport,
  deleteRecord,
  ImportCancelledError,
  listRevisions,
  readImportNeighbours,
  readFeedPosition,
  readImportLog,
  RecordValidationError,
  RevisionConflictError,
  saveRecord,
  type PrecedentDatabase
} from '@renderer/db'
import type { IncidentId, OrganisationId } from '@shared/domain/ids'
import { diffRecords } from '@shared/domain/recordHistory'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { planImport, type ImportOptions } from '@shared/interchange/importPlan'
import type { ImportReading } from '@shared/interchange/importReading'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { fromRow, toRow } from '@renderer/db/storedRow'
import { catchError } from '../../support/catchError'
import { aFreshDatabase, countRowsRead, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'

const NOW = '2026-11-29T12:00:00.000Z'
const options = { author: 'Importer', now: () => NOW }

const china: TypedRecord = { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) }
const regulator: TypedRecord = { type: 'organisation', record: anOrganisation({ id: 'org-regulator', name: 'Cyberspace Administration', kind: 'regulator' }) }

function readingOf(records: readonly TypedRecord[]): ImportReading {
  return { format: 'bundle', candidates: records.map((typed, index) => ({ typed, origin: { file: 'kb.json', row: index + 1 } })), rejected: [], notices: [] }
}

/** Incidents and their responses, all linked to the stored regulator and China. */
function importedRecords(count: number): TypedRecord[] {
  const records: TypedRecord[] = []
  for (let index = 0; index < count; index += 1) {
    const incidentId = `inc-imported-${index}`
    records.push({
      type: 'incident',
      record: anIncident({ id: incidentId, title: `Imported breach number ${index} at company ${index * 7919}`, jurisdictionIds: ['CN'] })
    })
    records.push({
      type: 'response',
      record: aResponse({ id: `resp-imported-${index}`, title: `Regulator answers breach ${index}`, incidentIds: [incidentId], actorId: 'org-regulator' })
    })
  }
  return records
}

async function aDatabaseWithRegulator(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await givenStored(db, china, regulator)
  return db
}

async function planFor(db: PrecedentDatabase, records: readonly TypedRecord[], choices: ImportOptions = {}) {
  const reading = readingOf(records)
  return planImport(reading, await readImportNeighbours(db, reading), choices)
}

describe('commitImport', () => {
  it('writes every planned record with an import revision, reports progress in slices and logs the import', async () => {
    const db = await aDatabaseWithRegulator()
    const plan = await planFor(db, importedRecords(300))
    const progress: [number, number][] = []

    // Chunks smaller than the app's, so 600 records take several.
    const result = await commitImport(db, plan, { ...options, files: ['kb.json'], chunkSize: 200, onProgress: (done, total) => progress.push([done, total]) })

    expect(result.created).toBe(600)
    expect(await db.incidents.count()).toBe(300)
    expect(await db.responses.count()).toBe(300)
    expect(progress[0]).toEqual([0, 600])
    expect(progress.at(-1)).toEqual([600, 600])
    expect(progress.length).toBeGreaterThan(2)
    const [revision] = await listRevisions(db, 'inc-imported-0')
    expect(revision).toMatchObject({ action: 'import', author: 'Importer', revision: 1, at: NOW, note: 'Imported from kb.json' })
    expect(revision?.snapshot).toMatchObject({ id: 'inc-imported-0', createdAt: NOW })
    expect(await readImportLog(db)).toEqual([
      expect.objectContaining({ files: ['kb.json'], created: 600, updated: 0, planned: expect.objectContaining({ new: 600 }) })
    ])
  })

  it('stores the rows and changes it worked out ahead of each chunk exactly as the record written makes them', async () => {
    const db = await aDatabaseWithRegulator()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-imported-3', title: 'Old title', jurisdictionIds: ['CN'] }) })
    const plan = await planFor(db, importedRecords(120), { updateExisting: true })

    await commitImport(db, plan, { ...options, chunkSize: 50 })

    // Every stored row (index fields, duplicate keys) is what toRow gives for the record as stamped.
    for (const row of [...(await db.incidents.toArray()), ...(await db.responses.toArray())]) {
      const type = row.id.startsWith('inc-') ? 'incident' : 'response'
      expect(row, row.id).toEqual(toRow(type, fromRow(row as never) as never))
    }
    const [created] = await listRevisions(db, 'inc-imported-7')
    expect(created?.changes).toEqual(diffRecords(undefined, created?.snapshot))
    const [updated] = await listRevisions(db, 'inc-imported-3')
    expect(updated?.changes.map((change) => change.field)).toEqual(['title'])
    expect(await db.incidents.get('inc-imported-3' as IncidentId)).toMatchObject({
      revision: 2,
      createdAt: (await listRevisions(db, 'inc-imported-3')).at(-1)?.snapshot?.createdAt
    })
  })

  it('plans nothing but "unchanged" when the same file is imported again', async () => {
    const db = await aDatabaseWithRegulator()
    await commitImport(db, await planFor(db, importedRecords(3)), options)
    const before = await snapshotOf(db)

    const again = await planFor(db, importedRecords(3))

    expect(again.entries.filter((entry) => entry.action === 'update').map((entry) => entry.changes)).toEqual([])
    expect(again.counts).toEqual({ new: 0, update: 0, unchanged: 6, duplicate: 0, rejected: 0 })
    await commitImport(db, again, options)
    const after = await snapshotOf(db)
    expect({ ...after, meta: [] }).toEqual({ ...before, meta: [] })
  })

  it('updates a stored record only when chosen, counting its revision on and keeping createdAt', async () => {
    const db = await aDatabaseWithRegulator()
    const renamed: TypedRecord = { type: 'organisation', record: { ...regulator.record, name: 'CAC' } as TypedRecord['record'] } as TypedRecord
    const skipped = await planFor(db, [renamed])
    await commitImport(db, skipped, options)
    expect((await db.organisations.get('org-regulator' as OrganisationId))?.name).toBe('Cyberspace Administration')

    const result = await commitImport(db, await planFor(db, [renamed], { updateExisting: true }), options)

    expect(result.updated).toBe(1)
    const stored = await db.organisations.get('org-regulator' as OrganisationId)
    expect(stored).toMatchObject({ name: 'CAC', revision: 2, createdAt: regulator.record.createdAt, updatedAt: NOW })
    const [revision] = await listRevisions(db, 'org-regulator')
    expect(revision?.changes).toEqual([{ field: 'name', before: 'Cyberspace Administration', after: 'CAC' }])
  })

  it('counts on from the history of a record deleted before and imported again', async () => {
    const db = await aDatabaseWithRegulator()
    const [incident] = importedRecords(1) as [TypedRecord]
    await saveRecord(db, 'incident', incident.record as never, { now: () => NOW, newId: () => 'x' })
    await saveRecord(db, 'incident', { ...incident.record, title: 'Renamed' } as never, { now: () => NOW, newId: () => 'x', expectedRevision: 1 })
    await deleteRecord(db, 'incident', incident.record.id, { now: () => NOW })

    await commitImport(db, await planFor(db, [incident]), options)

    expect(await db.incidents.get(incident.record.id as IncidentId)).toMatchObject({ revision: 3 })
    expect((await listRevisions(db, incident.record.id)).map((revision) => revision.action)).toEqual(['import', 'delete', 'update', 'create'])
  })

  it('refuses the whole import when a planned update changed since the plan, writing nothing', async () => {
    const db = await aDatabaseWithRegulator()
    const renamed = { type: 'organisation', record: { ...regulator.record, name: 'CAC' } } as TypedRecord
    const plan = await planFor(db, [...importedRecords(2), renamed], { updateExisting: true })
    await saveRecord(db, 'organisation', { ...regulator.record, name: 'Changed elsewhere' }, { now: () => NOW, newId: () => 'x', expectedRevision: 1 })
    const before = await snapshotOf(db)

    const error = await catchError(commitImport(db, plan, options))

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('refuses the whole import when a record planned as new was created meanwhile', async () => {
    const db = await aDatabaseWithRegulator()
    const records = importedRecords(2)
    const plan = await planFor(db, records)
    await givenStored(db, records[2] as TypedRecord)
    const before = await snapshotOf(db)

    expect(await catchError(commitImport(db, plan, options))).toBeInstanceOf(RevisionConflictError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('trusts its plan while nothing was written since: reads none of the records planned as new again', async () => {
    const db = await aDatabaseWithRegulator()
    const records = importedRecords(30)
    const plannedAt = await readFeedPosition(db)
    const plan = await planFor(db, records)
    const reads = countRowsRead(db)

    await commitImport(db, plan, { ...options, plannedAt, chunkSize: 16 })

    expect((reads.byTable.get('incidents') ?? 0) + (reads.byTable.get('responses') ?? 0)).toBe(0)
    expect(await db.incidents.count()).toBe(30)
    expect((await listRevisions(db, 'inc-imported-29')).map((revision) => revision.action)).toEqual(['import'])
  })

  it('checks again when something was written after the plan: a record planned as new created meanwhile refuses the import', async () => {
    const db = await aDatabaseWithRegulator()
    const records = importedRecords(2)
    const plannedAt = await readFeedPosition(db)
    const plan = await planFor(db, records)
    await saveRecord(db, 'incident', (records[2] as TypedRecord).record as never, { now: () => NOW, newId: () => 'x' })
    const before = await snapshotOf(db)

    expect(await catchError(commitImport(db, plan, { ...options, plannedAt }))).toBeInstanceOf(RevisionConflictError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('checks again when a write without history came after the plan', async () => {
    const db = await aDatabaseWithRegulator()
    const records = importedRecords(2)
    const plannedAt = await readFeedPosition(db)
    const plan = await planFor(db, records)
    await givenStored(db, records[0] as TypedRecord)

    expect(await catchError(commitImport(db, plan, { ...options, plannedAt }))).toBeInstanceOf(RevisionConflictError)
  })

  it('refuses the whole import when a link target was deleted after planning', async () => {
    const db = await aDatabaseWithRegulator()
    const plan = await planFor(db, importedRecords(2))
    await db.organisations.delete('org-regulator' as OrganisationId)
    const before = await snapshotOf(db)

    const error = await catchError(commitImport(db, plan, options))

    expect(error).toBeInstanceOf(RecordValidationError)
    expect((error as Error).message).toContain('No organisation with the id "org-regulator" exists')
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('tells live queries of its chunks once, when the import has finished, with every record it wrote', async () => {
    const db = await aDatabaseWithRegulator()
    const plan = await planFor(db, importedRecords(300))
    const told: { readonly afterProgress: number; readonly parts: ObservabilitySet }[] = []
    let lastProgress = -1
    const listener = (parts: ObservabilitySet): void => void told.push({ afterProgress: lastProgress, parts })
    Dexie.on('storagemutated', listener)
    try {
      await commitImport(db, plan, { ...options, chunkSize: 200, onProgress: (done) => (lastProgress = done) })
    } finally {
      Dexie.on('storagemutated').unsubscribe(listener)
    }

    const ofThisDatabase = told.filter(({ parts }) => Object.keys(parts).some((part) => part.startsWith(`idb://${db.name}/`)))
    // Three chunks committed, but nothing was told until the last one had.
    expect(ofThisDatabase).toHaveLength(1)
    expect(ofThisDatabase[0]?.afterProgress).toBe(600)
    const incidents = ofThisDatabase[0]!.parts[`idb://${db.name}/incidents/`]
    expect(incidents).toBeDefined()
    // The first chunk's records are among the parts told, not only the last chunk's.
    expect(rangesOverlap(incidents!, new RangeSet('inc-imported-0'))).toBe(true)
    expect(rangesOverlap(incidents!, new RangeSet('inc-imported-299'))).toBe(true)
  })

  it('writes nothing when cancelled part way through', async () => {
    const db = await aDatabaseWithRegulator()
    const plan = await planFor(db, importedRecords(400))
    const before = await snapshotOf(db)
    const controller = new AbortController()

    const error = await catchError(
      commitImport(db, plan, { ...options, signal: controller.signal, chunkSize: 200, onProgress: (done) => (done > 0 ? controller.abort() : undefined) })
    )

    expect(error).toBeInstanceOf(ImportCancelledError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('leaves the database exactly as it was when any one write fails (fault injection, k = 1..n)', async () => {
    const db = await aDatabaseWithRegulator()
    const renamed = { type: 'organisation', record: { ...regulator.record, name: 'CAC' } } as TypedRecord
    const records = [...importedRecords(3), renamed]
    const faults = injectWriteFailures(db)
    const plan = await planFor(db, records, { updateExisting: true })
    const before = await snapshotOf(db)

    // Learn n from a run that succeeds on another database in the same starting state.
    const probe = await aDatabaseWithRegulator()
    const probeFaults = injectWriteFailures(probe)
    probeFaults.failWrite(0)
    await commitImport(probe, await planFor(probe, records, { updateExisting: true }), options)
    const n = probeFaults.writes
    expect(n).toBeGreaterThan(3)

    for (let k = 1; k <= n; k += 1) {
      faults.failWrite(k)
      const error = await catchError(commitImport(db, plan, options))
      expect(error, `write ${k} of ${n}`).toBeDefined()
      expect(await snapshotOf(db), `write ${k} of ${n}`).toEqual(before)
    }
  })
})
