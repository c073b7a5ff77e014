import { describe, expect, it } from 'vitest'
import { PrecedentDatabase } from '@renderer/db'
import { allMigrations } from '@renderer/db/migrations'
import { aFreshDatabaseName } from '../testDatabase'

const beforeVersion6 = allMigrations.filter((migration) => migration.version < 6)
const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
const organisation = (id: string, name: string) => ({ id, name, kind: 'other', aliases: [], links: [], citations: [], ...bookkeeping })

describe('migration 006: placeholder names', () => {
  it('recomputes stored duplicate keys so "(Unnamed)" entities no longer share one', async () => {
    const name = aFreshDatabaseName()
    const before = new PrecedentDatabase(name, beforeVersion6)
    await before.open()
    // Written at version 5, with version 5's keys: both carry the key of the name "Unnamed".
    const { toRow } = await import('@renderer/db/storedRow')
    const stale = [organisation('org-driver', 'Tesla driver (Unnamed)'), organisation('org-student', 'Male student (Unnamed)')].map((record) => ({
      ...toRow('organisation', record as never),
      duplicateKeys: ['x:unnamed', 'x:tesladriverunnamed'],
      duplicateData: { kind: 'organisation', forms: [{ text: record.name, isAlias: false, normalised: 'unnamed' }] }
    }))
    await before.table('organisations').bulkPut(stale)
    before.close()

    const db = new PrecedentDatabase(name)
    await db.open()

    expect(await db.table('organisations').where('duplicateKeys').equals('x:unnamed').primaryKeys()).toEqual([])
    expect(await db.table('organisations').where('duplicateKeys').equals('x:tesladriver').primaryKeys()).toEqual(['org-driver'])
    expect((await db.table('organisations').get('org-student')).duplicateData.forms.map((form: { normalised: string }) => form.normalised)).toEqual([
      'male student'
    ])
  })
})
