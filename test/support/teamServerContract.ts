import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Briefing } from '@shared/briefing/briefing'
import type { RecordType } from '@shared/domain/recordTypes'
import {
  TeamError,
  type PushedRedirect,
  type PushedRevision,
  type PushOutcome,
  type RecordBase,
  type TeamRole,
  type TeamServer
} from '@shared/team/teamProtocol'
import { anIncident, anOrganisation } from '../builders/domain'
import { catchError } from './catchError'

// Runs in any Vitest environment (Node, happy-dom): ids come from the global Web Crypto.

/**
 * One shared team's server, fresh for each test: `as(user, role)` is the server as that analyst
 * sees it (the same user must always be asked with the same role). The PostgreSQL adapter and the
 * in-memory double both provide one, so the same contract runs against each.
 */
export interface TeamUnderTest {
  as(user: string, role: TeamRole): Promise<TeamServer>
  close(): Promise<void>
}

type RecordBody = { id: string; revision: number; [field: string]: unknown }

const CLIENT_AT = '2026-03-01T09:00:00.000Z'

/** A pushed revision of `record` (its `id` the record's), based on `base`; `deleted` pushes a delete. */
export function aPushedRevision(
  recordType: RecordType,
  record: RecordBody,
  base: RecordBase,
  options: { deleted?: boolean; action?: PushedRevision['action']; note?: string } = {}
): PushedRevision {
  return {
    kind: 'revision',
    id: `rev-${crypto.randomUUID()}`,
    recordType,
    recordId: record.id,
    base,
    action: options.action ?? (options.deleted === true ? 'delete' : base.exists ? 'update' : 'create'),
    changes: options.deleted === true ? [] : [{ field: 'title', after: record['title'] ?? record['name'] }],
    ...(options.deleted === true ? {} : { snapshot: record }),
    ...(options.note === undefined ? {} : { note: options.note }),
    clientAt: CLIENT_AT
  }
}

const NEW: RecordBase = { revision: 0, exists: false }
const at = (revision: number, exists = true): RecordBase => ({ revision, exists })

function accepted(outcome: PushOutcome | undefined): number {
  if (outcome?.outcome !== 'accepted') throw new Error(`expected accepted, got ${JSON.stringify(outcome)}`)
  return outcome.seq
}

function conflictIdOf(outcome: PushOutcome | undefined): string {
  if (outcome?.outcome !== 'conflict') throw new Error(`expected a conflict, got ${JSON.stringify(outcome)}`)
  return outcome.conflictId
}

function aBriefing(title: string): Briefing {
  return {
    id: `brief-${crypto.randomUUID()}`,
    title,
    subtitle: '',
    asOf: '2026-03-01',
    sections: ['summary'],
    includeTimelineImage: true,
    items: [{ kind: 'heading', text: 'Background' }],
    createdAt: CLIENT_AT,
    updatedAt: CLIENT_AT,
    revision: 1
  } as Briefing
}

/** The protocol's rules (src/shared/team/teamProtocol.ts), checked against one implementation of TeamServer. */
export function describeTeamServerContract(name: string, makeTeam: () => Promise<TeamUnderTest>): void {
  describe(`TeamServer contract: ${name}`, () => {
    let team: TeamUnderTest
    let alice: TeamServer
    let bob: TeamServer

    beforeEach(async () => {
      team = await makeTeam()
      alice = await team.as('alice', 'editor')
      bob = await team.as('bob', 'editor')
    })

    afterEach(async () => {
      await team.close()
    })

    describe('status', () => {
      it('names the login role and its strongest team role', async () => {
        const carol = await team.as('carol', 'reader')
        const dana = await team.as('dana', 'admin')

        expect(await alice.status()).toMatchObject({ user: 'alice', role: 'editor', headSeq: 0, openConflicts: 0, records: 0 })
        expect(await carol.status()).toMatchObject({ user: 'carol', role: 'reader' })
        expect(await dana.status()).toMatchObject({ user: 'dana', role: 'admin' })
        expect((await alice.status()).schemaVersion).toBeGreaterThanOrEqual(1)
      })

      it('counts existing records, the log head and open conflicts', async () => {
        const first = anOrganisation()
        const second = anOrganisation()
        await alice.push([aPushedRevision('organisation', first, NEW), aPushedRevision('organisation', second, NEW)])
        await alice.push([aPushedRevision('organisation', second, at(1), { deleted: true })])
        await bob.push([aPushedRevision('organisation', { ...first, name: 'Bob’s name', revision: 2 }, at(2))])

        expect(await bob.status()).toMatchObject({ headSeq: 3, records: 1, openConflicts: 1 })
      })
    })

    describe('push', () => {
      it('accepts a record the server has never seen and logs it with the login role as author', async () => {
        const organisation = anOrganisation()

        const result = await alice.push([aPushedRevision('organisation', organisation, NEW, { note: 'from the register' })])

        expect(result.outcomes).toEqual([{ outcome: 'accepted', id: expect.any(String), seq: result.headSeq }])
        const page = await bob.pull({ since: 0, limit: 10 })
        expect(page.changes).toEqual([
          expect.objectContaining({
            kind: 'revision',
            recordType: 'organisation',
            recordId: organisation.id,
            revision: 1,
            action: 'create',
            snapshot: organisation,
            note: 'from the register',
            author: 'alice'
          })
        ])
      })

      it('accepts a never-seen record whatever its base, at base + 1 (the first client to share it brings it)', async () => {
        const organisation = { ...anOrganisation(), revision: 5 }

        const result = await alice.push([aPushedRevision('organisation', organisation, at(4))])

        expect(result.outcomes[0]).toMatchObject({ outcome: 'accepted' })
        const page = await alice.currentRecords({ limit: 10 })
        expect(page.records).toEqual([expect.objectContaining({ recordId: organisation.id, revision: 5, snapshot: organisation, author: 'alice' })])
      })

      it('rule 1: a revision the server holds is already there, and nothing is done again', async () => {
        const organisation = anOrganisation()
        const create = aPushedRevision('organisation', organisation, NEW)
        const first = await alice.push([create])

        const retried = await alice.push([create])

        expect(retried).toEqual({ outcomes: [{ outcome: 'already', id: create.id }], headSeq: first.headSeq })
        expect((await alice.pull({ since: 0, limit: 10 })).changes).toHaveLength(1)
      })

      it('rule 1: a revision kept in a conflict is already there too', async () => {
        const organisation = anOrganisation()
        await alice.push([aPushedRevision('organisation', organisation, NEW)])
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'Alice', revision: 2 }, at(1))])
        const mine = aPushedRevision('organisation', { ...organisation, name: 'Bob', revision: 2 }, at(1))
        const conflicted = await bob.push([mine])

        const retried = await bob.push([mine])

        expect(conflicted.outcomes[0]).toMatchObject({ outcome: 'conflict' })
        expect(retried.outcomes).toEqual([{ outcome: 'already', id: mine.id }])
        expect(await bob.conflicts({ includeResolved: true })).toHaveLength(1)
      })

      it('rule 2: a revision equal to the current version but for bookkeeping is unchanged, logs nothing, and gives the current state', async () => {
        const organisation = anOrganisation()
        const create = aPushedRevision('organisation', organisation, NEW)
        const { headSeq } = await alice.push([create])
        const sameAgain = { ...organisation, updatedAt: '2026-04-01T00:00:00.000Z', createdAt: '2026-04-01T00:00:00.000Z', revision: 1 }

        const result = await bob.push([aPushedRevision('organisation', sameAgain, NEW)])

        expect(result.outcomes).toEqual([
          {
            outcome: 'unchanged',
            id: expect.any(String),
            current: { recordType: 'organisation', recordId: organisation.id, revision: 1, snapshot: organisation, revisionId: create.id }
          }
        ])
        expect(result.headSeq).toBe(headSeq)
        expect((await alice.pull({ since: 0, limit: 10 })).changes).toHaveLength(1)
      })

      it('rule 2: deleting a record the server never saw, or one already deleted, is unchanged', async () => {
        const never = anOrganisation()
        const gone = anOrganisation()
        await alice.push([aPushedRevision('organisation', gone, NEW)])
        await alice.push([aPushedRevision('organisation', gone, at(1), { deleted: true })])

        const result = await bob.push([
          aPushedRevision('organisation', never, at(3), { deleted: true }),
          aPushedRevision('organisation', gone, at(1), { deleted: true })
        ])

        expect(result.outcomes).toEqual([
          { outcome: 'unchanged', id: expect.any(String), current: { recordType: 'organisation', recordId: never.id, revision: 0 } },
          {
            outcome: 'unchanged',
            id: expect.any(String),
            current: { recordType: 'organisation', recordId: gone.id, revision: 1, revisionId: expect.any(String) }
          }
        ])
        expect(result.headSeq).toBe(2)
      })

      it('rule 3: edits, a delete and a re-creation based on the current state are accepted at the right revisions', async () => {
        const organisation = anOrganisation()
        const renamed = { ...organisation, name: 'Renamed', revision: 2 }
        const recreated = { ...organisation, name: 'Back again', revision: 3 }

        const result = await alice.push([
          aPushedRevision('organisation', organisation, NEW),
          aPushedRevision('organisation', renamed, at(1)),
          aPushedRevision('organisation', renamed, at(2), { deleted: true })
        ])
        const afterDelete = await bob.currentRecords({ limit: 10 })
        const again = await bob.push([aPushedRevision('organisation', recreated, at(2, false), { action: 'restore' })])

        expect(result.outcomes.map((outcome) => outcome.outcome)).toEqual(['accepted', 'accepted', 'accepted'])
        expect(afterDelete.records).toEqual([])
        expect(again.outcomes[0]).toMatchObject({ outcome: 'accepted' })
        const log = (await alice.pull({ since: 0, limit: 10 })).changes
        expect(log.map((change) => (change.kind === 'revision' ? [change.revision, change.action, change.snapshot === undefined, change.author] : []))).toEqual(
          [
            [1, 'create', false, 'alice'],
            [2, 'update', false, 'alice'],
            [2, 'delete', true, 'alice'],
            [3, 'restore', false, 'bob']
          ]
        )
        expect((await alice.currentRecords({ limit: 10 })).records).toEqual([
          expect.objectContaining({ recordId: organisation.id, revision: 3, snapshot: recreated, author: 'bob' })
        ])
      })

      it('rule 4: an edit based on a version the server has moved past is kept as a conflict with base, theirs and mine', async () => {
        const organisation = anOrganisation()
        const create = aPushedRevision('organisation', organisation, NEW)
        await alice.push([create])
        const theirs = { ...organisation, name: 'Alice’s name', revision: 2 }
        const aliceEdit = aPushedRevision('organisation', theirs, at(1))
        await alice.push([aliceEdit])
        const mine = { ...organisation, name: 'Bob’s name', revision: 2 }
        const bobEdit = aPushedRevision('organisation', mine, at(1))

        const result = await bob.push([bobEdit])

        const current = { recordType: 'organisation', recordId: organisation.id, revision: 2, snapshot: theirs, revisionId: aliceEdit.id }
        expect(result.outcomes).toEqual([{ outcome: 'conflict', id: bobEdit.id, conflictId: expect.any(String), current }])
        expect(result.headSeq).toBe(2)
        const conflicts = await alice.conflicts({ includeResolved: false })
        expect(conflicts).toEqual([
          {
            conflictId: conflictIdOf(result.outcomes[0]),
            recordType: 'organisation',
            recordId: organisation.id,
            base: { revision: 1, snapshot: organisation },
            theirs: { ...current, author: 'alice' },
            mine: { revisionId: bobEdit.id, snapshot: mine, author: 'bob', clientAt: CLIENT_AT },
            openedAt: expect.any(String)
          }
        ])
        expect((await alice.currentRecords({ limit: 10 })).records[0]).toMatchObject({ revision: 2, snapshot: theirs })
      })

      it('rule 4: a delete of a record someone edited meanwhile is a conflict whose mine has no snapshot', async () => {
        const organisation = anOrganisation()
        await alice.push([aPushedRevision('organisation', organisation, NEW)])
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'Edited', revision: 2 }, at(1))])

        const result = await bob.push([aPushedRevision('organisation', organisation, at(1), { deleted: true })])

        expect(result.outcomes[0]).toMatchObject({ outcome: 'conflict', current: { revision: 2 } })
        const [conflict] = await bob.conflicts({ includeResolved: false })
        expect(conflict?.mine.snapshot).toBeUndefined()
        expect(conflict?.mine.author).toBe('bob')
        expect(conflict?.theirs.snapshot).toMatchObject({ name: 'Edited' })
      })

      it('rule 4: an edit of a record deleted meanwhile is a conflict whose theirs is the deletion', async () => {
        const organisation = anOrganisation()
        await alice.push([aPushedRevision('organisation', organisation, NEW)])
        const deletion = aPushedRevision('organisation', organisation, at(1), { deleted: true })
        await alice.push([deletion])

        const result = await bob.push([aPushedRevision('organisation', { ...organisation, name: 'Edited', revision: 2 }, at(1))])

        expect(result.outcomes[0]).toMatchObject({
          outcome: 'conflict',
          current: { recordType: 'organisation', recordId: organisation.id, revision: 1, revisionId: deletion.id }
        })
        expect(result.outcomes[0]!.outcome === 'conflict' && result.outcomes[0]!.current.snapshot).toBe(undefined)
        const [conflict] = await bob.conflicts({ includeResolved: false })
        expect(conflict?.theirs).toEqual({ recordType: 'organisation', recordId: organisation.id, revision: 1, revisionId: deletion.id, author: 'alice' })
        expect(conflict?.mine.snapshot).toMatchObject({ name: 'Edited' })
        expect(conflict?.base).toEqual({ revision: 1, snapshot: organisation })
      })

      it('rule 4: the same author’s next revision on top of its own mine joins that conflict; another author’s opens its own', async () => {
        const organisation = anOrganisation()
        await alice.push([aPushedRevision('organisation', organisation, NEW)])
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'A2', revision: 2 }, at(1))])
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'A3', revision: 3 }, at(2))])
        const firstMine = aPushedRevision('organisation', { ...organisation, name: 'B2', revision: 2 }, at(1))
        const secondMine = aPushedRevision('organisation', { ...organisation, name: 'B3', revision: 3 }, at(2))
        const carol = await team.as('erin', 'editor')

        const result = await bob.push([firstMine, secondMine])
        const other = await carol.push([aPushedRevision('organisation', { ...organisation, name: 'E3', revision: 3 }, at(2))])
        const retried = await bob.push([firstMine, secondMine])

        const conflictId = conflictIdOf(result.outcomes[0])
        expect(conflictIdOf(result.outcomes[1])).toBe(conflictId)
        expect(conflictIdOf(other.outcomes[0])).not.toBe(conflictId)
        expect(retried.outcomes.map((outcome) => outcome.outcome)).toEqual(['already', 'already'])
        const conflicts = await bob.conflicts({ includeResolved: false })
        expect(conflicts).toHaveLength(2)
        expect(conflicts.find((conflict) => conflict.conflictId === conflictId)?.mine).toMatchObject({
          revisionId: secondMine.id,
          snapshot: { name: 'B3' },
          author: 'bob'
        })
        expect(conflicts.find((conflict) => conflict.conflictId === conflictId)?.base).toEqual({ revision: 1, snapshot: organisation })
      })

      it('later changes of one push see the earlier ones', async () => {
        const organisation = anOrganisation()

        const result = await alice.push([
          aPushedRevision('organisation', organisation, NEW),
          aPushedRevision('organisation', { ...organisation, name: 'Second', revision: 2 }, at(1)),
          aPushedRevision('organisation', { ...organisation, name: 'Stale', revision: 2 }, at(1))
        ])

        expect(result.outcomes.map((outcome) => outcome.outcome)).toEqual(['accepted', 'accepted', 'conflict'])
        const seqs = result.outcomes.slice(0, 2).map(accepted)
        expect(seqs[1]).toBeGreaterThan(seqs[0]!)
      })

      it('a redirect is accepted and logged once; pushed again it is already there', async () => {
        const redirect: PushedRedirect = { kind: 'redirect', fromId: 'org-old', toId: 'org-kept', mergeId: 'merge-1', clientAt: CLIENT_AT }

        const first = await alice.push([redirect])
        const again = await bob.push([redirect])

        expect(first.outcomes).toEqual([{ outcome: 'accepted', id: 'org-old', seq: first.headSeq }])
        expect(again.outcomes).toEqual([{ outcome: 'already', id: 'org-old' }])
        expect((await bob.pull({ since: 0, limit: 10 })).changes).toEqual([
          { kind: 'redirect', seq: first.headSeq, fromId: 'org-old', toId: 'org-kept', mergeId: 'merge-1', author: 'alice', at: expect.any(String) }
        ])
      })

      it('refuses a whole push when one record breaks the record rules, naming the record and the field, and applies nothing', async () => {
        const good = anOrganisation()
        const bad = { ...anOrganisation(), kind: 'spaceship-maker' }

        const error = await catchError(alice.push([aPushedRevision('organisation', good, NEW), aPushedRevision('organisation', bad, NEW)]))

        expect(error).toBeInstanceOf(TeamError)
        expect(error).toMatchObject({ code: 'refused' })
        expect((error as Error).message).toContain(bad.id)
        expect((error as Error).message).toContain('kind')
        expect((error as Error).message.split('\n')).toHaveLength(1)
        expect(await alice.status()).toMatchObject({ headSeq: 0, records: 0 })
        expect((await alice.currentRecords({ limit: 10 })).records).toEqual([])
      })

      it('refuses a snapshot whose id is not the record’s, a missing required field and an unknown record type', async () => {
        const organisation = anOrganisation()
        const incident = anIncident()
        const { title: _title, ...untitled } = incident

        const wrongId = await catchError(alice.push([{ ...aPushedRevision('organisation', organisation, NEW), recordId: 'org-someone-else' }]))
        const missing = await catchError(alice.push([aPushedRevision('incident', untitled as RecordBody, NEW)]))
        const unknownType = await catchError(alice.push([{ ...aPushedRevision('organisation', organisation, NEW), recordType: 'spaceship' as RecordType }]))

        expect(wrongId).toMatchObject({ code: 'refused' })
        expect(missing).toMatchObject({ code: 'refused' })
        expect((missing as Error).message).toContain(incident.id)
        expect((missing as Error).message).toContain('title')
        expect(unknownType).toMatchObject({ code: 'refused' })
        expect(await alice.status()).toMatchObject({ headSeq: 0 })
      })
    })

    describe('pull and current records', () => {
      it('pages the log by seq, oldest first, with more while the log holds more', async () => {
        const organisations = Array.from({ length: 5 }, () => anOrganisation())
        await alice.push(organisations.map((organisation) => aPushedRevision('organisation', organisation, NEW)))

        const pages = []
        let since = 0
        for (;;) {
          const page = await bob.pull({ since, limit: 2 })
          pages.push(page)
          if (!page.more) break
          since = page.changes[page.changes.length - 1]!.seq
        }

        expect(pages.map((page) => page.changes.length)).toEqual([2, 2, 1])
        expect(pages.map((page) => page.more)).toEqual([true, true, false])
        expect(pages.every((page) => page.headSeq === 5)).toBe(true)
        const seqs = pages.flatMap((page) => page.changes.map((change) => change.seq))
        expect(seqs).toEqual([...seqs].sort((a, b) => a - b))
        expect(new Set(seqs).size).toBe(5)
        expect(pages.flatMap((page) => page.changes.map((change) => (change.kind === 'revision' ? change.recordId : '')))).toEqual(
          organisations.map((o) => o.id)
        )
        expect(await bob.pull({ since: 5, limit: 2 })).toEqual({ changes: [], headSeq: 5, more: false })
      })

      it('pages the existing records by (type, id), leaving deleted ones out', async () => {
        const organisations = ['org-c', 'org-a', 'org-b'].map((id) => anOrganisation({ id }))
        const incidents = ['inc-b', 'inc-a'].map((id) => anIncident({ id }))
        const deleted = anOrganisation({ id: 'org-0-deleted' })
        await alice.push([
          ...organisations.map((organisation) => aPushedRevision('organisation', organisation, NEW)),
          ...incidents.map((incident) => aPushedRevision('incident', incident, NEW)),
          aPushedRevision('organisation', deleted, NEW),
          aPushedRevision('organisation', deleted, at(1), { deleted: true })
        ])

        const first = await bob.currentRecords({ limit: 3 })
        const last = first.records[first.records.length - 1]!
        const second = await bob.currentRecords({ after: { recordType: last.recordType, recordId: last.recordId }, limit: 3 })

        expect([...first.records, ...second.records].map((record) => `${record.recordType}/${record.recordId}`)).toEqual([
          'incident/inc-a',
          'incident/inc-b',
          'organisation/org-a',
          'organisation/org-b',
          'organisation/org-c'
        ])
        expect([first.more, second.more]).toEqual([true, false])
        expect(first.headSeq).toBe(7)
        expect(second.records[0]).toMatchObject({ revision: 1, author: 'alice', at: expect.any(String), revisionId: expect.any(String) })
      })
    })

    describe('resolving conflicts', () => {
      async function openConflict(): Promise<{ conflictId: string; organisation: RecordBody }> {
        const organisation = anOrganisation()
        await alice.push([aPushedRevision('organisation', organisation, NEW)])
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'Theirs', revision: 2 }, at(1))])
        const result = await bob.push([aPushedRevision('organisation', { ...organisation, name: 'Mine', revision: 2 }, at(1))])
        return { conflictId: conflictIdOf(result.outcomes[0]), organisation }
      }

      it('a resolution based on the current state becomes current and closes the conflict for everyone', async () => {
        const { conflictId, organisation } = await openConflict()
        const merged = { ...organisation, name: 'Merged', revision: 3 }
        const resolution = aPushedRevision('organisation', merged, at(2))

        const outcome = await bob.resolveConflict({ conflictId, revision: resolution })

        expect(outcome).toEqual({ outcome: 'resolved', seq: 3 })
        expect(await alice.conflicts({ includeResolved: false })).toEqual([])
        expect(await alice.conflicts({ includeResolved: true })).toEqual([
          expect.objectContaining({ conflictId, resolvedBy: 'bob', resolvedAt: expect.any(String) })
        ])
        expect((await alice.currentRecords({ limit: 10 })).records[0]).toMatchObject({
          revision: 3,
          snapshot: merged,
          author: 'bob',
          revisionId: resolution.id
        })
        expect((await alice.pull({ since: 2, limit: 10 })).changes).toEqual([
          expect.objectContaining({ seq: 3, id: resolution.id, author: 'bob', revision: 3 })
        ])
        expect(await alice.status()).toMatchObject({ openConflicts: 0 })
      })

      it('without a revision the server’s current version is kept as it is', async () => {
        const { conflictId } = await openConflict()

        const outcome = await bob.resolveConflict({ conflictId })

        expect(outcome).toEqual({ outcome: 'resolved' })
        expect((await bob.currentRecords({ limit: 10 })).records[0]).toMatchObject({ revision: 2, snapshot: { name: 'Theirs' } })
        expect(await bob.status()).toMatchObject({ headSeq: 2, openConflicts: 0 })
      })

      it('is stale when the record moved on since, and leaves the conflict open', async () => {
        const { conflictId, organisation } = await openConflict()
        await alice.push([aPushedRevision('organisation', { ...organisation, name: 'Moved on', revision: 3 }, at(2))])

        const outcome = await bob.resolveConflict({
          conflictId,
          revision: aPushedRevision('organisation', { ...organisation, name: 'Merged', revision: 3 }, at(2))
        })

        expect(outcome).toEqual({
          outcome: 'stale',
          current: expect.objectContaining({ recordId: organisation.id, revision: 3, snapshot: expect.objectContaining({ name: 'Moved on' }) })
        })
        expect(await bob.conflicts({ includeResolved: false })).toHaveLength(1)
      })

      it('is closed when someone resolved it first', async () => {
        const { conflictId, organisation } = await openConflict()
        await bob.resolveConflict({ conflictId })

        const outcome = await bob.resolveConflict({
          conflictId,
          revision: aPushedRevision('organisation', { ...organisation, name: 'Late', revision: 3 }, at(2))
        })

        expect(outcome).toEqual({ outcome: 'closed' })
        expect((await bob.currentRecords({ limit: 10 })).records[0]).toMatchObject({ snapshot: { name: 'Theirs' } })
      })
    })

    describe('roles', () => {
      it('a reader pulls but cannot push: permission denied, is a reader', async () => {
        const carol = await team.as('carol', 'reader')
        await alice.push([aPushedRevision('organisation', anOrganisation(), NEW)])

        const error = await catchError(carol.push([aPushedRevision('organisation', anOrganisation(), NEW)]))

        expect(error).toBeInstanceOf(TeamError)
        expect(error).toMatchObject({ code: 'permission-denied', message: 'permission denied: carol is a reader' })
        expect((await carol.pull({ since: 0, limit: 10 })).changes).toHaveLength(1)
        expect(await carol.status()).toMatchObject({ headSeq: 1 })
      })
    })

    describe('briefings', () => {
      it('a private briefing is its owner’s alone; a shared one every member reads', async () => {
        const carol = await team.as('carol', 'reader')
        const privateOne = aBriefing('Alice’s notes')
        const sharedOne = aBriefing('For the Minister')

        const saved = await alice.saveBriefing({ briefing: privateOne, shared: false })
        await alice.saveBriefing({ briefing: sharedOne, shared: true })

        expect(saved).toMatchObject({ briefing: privateOne, shared: false, owner: 'alice', updatedAt: expect.any(String) })
        expect((await alice.briefings()).map((entry) => entry.briefing.id).sort()).toEqual([privateOne.id, sharedOne.id].sort())
        expect((await bob.briefings()).map((entry) => [entry.briefing.id, entry.owner, entry.shared])).toEqual([[sharedOne.id, 'alice', true]])
        expect((await carol.briefings()).map((entry) => entry.briefing.id)).toEqual([sharedOne.id])
      })

      it('sharing a private briefing later shows it to the team', async () => {
        const briefing = aBriefing('Draft')
        await alice.saveBriefing({ briefing, shared: false })

        await alice.saveBriefing({ briefing: { ...briefing, title: 'Final', revision: 2 }, shared: true })

        expect((await bob.briefings()).map((entry) => entry.briefing.title)).toEqual(['Final'])
      })
    })
  })
}
