import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  createIncidentRepository,
  EXCLUSIVE_WRITE_LOCK,
  listBackups,
  PrecedentDatabase,
  readBackup,
  restoreBundle,
  UpgradeBackupError,
  withExclusiveWriteLock
} from '@renderer/db'
import { upgradeBackupReason } from '@renderer/db/backupBeforeUpgrade'
import { allMigrations } from '@renderer/db/migrations'
import type { Bundle } from '@shared/domain/bundle'
import { anIncident, anOrganisation } from '../../../builders/domain'
import { catchError } from '../../../support/catchError'
import { aLatch, FakeLockManager, installLockManager } from '../fakeLockManager'
import { aFreshDatabaseName, givenStored, snapshotOf } from '../testDatabase'

const newest = Math.max(...allMigrations.map((migration) => migration.version))
const previous = newest - 1
const upToPrevious = allMigrations.filter((migration) => migration.version <= previous)
const upToVersion1 = allMigrations.filter((migration) => migration.version <= 1)

const incident = anIncident({ id: 'inc-alipay', title: 'Alipay default opt-in', occurredOn: '2018-01' })
const regulator = anOrganisation({ id: 'org-cac', kind: 'regulator', name: 'Cyberspace Administration of China' })

/** A knowledge base as the previous version of the app left it: two records and the author's name. */
async function givenStoredAtPreviousVersion(name: string, ...extra: Parameters<typeof givenStored>[1][]): Promise<void> {
  const old = new PrecedentDatabase(name, upToPrevious)
  await givenStored(old, { type: 'incident', record: incident }, { type: 'organisation', record: regulator }, ...extra)
  await old.meta.put({ key: 'preferences', value: { authorName: 'Mei Chen' } })
  old.close()
}

async function storedVersionOf(name: string): Promise<number | undefined> {
  return ((await indexedDB.databases()).find((database) => database.name === name)?.version ?? 0) / 10
}

let uninstall: (() => void) | undefined
afterEach(() => {
  uninstall?.()
  uninstall = undefined
  vi.unstubAllGlobals()
})

describe('a backup before upgrading the knowledge base', () => {
  it('keeps the knowledge base as it was before the upgrade, and that backup restores it', async () => {
    const name = aFreshDatabaseName()
    await givenStoredAtPreviousVersion(name)

    const db = new PrecedentDatabase(name)
    await db.open()

    expect(db.verno).toBe(newest)
    const backups = await listBackups(db)
    expect(backups.map((backup) => backup.reason)).toEqual([upgradeBackupReason(previous, newest).text])
    expect(backups[0]!.counts).toMatchObject({ incident: 1, organisation: 1 })
    const bundle = (await readBackup(db, backups[0]!.id)) as Bundle
    expect(bundle.records.incidents).toEqual([incident])
    expect(bundle.records.organisations).toEqual([regulator])
    expect(bundle.workspace?.preferences?.authorName).toBe('Mei Chen')

    // After the upgrade the incident is lost; restoring the backup brings it back as it was.
    await db.table('incidents').clear()
    await restoreBundle(db, bundle, { author: 'Mei Chen', now: () => '2026-12-07T05:00:00.000Z' })
    expect(await createIncidentRepository(db).get('inc-alipay')).toMatchObject({ title: incident.title, occurredOn: '2018-01' })
    db.close()
  })

  it('backs up a knowledge base of the first schema too, which has no history or briefings tables yet', async () => {
    const name = aFreshDatabaseName()
    const old = new PrecedentDatabase(name, upToVersion1)
    await givenStored(old, { type: 'organisation', record: regulator })
    old.close()

    const db = new PrecedentDatabase(name)
    await db.open()

    const [backup] = await listBackups(db)
    expect(backup?.reason).toBe(upgradeBackupReason(1, newest).text)
    expect(backup?.reasonCode).toEqual({ kind: 'before-upgrading', from: 1, to: newest })
    const bundle = (await readBackup(db, backup!.id)) as Bundle
    expect(bundle.records.organisations.map((organisation) => organisation.id)).toEqual(['org-cac'])
    expect(bundle.workspace?.revisions).toEqual([])
    db.close()
  })

  it('takes no backup on a first start, nor when the knowledge base is already current', async () => {
    const name = aFreshDatabaseName()
    const first = new PrecedentDatabase(name)
    await givenStored(first, { type: 'incident', record: incident })
    first.close()
    const again = new PrecedentDatabase(name)
    await again.open()

    expect(await listBackups(again)).toEqual([])
    again.close()
  })

  it('does not upgrade when the backup cannot be kept: opening fails with a reason, the data stays as it was, and the next start upgrades', async () => {
    const name = aFreshDatabaseName()
    await givenStoredAtPreviousVersion(name)
    const asStored = new PrecedentDatabase(name, upToPrevious)
    const before = await snapshotOf(asStored)
    asStored.close()
    // The backup is gzip-compressed as it is written: a compressor that cannot start stops it.
    vi.stubGlobal(
      'CompressionStream',
      class {
        constructor() {
          throw new Error('The disk is full')
        }
      }
    )

    const db = new PrecedentDatabase(name)
    const error = await catchError(db.open())
    // A query waiting for the open (Dexie opens on first use) fails too, rather than waiting for ever.
    const query = await catchError(new PrecedentDatabase(name).table('incidents').count())

    expect(String(error)).toContain('a backup of it as it was could not be kept first')
    expect(String(error)).toContain('The disk is full')
    expect(String(query)).toContain('a backup of it as it was could not be kept first')
    expect(await storedVersionOf(name)).toBe(previous)
    const unchanged = new PrecedentDatabase(name, upToPrevious)
    expect(await snapshotOf(unchanged)).toEqual(before)
    unchanged.close()
    expect(error).toSatisfy((value) => value instanceof UpgradeBackupError || (value as { inner?: unknown }).inner instanceof UpgradeBackupError)

    vi.unstubAllGlobals()
    const next = new PrecedentDatabase(name)
    await next.open()
    expect(next.verno).toBe(newest)
    expect((await listBackups(next)).map((backup) => backup.reason)).toEqual([upgradeBackupReason(previous, newest).text])
    next.close()
  })

  it('upgrades only once the exclusive write lock is free: what another window wrote under it is in the backup', async () => {
    const locks = new FakeLockManager()
    uninstall = installLockManager(locks)
    const name = aFreshDatabaseName()
    await givenStoredAtPreviousVersion(name)
    const holder = aLatch()
    // Another window, still at the previous version, is in the middle of an import.
    const otherWindow = withExclusiveWriteLock(async () => {
      await holder.done
      const old = new PrecedentDatabase(name, upToPrevious)
      await givenStored(old, { type: 'incident', record: anIncident({ id: 'inc-imported' }) })
      old.close()
    })

    const db = new PrecedentDatabase(name)
    const opened = db.open()
    holder.release()
    await otherWindow
    await opened

    expect(locks.requested).toEqual([EXCLUSIVE_WRITE_LOCK, EXCLUSIVE_WRITE_LOCK])
    const [backup] = await listBackups(db)
    expect(backup?.counts.incident).toBe(2)
    expect(await db.table('incidents').count()).toBe(2)
    db.close()
  })

  it('backs up and upgrades once when two connections of the new version open together (a window and its worker)', async () => {
    uninstall = installLockManager(new FakeLockManager())
    const name = aFreshDatabaseName()
    await givenStoredAtPreviousVersion(name)

    const page = new PrecedentDatabase(name)
    const worker = new PrecedentDatabase(name)
    await Promise.all([page.open(), worker.open()])

    expect((await listBackups(page)).map((backup) => backup.reason)).toEqual([upgradeBackupReason(previous, newest).text])
    expect(await worker.table('incidents').count()).toBe(1)
    page.close()
    worker.close()
  })

  it('asks for no lock when nothing is upgraded', async () => {
    const locks = new FakeLockManager()
    uninstall = installLockManager(locks)
    const name = aFreshDatabaseName()
    const first = new PrecedentDatabase(name)
    await first.open()
    first.close()
    const again = new PrecedentDatabase(name)
    await again.open()
    again.close()
    expect(locks.requested).toEqual([])
  })
})
