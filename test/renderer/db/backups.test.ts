import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import type { Bundle } from '@shared/domain/bundle'
import { ImportInputError } from '@shared/interchange/importProblem'
import type { IncidentId, ResponseId } from '@shared/domain/ids'
import {
  BACKUPS_KEPT,
  BundleValidationError,
  createBackup,
  deleteRecord,
  findLinksTo,
  listBackups,
  listRevisions,
  readBackup,
  readBackupContent,
  readBundleFile,
  readKnowledgeBaseBundle,
  restoreBundle,
  RestoreCancelledError,
  saveRecord,
  type PrecedentDatabase
} from '@renderer/db'
import { aBundle, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'
import { describedInEnglish } from '../../support/words'

const NOW = '2026-11-29T10:00:00.000Z'
const clock = () => NOW
const writeOptions = { now: () => '2026-11-29T11:00:00.000Z', newId: () => crypto.randomUUID() }

async function aPopulatedDatabase() {
  const db = aFreshDatabase()
  const regulator = anOrganisation({
    id: 'org-cac',
    kind: 'regulator',
    name: 'Cyberspace Administration of China',
    aliases: [{ name: '国家互联网信息办公室', language: 'zh' }]
  })
  const incident = anIncident({ id: 'inc-alipay', title: 'Alipay default opt-in', occurredOn: '2018-01' })
  const response = aResponse({ id: 'resp-summons', actorId: 'org-cac', incidentIds: ['inc-alipay'], datedOn: '2018-01-10' })
  await givenStored(db, { type: 'organisation', record: regulator }, { type: 'incident', record: incident }, { type: 'response', record: response })
  return db
}

describe('backups', () => {
  it('holds every record as a valid bundle with its counts', async () => {
    const db = await aPopulatedDatabase()

    const backup = await createBackup(db, {
      reason: { text: 'Before importing fines.csv', code: { kind: 'before-importing', files: ['fines.csv'] } },
      now: clock
    })

    expect(backup.counts).toEqual({ incident: 1, organisation: 1, jurisdiction: 0, law: 0, response: 1, source: 0 })
    expect(await listBackups(db)).toEqual([
      {
        id: backup.id,
        createdAt: NOW,
        reason: 'Before importing fines.csv',
        reasonCode: { kind: 'before-importing', files: ['fines.csv'] },
        counts: backup.counts,
        bytes: backup.file.size
      }
    ])
    const bundle = (await readBackup(db, backup.id)) as Bundle | undefined
    expect(bundle?.records.organisations[0]).toMatchObject({ id: 'org-cac', aliases: [{ name: '国家互联网信息办公室', language: 'zh' }] })
    expect(bundle?.records.incidents[0]).not.toHaveProperty('refs')
  })

  it(`keeps the newest ${BACKUPS_KEPT} backups`, async () => {
    const db = await aPopulatedDatabase()
    for (let day = 1; day <= BACKUPS_KEPT + 2; day += 1) {
      await createBackup(db, {
        reason: { text: `Backup ${day}`, code: { kind: 'by-hand' } },
        now: () => `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`
      })
    }

    const kept = await listBackups(db)

    expect(kept).toHaveLength(BACKUPS_KEPT)
    expect(kept[0]?.reason).toBe(`Backup ${BACKUPS_KEPT + 2}`)
    expect(kept.at(-1)?.reason).toBe('Backup 3')
  })

  it('restores exactly what was backed up: edits undone, later records removed, deleted ones back', async () => {
    const db = await aPopulatedDatabase()
    const backup = await createBackup(db, { reason: { text: 'Before changes', code: { kind: 'by-hand' } }, now: clock })
    const before = await readKnowledgeBaseBundle(db, { now: clock })
    const incident = before.records.incidents[0]!
    await saveRecord(db, 'incident', { ...incident, title: 'Edited after the backup' }, { ...writeOptions, expectedRevision: incident.revision })
    await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-later', name: 'Added later' }) })
    await db.responses.delete('resp-summons' as ResponseId)

    const result = await restoreBundle(db, await readBackup(db, backup.id), { author: 'Analyst', now: () => '2026-11-29T12:00:00.000Z' })

    expect(result).toEqual({
      restored: 2,
      removed: 1,
      unchanged: 1,
      workspace: { revisionsAdded: 0, briefings: 0, savedSearches: 0, merges: 0, redirects: 0, redirectsDropped: 0 }
    })
    const after = await readKnowledgeBaseBundle(db, { now: clock })
    const withoutBookkeeping = (records: readonly { revision: number; updatedAt: string }[]) => records.map(({ revision: _r, updatedAt: _u, ...rest }) => rest)
    expect(withoutBookkeeping(after.records.incidents)).toEqual(withoutBookkeeping(before.records.incidents))
    expect(after.records.organisations.map((org) => org.id)).toEqual(['org-cac'])
    expect(withoutBookkeeping(after.records.responses)).toEqual(withoutBookkeeping(before.records.responses))
    expect((await listRevisions(db, 'inc-alipay'))[0]).toMatchObject({ action: 'restore', author: 'Analyst', revision: 3 })
    expect((await listRevisions(db, 'org-later'))[0]).toMatchObject({ action: 'delete' })
  })

  it("restores every record, link and a history entry into an empty knowledge base, counting on from a deleted record's history", async () => {
    const backup = await readKnowledgeBaseBundle(await aPopulatedDatabase(), { now: clock })
    const empty = aFreshDatabase()
    // The regulator was once in this knowledge base, edited, and deleted: its history ends at revision 2.
    const once = anOrganisation({ id: 'org-cac', name: 'CAC' })
    await saveRecord(empty, 'organisation', once, writeOptions)
    await saveRecord(empty, 'organisation', { ...once, name: 'CAC (renamed)' }, { ...writeOptions, expectedRevision: 1 })
    await deleteRecord(empty, 'organisation', 'org-cac', writeOptions)
    expect((await listRevisions(empty, 'org-cac'))[0]).toMatchObject({ action: 'delete', revision: 2 })

    const result = await restoreBundle(empty, backup, { author: 'Analyst', now: () => '2026-11-29T12:00:00.000Z' })

    expect(result).toEqual({
      restored: 3,
      removed: 0,
      unchanged: 0,
      workspace: { revisionsAdded: 0, briefings: 0, savedSearches: 0, merges: 0, redirects: 0, redirectsDropped: 0 }
    })
    const after = await readKnowledgeBaseBundle(empty, { now: clock })
    const content = (bundle: Bundle) =>
      Object.values(bundle.records)
        .flat()
        .map(({ revision: _r, updatedAt: _u, ...rest }) => rest)
    expect(content(after)).toEqual(content(backup))
    // Links are found by the stored rows' index fields, as the app finds them.
    const linking = async (id: string) => (await findLinksTo(empty, id)).map(({ record }) => record.id)
    expect(await linking('org-cac')).toEqual(['resp-summons'])
    expect(await linking('inc-alipay')).toEqual(['resp-summons'])
    for (const record of Object.values(after.records).flat()) {
      const [newest] = await listRevisions(empty, record.id)
      expect(newest, record.id).toMatchObject({ action: 'restore', author: 'Analyst', revision: record.revision, snapshot: record })
    }
    expect(after.records.organisations.find((organisation) => organisation.id === 'org-cac')?.revision).toBe(3)
    expect(after.records.incidents[0]?.revision).toBe(1)
  })

  it('leaves an empty knowledge base empty, with no history, when a restore fails after pages were written', async () => {
    const organisations = Array.from({ length: 1200 }, (_, index) =>
      anOrganisation({ id: `org-${String(index).padStart(5, '0')}`, name: `Organisation ${index}` })
    )
    const backup = aBundle({ organisations })
    const empty = aFreshDatabase()
    const faults = injectWriteFailures(empty)
    const expected = await snapshotOf(empty)
    // Writes 1 and 2 are the first page's records and their history; 5 is the third page's records.
    faults.failWrite(5)

    const error = await catchError(restoreBundle(empty, backup, { author: '', now: clock }))

    expect(error).toBeInstanceOf(Error)
    expect(faults.writes).toBe(5)
    expect(await snapshotOf(empty)).toEqual(expected)
  })

  it('restores a backup made before disguising characters were refused, taking them out', async () => {
    const db = aFreshDatabase()
    // Written by an older version, whose forms let a right-to-left override into a title.
    const older = aBundle({ incidents: [{ ...anIncident({ id: 'inc-invoice' }), title: 'invoice_\u202Efdp.exe leaked' }] })

    await restoreBundle(db, older, { author: '', now: clock })

    expect((await db.recordTable('incident').get('inc-invoice'))?.title).toBe('invoice_fdp.exe leaked')
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

  it('keeps a backup as a gzip-compressed bundle file that any bundle reader reads', async () => {
    const db = await aPopulatedDatabase()

    const backup = await createBackup(db, { reason: { text: 'By hand', code: { kind: 'by-hand' } }, now: clock })

    const content = await readBackupContent(db, backup.id)
    expect(content?.kind).toBe('file')
    const file = content?.kind === 'file' ? content.file : new Blob()
    const head = new Uint8Array(await file.slice(0, 2).arrayBuffer())
    expect([...head]).toEqual([0x1f, 0x8b])
    const text = await new Response(file.stream().pipeThrough(new DecompressionStream('gzip'))).text()
    expect(JSON.parse(text)).toEqual(await readKnowledgeBaseBundle(db, { now: clock, title: 'By hand' }))
  })

  it('round-trips a few thousand records through a compressed backup and a restore into an empty knowledge base', async () => {
    const db = aFreshDatabase()
    const organisations = Array.from({ length: 1000 }, (_, index) =>
      anOrganisation({ id: `org-${String(index).padStart(5, '0')}`, name: `Organisation ${index} «${'名'.repeat(index % 5)}»` })
    )
    const incidents = Array.from({ length: 1000 }, (_, index) =>
      anIncident({ id: `inc-${String(index).padStart(5, '0')}`, title: `Incident ${index} with "quotes" and \\ backslashes` })
    )
    await givenStored(
      db,
      ...organisations.map((record) => ({ type: 'organisation' as const, record })),
      ...incidents.map((record) => ({ type: 'incident' as const, record }))
    )
    const before = await readKnowledgeBaseBundle(db, { now: clock })

    const backup = await createBackup(db, { reason: { text: 'Big', code: { kind: 'by-hand' } }, now: clock })
    expect(backup.counts).toMatchObject({ organisation: 1000, incident: 1000 })
    expect(backup.file.size).toBeLessThan(JSON.stringify(before).length / 4)

    const empty = aFreshDatabase()
    const progress: number[] = []
    const result = await restoreBundle(empty, await readBackup(db, backup.id), { author: 'Analyst', now: clock, onProgress: (done) => progress.push(done) })

    expect(result).toEqual({
      restored: 2000,
      removed: 0,
      unchanged: 0,
      workspace: { revisionsAdded: 0, briefings: 0, savedSearches: 0, merges: 0, redirects: 0, redirectsDropped: 0 }
    })
    expect(progress.at(-1)).toBe(2000)
    const after = await readKnowledgeBaseBundle(empty, { now: clock })
    const content = (bundle: Bundle) =>
      Object.values(bundle.records)
        .flat()
        .map(({ revision: _r, updatedAt: _u, ...rest }) => rest)
    expect(content(after)).toEqual(content(before))
  }, 60_000)

  it('still lists, reads and restores a backup kept the old way, as a bundle object', async () => {
    const db = await aPopulatedDatabase()
    // Kept before bundle version 2: the records only.
    const { workspace: _workspace, ...current } = await readKnowledgeBaseBundle(db, { now: clock, title: 'Before importing old.csv' })
    const old = { ...current, version: 1 as const }
    await givenAnOldBackup(db, {
      id: 'old-1',
      createdAt: '2026-01-01T00:00:00.000Z',
      reason: 'Before importing old.csv',
      counts: { incident: 1, organisation: 1, jurisdiction: 0, law: 0, response: 1, source: 0 },
      bundle: old
    })
    await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-later', name: 'Added later' }) })

    expect(await listBackups(db)).toEqual([
      {
        id: 'old-1',
        createdAt: '2026-01-01T00:00:00.000Z',
        reason: 'Before importing old.csv',
        counts: { incident: 1, organisation: 1, jurisdiction: 0, law: 0, response: 1, source: 0 }
      }
    ])
    expect(await readBackupContent(db, 'old-1')).toEqual({ kind: 'bundle', bundle: old })
    const result = await restoreBundle(db, await readBackup(db, 'old-1'), { author: 'Analyst', now: clock })

    expect(result).toEqual({ restored: 0, removed: 1, unchanged: 3, workspace: { revisionsAdded: 0, redirects: 0, redirectsDropped: 0 } })
  })

  it('reads plain and pretty-printed bundle files as well as compressed ones', async () => {
    const bundle = aBundle({ organisations: [anOrganisation({ id: 'org-a', name: 'A' })] })
    for (const text of [JSON.stringify(bundle), `\uFEFF${JSON.stringify(bundle, null, 2)}\n`]) {
      expect(await readBundleFile(new Blob([text]), 'kb.json')).toEqual(bundle)
    }
  })

  it('refuses a damaged compressed file with a one-line error naming it', async () => {
    const db = await aPopulatedDatabase()
    const { file } = await createBackup(db, { reason: { text: 'By hand', code: { kind: 'by-hand' } }, now: clock })
    const bytes = new Uint8Array(await file.arrayBuffer())

    const cut = await catchError(readBundleFile(new Blob([bytes.slice(0, bytes.length - 30)]), 'kb.json.gz'))

    expect(cut).toBeInstanceOf(ImportInputError)
    expect(describedInEnglish((cut as ImportInputError).problem)).toMatch(/^kb\.json\.gz: /)
    expect(describedInEnglish((cut as ImportInputError).problem)).not.toContain('\n')
  })

  it('names the record and field of an invalid bundle', async () => {
    const db = aFreshDatabase()
    const bundle = aBundle({ incidents: [anIncident({ id: 'inc-ok' }), { ...anIncident({ id: 'inc-bad' }), occurredOn: 'last spring' } as never] })

    const error = await catchError(restoreBundle(db, bundle, { author: '', now: clock }))

    expect(error).toBeInstanceOf(BundleValidationError)
    expect((error as BundleValidationError).problems[0]?.path).toBe('records.incidents[1] (inc-bad).occurredOn')
  })

  it('changes nothing when the restore is cancelled', async () => {
    const db = await aPopulatedDatabase()
    const snapshot = await snapshotOf(db)
    const backup = aBundle({ organisations: Array.from({ length: 1200 }, (_, index) => anOrganisation({ id: `org-${index}`, name: `Org ${index}` })) })
    const controller = new AbortController()

    const error = await catchError(
      restoreBundle(db, backup, { author: '', now: clock, signal: controller.signal, onProgress: (done) => done >= 500 && controller.abort() })
    )

    expect(error).toBeInstanceOf(RestoreCancelledError)
    expect(await snapshotOf(db)).toEqual(snapshot)
  })
})

/** A row as backups were kept before they were compressed. */
async function givenAnOldBackup(db: PrecedentDatabase, row: Record<string, unknown>): Promise<void> {
  const backups = new Dexie(`${db.name}-backups`)
  backups.version(1).stores({ backups: 'id, createdAt' })
  await backups.table('backups').add(row)
  backups.close()
}
