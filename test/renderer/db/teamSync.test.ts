import { liveQuery } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { PrecedentDatabase, readKnowledgeBaseBundle, restoreBundle, saveRecord } from '@renderer/db'
import { readChangesSince, readFeedPosition } from '@renderer/db/changeFeed'
import { redirectTable } from '@renderer/db/recordMerger'
import { listRevisions } from '@renderer/db/revisionLog'
import { readTeamSyncState, resolveTeamConflict, TeamSyncCancelledError } from '@renderer/db/teamSync'
import { recordFromChoices } from '@shared/team/threeWayFieldDiff'
import { TeamError, type PushedChange, type TeamServer } from '@shared/team/teamProtocol'
import { catchError } from '../../support/catchError'
import { aFreshDatabase } from './testDatabase'
import {
  aSharedIncident,
  aTeam,
  createIncident,
  deleteIncident,
  editIncident,
  incidentsOf,
  mergeIncidentsOf,
  revisionsOf,
  sync,
  type Analyst
} from './teamAnalysts'

/** A server that commits a push and then loses the answer, as a connection dropped after the commit would. */
function losingAnswers(server: TeamServer): TeamServer {
  return Object.assign(Object.create(server) as TeamServer, {
    push: async (changes: readonly PushedChange[]) => {
      await server.push(changes)
      throw new TeamError('unreachable', 'cannot connect to the team server (connection lost)')
    }
  })
}

async function titleOf(analyst: Analyst, id: string): Promise<string | undefined> {
  return (await analyst.db.recordTable('incident').get(id))?.title
}

describe('syncing with the team', () => {
  it('pushes what an analyst made and another pulls it, with the author and a note that it came from the team', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await createIncident(ana, 'Leak at the registry')
    expect((await readTeamSyncState(ana.db)).pending).toBe(1)

    const pushed = await sync(ana)
    expect(pushed).toMatchObject({ pushed: 1, conflicts: 0, headSeq: 1 })
    expect(await readTeamSyncState(ana.db)).toMatchObject({ pending: 0, lastSeq: 1, lastSyncAt: pushed.at })

    const pulled = await sync(ben)
    expect(pulled).toMatchObject({ pushed: 0, pulled: 1, headSeq: 1 })
    expect(await titleOf(ben, id)).toBe('Leak at the registry')
    const [anasRevision] = await listRevisions(ana.db, id)
    const [bensRevision] = await listRevisions(ben.db, id)
    expect(bensRevision).toMatchObject({ id: anasRevision?.id, author: 'ana', origin: 'team', note: 'From the team', revision: 1 })
    expect(bensRevision?.teamAt).toEqual(expect.any(String))
    expect(await readTeamSyncState(ben.db)).toMatchObject({ pending: 0, lastSeq: 1 })
    // What Ben pulled is never pushed back.
    expect(await sync(ben)).toMatchObject({ pushed: 0, pulled: 0 })
  })

  it('lets the change feed and live queries follow what was pulled, as they follow any write', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    await createIncident(ana, 'Seen by the search index')
    await sync(ana)
    await sync(ben)
    const position = await readFeedPosition(ben.db)
    const mark = { lastRevisionAt: position.at, overlapCount: position.overlapCount, tables: { incident: { count: 1, newestUpdatedAt: '' } } }
    const edited = await createIncident(ana, 'Made later')
    await sync(ana)
    const counts: number[] = []
    const subscription = liveQuery(() => ben.db.recordTable('incident').count()).subscribe((count) => counts.push(count))
    await vi.waitFor(() => expect(counts).toEqual([1]))

    await sync(ben)
    await vi.waitFor(() => expect(counts.at(-1)).toBe(2))
    subscription.unsubscribe()
    const changes = await readChangesSince(ben.db, mark, ['incident'], 100)
    expect(changes.kind).toBe('some')
    expect(changes.kind === 'some' ? [...changes.changed.keys()] : []).toContain(edited)
  })

  it("keeps edit against edit as a conflict, takes the team's version here, and resolving it converges both", async () => {
    const {
      team,
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak (Ana)' })
    await editIncident(ben, id, { title: 'Leak (Ben)', summary: 'Ben wrote this' })
    await sync(ana)

    expect(await sync(ben)).toMatchObject({ conflicts: 1 })
    expect(await titleOf(ben, id)).toBe('Leak (Ana)')
    expect((await ben.db.recordTable('incident').get(id))?.revision).toBe(2)
    expect(await readTeamSyncState(ben.db)).toMatchObject({ pending: 0 })
    const [conflict] = await ben.server.conflicts({ includeResolved: false })
    expect(conflict).toMatchObject({
      recordId: id,
      theirs: { author: 'ana', snapshot: { title: 'Leak (Ana)' } },
      mine: { author: 'ben', snapshot: { title: 'Leak (Ben)' } }
    })
    if (conflict === undefined) throw new Error('no conflict')

    const resolved = recordFromChoices(conflict.theirs.snapshot, conflict.mine.snapshot, { summary: 'mine' })
    expect(await resolveTeamConflict(ben.db, ben.server, conflict, resolved, { now: ben.now })).toMatchObject({ outcome: 'resolved' })
    expect(await ben.db.recordTable('incident').get(id)).toMatchObject({ title: 'Leak (Ana)', summary: 'Ben wrote this', revision: 3 })
    expect(await readTeamSyncState(ben.db)).toMatchObject({ pending: 0 })
    await sync(ana)
    await sync(ben)
    expect(await incidentsOf(ana)).toEqual(await incidentsOf(ben))
    expect(await ana.server.conflicts({ includeResolved: false })).toEqual([])
    expect(team.state.log.filter((change) => change.kind === 'revision' && change.recordId === id)).toHaveLength(3)
  })

  it('keeps a delete against an edit as a conflict; resolving it with the edit brings the record back for everyone', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await deleteIncident(ana, id)
    await editIncident(ben, id, { title: 'Leak, confirmed' })
    await sync(ana)

    expect(await sync(ben)).toMatchObject({ conflicts: 1 })
    expect(await titleOf(ben, id)).toBeUndefined()
    const [conflict] = await ben.server.conflicts({ includeResolved: false })
    if (conflict === undefined) throw new Error('no conflict')
    expect(conflict.theirs.snapshot).toBeUndefined()
    expect(await resolveTeamConflict(ben.db, ben.server, conflict, conflict.mine.snapshot, { now: ben.now })).toMatchObject({ outcome: 'resolved' })
    expect(await titleOf(ben, id)).toBe('Leak, confirmed')
    await sync(ana)
    expect(await titleOf(ana, id)).toBe('Leak, confirmed')
    expect(await incidentsOf(ana)).toEqual(await incidentsOf(ben))
  })

  it('keeps an edit against a delete as a conflict, and the deleting analyst gets the edited record back', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak, confirmed' })
    await deleteIncident(ben, id)
    await sync(ana)

    expect(await sync(ben)).toMatchObject({ conflicts: 1 })
    expect(await ben.db.recordTable('incident').get(id)).toMatchObject({ title: 'Leak, confirmed', revision: 2 })
    const [conflict] = await ben.server.conflicts({ includeResolved: false })
    expect(conflict?.mine.snapshot).toBeUndefined()
    // Keeping theirs closes it, changing nothing.
    if (conflict === undefined) throw new Error('no conflict')
    expect(await resolveTeamConflict(ben.db, ben.server, conflict, undefined, { now: ben.now })).toEqual({ outcome: 'resolved' })
    expect(await ana.server.conflicts({ includeResolved: false })).toEqual([])
    await sync(ana)
    expect(await incidentsOf(ana)).toEqual(await incidentsOf(ben))
  })

  it("keeps the team's later version when a conflict is resolved by keeping theirs after the record moved on", async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak (Ana)' })
    await sync(ana)
    await editIncident(ben, id, { title: 'Leak (Ben)' })
    await sync(ben)
    await deleteIncident(ana, id)
    await sync(ana)
    await sync(ben)
    expect(await titleOf(ben, id)).toBeUndefined()

    const [conflict] = await ben.server.conflicts({ includeResolved: false })
    if (conflict === undefined) throw new Error('no conflict')
    expect(conflict.theirs.snapshot).toMatchObject({ title: 'Leak (Ana)' })
    expect(await resolveTeamConflict(ben.db, ben.server, conflict, undefined, { now: ben.now })).toEqual({ outcome: 'resolved' })
    expect(await titleOf(ben, id)).toBeUndefined()
  })

  it('answers `stale` when the record moved on since the conflict was read, changing nothing here', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak (Ana)' })
    await sync(ana)
    await editIncident(ben, id, { title: 'Leak (Ben)' })
    await sync(ben)
    await editIncident(ana, id, { title: 'Leak (Ana, again)' })
    await sync(ana)
    const [conflict] = await ben.server.conflicts({ includeResolved: false })
    if (conflict === undefined) throw new Error('no conflict')
    const before = await revisionsOf(ben)
    expect(await resolveTeamConflict(ben.db, ben.server, conflict, conflict.mine.snapshot, { now: ben.now })).toMatchObject({
      outcome: 'stale',
      current: { revision: 3 }
    })
    expect(await revisionsOf(ben)).toEqual(before)
  })

  it("takes the team's revision number when the server already has the same version (unchanged)", async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Breach' })
    await editIncident(ana, id, { title: 'Leak at the registry' })
    await editIncident(ana, id, { title: 'Breach' })
    await sync(ana)
    await editIncident(ben, id, { title: 'Breach' })

    expect(await sync(ben)).toMatchObject({ pushed: 0, conflicts: 0 })
    expect(await ben.db.recordTable('incident').get(id)).toMatchObject({ title: 'Breach', revision: 4 })
    expect(await readTeamSyncState(ben.db)).toMatchObject({ pending: 0 })
    const [newest] = await listRevisions(ben.db, id)
    expect(newest).toMatchObject({ origin: 'team', revision: 4 })
    await editIncident(ben, id, { title: 'Breach, fined' })
    expect(await sync(ben)).toMatchObject({ pushed: 1, conflicts: 0 })
  })

  it('creates nothing twice when a push is retried after the server committed it but the answer was lost', async () => {
    const {
      team,
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const first = await createIncident(ana, 'First')
    const second = await createIncident(ana, 'Second')
    const lost = await catchError(sync({ ...ana, server: losingAnswers(ana.server) }))
    expect(lost).toBeInstanceOf(TeamError)
    expect(team.state.log).toHaveLength(2)
    expect((await readTeamSyncState(ana.db)).pending).toBe(2)

    expect(await sync(ana)).toMatchObject({ pushed: 2, conflicts: 0, headSeq: 2 })
    expect(team.state.log).toHaveLength(2)
    expect((await readTeamSyncState(ana.db)).pending).toBe(0)
    await sync(ben)
    expect(Object.keys(await incidentsOf(ben))).toEqual([first, second].sort())
    expect(await revisionsOf(ben)).toHaveLength(2)
  })

  it("takes the team's version when a retried push finds its revision kept in a conflict", async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak (Ana)' })
    await sync(ana)
    await editIncident(ben, id, { title: 'Leak (Ben)' })
    await catchError(sync({ ...ben, server: losingAnswers(ben.server) }))
    expect(await titleOf(ben, id)).toBe('Leak (Ben)')

    await sync(ben)
    expect(await titleOf(ben, id)).toBe('Leak (Ana)')
    expect(await ben.server.conflicts({ includeResolved: false })).toHaveLength(1)
  })

  it('leaves a record edited while the sync runs to the next push, which keeps both versions', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ana, id, { title: 'Leak (Ana)' })
    await sync(ana)
    let edited = false
    const editingMeanwhile = Object.assign(Object.create(ben.server) as TeamServer, {
      pull: async (request: { since: number; limit: number }) => {
        if (!edited) await editIncident(ben, id, { title: 'Leak (Ben, typed during the sync)' })
        edited = true
        return ben.server.pull(request)
      }
    })

    await sync({ ...ben, server: editingMeanwhile })
    expect(await titleOf(ben, id)).toBe('Leak (Ben, typed during the sync)')
    expect((await readTeamSyncState(ben.db)).pending).toBe(1)
    expect(await sync(ben)).toMatchObject({ conflicts: 1 })
    expect(await titleOf(ben, id)).toBe('Leak (Ana)')
    expect((await ben.server.conflicts({ includeResolved: false }))[0]?.mine.snapshot).toMatchObject({ title: 'Leak (Ben, typed during the sync)' })
  })

  it('stops between push batches when cancelled, keeping what the server acknowledged', async () => {
    const {
      team,
      analysts: [ana]
    } = aTeam(['ana'])
    for (let index = 0; index < 5; index += 1) await createIncident(ana, `Incident ${index}`)
    const controller = new AbortController()
    const cancelled = await catchError(
      sync(ana, {
        pushBatch: 2,
        signal: controller.signal,
        onProgress: (progress) => (progress.phase === 'pushing' && progress.done >= 2 ? controller.abort() : undefined)
      })
    )
    expect(cancelled).toBeInstanceOf(TeamSyncCancelledError)
    expect(team.state.log).toHaveLength(2)
    expect((await readTeamSyncState(ana.db)).pending).toBe(3)
    expect(await sync(ana)).toMatchObject({ pushed: 3 })
    expect(team.state.log).toHaveLength(5)
  })

  it('keeps pending changes across a restart, and what was synced stays synced', async () => {
    const {
      analysts: [ana]
    } = aTeam(['ana'])
    await createIncident(ana, 'One')
    await createIncident(ana, 'Two')
    const name = ana.db.name
    ana.db.close()
    const reopened = new PrecedentDatabase(name)
    expect(await readTeamSyncState(reopened)).toMatchObject({ pending: 2, lastSeq: 0 })
    await sync({ ...ana, db: reopened })
    await createIncident({ ...ana, db: reopened }, 'Three')
    reopened.close()
    const again = new PrecedentDatabase(name)
    expect(await readTeamSyncState(again)).toMatchObject({ pending: 1, lastSeq: 2 })
    again.close()
  })

  it("sends nothing for a reader, keeping its edits pending here, and still brings it the team's changes", async () => {
    const {
      team,
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    await createIncident(ben, 'From the team')
    await sync(ben)
    await createIncident(ana, 'Kept on this device')

    expect(await sync({ ...ana, server: team.serverFor('ana', 'reader') })).toMatchObject({ pushed: 0, pulled: 1 })

    expect((await readTeamSyncState(ana.db)).pending).toBe(1)
    expect((await ana.db.incidents.toArray()).map((row) => row.title).sort()).toEqual(['From the team', 'Kept on this device'])
    const denied = await catchError(team.serverFor('ana', 'reader').push([]))
    expect((denied as TeamError).message).toBe('permission denied: ana is a reader')
  })

  it('pulls a large team first as its current records, in chunks, then its log from where that began', async () => {
    const {
      team,
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    for (let index = 0; index < 12; index += 1) await createIncident(ana, `Incident ${index}`)
    await sync(ana)
    const phases: number[] = []
    const options = { firstPullFromLogUpTo: 5, pageSize: 5, chunkSize: 2, onProgress: (progress: { done: number }) => phases.push(progress.done) }

    expect(await sync(ben, options)).toMatchObject({ pulled: 12, headSeq: 12 })
    expect(await incidentsOf(ben)).toEqual(await incidentsOf(ana))
    const revisions = await revisionsOf(ben)
    expect(revisions).toHaveLength(12)
    expect(revisions.every((revision) => revision.origin === 'team' && revision.author === 'ana' && revision.action === 'import')).toBe(true)
    expect(await readTeamSyncState(ben.db)).toMatchObject({ lastSeq: 12, pending: 0 })
    expect(phases.length).toBeGreaterThan(3)

    const id = Object.keys(await incidentsOf(ana))[0] ?? ''
    await editIncident(ana, id, { title: 'Edited later' })
    await sync(ana)
    expect(await sync(ben, options)).toMatchObject({ pulled: 1, headSeq: 13 })
    expect(await titleOf(ben, id)).toBe('Edited later')
    expect(team.state.log).toHaveLength(13)
  })

  it('stops a first pull between chunks when cancelled, and the next sync goes on from there', async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    for (let index = 0; index < 9; index += 1) await createIncident(ana, `Incident ${index}`)
    await sync(ana)
    const controller = new AbortController()
    const options = { firstPullFromLogUpTo: 3, pageSize: 4, chunkSize: 2 }
    const cancelled = await catchError(
      sync(ben, { ...options, signal: controller.signal, onProgress: (progress) => (progress.done >= 4 ? controller.abort() : undefined) })
    )
    expect(cancelled).toBeInstanceOf(TeamSyncCancelledError)
    expect(Object.keys(await incidentsOf(ben))).toHaveLength(4)
    expect(await readTeamSyncState(ben.db)).toMatchObject({ lastSeq: 0, pending: 0 })

    await sync(ben, options)
    expect(await incidentsOf(ben)).toEqual(await incidentsOf(ana))
    expect(await revisionsOf(ben)).toHaveLength(9)
    expect(await readTeamSyncState(ben.db)).toMatchObject({ lastSeq: 9 })
  })

  it('syncs a merge: the survivor, the duplicate removed and the redirect from its old id', async () => {
    const {
      team,
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const survivor = await createIncident(ana, 'Registry leak')
    const duplicate = await createIncident(ana, 'Registry leak (copy)')
    await sync(ana)
    await sync(ben)
    await mergeIncidentsOf(ana, survivor, duplicate)

    await sync(ana)
    expect(team.state.redirects.get(duplicate)).toMatchObject({ toId: survivor })
    await sync(ben)
    expect(await incidentsOf(ben)).toEqual(await incidentsOf(ana))
    expect(Object.keys(await incidentsOf(ben))).toEqual([survivor])
    expect(await redirectTable(ben.db).get(duplicate)).toMatchObject({ fromId: duplicate, toId: survivor })
  })

  it('pushes link targets before the records that link to them when one write dated them alike', async () => {
    const {
      team,
      analysts: [ana]
    } = aTeam(['ana'])
    const pushed: string[] = []
    const watching = Object.assign(Object.create(ana.server) as TeamServer, {
      push: (changes: readonly PushedChange[]) => {
        pushed.push(...changes.map((change) => (change.kind === 'revision' ? change.recordType : 'redirect')))
        return ana.server.push(changes)
      }
    })
    // Same time, and revision ids that the log's index would list the other way round.
    const sameTime = () => '2026-05-01T09:00:00.000Z'
    await saveRecord(
      ana.db,
      'organisation',
      { id: 'org-1', name: 'Regulator', kind: 'regulator' },
      { now: sameTime, newId: () => 'org-1', newRevisionId: () => 'z-revision' }
    )
    await saveRecord(
      ana.db,
      'response',
      { id: 'resp-1', title: 'Fine', kind: 'statement', actorId: 'org-1', datedOn: '2020-01' },
      { now: sameTime, newId: () => 'resp-1', newRevisionId: () => 'a-revision' }
    )
    await sync({ ...ana, server: watching }, { pushBatch: 1 })
    expect(pushed).toEqual(['organisation', 'response'])
    expect(team.state.log).toHaveLength(2)
  })

  it("backs up a synced knowledge base so that it restores, its history's team marks kept", async () => {
    const {
      analysts: [ana, ben]
    } = aTeam(['ana', 'ben'])
    const id = await aSharedIncident(ana, ben, 'Leak')
    await editIncident(ben, id, { title: 'Leak, confirmed' })
    await sync(ben)
    await sync(ana)
    const backup = await readKnowledgeBaseBundle(ana.db, { now: ana.now })
    const kept = (backup.workspace?.revisions ?? []).filter((revision) => revision.recordId === id)
    expect(kept.some((revision) => 'pushedAt' in revision) && kept.some((revision) => 'origin' in revision && 'teamSeq' in revision)).toBe(true)

    const empty = aFreshDatabase()
    await restoreBundle(empty, JSON.parse(JSON.stringify(backup)), { author: 'Ana', now: ana.now })

    expect(await empty.incidents.get(id as never)).toMatchObject({ title: 'Leak, confirmed' })
    expect((await listRevisions(empty, id)).filter((revision) => revision.origin === 'team')).toHaveLength(
      kept.filter((revision) => revision.origin === 'team').length
    )
  })
})
