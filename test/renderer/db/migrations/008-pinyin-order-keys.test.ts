import { describe, expect, it } from 'vitest'
import { PrecedentDatabase } from '@renderer/db'
import { listOrderIndex } from '@renderer/db/listOrder'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const beforeVersion8 = allMigrations.filter((migration) => migration.version < 8)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
const organisation = (id: string, name: string) => ({
  id,
  name,
  aliases: [],
  kind: 'company',
  tags: [],
  citations: [],
  refs: [],
  sortKey: name.toLowerCase(),
  // As version 7 stored them: folded, Han characters in code-point order.
  orderTitle: name.toLowerCase(),
  orderKind: 'company',
  orderHeadquarters: '|',
  ...bookkeeping
})

describe('migration 008: pinyin order keys', () => {
  it('files the stored Chinese names by pinyin among the Latin ones, leaving Latin rows as they were', async () => {
    const name = aFreshDatabaseName()
    const before = new PrecedentDatabase(name, beforeVersion8)
    await before.open()
    await before
      .table('organisations')
      .bulkPut([
        organisation('org-zfb', '支付宝'),
        organisation('org-ali', '阿里巴巴'),
        organisation('org-apple', 'Apple'),
        organisation('org-zoom', 'Zoom'),
        organisation('org-bd', '百度')
      ])
    // Code-point order put every Chinese name after every Latin one.
    expect(await before.table('organisations').orderBy(listOrderIndex('orderTitle')).primaryKeys()).toEqual([
      'org-apple',
      'org-zoom',
      'org-zfb',
      'org-bd',
      'org-ali'
    ])
    before.close()

    const db = new PrecedentDatabase(name)
    await db.open()

    expect(await db.table('organisations').orderBy(listOrderIndex('orderTitle')).primaryKeys()).toEqual([
      'org-apple',
      'org-ali',
      'org-bd',
      'org-zoom',
      'org-zfb'
    ])
    expect((await db.table('organisations').get('org-apple')).orderTitle).toBe('apple')
    db.close()
  })
})
