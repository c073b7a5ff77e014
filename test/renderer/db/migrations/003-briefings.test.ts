import { describe, expect, it } from 'vitest'
import { createBriefingRepository, createIncidentRepository, PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const upToVersion2 = allMigrations.filter((migration) => migration.version <= 2)
// Opened at version 3 itself, so the test still checks this step once later versions exist.
const upToVersion3 = allMigrations.filter((migration) => migration.version <= 3)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

/** A version 2 database with an incident, a revision entry and a meta row, as version 2 code stored them. */
async function givenVersion2Rows(name: string): Promise<void> {
  const db = new PrecedentDatabase(name, upToVersion2)
  await db.table('incidents').put({
    id: 'inc-alipay-consent',
    title: 'Alipay pre-ticked consent to Sesame Credit',
    summary: 'Pre-ticked box.',
    occurredOn: '2018-01',
    status: 'confirmed',
    categories: [],
    tags: [],
    jurisdictionIds: [],
    organisations: [],
    implicatedProvisions: [],
    citations: [],
    ...bookkeeping,
    refs: [],
    sortKey: '2018-01-01'
  })
  await db.table('revisions').put({ id: 'rev-1', recordId: 'inc-alipay-consent', revision: 1, at: bookkeeping.createdAt })
  await db.meta.put({ key: 'preferences', value: { authorName: 'Mei Chen' } })
  db.close()
}

describe('migration 003: briefings', () => {
  it('keeps every version 2 row when it upgrades', async () => {
    const name = aFreshDatabaseName()
    await givenVersion2Rows(name)

    // Up to version 3 only: later migrations have their own tests.
    const db = new PrecedentDatabase(name, upToVersion3)
    const incident = await createIncidentRepository(db).get('inc-alipay-consent' as never)

    expect(incident?.title).toBe('Alipay pre-ticked consent to Sesame Credit')
    expect(incident?.occurredOn).toBe('2018-01')
    expect(await db.table('revisions').get('rev-1')).toMatchObject({ recordId: 'inc-alipay-consent' })
    expect(await db.meta.get('preferences')).toEqual({ key: 'preferences', value: { authorName: 'Mei Chen' } })
    expect(db.verno).toBe(3)
    db.close()
  })

  it('adds an empty briefings table that takes a briefing after the upgrade', async () => {
    const name = aFreshDatabaseName()
    await givenVersion2Rows(name)

    const db = new PrecedentDatabase(name)
    await db.open()
    const repository = createBriefingRepository(db)
    const before = await repository.list()
    await repository.save({ id: 'brief-1', title: 'Alipay', subtitle: '', asOf: '2026-11-29', sections: ['summary'], includeTimelineImage: false, items: [] })

    expect(before).toEqual([])
    expect((await repository.list()).map((briefing) => briefing.id)).toEqual(['brief-1'])
    expect(db.table('briefings').schema.idxByName['updatedAt']).toBeDefined()
    db.close()
  })
})
