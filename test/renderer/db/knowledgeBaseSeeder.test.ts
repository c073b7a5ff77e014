import { describe, expect, it } from 'vitest'
import { BundleValidationError, createIncidentRepository, deleteRecord, saveRecord, seedBundle, type SeedOptions } from '@renderer/db'
import { aBundle, aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'

const LOADED_AT = '2026-03-01T08:00:00.000Z'
const options: SeedOptions = { markerKey: 'sample:knowledge-base', now: () => LOADED_AT }
const writeOptions = { now: () => '2026-03-02T08:00:00.000Z', newId: () => 'unused' }

function aSampleBundle(revision = 1) {
  const regulator = anOrganisation({ id: 'org-cac', kind: 'regulator', name: 'Cyberspace Administration of China' })
  const incident = anIncident({ id: 'inc-alipay', title: 'Alipay default opt-in', organisations: [{ organisationId: 'org-cac', role: 'reporter' }] })
  const response = aResponse({ id: 'resp-summons', actorId: 'org-cac', incidentIds: ['inc-alipay'] })
  const bundle = aBundle({ organisations: [regulator], incidents: [incident], responses: [response] }, { revision })
  return JSON.parse(JSON.stringify(bundle)) as unknown
}

describe('seedBundle', () => {
  it('adds every record of the bundle and reports how many', async () => {
    const db = aFreshDatabase()

    const result = await seedBundle(db, aSampleBundle(), options)

    expect(result).toEqual({ status: 'loaded', added: 3, skipped: 0 })
    expect(await createIncidentRepository(db).get('inc-alipay')).toMatchObject({ title: 'Alipay default opt-in' })
  })

  it('marks the bundle as loaded with its id and revision', async () => {
    const db = aFreshDatabase()

    await seedBundle(db, aSampleBundle(), options)

    expect((await db.meta.get('sample:knowledge-base'))?.value).toMatchObject({ bundleId: 'test-bundle', revision: 1, loadedAt: LOADED_AT })
  })

  it('loads a bundle once: the second call writes nothing and says it was already loaded', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(), options)
    const before = await snapshotOf(db)

    const result = await seedBundle(db, aSampleBundle(), options)

    expect(result).toEqual({ status: 'already-loaded', added: 0, skipped: 0 })
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('does not bring back a sample record the user deleted', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(), options)
    await deleteRecord(db, 'response', 'resp-summons', writeOptions)

    await seedBundle(db, aSampleBundle(), options)

    expect(await db.recordTable('response').get('resp-summons')).toBeUndefined()
  })

  it('does not bring back a deleted sample record when a newer revision of the bundle is loaded', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(1), options)
    await deleteRecord(db, 'response', 'resp-summons', writeOptions)

    const result = await seedBundle(db, aSampleBundle(2), options)

    expect(result).toEqual({ status: 'loaded', added: 0, skipped: 3 })
    expect(await db.recordTable('response').get('resp-summons')).toBeUndefined()
  })

  it('never overwrites a record the user has edited', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(1), options)
    const incident = await createIncidentRepository(db).get('inc-alipay')
    await saveRecord(db, 'incident', { ...incident!, title: 'Edited by the user' }, { ...writeOptions, expectedRevision: 1 })

    await seedBundle(db, aSampleBundle(2), options)

    expect((await createIncidentRepository(db).get('inc-alipay'))?.title).toBe('Edited by the user')
  })

  it('adds the records a newer revision brings and skips those already there', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(1), options)
    const revision2 = aSampleBundle(2) as { records: { incidents: unknown[] } }
    revision2.records.incidents.push(JSON.parse(JSON.stringify(anIncident({ id: 'inc-uc' }))))

    const result = await seedBundle(db, revision2, options)

    expect(result).toEqual({ status: 'loaded', added: 1, skipped: 3 })
  })

  it('drops a new record’s link to a sample record the user deleted', async () => {
    const db = aFreshDatabase()
    await seedBundle(db, aSampleBundle(1), options)
    await deleteRecord(db, 'response', 'resp-summons', writeOptions)
    await deleteRecord(db, 'incident', 'inc-alipay', writeOptions)
    const revision2 = aSampleBundle(2) as { records: { responses: unknown[] } }
    revision2.records.responses.push(JSON.parse(JSON.stringify(aResponse({ id: 'resp-fine', actorId: 'org-cac', incidentIds: ['inc-alipay'] }))))

    await seedBundle(db, revision2, options)

    expect(await db.recordTable('response').get('resp-fine')).toMatchObject({ incidentIds: [], refs: ['org-cac'] })
  })

  it('lets the bundle link to known records outside it', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) })
    const bundle = aBundle({ incidents: [anIncident({ id: 'inc-cn', jurisdictionIds: ['CN'] })] })

    const result = await seedBundle(db, bundle, { ...options, knownIds: new Set(['CN']) })

    expect(result.added).toBe(1)
  })

  it('rejects an invalid bundle, naming the path of every problem, and writes nothing', async () => {
    const db = aFreshDatabase()
    const invalid = aSampleBundle() as { records: { incidents: Record<string, unknown>[] } }
    invalid.records.incidents[0]!['occurredOn'] = '2015-13'
    invalid.records.incidents[0]!['status'] = 'rumoured'
    const before = await snapshotOf(db)

    const error = await catchError(seedBundle(db, invalid, options))

    expect((error as BundleValidationError).problems.map((problem) => problem.path)).toEqual(['records.incidents[0].occurredOn', 'records.incidents[0].status'])
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('rejects a bundle that links to a record that exists nowhere', async () => {
    const db = aFreshDatabase()
    const bundle = aBundle({ incidents: [anIncident({ jurisdictionIds: ['CN'] })] })

    const error = await catchError(seedBundle(db, bundle, options))

    expect(error).toBeInstanceOf(BundleValidationError)
  })

  it('leaves the database exactly as it was when any one of its writes fails', async () => {
    const db = aFreshDatabase()
    const faults = injectWriteFailures(db)
    const before = await snapshotOf(db)
    const writesOfALoad = 5 // three records, the change feed's stamp and the marker

    for (let k = 1; k <= writesOfALoad; k += 1) {
      faults.failWrite(k)
      await catchError(seedBundle(db, aSampleBundle(), options))
      expect(await snapshotOf(db), `write ${k} failed`).toEqual(before)
    }
    faults.failWrite(0)
    await seedBundle(db, aSampleBundle(), options)
    expect(faults.writes).toBe(writesOfALoad)
  })
})
