import { describe, expect, it } from 'vitest'
import { createLawRepository, createResponseRepository, PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const version1 = allMigrations.filter((migration) => migration.version === 1)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

/** Rows exactly as version 1 code stored them: no law relations, no response stage. */
async function givenVersion1Rows(name: string): Promise<void> {
  const db = new PrecedentDatabase(name, version1)
  await db.table('laws').put({
    id: 'law-csl',
    title: 'Cybersecurity Law',
    jurisdictionId: 'CN',
    kind: 'statute',
    status: 'in-force',
    amendedOn: [],
    provisions: [{ unit: 'article', number: '41' }],
    citations: [],
    ...bookkeeping,
    refs: ['CN'],
    sortKey: '2016-11-07'
  })
  await db.table('responses').put({
    id: 'resp-summons',
    title: 'CAC summons',
    kind: 'summons',
    actorId: 'org-cac',
    datedOn: '2018-01-06',
    targetOrganisationIds: [],
    incidentIds: [],
    legalBasis: [],
    citations: [],
    ...bookkeeping,
    refs: ['org-cac'],
    sortKey: '2018-01-06'
  })
  db.close()
}

describe('migration 002: history and merge', () => {
  it('gives every existing law an empty list of relations to other laws', async () => {
    const name = aFreshDatabaseName()
    await givenVersion1Rows(name)

    const law = await createLawRepository(new PrecedentDatabase(name)).get('law-csl' as never)

    expect(law?.relations).toEqual([])
    expect(law?.provisions).toEqual([{ unit: 'article', number: '41' }])
  })

  it('marks every existing response as enacted', async () => {
    const name = aFreshDatabaseName()
    await givenVersion1Rows(name)

    const response = await createResponseRepository(new PrecedentDatabase(name)).get('resp-summons' as never)

    expect(response?.stage).toBe('enacted')
    expect(response?.datedOn).toBe('2018-01-06')
  })

  it('adds the revision, redirect and merge tables', async () => {
    const name = aFreshDatabaseName()
    await givenVersion1Rows(name)

    // Up to version 2 only: later migrations have their own tests.
    const db = new PrecedentDatabase(
      name,
      allMigrations.filter((migration) => migration.version <= 2)
    )
    await db.open()

    expect(db.tables.map((table) => table.name)).toEqual(expect.arrayContaining(['revisions', 'redirects', 'merges']))
    expect(db.verno).toBe(2)
  })
})
