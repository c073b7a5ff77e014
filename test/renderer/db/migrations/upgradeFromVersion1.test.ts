import type { Transaction } from 'dexie'
import { describe, expect, it } from 'vitest'
import { createIncidentRepository, RECORD_SCHEMAS, type Migration, type RecordInput } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import type { Incident } from '@shared/domain/incident'
import { aFreshDatabase, aFreshDatabaseName, givenStored, snapshotOf } from '../testDatabase'

/*
 * Fixture migrations, standing in for the next real one: they prove that the way migrations are
 * applied keeps existing rows, and that a failed upgrade keeps the old database.
 */
const indexIncidentStatus: Migration = {
  version: 2,
  description: 'Fixture: index incidents by status.',
  stores: { incidents: 'id, sortKey, *refs, updatedAt, status' }
}

const lowerCaseTags: Migration = {
  version: 2,
  description: 'Fixture: index incidents by status and store tags in lower case.',
  stores: { incidents: 'id, sortKey, *refs, updatedAt, status' },
  async upgrade(tx: Transaction) {
    await tx
      .table('incidents')
      .toCollection()
      .modify((row: { tags: string[] }) => {
        row.tags = row.tags.map((tag) => tag.toLowerCase())
      })
  }
}

const failingUpgrade: Migration = {
  version: 2,
  description: 'Fixture: an upgrade that fails half way.',
  stores: { incidents: 'id, sortKey, *refs, updatedAt, status' },
  async upgrade(tx: Transaction) {
    await tx
      .table('incidents')
      .toCollection()
      .modify((row: { title: string }) => {
        row.title = 'half-migrated'
      })
    throw new Error('Upgrade failed')
  }
}

const version1 = allMigrations.filter((migration) => migration.version === 1)

const incidents: RecordInput<'incident'>[] = [
  { id: 'inc-alipay', title: 'Alipay default opt-in', status: 'confirmed', occurredOn: '2018-01-03', tags: ['Consent'] },
  { id: 'inc-uc', title: 'UC Browser transmission', status: 'alleged', occurredOn: '2015-05', tags: ['Mobile', 'Browser'] }
]

async function givenVersion1With(name: string): Promise<Incident[]> {
  const db = aFreshDatabase(version1, {}, name)
  // Stored directly: the writer of today also writes history, a table version 1 does not have.
  const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
  await givenStored(db, ...incidents.map((input) => ({ type: 'incident' as const, record: RECORD_SCHEMAS.incident.parse({ ...input, ...bookkeeping }) })))
  const stored = await createIncidentRepository(db).list()
  db.close()
  return stored
}

describe('upgrading from version 1', () => {
  it('keeps every row written under version 1 when version 2 adds an index', async () => {
    const name = aFreshDatabaseName()
    const before = await givenVersion1With(name)

    const db = aFreshDatabase([...version1, indexIncidentStatus], {}, name)
    const after = await createIncidentRepository(db).list()

    expect(after).toEqual(before)
    db.close()
  })

  it('makes version 1 rows findable through the index version 2 adds', async () => {
    const name = aFreshDatabaseName()
    await givenVersion1With(name)

    const db = aFreshDatabase([...version1, indexIncidentStatus], {}, name)
    const alleged = await db.incidents.where('status').equals('alleged').primaryKeys()

    expect(alleged).toEqual(['inc-uc'])
    db.close()
  })

  it('transforms version 1 rows and leaves their other fields as they were', async () => {
    const name = aFreshDatabaseName()
    const before = await givenVersion1With(name)

    const db = aFreshDatabase([...version1, lowerCaseTags], {}, name)
    const after = await createIncidentRepository(db).list()

    expect(after).toEqual(before.map((incident) => ({ ...incident, tags: incident.tags.map((tag) => tag.toLowerCase()) })))
    db.close()
  })

  it('leaves version 1 data intact when the upgrade throws', async () => {
    const name = aFreshDatabaseName()
    await givenVersion1With(name)
    const v1 = aFreshDatabase(version1, {}, name)
    const before = await snapshotOf(v1)
    v1.close()

    const failed = aFreshDatabase([...version1, failingUpgrade], {}, name)
    await expect(failed.open()).rejects.toThrow('Upgrade failed')
    failed.close()

    const reopened = aFreshDatabase(version1, {}, name)
    expect(await snapshotOf(reopened)).toEqual(before)
    expect(reopened.verno).toBe(1)
    reopened.close()
  })
})
