import type { DBCoreMutateRequest, DBCoreMutateResponse } from 'dexie'
import { describe, expect, it } from 'vitest'
import {
  commitImport,
  IMPORT_IN_PROGRESS_KEY,
  ImportCancelledError,
  listRevisions,
  readImportNeighbours,
  readImportInProgress,
  readChangesSince,
  readFeedPosition,
  readImportLog,
  rollBackInterruptedImport,
  saveRecord,
  type PrecedentDatabase
} from '@renderer/db'
import type { OrganisationId } from '@shared/domain/ids'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { planImport, type ImportOptions } from '@shared/interchange/importPlan'
import type { ImportReading } from '@shared/interchange/importReading'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { catchError } from '../../support/catchError'
import { aFreshDatabase, givenStored, snapshotOf, wrapTables } from './testDatabase'

const NOW = '2026-12-06T12:00:00.000Z'
const LATER = '2026-12-06T13:00:00.000Z'
const CHUNK = 10
const options = { author: 'Importer', now: () => NOW, chunkSize: CHUNK, files: ['kb.json'] }

const china: TypedRecord = { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) }
const regulator: TypedRecord = { type: 'organisation', record: anOrganisation({ id: 'org-regulator', name: 'Cyberspace Administration', kind: 'regulator' }) }

function readingOf(records: readonly TypedRecord[]): ImportReading {
  return { format: 'bundle', candidates: records.map((typed, index) => ({ typed, origin: { file: 'kb.json', row: index + 1 } })), rejected: [], notices: [] }
}

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

/**
 * A tab killed at a chosen moment: once `kill()` is called every write fails, the rollback's
 * included, as if the page had gone. `revive()` is the next start, on the same database.
 */
function killableTab(db: PrecedentDatabase) {
  const state = { killed: false, writesAfterArming: 0, killAfterWrites: Number.POSITIVE_INFINITY }
  wrapTables(db, 'killableTab', (table) => ({
    mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      state.writesAfterArming += 1
      if (state.writesAfterArming > state.killAfterWrites) state.killed = true
      if (state.killed) return Promise.reject(new Error('The tab was closed'))
      return table.mutate(request)
    }
  }))
  return {
    kill: () => void (state.killed = true),
    /** Lets `writes` more writes through, then kills. */
    killAfter(writes: number): void {
      state.writesAfterArming = 0
      state.killAfterWrites = writes
    },
    revive(): void {
      state.killed = false
      state.killAfterWrites = Number.POSITIVE_INFINITY
    }
  }
}

describe('chunked import commit with a resume marker', () => {
  it('commits whole chunks with the marker in the same transaction, and rolls them back exactly on the next start', async () => {
    const db = await aDatabaseWithRegulator()
    const tab = killableTab(db)
    const plan = await planFor(db, importedRecords(25)) // 50 writes: 5 chunks of 10
    const before = await snapshotOf(db)

    // The tab dies after the second chunk has committed, while the third is being written.
    const error = await catchError(commitImport(db, plan, { ...options, onProgress: (done) => (done === 2 * CHUNK ? tab.killAfter(3) : undefined) }))
    expect(error).toBeDefined()

    tab.revive()
    // No partial chunk: exactly two chunks' records are stored, and the marker says so.
    expect((await db.incidents.count()) + (await db.responses.count())).toBe(2 * CHUNK)
    expect(await readImportInProgress(db)).toMatchObject({ at: NOW, author: 'Importer', files: ['kb.json'], total: 50, done: 2 * CHUNK })

    const rolledBack = await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER, chunkSize: 7 })

    expect(rolledBack).toEqual({ files: ['kb.json'], at: NOW, written: 20, removed: 20, restored: 0, leftChanged: 0 })
    expect(await snapshotOf(db)).toEqual(before)
    expect(await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER })).toBeUndefined()
  })

  it('tells the followers of the change feed to read the tables again when a rollback takes records out with their history', async () => {
    const db = await aDatabaseWithRegulator()
    const tab = killableTab(db)
    await catchError(
      commitImport(db, await planFor(db, importedRecords(25)), { ...options, onProgress: (done) => (done === 2 * CHUNK ? tab.kill() : undefined) })
    )
    tab.revive()
    // A follower that took in the two committed chunks.
    const position = await readFeedPosition(db)
    const mark = {
      lastRevisionAt: position.at,
      overlapCount: position.overlapCount,
      unloggedWrite: position.unloggedWrite,
      revisionsWritten: position.revisionsWritten,
      tables: {}
    }

    await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER })

    expect(await readChangesSince(db, mark, ['incident', 'response'], 1_000)).toEqual({ kind: 'many' })
  })

  it('imports the same plan again after a rollback with exact counts and no duplicates', async () => {
    const db = await aDatabaseWithRegulator()
    const tab = killableTab(db)
    const records = importedRecords(25)
    await catchError(commitImport(db, await planFor(db, records), { ...options, onProgress: (done) => (done === CHUNK ? tab.kill() : undefined) }))
    tab.revive()

    // The next start rolls the unfinished import back; the person then plans and imports again.
    await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER })
    const again = await planFor(db, records)
    expect(again.counts).toMatchObject({ new: 50, unchanged: 0 })
    const result = await commitImport(db, again, { ...options, now: () => LATER })

    expect(result.created).toBe(50)
    expect(await db.incidents.count()).toBe(25)
    expect(await db.responses.count()).toBe(25)
    expect(await db.meta.get(IMPORT_IN_PROGRESS_KEY)).toBeUndefined()
    expect((await listRevisions(db, 'inc-imported-0')).map((revision) => [revision.action, revision.at])).toEqual([['import', LATER]])
  })

  it('puts records an unfinished import updated back as they were, with a restore revision', async () => {
    const db = await aDatabaseWithRegulator()
    const tab = killableTab(db)
    const renamed = { type: 'organisation', record: { ...regulator.record, name: 'CAC' } } as TypedRecord
    const plan = await planFor(db, [renamed, ...importedRecords(10)], { updateExisting: true })
    expect(plan.writes[0]?.typed.record.id).toBe('org-regulator')

    await catchError(commitImport(db, plan, { ...options, onProgress: (done) => (done === CHUNK ? tab.kill() : undefined) }))
    tab.revive()
    expect((await db.organisations.get('org-regulator' as OrganisationId))?.name).toBe('CAC')

    const rolledBack = await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER })

    expect(rolledBack).toMatchObject({ removed: 9, restored: 1 })
    expect(await db.organisations.get('org-regulator' as OrganisationId)).toMatchObject({ name: 'Cyberspace Administration', revision: 3, updatedAt: LATER })
    expect((await listRevisions(db, 'org-regulator')).map((revision) => [revision.action, revision.note])).toEqual([
      ['restore', 'Import of kb.json rolled back'],
      ['import', 'Imported from kb.json']
    ])
    expect(await db.incidents.count()).toBe(0)
  })

  // Found by write-path fault injection (writePathFaults.test.ts): the rollback took a record whose
  // `createdAt` equalled the import's time for one the import created, and deleted it.
  it('puts back a record updated by the import even when it was created in the millisecond the import started', async () => {
    const db = aFreshDatabase()
    const sameMillisecond = { ...regulator.record, createdAt: NOW, updatedAt: NOW }
    await saveRecord(db, 'jurisdiction', { ...china.record }, { now: () => NOW, newId: () => 'CN' })
    await saveRecord(db, 'organisation', { ...sameMillisecond }, { now: () => NOW, newId: () => 'org-regulator' })
    const tab = killableTab(db)
    const renamed = { type: 'organisation', record: { ...sameMillisecond, revision: 1, name: 'CAC' } } as TypedRecord
    const plan = await planFor(db, [renamed, ...importedRecords(10)], { updateExisting: true })

    await catchError(commitImport(db, plan, { ...options, onProgress: (done) => (done === CHUNK ? tab.kill() : undefined) }))
    tab.revive()
    await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER })

    expect(await db.organisations.get('org-regulator' as OrganisationId)).toMatchObject({ name: 'Cyberspace Administration', createdAt: NOW })
    expect(await db.incidents.count()).toBe(0)
  })

  it('finishes a rollback that was itself interrupted, on the start after', async () => {
    const db = await aDatabaseWithRegulator()
    const tab = killableTab(db)
    const before = await snapshotOf(db)
    await catchError(
      commitImport(db, await planFor(db, importedRecords(25)), { ...options, onProgress: (done) => (done === 4 * CHUNK ? tab.kill() : undefined) })
    )
    tab.revive()

    // The first recovery dies after some of its own chunks.
    tab.killAfter(12)
    expect(await catchError(rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER, chunkSize: 5 }))).toBeDefined()
    tab.revive()
    const stillStored = (await db.incidents.count()) + (await db.responses.count())
    expect(stillStored).toBeGreaterThan(0)
    expect(stillStored).toBeLessThan(40)
    expect(await readImportInProgress(db)).toMatchObject({ done: 40 })

    await rollBackInterruptedImport(db, { author: 'Recovery', now: () => LATER, chunkSize: 5 })

    expect(await snapshotOf(db)).toEqual(before)
  })

  it('on cancel, takes the committed chunks out again and says how many', async () => {
    const db = await aDatabaseWithRegulator()
    const before = await snapshotOf(db)
    const controller = new AbortController()

    const error = await catchError(
      commitImport(db, await planFor(db, importedRecords(25)), {
        ...options,
        signal: controller.signal,
        onProgress: (done) => (done === 3 * CHUNK ? controller.abort() : undefined)
      })
    )

    expect(error).toBeInstanceOf(ImportCancelledError)
    expect((error as ImportCancelledError).rolledBack).toBe(30)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('logs the import and leaves no marker when every chunk commits', async () => {
    const db = await aDatabaseWithRegulator()
    const progress: number[] = []

    const result = await commitImport(db, await planFor(db, importedRecords(25)), { ...options, onProgress: (done) => progress.push(done) })

    expect(progress).toEqual([0, 10, 20, 30, 40, 50])
    expect(result).toMatchObject({ created: 50, updated: 0, written: 50 })
    expect(await readImportInProgress(db)).toBeUndefined()
    expect(await readImportLog(db)).toEqual([expect.objectContaining({ created: 50, files: ['kb.json'] })])
  })
})
