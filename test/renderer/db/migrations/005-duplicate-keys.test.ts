import { describe, expect, it } from 'vitest'
import { createIncidentRepository, createOrganisationRepository, PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const beforeVersion5 = allMigrations.filter((migration) => migration.version < 5)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

/** Organisations and incidents as earlier versions stored them: no duplicate keys. */
async function givenRowsWithoutDuplicateKeys(name: string, organisationCount: number): Promise<void> {
  const db = new PrecedentDatabase(name, beforeVersion5)
  await db.table('organisations').bulkPut(
    Array.from({ length: organisationCount }, (_, index) => ({
      id: `org-${String(index).padStart(5, '0')}`,
      name: index === 0 ? 'Alipay (支付宝)' : `Company number ${index}`,
      kind: 'company',
      aliases: [],
      links: [],
      citations: [],
      ...bookkeeping,
      refs: [],
      sortKey: 'x'
    }))
  )
  await db.table('organisations').put({
    id: 'org-alipay-ltd',
    name: 'ALIPAY Co., Ltd.',
    kind: 'company',
    aliases: [],
    links: [],
    citations: [],
    ...bookkeeping,
    refs: [],
    sortKey: 'alipay co., ltd.'
  })
  await db.table('incidents').put({
    id: 'inc-alipay-consent',
    title: 'Alipay pre-ticked consent',
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
  db.close()
}

describe('migration 005: duplicate keys', () => {
  it('gives every stored organisation and incident its duplicate keys, found through the new index', async () => {
    const name = aFreshDatabaseName()
    // More rows than one upgrade chunk, so the chunked rewrite is crossed.
    await givenRowsWithoutDuplicateKeys(name, 1_200)

    const db = new PrecedentDatabase(name)
    await db.open()
    const alike = await db.table('organisations').where('duplicateKeys').equals('x:alipay').primaryKeys()
    const byTitleWord = await db.table('incidents').where('duplicateKeys').equals('x:alipaypretickedconsent').primaryKeys()
    const last = await db.table('organisations').get('org-01199')

    expect(alike.sort()).toEqual(['org-00000', 'org-alipay-ltd'])
    expect(byTitleWord).toEqual(['inc-alipay-consent'])
    expect(last.duplicateKeys).toContain('x:companynumber1199')
    expect(await db.table('incidents').get('inc-alipay-consent')).toMatchObject({
      duplicateData: { titles: ['alipaypretickedconsent'], date: { value: '2018-01', label: 'January 2018' } }
    })
    expect(db.verno).toBeGreaterThanOrEqual(5)
    db.close()
  })

  it('keeps the records as they were, without the derived fields, and adds an empty pairs table', async () => {
    const name = aFreshDatabaseName()
    await givenRowsWithoutDuplicateKeys(name, 1)

    const db = new PrecedentDatabase(name)
    const organisation = await createOrganisationRepository(db).get('org-alipay-ltd' as never)
    const incident = await createIncidentRepository(db).get('inc-alipay-consent' as never)

    expect(organisation).toEqual({ id: 'org-alipay-ltd', name: 'ALIPAY Co., Ltd.', kind: 'company', aliases: [], links: [], citations: [], ...bookkeeping })
    expect(incident).not.toHaveProperty('duplicateKeys')
    expect(incident).not.toHaveProperty('duplicateData')
    expect(await db.table('duplicatePairs').count()).toBe(0)
    expect(db.table('duplicatePairs').schema.idxByName['[type+rank+key]']).toBeDefined()
    db.close()
  })
})

describe('the newest schema keeps every earlier index', () => {
  // Regression: 005 once restated the incidents and organisations tables without version 4's list
  // order indexes, and Dexie takes the newest string as a table's whole index list.
  it('has a list order index for every sortable column and the duplicate keys index', async () => {
    const { LIST_ORDER_FIELDS_OF, listOrderIndex } = await import('@renderer/db/listOrder')
    const db = new PrecedentDatabase(aFreshDatabaseName(), allMigrations)
    await db.open()
    for (const type of ['incident', 'organisation', 'jurisdiction', 'law', 'response', 'source'] as const) {
      const indexes = db.recordTable(type).schema.indexes.map((index) => index.name)
      for (const field of LIST_ORDER_FIELDS_OF[type]) expect(indexes, `${type} ${field}`).toContain(listOrderIndex(field))
      expect(indexes).toEqual(expect.arrayContaining(['sortKey', 'refs', 'updatedAt']))
    }
    expect(db.recordTable('incident').schema.indexes.map((index) => index.name)).toContain('duplicateKeys')
    expect(db.recordTable('organisation').schema.indexes.map((index) => index.name)).toContain('duplicateKeys')
    db.close()
  })
})
