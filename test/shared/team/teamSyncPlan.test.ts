import { describe, expect, it } from 'vitest'
import type { RecordRevision } from '@shared/domain/recordHistory'
import type { RecordType } from '@shared/domain/recordTypes'
import { pushedRevisionOf } from '@shared/team/pushedRevision'
import type { PushOutcome } from '@shared/team/teamProtocol'
import { appliesPulledRevision, isAtServerState, orderForPush, serverStatesAfterPush } from '@shared/team/teamSyncPlan'

function aRevision(recordType: RecordType, recordId: string, at: string, snapshot: object | undefined, revision = 1): RecordRevision<object> {
  return {
    id: `${recordId}@${revision}${snapshot === undefined ? '-' : '+'}`,
    recordType,
    recordId,
    revision,
    at,
    author: '',
    action: snapshot === undefined ? 'delete' : revision === 1 ? 'create' : 'update',
    changes: [],
    ...(snapshot === undefined ? {} : { snapshot: { id: recordId, ...snapshot } })
  }
}

const T1 = '2026-01-01T00:00:00.000Z'
const T2 = '2026-01-02T00:00:00.000Z'

describe('the order revisions are pushed in', () => {
  it('follows time, and within one write puts link targets first and removed records last', () => {
    const revisions = [
      aRevision('response', 'resp-1', T1, { actorId: 'org-1' }),
      aRevision('organisation', 'org-gone', T1, undefined, 2),
      aRevision('organisation', 'org-1', T1, { links: [{ organisationId: 'org-2', relation: 'parent' }] }),
      aRevision('organisation', 'org-2', T1, {}),
      aRevision('incident', 'inc-1', T2, {}, 2),
      aRevision('incident', 'inc-1', T2, {}, 1),
      aRevision('jurisdiction', 'CN', T2, {})
    ]
    expect(orderForPush(revisions).map((revision) => revision.id)).toEqual([
      'org-2@1+',
      'org-1@1+',
      'resp-1@1+',
      'org-gone@2-',
      'CN@1+',
      'inc-1@1+',
      'inc-1@2+'
    ])
  })
})

describe('where records stand on the server after a push', () => {
  const edit = pushedRevisionOf(aRevision('incident', 'inc-1', T1, { title: 'Mine' }, 3))
  const current = { recordType: 'incident' as const, recordId: 'inc-1', revision: 4, snapshot: { id: 'inc-1', title: 'Theirs' }, revisionId: 'theirs' }

  it('is the pushed version when accepted, at the number after its base', () => {
    const states = serverStatesAfterPush([edit], [{ outcome: 'accepted', id: edit.id, seq: 7 }])
    expect(states.get('inc-1')).toEqual({ recordType: 'incident', recordId: 'inc-1', revision: 3, snapshot: edit.snapshot, revisionId: edit.id })
  })

  it("is the server's current version after a conflict, and unknown after only `already`", () => {
    const later = pushedRevisionOf(aRevision('incident', 'inc-1', T1, { title: 'Mine again' }, 4))
    const outcomes: PushOutcome[] = [
      { outcome: 'already', id: edit.id },
      { outcome: 'conflict', id: later.id, conflictId: 'c1', current }
    ]
    expect(serverStatesAfterPush([edit, later], outcomes).get('inc-1')).toEqual(current)
    expect(serverStatesAfterPush([edit], [{ outcome: 'already', id: edit.id }]).has('inc-1')).toBe(true)
    expect(serverStatesAfterPush([edit], [{ outcome: 'already', id: edit.id }]).get('inc-1')).toBeUndefined()
  })

  it('tells whether a local record already is that state', () => {
    expect(isAtServerState({ revision: 4, record: { id: 'inc-1', title: 'Theirs', revision: 4 } }, current)).toBe(true)
    expect(isAtServerState({ revision: 3, record: { id: 'inc-1', title: 'Theirs' } }, current)).toBe(false)
    expect(isAtServerState(undefined, { revision: 4 })).toBe(true)
    expect(isAtServerState(undefined, current)).toBe(false)
  })
})

describe('whether a pulled change applies', () => {
  const local = { revision: 5, record: { id: 'inc-1', title: 'Here' } }
  it('applies another version or a delete of a record here, and skips what the record already is', () => {
    expect(appliesPulledRevision(local, 3, { seq: 4, revision: 6, snapshot: { id: 'inc-1', title: 'There' } })).toBe(true)
    expect(appliesPulledRevision(local, 3, { seq: 4, revision: 5, snapshot: { id: 'inc-1', title: 'There' } })).toBe(true)
    expect(appliesPulledRevision(local, 3, { seq: 4, revision: 5, snapshot: { id: 'inc-1', title: 'Here' } })).toBe(false)
    expect(appliesPulledRevision(undefined, undefined, { seq: 1, revision: 1, snapshot: { id: 'inc-1' } })).toBe(true)
    expect(appliesPulledRevision(local, undefined, { seq: 4, revision: 5 })).toBe(true)
    expect(appliesPulledRevision(undefined, undefined, { seq: 4, revision: 5 })).toBe(false)
  })

  it('skips a change the server logged before the newest one this record holds here', () => {
    expect(appliesPulledRevision(undefined, 9, { seq: 8, revision: 2, snapshot: { id: 'inc-1', title: 'Older' } })).toBe(false)
    expect(appliesPulledRevision(local, 9, { seq: 9, revision: 6 })).toBe(false)
    expect(appliesPulledRevision(undefined, 9, { seq: 10, revision: 3, snapshot: { id: 'inc-1', title: 'Back' } })).toBe(true)
  })
})
