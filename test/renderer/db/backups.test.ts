import { describe, expect, it } from 'vitest'
import type { IncidentId, ResponseId } from '@shared/domain/ids'
import {
  BACKUPS_KEPT,
  BundleValidationError,
  createBackup,
  listBackups,
  listRevisions,
  readBackup,
  readKnowledgeBaseBundle,
  restoreBundle,
  saveRecord
} from '@renderer/db'
import { anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'

const NOW = '2026-11-29T10:00:00.000Z'
const clock = () => NOW
const writeOptions = { now: () => '2026-11-29T11:00:00.000Z', newId: () => crypto.randomUUID() }

async function aPopulatedDatabase() {
  const db = aFreshDatabase()
  const regulator = anOrganisation({ id: 'org-cac', kind: 'regulator', name: 'Cyberspace Administration of China', aliases: [{ name: '国家互联网信息办公室', language: 'zh' }] })
  const incident = anIncident({ id: 'inc-alipay', title: 'Alipay default opt-in', occurredOn: '2018-01' })
  const response = aResponse({ id: 'resp-summons', actorId: 'org-cac', incidentIds: ['inc-alipay'], datedOn: '2018-01-10' })
  await givenStored(
    db,
    { type: 'organisation', record: regulator },
    { type: 'incident', record: incident },
    { type: 'response', record: response }
  )
  return db
}

describe('backups', () => {
  it('holds every record as a valid bundle with its counts', async () => {
    const db = await aPopulatedDatabase()

    const backup = await createBackup(db, { reason: 'Before importing fines.csv', now: clock })

    expect(backup.counts).toEqual({ incident: 1, organisation: 1, jurisdiction: 0, law: 0, response: 1, source: 0 })
    expect(await listBackups(db)).toEqual([{ id: backup.id, createdAt: NOW, reason: 'Before importing fines.csv', counts: backup.counts }])
    const bundle = await readBackup(db, backup.id)
    expect(bundle?.records.organisations[0]).toMatchObject({ id: 'org-cac', aliases: [{ name: '国家互联网信息办公室', language: 'zh' }] })
    expect(bundle?.records.incidents[0]).not.toHaveProperty('refs')
  })

  it(`keeps the newest ${BACKUPS_KEPT} backups`, async () => {
    const db = await aPopulatedDatabase()
    for (let day = 1; day <= BACKUPS_KEPT + 2; day += 1) {
      await createBackup(db, { reason: `Backup ${day}`, now: () => `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z` })
    }

    const kept = await listBackups(db)

    expect(kept).toHaveLength(BACKUPS_KEPT)
    expect(kept[0]?.reason).toBe(`Backup ${BACKUPS_KEPT + 2}`)
    expect(kept.at(-1)?.reason).toBe('Backup 3')
  })

  it('restores exactly what was backed up: edits undone, later records removed, deleted ones back', async () => {
    const db = await aPopulatedDatabase()
    const backup = await createBackup(db, { reason: 'Before changes', now: clock })
    const before = await readKnowledgeBaseBundle(db, { now: clock })
    const incident = before.records.incidents[0]!
    await saveRecord(db, 'incident', { ...incident, title: 'Edited after the backup' }, { ...writeOptions, expectedRevision: incident.revision })
    await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-later', name: 'Added later' }) })
    await db.responses.delete('resp-summons' as ResponseId)

    const result = await restoreBundle(db, await readBackup(db, backup.id), { author: 'Analyst', now: () => '2026-11-29T12:00:00.000Z' })

    expect(result).toEqual({ restored: 2, removed: 1, unchanged: 1 })
    const after = await readKnowledgeBaseBundle(db, { now: clock })
    const withoutBookkeeping = (records: readonly { revision: number; updatedAt: string }[]) =>
      records.map(({ revision: _r, updatedAt: _u, ...rest }) => rest)
    expect(withoutBookkeeping(after.records.incidents)).toEqual(withoutBookkeeping(before.records.incidents))
    expect(after.records.organisations.map((org) => org.id)).toEqual(['org-cac'])
    expect(withoutBookkeeping(after.records.responses)).toEqual(withoutBookkeeping(before.records.responses))
    expect((await listRevisions(db, 'inc-alipay'))[0]).toMatchObject({ action: 'restore', author: 'Analyst', revision: 3 })
    expect((await listRevisions(db, 'org-later'))[0]).toMatchObject({ action: 'delete' })
  })

  it('refuses an invalid bundle and changes nothing', async () => {
    const db = await aPopulatedDatabase()
    const snapshot = await snapshotOf(db)

    const error = await catchError(restoreBundle(db, { format: 'precedent-bundle', version: 1 }, { author: '', now: clock }))

    expect(error).toBeInstanceOf(BundleValidationError)
    expect(await snapshotOf(db)).toEqual(snapshot)
  })

  it('leaves the knowledge base exactly as it was when any write of the restore fails', async () => {
    async function aChangedDatabase() {
      const db = await aPopulatedDatabase()
      await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-later', name: 'Added later' }) })
      await db.incidents.update('inc-alipay' as IncidentId, { title: 'Changed' })
      return db
    }
    const backup = await readKnowledgeBaseBundle(await aPopulatedDatabase(), { now: clock })
    const counting = await aChangedDatabase()
    const counter = injectWriteFailures(counting)
    counter.failWrite(0)
    await restoreBundle(counting, backup, { author: '', now: clock })
    const writes = counter.writes
    expect(writes).toBeGreaterThanOrEqual(4)

    for (let k = 1; k <= writes; k += 1) {
      const db = await aChangedDatabase()
      const faults = injectWriteFailures(db)
      const expected = await snapshotOf(db)
      faults.failWrite(k)
      const error = await catchError(restoreBundle(db, backup, { author: '', now: clock }))
      expect(error, `write ${k}`).toBeInstanceOf(Error)
      expect(await snapshotOf(db), `write ${k}`).toEqual(expected)
    }
  })
})
