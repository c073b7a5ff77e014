import { describe, expect, it } from 'vitest'
import { PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const beforeVersion7 = allMigrations.filter((migration) => migration.version < 7)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
const incident = (id: string, title: string) => ({
  id,
  title,
  summary: '',
  categories: [],
  dataCategories: [],
  status: 'reported',
  tags: [],
  jurisdictionIds: [],
  organisations: [],
  implicatedProvisions: [],
  citations: [],
  ...bookkeeping
})

describe('migration 007: rare title keys', () => {
  it('replaces every stored character pair of a title by its rarest ones, keeping the exact title key', async () => {
    const name = aFreshDatabaseName()
    const before = new PrecedentDatabase(name, beforeVersion7)
    await before.open()
    // Written at version 6, with version 6's keys: every character pair of the title.
    const titles = ['Bluedata plc phishing campaign exposed 237k subscribers', 'Bluedata plc phishing campaign exposed 273k subscribers']
    const stale = titles.map((title, index) => {
      const compact = title.toLowerCase().replace(/[^a-z0-9]/g, '')
      const pairs = new Set([...compact].slice(1).map((character, at) => `${compact[at]}${character}`))
      return { ...incident(`inc-${index}`, title), refs: [], sortKey: '', duplicateKeys: [`x:${compact}`, ...[...pairs].map((pair) => `l:${pair}`)] }
    })
    await before.table('incidents').bulkPut(stale)
    before.close()

    const db = new PrecedentDatabase(name)
    await db.open()

    const rows = await db.table('incidents').toArray()
    for (const [index, row] of rows.entries()) {
      expect(row.duplicateKeys).toContain(stale[index]!.duplicateKeys[0])
      expect(row.duplicateKeys.length).toBeLessThan(stale[index]!.duplicateKeys.length * 0.7)
    }
    // The commonest English pair is no longer a key; the two near-duplicates still share one.
    expect(await db.table('incidents').where('duplicateKeys').equals('l:th').primaryKeys()).toEqual([])
    const shared = rows[0].duplicateKeys.filter((key: string) => key.startsWith('l:') && rows[1].duplicateKeys.includes(key))
    expect(shared.length).toBeGreaterThan(0)
    expect(await db.table('incidents').where('duplicateKeys').equals(shared[0]).primaryKeys()).toEqual(['inc-0', 'inc-1'])
    expect(rows[0].duplicateData).toMatchObject({ kind: 'incident', titles: ['bluedataplcphishingcampaignexposed237ksubscribers'] })
  })
})
