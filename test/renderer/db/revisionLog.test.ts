import { describe, expect, it } from 'vitest'
import { appendRevisions, getRevision, lastRecordedRevisions, listRevisions } from '@renderer/db'
import { revisionsWrittenNow, revisionTable } from '@renderer/db/revisionLog'
import type { RecordRevision } from '@shared/domain/recordHistory'
import { anIncident } from '../../builders/domain'
import { aFreshDatabase } from './testDatabase'
import { catchError } from '../../support/catchError'

function aRevision(overrides: Partial<RecordRevision> = {}): RecordRevision {
  const snapshot = anIncident({ id: 'inc-alipay' })
  return {
    id: `rev-${Math.random().toString(36).slice(2)}`,
    recordType: 'incident',
    recordId: snapshot.id,
    revision: 1,
    at: '2026-02-01T10:00:00.000Z',
    author: 'Mei',
    action: 'create',
    changes: [{ field: 'title', before: undefined, after: snapshot.title }],
    snapshot,
    ...overrides
  }
}

describe('appendRevisions', () => {
  it('stores an entry when called inside a transaction that includes the revisions and meta tables, and marks the log written', async () => {
    const db = aFreshDatabase()
    const revision = aRevision()

    const markBefore = await revisionsWrittenNow(db)

    await db.transaction('rw', [db.incidents, revisionTable(db), db.meta], () => appendRevisions(db, [revision]))

    expect(await getRevision(db, revision.id)).toEqual(revision)
    expect(await revisionsWrittenNow(db)).not.toBe(markBefore)
  })

  it('refuses a transaction without meta, where the log could not be marked written', async () => {
    const db = aFreshDatabase()

    const error = await catchError(db.transaction('rw', [db.incidents, revisionTable(db)], () => appendRevisions(db, [aRevision()])))

    expect(error).toBeInstanceOf(Error)
    expect(await revisionTable(db).count()).toBe(0)
  })

  it('refuses to write outside a transaction, so history never commits apart from its change', async () => {
    const db = aFreshDatabase()

    const error = await catchError(appendRevisions(db, [aRevision()]))

    expect(error).toBeInstanceOf(Error)
    expect(await revisionTable(db).count()).toBe(0)
  })

  it('is rolled back with the transaction it was written in', async () => {
    const db = aFreshDatabase()
    const revision = aRevision()

    await catchError(
      db.transaction('rw', [db.incidents, revisionTable(db), db.meta], async () => {
        await appendRevisions(db, [revision])
        throw new Error('The change failed')
      })
    )

    expect(await getRevision(db, revision.id)).toBeUndefined()
  })
})

describe('listRevisions', () => {
  it("lists one record's revisions newest first", async () => {
    const db = aFreshDatabase()
    const entries = [aRevision({ revision: 2, action: 'update' }), aRevision({ revision: 1 }), aRevision({ revision: 3, action: 'update' })]
    await db.transaction('rw', [revisionTable(db), db.meta], async () => {
      for (const entry of entries) await appendRevisions(db, [entry])
    })

    const revisions = await listRevisions(db, 'inc-alipay')

    expect(revisions.map((revision) => revision.revision)).toEqual([3, 2, 1])
  })

  it("leaves out other records' revisions", async () => {
    const db = aFreshDatabase()
    await db.transaction('rw', [revisionTable(db), db.meta], async () => {
      await appendRevisions(db, [aRevision()])
      await appendRevisions(db, [aRevision({ recordId: 'inc-alipay-2' })])
    })

    const revisions = await listRevisions(db, 'inc-alipay')

    expect(revisions.map((revision) => revision.recordId)).toEqual(['inc-alipay'])
  })

  it('puts a delete after the version it deleted, which shares its revision number', async () => {
    const db = aFreshDatabase()
    const { snapshot: _snapshot, ...deleted } = aRevision({ revision: 2, action: 'delete' })
    await db.transaction('rw', [revisionTable(db), db.meta], async () => {
      await appendRevisions(db, [deleted])
      await appendRevisions(db, [aRevision({ revision: 2, action: 'update' })])
    })

    const revisions = await listRevisions(db, 'inc-alipay')

    expect(revisions.map((revision) => revision.action)).toEqual(['delete', 'update'])
  })
})

describe('lastRecordedRevisions', () => {
  it('gives the highest revision of each id that has a history, and leaves out ids without one', async () => {
    const db = aFreshDatabase()
    await revisionTable(db).bulkAdd([
      aRevision({ recordId: 'inc-a', revision: 1 }),
      aRevision({ recordId: 'inc-a', revision: 3, action: 'delete' }),
      aRevision({ recordId: 'inc-a', revision: 2 }),
      aRevision({ recordId: 'inc-b', revision: 7 }),
      aRevision({ recordId: 'inc-ab', revision: 9 })
    ])
    // More ids than one range query takes, so the ids with a history are looked up in several.
    const unknown = Array.from({ length: 250 }, (_, index) => `inc-none-${index}`)

    const highest = await lastRecordedRevisions(db, [...unknown, 'inc-b', 'inc-a', 'inc-a'])

    expect(Object.fromEntries(highest)).toEqual({ 'inc-a': 3, 'inc-b': 7 })
    expect(await lastRecordedRevisions(db, [])).toEqual(new Map())
  })
})
