import { describe, expect, it } from 'vitest'
import {
  appendRevisions,
  noteUnloggedWrite,
  readChangesSince,
  readFeedHead,
  readFeedPosition,
  seedBundle,
  type FeedMark,
  type PrecedentDatabase
} from '@renderer/db'
import { readFeedTokenAround } from '@renderer/db/changeFeed'
import { revisionTable } from '@renderer/db/revisionLog'
import { toRow } from '@renderer/db/storedRow'
import { aBundle, anIncident } from '../../builders/domain'
import { aFreshDatabase, givenStored, wrapTables } from './testDatabase'

/** Dexie's `DBCoreRangeType.Any`, the range of a count of every row (a const enum, absent at run time). */
const WHOLE_RANGE = 3

/** A follower's mark taken now, holding every incident as stored. */
async function aMarkNow(db: PrecedentDatabase): Promise<FeedMark> {
  const position = await readFeedPosition(db)
  const incidents = await db.incidents.toArray()
  const newestUpdatedAt = incidents.reduce((newest, row) => (row.updatedAt > newest ? row.updatedAt : newest), '')
  return {
    lastRevisionAt: position.at,
    overlapCount: position.overlapCount,
    unloggedWrite: position.unloggedWrite,
    revisionsWritten: position.revisionsWritten,
    tables: { incident: { count: incidents.length, newestUpdatedAt } }
  }
}

/** The incidents table cleared and filled again with as many records, stamped alike, in one write. */
async function refillIncidents(db: PrecedentDatabase, stamp: boolean): Promise<void> {
  await db.transaction('rw', [db.incidents, db.meta], async () => {
    await db.incidents.clear()
    await db.incidents.bulkPut([toRow('incident', anIncident({ title: 'Refilled' }))])
    if (stamp) await noteUnloggedWrite(db)
  })
}

describe('the change feed', () => {
  it('tells a follower of a write without revisions that left counts and timestamps as they were', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'First' }) })
    const mark = await aMarkNow(db)
    const headBefore = await readFeedHead(db)

    await refillIncidents(db, true)

    expect(await readChangesSince(db, mark, ['incident'], 100)).toEqual({ kind: 'many' })
    expect(await readFeedHead(db)).not.toBe(headBefore)
  })

  it('cannot see such a write when it is not stamped, which is why every one is', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'First' }) })
    const mark = await aMarkNow(db)

    await refillIncidents(db, false)

    expect(await readChangesSince(db, mark, ['incident'], 100)).toEqual({ kind: 'none', countsAgree: true })
  })

  it('leaves a mark without a stamp to counts and timestamps, as before stamps were kept', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'First' }) })
    const { unloggedWrite: _unloggedWrite, ...mark } = await aMarkNow(db)

    await givenStored(db, { type: 'incident', record: anIncident({ title: 'Second' }) })

    expect(await readChangesSince(db, mark, ['incident'], 100)).toEqual({ kind: 'none', countsAgree: false })
  })

  it('counts no record table for a stamped mark (the stamp tells what counts would), only for a mark without one', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ title: 'First' }) })
    const stamped = await aMarkNow(db)
    const { unloggedWrite: _unloggedWrite, ...unstamped } = stamped
    const wholeTableCounts: string[] = []
    wrapTables(db, 'wholeTableCounts', (table, tableName) => ({
      count(request) {
        // A count of the primary key over every row; the feed's own counts go by its indexes and ranges.
        if (request.query.index.isPrimaryKey && request.query.range.type === WHOLE_RANGE && tableName !== 'revisions') wholeTableCounts.push(tableName)
        return table.count(request)
      }
    }))

    const forStamped = await readChangesSince(db, stamped, ['incident'], 100)
    const countedForStamped = [...wholeTableCounts]
    const forUnstamped = await readChangesSince(db, unstamped, ['incident'], 100)

    expect(forStamped).toEqual({ kind: 'none', countsAgree: true })
    expect(countedForStamped).toEqual([])
    expect(forUnstamped).toEqual({ kind: 'none', countsAgree: true })
    expect(wholeTableCounts).toEqual(['incidents'])
  })

  it('with nothing added to the log since a mark, counts nothing at all; an entry added late, dated before the mark, is still found', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-first', title: 'First' }) })
    const aRevisionOf = (recordId: string, at: string) => ({
      id: `rev-${recordId}`,
      recordType: 'incident' as const,
      recordId,
      revision: 1,
      at,
      author: '',
      action: 'create' as const,
      changes: []
    })
    await db.transaction('rw', [revisionTable(db), db.meta], () => appendRevisions(db, [aRevisionOf('inc-first', '2027-01-01T12:00:00.000Z')]))
    const mark = await aMarkNow(db)
    const countRequests: string[] = []
    wrapTables(db, 'countRequests', (table, tableName) => ({
      count(request) {
        countRequests.push(tableName)
        return table.count(request)
      }
    }))

    const untouched = await readChangesSince(db, mark, ['incident'], 100)
    const countedUntouched = [...countRequests]
    // Committed after the mark was taken, dated 30 s before it: a slow transaction.
    await db.transaction('rw', [db.incidents, revisionTable(db), db.meta], async () => {
      await db.incidents.put(toRow('incident', anIncident({ id: 'inc-late', title: 'Late', updatedAt: '2027-01-01T11:59:30.000Z' })))
      await appendRevisions(db, [aRevisionOf('inc-late', '2027-01-01T11:59:30.000Z')])
    })
    const afterLate = await readChangesSince(db, mark, ['incident'], 100)

    expect(untouched).toEqual({ kind: 'none', countsAgree: true })
    expect(countedUntouched).toEqual([])
    expect(afterLate.kind).toBe('some')
    expect(afterLate.kind === 'some' && [...afterLate.changed.keys()]).toContain('inc-late')
  })

  it('counts the overlap of a position once: read again with nothing written, it counts no revision; after a write, or a removal stamped, it counts again', async () => {
    const db = aFreshDatabase()
    const aRevisionOf = (recordId: string, at: string) => ({
      id: `rev-${recordId}`,
      recordType: 'incident' as const,
      recordId,
      revision: 1,
      at,
      author: '',
      action: 'create' as const,
      changes: []
    })
    await db.transaction('rw', [revisionTable(db), db.meta], () =>
      appendRevisions(db, [aRevisionOf('inc-a', '2027-01-01T12:00:00.000Z'), aRevisionOf('inc-b', '2027-01-01T12:00:00.000Z')])
    )
    const countRequests: string[] = []
    wrapTables(db, 'countRequests', (table, tableName) => ({
      count(request) {
        countRequests.push(tableName)
        return table.count(request)
      }
    }))

    const first = await readFeedPosition(db)
    const countedFirst = countRequests.splice(0)
    const again = await readFeedPosition(db)
    const countedAgain = countRequests.splice(0)
    await db.transaction('rw', [revisionTable(db), db.meta], () => appendRevisions(db, [aRevisionOf('inc-c', '2027-01-01T12:00:10.000Z')]))
    const afterWrite = await readFeedPosition(db)
    const countedAfterWrite = countRequests.splice(0)
    // Taken out with a stamp, as a rolled-back import takes out its revisions.
    await db.transaction('rw', [revisionTable(db), db.meta], async () => {
      await revisionTable(db).delete('rev-inc-a')
      await noteUnloggedWrite(db)
    })
    const afterRemoval = await readFeedPosition(db)

    expect(countedFirst).toEqual(['revisions'])
    expect(countedAgain).toEqual([])
    expect(again).toEqual(first)
    expect(first.overlapCount).toBe(2)
    expect(countedAfterWrite).toEqual(['revisions'])
    expect(afterWrite.overlapCount).toBe(3)
    expect(afterRemoval.overlapCount).toBe(2)
  })

  it('stamps the loading of shipped records, and not a load that finds them loaded already', async () => {
    const db = aFreshDatabase()
    const bundle = JSON.parse(JSON.stringify(aBundle({ incidents: [anIncident({ title: 'Shipped' })] }))) as unknown
    const options = { markerKey: 'sample:knowledge-base', now: () => '2026-03-01T08:00:00.000Z' }
    const empty = await aMarkNow(db)

    await seedBundle(db, bundle, options)
    const loaded = await aMarkNow(db)
    await seedBundle(db, bundle, options)

    expect(await readChangesSince(db, empty, ['incident'], 100)).toEqual({ kind: 'many' })
    expect(await readChangesSince(db, loaded, ['incident'], 100)).toEqual({ kind: 'none', countsAgree: true })
  })

  describe('the token a bulk write compares between its own transactions', () => {
    const OWN_AT = '2027-01-01T12:00:00.000Z'
    const aRevision = (id: string, at: string) => ({
      id,
      recordType: 'incident' as const,
      recordId: `inc-${id}`,
      revision: 1,
      at,
      author: '',
      action: 'import' as const,
      changes: []
    })
    const tokenOf = (db: PrecedentDatabase) => db.transaction('r', [revisionTable(db), db.meta], () => readFeedTokenAround(db, OWN_AT))

    it('stays while nothing is written, and moves with a newer revision, one committed late with an older date, or a write without revisions', async () => {
      const db = aFreshDatabase()
      await revisionTable(db).bulkAdd([aRevision('own-1', OWN_AT), aRevision('own-2', OWN_AT)])
      const token = await tokenOf(db)
      expect(await tokenOf(db)).toBe(token)

      await revisionTable(db).add(aRevision('late', '2027-01-01T11:59:30.000Z'))
      const afterLate = await tokenOf(db)
      expect(afterLate).not.toBe(token)

      await revisionTable(db).add(aRevision('newer', '2027-01-01T12:00:05.000Z'))
      const afterNewer = await tokenOf(db)
      expect(afterNewer).not.toBe(afterLate)

      await db.transaction('rw', [db.meta], () => noteUnloggedWrite(db))
      expect(await tokenOf(db)).not.toBe(afterNewer)
    })
  })
})
