import { describe, expect, it } from 'vitest'
import { createIncidentRepository, PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const upToVersion3 = allMigrations.filter((migration) => migration.version <= 3)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

function version3Incident(id: string, title: string, occurredOn?: string) {
  return {
    id,
    title,
    summary: 'A summary.',
    ...(occurredOn === undefined ? {} : { occurredOn }),
    status: 'confirmed',
    categories: [],
    tags: [],
    jurisdictionIds: [],
    organisations: [],
    implicatedProvisions: [],
    citations: [],
    ...bookkeeping,
    refs: [],
    sortKey: occurredOn === undefined ? '' : `${occurredOn}-01-01`.slice(0, 10)
  }
}

/** A version 3 database with incidents and an organisation as version 3 code stored them (no order fields). */
async function givenVersion3Rows(name: string): Promise<void> {
  const db = new PrecedentDatabase(name, upToVersion3)
  await db
    .table('incidents')
    .bulkPut([
      version3Incident('inc-c', 'Zeta breach', '2015-05-01'),
      version3Incident('inc-a', 'Émile fined', '2015'),
      version3Incident('inc-b', 'alpha leak'),
      version3Incident('inc-d', 'Beta exposure', '2015-05')
    ])
  await db.table('organisations').put({
    id: 'org-acme',
    name: 'Acme',
    aliases: [],
    kind: 'company',
    relations: [],
    citations: [],
    ...bookkeeping,
    refs: [],
    sortKey: 'acme'
  })
  db.close()
}

async function idsInIndexOrder(db: PrecedentDatabase, table: string, index: string): Promise<string[]> {
  return (await db.table(table).orderBy(index).primaryKeys()) as string[]
}

describe('migration 004: list order indexes', () => {
  it('indexes existing incidents by folded title and by partial date, less precise first, undated last', async () => {
    const name = aFreshDatabaseName()
    await givenVersion3Rows(name)

    const db = new PrecedentDatabase(name)
    await db.open()

    expect(db.verno).toBeGreaterThanOrEqual(4)
    expect(await idsInIndexOrder(db, 'incidents', '[orderTitle+id]')).toEqual(['inc-b', 'inc-d', 'inc-a', 'inc-c'])
    expect(await idsInIndexOrder(db, 'incidents', '[orderDate+id]')).toEqual(['inc-a', 'inc-d', 'inc-c', 'inc-b'])
    expect(await db.table('organisations').where('[orderKind+id]').above(['', '']).count()).toBe(1)
    db.close()
  })

  it('keeps every record as it was, without the order fields on read', async () => {
    const name = aFreshDatabaseName()
    await givenVersion3Rows(name)

    const db = new PrecedentDatabase(name)
    const incident = await createIncidentRepository(db).get('inc-a' as never)

    expect(incident?.title).toBe('Émile fined')
    expect(incident?.occurredOn).toBe('2015')
    expect(Object.keys(incident ?? {}).filter((key) => key.startsWith('order'))).toEqual([])
    db.close()
  })
})
