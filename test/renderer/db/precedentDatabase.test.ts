import { describe, expect, it, vi } from 'vitest'
import { deleteRecord, getDatabase, PrecedentDatabase, ReadOnlyKnowledgeBaseError, saveRecord, TABLE_OF, type Migration } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { RECORD_TYPES } from '@shared/domain/recordTypes'
import { anOrganisation } from '../../builders/domain'
import { aFreshDatabase, aFreshDatabaseName, givenStored, snapshotOf } from './testDatabase'

const nextVersion: Migration = {
  version: Math.max(...allMigrations.map((migration) => migration.version)) + 1,
  description: 'Fixture: a newer window’s schema.',
  stores: {}
}

describe('PrecedentDatabase', () => {
  it('has a table for every record type', () => {
    const db = aFreshDatabase()

    const tableNames = db.tables.map((table) => table.name)

    expect(tableNames).toEqual(expect.arrayContaining(RECORD_TYPES.map((type) => TABLE_OF[type])))
  })

  it('closes for good and tells the app when another window upgrades the database', async () => {
    const name = aFreshDatabaseName()
    const onVersionChange = vi.fn()
    const older = aFreshDatabase(allMigrations, { onVersionChange }, name)
    await older.open()

    const newer = new PrecedentDatabase(name, [...allMigrations, nextVersion])
    await newer.open()

    expect(onVersionChange).toHaveBeenCalledOnce()
    await expect(older.incidents.count()).rejects.toThrow()
    newer.close()
  })

  it('tells the app when its upgrade waits for a window that keeps the old version open', async () => {
    const name = aFreshDatabaseName()
    const stubborn = aFreshDatabase(allMigrations, {}, name)
    await stubborn.open()
    stubborn.on('versionchange', () => false) // a window that ignores versionchange
    const onBlocked = vi.fn()

    const upgrading = new PrecedentDatabase(name, [...allMigrations, nextVersion], { onBlocked })
    const opening = upgrading.open()
    await vi.waitFor(() => expect(onBlocked).toHaveBeenCalled())

    stubborn.close()
    await opening
    upgrading.close()
  })

  it('tells when the stored database was written by a newer version of the app', async () => {
    const name = aFreshDatabaseName()
    const newer = new PrecedentDatabase(name, [...allMigrations, nextVersion])
    await newer.open()
    newer.close()

    const older = aFreshDatabase(allMigrations, {}, name)

    expect(await older.hasNewerStoredSchema()).toBe(true)
    older.close()
  })

  it('refuses every write to a database written by a newer version, whatever the path, and changes nothing', async () => {
    const name = aFreshDatabaseName()
    const seeded = aFreshDatabase(allMigrations, {}, name)
    await givenStored(seeded, { type: 'organisation', record: anOrganisation({ id: 'org-kept', name: 'Kept' }) })
    seeded.close()
    const newer = new PrecedentDatabase(name, [...allMigrations, nextVersion])
    await newer.open()
    newer.close()
    const older = aFreshDatabase(allMigrations, {}, name)
    await older.open()
    const before = await snapshotOf(older)

    const attempts = [
      saveRecord(older, 'organisation', anOrganisation({ id: 'org-new', name: 'New' }), { now: () => '2026-01-01T00:00:00.000Z', newId: () => 'x' }),
      deleteRecord(older, 'organisation', 'org-kept', { now: () => '2026-01-01T00:00:00.000Z' }),
      older.meta.put({ key: 'anything', value: 1 }),
      older.organisations.clear()
    ]

    for (const attempt of attempts) await expect(attempt).rejects.toBeInstanceOf(ReadOnlyKnowledgeBaseError)
    expect(older.isReadOnly).toBe(true)
    expect(await snapshotOf(older)).toEqual(before)
    older.close()
  })

  it('tells that a database at the code’s own version is not newer', async () => {
    const db = aFreshDatabase()

    expect(await db.hasNewerStoredSchema()).toBe(false)
  })

  it('gives the app one database', () => {
    expect(getDatabase()).toBe(getDatabase())
  })
})
