import { describe, expect, it } from 'vitest'
import { appendRevisions, deleteRecord, duplicatePairTable, DUPLICATES_WATERMARK_KEY, revisionTable, saveRecord, type PrecedentDatabase } from '@renderer/db'
import { DUPLICATE_PAIRS_VERSION, DuplicatePairsService } from '@renderer/duplicatePairs/duplicatePairsService'
import { findDuplicateCandidates } from '@shared/domain/duplicates'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { anIncident, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored, wrapTables } from '../db/testDatabase'

/** Dexie's `DBCoreRangeType.Any`, the range of a count of every row (a const enum, absent at run time). */
const WHOLE_RANGE = 3

const organisations: Organisation[] = [
  anOrganisation({ id: 'org-alipay', name: 'Alipay' }),
  anOrganisation({ id: 'org-alipay-ltd', name: 'ALIPAY Co., Ltd.' }),
  anOrganisation({ id: 'org-zhifubao', name: '支付宝', aliases: [{ name: 'Alipay' }] }),
  anOrganisation({ id: 'org-ant', name: 'Ant Group' }),
  ...Array.from({ length: 70 }, (_, index) => anOrganisation({ id: `org-firm-${index}`, name: `Firm number ${index}` }))
]
const incidents: Incident[] = [
  anIncident({ id: 'inc-bill', title: 'Alipay annual bill consent default', occurredOn: '2018-01-03' }),
  anIncident({ id: 'inc-bill-again', title: 'Alipay annual-bill consent default', occurredOn: '2018-01' }),
  ...Array.from({ length: 70 }, (_, index) => anIncident({ id: `inc-breach-${index}`, title: `Data breach at firm number ${index}`, occurredOn: '2020-05' }))
]

async function aKnowledgeBase(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await givenStored(
    db,
    ...organisations.map((record) => ({ type: 'organisation' as const, record })),
    ...incidents.map((record) => ({ type: 'incident' as const, record }))
  )
  return db
}

const storedPairs = async (db: PrecedentDatabase) =>
  (await duplicatePairTable(db).toArray()).map((pair) => [pair.key, pair.score, pair.reasons] as const).sort()
const expectedPairs = (records: { organisations: Organisation[]; incidents: Incident[] }) =>
  findDuplicateCandidates(records)
    .map((candidate) => [[candidate.first.id, candidate.second.id].sort().join('|'), candidate.score, candidate.reasonMessages] as const)
    .sort()

describe('DuplicatePairsService', () => {
  it('stores on a cold start exactly the pairs duplicate search finds, with a watermark, reporting progress', async () => {
    const db = await aKnowledgeBase()
    const statuses: string[] = []

    await new DuplicatePairsService(db, { onStatus: (status) => statuses.push(status.state) }).open()

    expect(await storedPairs(db)).toEqual(expectedPairs({ organisations, incidents }))
    expect((await storedPairs(db)).length).toBeGreaterThan(4)
    expect(statuses).toEqual(expect.arrayContaining(['opening', 'computing', 'ready']))
    expect((await db.meta.get(DUPLICATES_WATERMARK_KEY))?.value).toMatchObject({
      version: DUPLICATE_PAIRS_VERSION,
      tables: { organisation: { count: organisations.length }, incident: { count: incidents.length } }
    })
  })

  it('after that, recomputes only the records changed since its watermark: new pairs added, pairs of a deleted record removed', async () => {
    const db = await aKnowledgeBase()
    await new DuplicatePairsService(db).open()
    // Saved as a person saves them, with revisions: a write without history would rightly make it start again.
    const saving = { author: 'Test', now: () => '2027-01-01T00:00:00.000Z', newId: () => crypto.randomUUID() }
    const retyped = await saveRecord(
      db,
      'incident',
      anIncident({ id: 'inc-bill-third', title: 'ALIPAY annual bill consent default!', occurredOn: '2018-01-04' }),
      saving
    )
    const renamed = await saveRecord(
      db,
      'organisation',
      { ...(organisations[3] as Organisation), name: 'Alipay Group' },
      { ...saving, expectedRevision: (organisations[3] as Organisation).revision }
    )
    await deleteRecord(db, 'incident', 'inc-bill-again', { author: 'Test', now: () => '2027-01-02T00:00:00.000Z', newRevisionId: () => 'rev-delete' })

    const statuses: string[] = []
    await new DuplicatePairsService(db, { onStatus: (status) => statuses.push(status.state) }).applyChanges()

    const now = {
      organisations: [...organisations.slice(0, 3), renamed, ...organisations.slice(4)],
      incidents: [...incidents.filter((incident) => incident.id !== 'inc-bill-again'), retyped]
    }
    expect(await storedPairs(db)).toEqual(expectedPairs(now))
    expect((await storedPairs(db)).map(([key]) => key)).toEqual(expect.arrayContaining(['inc-bill|inc-bill-third', 'org-alipay|org-ant']))
    expect(statuses).not.toContain('computing')
  }, 30_000)

  it('counts no record table when it catches up after an edit: its stamped watermark needs no counts', async () => {
    const db = await aKnowledgeBase()
    await new DuplicatePairsService(db).open()
    const recordTableCounts: string[] = []
    wrapTables(db, 'recordTableCounts', (table, tableName) => ({
      count(request) {
        // A count of every row; the feed's own counts go by its indexes and ranges.
        if (request.query.index.isPrimaryKey && request.query.range.type === WHOLE_RANGE && tableName !== 'revisions') recordTableCounts.push(tableName)
        return table.count(request)
      }
    }))
    const saving = { author: 'Test', now: () => '2027-01-01T00:00:00.000Z', newId: () => crypto.randomUUID() }
    await saveRecord(db, 'organisation', anOrganisation({ id: 'org-alipay-again', name: 'Alipay Ltd' }), saving)

    await new DuplicatePairsService(db).applyChanges()

    expect((await storedPairs(db)).map(([key]) => key)).toContain('org-alipay|org-alipay-again')
    expect(recordTableCounts).toEqual([])
  })

  it("does not take an import's records, which share one time and one revision date, for changes at every catch-up", async () => {
    // One more than the limit past which a catch-up recomputes everything: before the overlap was
    // counted, every catch-up after a large import read its revisions and started a full pass again.
    const db = aFreshDatabase()
    const imported = Array.from({ length: 2_001 }, (_, index) => anOrganisation({ id: `org-imported-${index}`, name: `Imported firm ${index}` }))
    await givenStored(db, ...imported.map((record) => ({ type: 'organisation' as const, record })))
    await db.transaction('rw', [revisionTable(db), db.meta], () =>
      appendRevisions(
        db,
        imported.map((record, index) => ({
          id: `rev-import-${index}`,
          recordType: 'organisation',
          recordId: record.id,
          revision: 1,
          at: record.updatedAt,
          author: 'Test',
          action: 'import',
          changes: []
        }))
      )
    )
    await new DuplicatePairsService(db).open()

    const statuses: string[] = []
    await new DuplicatePairsService(db, { onStatus: (status) => statuses.push(status.state) }).applyChanges()

    expect(statuses).toEqual(['ready'])
  }, 60_000)

  it("still finds a record written without a revision at exactly the mark's time", async () => {
    const db = await aKnowledgeBase()
    await new DuplicatePairsService(db).open()
    const sameTime = anOrganisation({ id: 'org-ant-again', name: 'ANT GROUP' })
    expect(sameTime.updatedAt).toBe((organisations[3] as Organisation).updatedAt)
    await givenStored(db, { type: 'organisation', record: sameTime })

    await new DuplicatePairsService(db).applyChanges()

    expect((await storedPairs(db)).map(([key]) => key)).toContain('org-ant|org-ant-again')
  }, 30_000)

  it('sees a record rewritten without a revision when counts and timestamps stay as they were (noteUnloggedWrite)', async () => {
    const db = await aKnowledgeBase()
    await new DuplicatePairsService(db).open()
    // Same id, same updatedAt, a new name: only the stamp of the write without history tells.
    await givenStored(db, { type: 'organisation', record: { ...(organisations[3] as Organisation), name: 'Alipay Group' } })

    await new DuplicatePairsService(db).applyChanges()

    expect((await storedPairs(db)).map(([key]) => key)).toContain('org-alipay|org-ant')
  }, 30_000)
})
