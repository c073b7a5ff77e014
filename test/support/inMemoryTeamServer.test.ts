import { describe, expect, it } from 'vitest'
import { anIncident } from '../builders/domain'
import { TeamError, type PushedRevision } from '@shared/team/teamProtocol'
import { catchError } from './catchError'
import { createInMemoryTeam } from './inMemoryTeamServer'

const AT = '2026-02-01T00:00:00.000Z'

function anEdit(
  id: string,
  record: { id: string; [field: string]: unknown },
  base: PushedRevision['base'],
  overrides: Partial<PushedRevision> = {}
): PushedRevision {
  return {
    kind: 'revision',
    id,
    recordType: 'incident',
    recordId: record.id,
    base,
    action: 'update',
    changes: [],
    snapshot: { ...record, revision: base.revision + 1 },
    clientAt: AT,
    ...overrides
  }
}

describe('the in-memory team server (the test double of the PostgreSQL one)', () => {
  it('accepts a new record, answers a retried push `already`, and logs it once with the author from the user', async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const ana = team.serverFor('ana')
    const incident = anIncident()
    const create = anEdit('r1', incident, { revision: 0, exists: false }, { action: 'create' })
    expect((await ana.push([create])).outcomes).toEqual([{ outcome: 'accepted', id: 'r1', seq: 1 }])
    expect((await ana.push([create])).outcomes).toEqual([{ outcome: 'already', id: 'r1' }])
    const page = await team.serverFor('ben').pull({ since: 0, limit: 10 })
    expect(page).toMatchObject({ headSeq: 1, more: false, changes: [{ seq: 1, id: 'r1', revision: 1, author: 'ana' }] })
  })

  it('answers an equal version `unchanged` with the current state, and a stale edit `conflict`, keeping both versions', async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const [ana, ben] = [team.serverFor('ana'), team.serverFor('ben')]
    const incident = anIncident()
    await ana.push([anEdit('r1', incident, { revision: 0, exists: false })])
    const same = await ben.push([anEdit('b1', incident, { revision: 0, exists: false })])
    expect(same.outcomes[0]).toMatchObject({ outcome: 'unchanged', current: { revision: 1, revisionId: 'r1' } })
    await ana.push([anEdit('r2', { ...incident, title: 'Ana' }, { revision: 1, exists: true })])
    const stale = await ben.push([anEdit('b2', { ...incident, title: 'Ben' }, { revision: 1, exists: true })])
    expect(stale.outcomes[0]).toMatchObject({ outcome: 'conflict', current: { revision: 2, snapshot: { title: 'Ana' } } })
    const [conflict] = await ben.conflicts({ includeResolved: false })
    expect(conflict).toMatchObject({
      base: { revision: 1, snapshot: { title: incident.title } },
      theirs: { revision: 2, author: 'ana' },
      mine: { revisionId: 'b2', author: 'ben', snapshot: { title: 'Ben' } }
    })
    // Ben's next edit is based on his own revision 2, which the server cannot tell from Ana's revision 2:
    // rule 3 comes before rule 4, so it is accepted (Ana's version stays in the open conflict as theirs).
    const next = await ben.push([anEdit('b3', { ...incident, title: 'Ben again' }, { revision: 2, exists: true })])
    expect(next.outcomes[0]?.outcome).toBe('accepted')
  })

  it("joins an author's next edit of the conflicted record to the open conflict", async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const [ana, ben] = [team.serverFor('ana'), team.serverFor('ben')]
    const incident = anIncident()
    await ana.push([
      anEdit('r1', incident, { revision: 0, exists: false }),
      anEdit('r2', { ...incident, title: 'A2' }, { revision: 1, exists: true }),
      anEdit('r3', { ...incident, title: 'A3' }, { revision: 2, exists: true })
    ])
    const answer = await ben.push([
      anEdit('b2', { ...incident, title: 'B2' }, { revision: 1, exists: true }),
      anEdit('b3', { ...incident, title: 'B3' }, { revision: 2, exists: true })
    ])
    expect(answer.outcomes.map((outcome) => outcome.outcome)).toEqual(['conflict', 'conflict'])
    const conflicts = await ben.conflicts({ includeResolved: false })
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]?.mine.revisionId).toBe('b3')
    expect(team.heldRevisionIds()).toEqual(new Set(['r1', 'r2', 'r3', 'b2', 'b3']))
  })

  it("refuses a whole push with a broken record, and a reader's push", async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const incident = anIncident()
    const broken = anEdit('x2', { ...incident, status: 'not-a-status' }, { revision: 0, exists: false })
    const refused = await catchError(team.serverFor('ana').push([anEdit('x1', anIncident(), { revision: 0, exists: false }), broken]))
    expect(refused).toBeInstanceOf(TeamError)
    expect((refused as TeamError).code).toBe('refused')
    expect(team.state.log).toHaveLength(0)
    const denied = await catchError(team.serverFor('cleo', 'reader').push([]))
    expect((denied as TeamError).message).toBe('permission denied: cleo is a reader')
  })

  it('resolves a conflict once: `stale` when the record moved on, `closed` after', async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const [ana, ben] = [team.serverFor('ana'), team.serverFor('ben')]
    const incident = anIncident()
    await ana.push([anEdit('r1', incident, { revision: 0, exists: false }), anEdit('r2', { ...incident, title: 'A2' }, { revision: 1, exists: true })])
    await ben.push([anEdit('b2', { ...incident, title: 'B2' }, { revision: 1, exists: true })])
    const [conflict] = await ben.conflicts({ includeResolved: false })
    const conflictId = conflict?.conflictId ?? ''
    const stale = await ben.resolveConflict({ conflictId, revision: anEdit('m1', { ...incident, title: 'Both' }, { revision: 1, exists: true }) })
    expect(stale).toMatchObject({ outcome: 'stale', current: { revision: 2 } })
    expect(await ben.resolveConflict({ conflictId, revision: anEdit('m2', { ...incident, title: 'Both' }, { revision: 2, exists: true }) })).toEqual({
      outcome: 'resolved',
      seq: 3
    })
    expect(await ana.resolveConflict({ conflictId })).toEqual({ outcome: 'closed' })
    expect(await ana.conflicts({ includeResolved: false })).toEqual([])
  })

  it('lists current records in pages by type and id, deleted ones left out', async () => {
    const team = createInMemoryTeam({ now: () => AT })
    const ana = team.serverFor('ana')
    const [a, b, c] = [anIncident({ id: 'a' }), anIncident({ id: 'b' }), anIncident({ id: 'c' })]
    await ana.push([a, b, c].map((record, index) => anEdit(`r${index}`, record, { revision: 0, exists: false })))
    const { snapshot: _gone, ...deleteB } = anEdit('d', b, { revision: 1, exists: true }, { action: 'delete' })
    await ana.push([deleteB])
    const first = await ana.currentRecords({ limit: 1 })
    expect(first).toMatchObject({ records: [{ recordId: 'a', author: 'ana' }], more: true, headSeq: 4 })
    const second = await ana.currentRecords({ after: { recordType: 'incident', recordId: 'a' }, limit: 5 })
    expect(second.records.map((record) => record.recordId)).toEqual(['c'])
    expect(second.more).toBe(false)
  })
})
