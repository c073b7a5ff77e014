import { describe, expect, it } from 'vitest'
import {
  createIncidentRepository,
  createOrganisationRepository,
  createResponseRepository,
  listRevisions,
  RecordNotFoundError,
  RevisionConflictError,
  saveRecord
} from '@renderer/db'
import {
  dismissDuplicatePair,
  listMerges,
  listRevisionsWithMerged,
  MergeNotFoundError,
  mergeRecords,
  MergeUndoBlockedError,
  readDismissedDuplicatePairs,
  redirectTable,
  resolveRedirect,
  undoMerge,
  type MergeOptions
} from '@renderer/db/recordMerger'
import type { PrecedentDatabase } from '@renderer/db'
import { anIncident, anOrganisation, aResponse, aSource } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'

const MERGED_AT = '2026-03-01T09:00:00.000Z'
const UNDONE_AT = '2026-03-01T09:05:00.000Z'
let issued = 0
const options: MergeOptions = { now: () => MERGED_AT, author: 'Mei', newId: () => `merge-${++issued}` }
const undoOptions = { now: () => UNDONE_AT, author: 'Mei' }

/** Alipay (the survivor), a duplicate "ALIPAY" with the alias 支付宝, and records linking to each. */
async function givenDuplicateOrganisations(db: PrecedentDatabase) {
  const operator = anOrganisation({ id: 'org-ant', name: 'Ant Financial' })
  const regulator = anOrganisation({ id: 'org-cac', name: 'Cyberspace Administration of China' })
  const survivor = anOrganisation({ id: 'org-alipay', name: 'Alipay', links: [{ relation: 'operator', organisationId: 'org-ant' }] })
  const duplicate = anOrganisation({
    id: 'org-alipay-dup',
    name: 'ALIPAY',
    aliases: [{ name: '支付宝', language: 'zh' }],
    description: 'Payment app',
    revision: 2
  })
  const summons = aResponse({ id: 'resp-summons', actorId: 'org-cac', targetOrganisationIds: ['org-alipay-dup', 'org-alipay'] })
  const incident = anIncident({ id: 'inc-bill', organisations: [{ organisationId: 'org-alipay-dup', role: 'operator' }] })
  await givenStored(
    db,
    { type: 'organisation', record: operator },
    { type: 'organisation', record: regulator },
    { type: 'organisation', record: survivor },
    { type: 'organisation', record: duplicate },
    { type: 'response', record: summons },
    { type: 'incident', record: incident }
  )
  return { survivor, duplicate, summons, incident }
}

describe('mergeRecords', () => {
  it('stores the survivor with the duplicate’s name, aliases and fields, one revision up', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    const survivor = await createOrganisationRepository(db).get('org-alipay' as never)
    expect(survivor).toMatchObject({
      name: 'Alipay',
      aliases: [{ name: '支付宝', language: 'zh' }],
      description: 'Payment app',
      revision: 2,
      updatedAt: MERGED_AT
    })
  })

  it('deletes the duplicate', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    expect(await createOrganisationRepository(db).get('org-alipay-dup' as never)).toBeUndefined()
  })

  it('re-points every record that linked to the duplicate, each link kept once', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    expect(await createResponseRepository(db).get('resp-summons' as never)).toMatchObject({ targetOrganisationIds: ['org-alipay'], revision: 2 })
    expect(await createIncidentRepository(db).get('inc-bill' as never)).toMatchObject({
      organisations: [{ organisationId: 'org-alipay', role: 'operator' }]
    })
  })

  it('leaves a redirect from the duplicate’s id to the survivor', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    expect(await resolveRedirect(db, 'org-alipay-dup')).toBe('org-alipay')
  })

  it('remembers every touched record as it was, and the revision each was left at', async () => {
    const db = aFreshDatabase()
    const { survivor, duplicate, summons, incident } = await givenDuplicateOrganisations(db)

    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    expect(merge.before.map((typed) => typed.record)).toEqual(expect.arrayContaining([survivor, duplicate, summons, incident]))
    expect(merge.after).toEqual(
      expect.arrayContaining([
        { type: 'organisation', id: 'org-alipay', revision: 2 },
        { type: 'response', id: 'resp-summons', revision: 2 },
        { type: 'incident', id: 'inc-bill', revision: 2 }
      ])
    )
    expect(await listMerges(db)).toEqual([merge])
  })

  it('adds a merge entry to the history of every touched record, by the author', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    const [survivorEntry] = await listRevisions(db, 'org-alipay')
    const [duplicateEntry] = await listRevisions(db, 'org-alipay-dup')
    const [responseEntry] = await listRevisions(db, 'resp-summons')
    expect(survivorEntry).toMatchObject({ action: 'merge', author: 'Mei', revision: 2, at: MERGED_AT })
    expect(survivorEntry?.changes.map((change) => change.field)).toEqual(['aliases', 'description'])
    expect(duplicateEntry).toMatchObject({ action: 'merge', revision: 2 })
    expect(duplicateEntry?.snapshot).toBeUndefined()
    expect(responseEntry).toMatchObject({ action: 'merge', revision: 2 })
  })

  it('shows the duplicate’s earlier history in the survivor’s', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const duplicate = await createOrganisationRepository(db).get('org-alipay-dup' as never)
    await saveRecord(
      db,
      'organisation',
      { ...duplicate!, description: 'Edited before the merge' },
      {
        expectedRevision: 2,
        now: () => '2026-02-01T00:00:00.000Z',
        newId: () => 'unused'
      }
    )

    await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    const history = await listRevisionsWithMerged(db, 'org-alipay')
    expect(history.map((entry) => [entry.recordId, entry.action])).toEqual([
      ['org-alipay', 'merge'],
      ['org-alipay-dup', 'merge'],
      ['org-alipay-dup', 'update']
    ])
  })

  it('merges incidents, re-pointing the responses that answered the duplicate', async () => {
    const db = aFreshDatabase()
    const survivor = anIncident({ id: 'inc-new', title: 'Alipay annual bill consent default' })
    const duplicate = anIncident({ id: 'inc-old', title: 'Alipay annual-bill consent default', tags: ['sesame'] })
    const actor = anOrganisation({ id: 'org-cac' })
    const summons = aResponse({ id: 'resp-summons', actorId: 'org-cac', incidentIds: ['inc-old'] })
    await givenStored(
      db,
      { type: 'incident', record: survivor },
      { type: 'incident', record: duplicate },
      { type: 'organisation', record: actor },
      { type: 'response', record: summons }
    )

    await mergeRecords(db, 'incident', 'inc-new', 'inc-old', options)

    expect(await createIncidentRepository(db).get('inc-new' as never)).toMatchObject({ title: survivor.title, tags: ['sesame'] })
    expect(await createResponseRepository(db).get('resp-summons' as never)).toMatchObject({ incidentIds: ['inc-new'] })
  })

  it('refuses a merge when either record changed since the revision the person saw, changing nothing', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const before = await snapshotOf(db)

    const error = await catchError(
      mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', { ...options, expectedRevisions: { 'org-alipay': 1, 'org-alipay-dup': 1 } })
    )

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('refuses a merge with a record that no longer exists', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)

    const error = await catchError(mergeRecords(db, 'organisation', 'org-alipay', 'org-gone', options))

    expect(error).toBeInstanceOf(RecordNotFoundError)
  })

  it('writes nothing when any one of its writes fails', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const failures = injectWriteFailures(db)
    failures.failWrite(0)
    const probe = aFreshDatabase()
    await givenDuplicateOrganisations(probe)
    const probeFailures = injectWriteFailures(probe)
    probeFailures.failWrite(0)
    await mergeRecords(probe, 'organisation', 'org-alipay', 'org-alipay-dup', options)
    const writes = probeFailures.writes
    const before = await snapshotOf(db)

    for (let k = 1; k <= writes; k += 1) {
      failures.failWrite(k)
      const error = await catchError(mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options))

      expect(error, `write ${k} of ${writes}`).toBeInstanceOf(Error)
      expect(await snapshotOf(db), `write ${k} of ${writes}`).toEqual(before)
    }
    expect(writes).toBeGreaterThan(4)
  })
})

describe('undoMerge', () => {
  it('restores every touched record’s content as it was before the merge', async () => {
    const db = aFreshDatabase()
    const { survivor, duplicate, summons, incident } = await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    await undoMerge(db, merge.id, undoOptions)

    const withoutBookkeeping = ({ revision: _r, updatedAt: _u, ...content }: { revision: number; updatedAt: string }) => content
    const organisations = createOrganisationRepository(db)
    expect(withoutBookkeeping((await organisations.get('org-alipay' as never))!)).toEqual(withoutBookkeeping(survivor))
    expect(withoutBookkeeping((await organisations.get('org-alipay-dup' as never))!)).toEqual(withoutBookkeeping(duplicate))
    expect(withoutBookkeeping((await createResponseRepository(db).get('resp-summons' as never))!)).toEqual(withoutBookkeeping(summons))
    expect(withoutBookkeeping((await createIncidentRepository(db).get('inc-bill' as never))!)).toEqual(withoutBookkeeping(incident))
  })

  it('counts revisions on rather than back, so history stays in order', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    await undoMerge(db, merge.id, undoOptions)

    const organisations = createOrganisationRepository(db)
    expect((await organisations.get('org-alipay' as never))?.revision).toBe(3)
    expect((await organisations.get('org-alipay-dup' as never))?.revision).toBe(3)
    expect((await listRevisions(db, 'org-alipay-dup')).map((entry) => entry.action)).toEqual(['unmerge', 'merge'])
  })

  it('removes the redirect and marks the merge undone', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)

    await undoMerge(db, merge.id, undoOptions)

    expect(await resolveRedirect(db, 'org-alipay-dup')).toBe('org-alipay-dup')
    expect(await listMerges(db)).toEqual([expect.objectContaining({ id: merge.id, undoneAt: UNDONE_AT, undoneBy: 'Mei' })])
  })

  it('refuses, naming the record, when a touched record was edited since the merge, changing nothing', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)
    const summons = await createResponseRepository(db).get('resp-summons' as never)
    await saveRecord(db, 'response', { ...summons!, title: 'Edited after the merge' }, { expectedRevision: 2, now: () => UNDONE_AT, newId: () => 'unused' })
    const before = await snapshotOf(db)

    const error = await catchError(undoMerge(db, merge.id, undoOptions))

    expect(error).toBeInstanceOf(MergeUndoBlockedError)
    expect((error as Error).message).toContain('response "Edited after the merge"')
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('refuses to undo a merge twice', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)
    await undoMerge(db, merge.id, undoOptions)

    const error = await catchError(undoMerge(db, merge.id, undoOptions))

    expect(error).toBeInstanceOf(MergeNotFoundError)
  })

  it('writes nothing when any one of its writes fails', async () => {
    const db = aFreshDatabase()
    await givenDuplicateOrganisations(db)
    const merge = await mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', options)
    const failures = injectWriteFailures(db)
    const probe = aFreshDatabase()
    await givenDuplicateOrganisations(probe)
    const probeMerge = await mergeRecords(probe, 'organisation', 'org-alipay', 'org-alipay-dup', options)
    const probeFailures = injectWriteFailures(probe)
    probeFailures.failWrite(0)
    await undoMerge(probe, probeMerge.id, undoOptions)
    const writes = probeFailures.writes
    const before = await snapshotOf(db)

    for (let k = 1; k <= writes; k += 1) {
      failures.failWrite(k)
      const error = await catchError(undoMerge(db, merge.id, undoOptions))

      expect(error, `write ${k} of ${writes}`).toBeInstanceOf(Error)
      expect(await snapshotOf(db), `write ${k} of ${writes}`).toEqual(before)
    }
    expect(writes).toBeGreaterThan(4)
  })
})

describe('resolveRedirect', () => {
  it('returns an id that was never merged as it is', async () => {
    const db = aFreshDatabase()

    expect(await resolveRedirect(db, 'org-alipay')).toBe('org-alipay')
  })

  it('follows a merge of a merge to the last survivor', async () => {
    const db = aFreshDatabase()
    await givenStored(
      db,
      { type: 'organisation', record: anOrganisation({ id: 'org-a', name: 'Alipay' }) },
      { type: 'organisation', record: anOrganisation({ id: 'org-b', name: 'ALIPAY' }) },
      { type: 'organisation', record: anOrganisation({ id: 'org-c', name: 'Alipay Ltd' }) }
    )

    await mergeRecords(db, 'organisation', 'org-b', 'org-a', options)
    await mergeRecords(db, 'organisation', 'org-c', 'org-b', options)

    expect(await resolveRedirect(db, 'org-a')).toBe('org-c')
  })

  it('stops on a cycle instead of looping', async () => {
    const db = aFreshDatabase()
    await redirectTable(db).bulkPut([
      { fromId: 'org-a', toId: 'org-b', mergeId: 'm1' },
      { fromId: 'org-b', toId: 'org-a', mergeId: 'm2' }
    ])

    expect(await resolveRedirect(db, 'org-a')).toBe('org-b')
  })
})

describe('dismissDuplicatePair', () => {
  it('remembers each dismissed pair once', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'source', record: aSource() })

    await dismissDuplicatePair(db, 'org-a|org-b')
    await dismissDuplicatePair(db, 'org-a|org-b')
    await dismissDuplicatePair(db, 'inc-a|inc-b')

    expect(await readDismissedDuplicatePairs(db)).toEqual(['org-a|org-b', 'inc-a|inc-b'])
  })
})
