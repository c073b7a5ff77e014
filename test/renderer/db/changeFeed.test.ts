import { describe, expect, it } from 'vitest'
import { noteUnloggedWrite, readChangesSince, readFeedHead, readFeedPosition, seedBundle, type FeedMark, type PrecedentDatabase } from '@renderer/db'
import { toRow } from '@renderer/db/storedRow'
import { aBundle, anIncident } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

/** A follower's mark taken now, holding every incident as stored. */
async function aMarkNow(db: PrecedentDatabase): Promise<FeedMark> {
  const position = await readFeedPosition(db)
  const incidents = await db.incidents.toArray()
  const newestUpdatedAt = incidents.reduce((newest, row) => (row.updatedAt > newest ? row.updatedAt : newest), '')
  return { lastRevisionAt: position.at, overlapCount: position.overlapCount, unloggedWrite: position.unloggedWrite, tables: { incident: { count: incidents.length, newestUpdatedAt } } }
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
})
