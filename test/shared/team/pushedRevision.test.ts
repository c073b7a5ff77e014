import { describe, expect, it } from 'vitest'
import type { RecordRevision } from '@shared/domain/recordHistory'
import { baseOf, pushedRevisionOf } from '@shared/team/pushedRevision'
import { pushedRevisionSchema } from '@shared/team/teamProtocol'

const record = { id: 'inc-1', title: 'Leak', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z', revision: 3 }

function aRevision(overrides: Partial<RecordRevision<object>> = {}): RecordRevision<object> {
  return {
    id: 'rev-1',
    recordType: 'incident',
    recordId: 'inc-1',
    revision: 3,
    at: '2026-01-02T00:00:00.000Z',
    author: 'ana',
    action: 'update',
    changes: [{ field: 'title', before: 'Old', after: 'Leak' }],
    snapshot: record,
    ...overrides
  }
}

describe('the base of a pushed revision', () => {
  it('is "no record yet" at the number before it for a creation', () => {
    expect(baseOf(aRevision({ action: 'create', revision: 1 }))).toEqual({ revision: 0, exists: false })
  })

  it('is "deleted at r" for a record created again under an old id (its changes bring the id from nothing)', () => {
    const restored = aRevision({ action: 'restore', revision: 5, changes: [{ field: 'id', before: undefined, after: 'inc-1' }] })
    expect(baseOf(restored)).toEqual({ revision: 4, exists: false })
  })

  it('is the deleted version for a delete, which keeps its number', () => {
    const { snapshot: _dropped, ...deleted } = aRevision({ action: 'delete' })
    expect(baseOf(deleted)).toEqual({ revision: 3, exists: true })
  })

  it('is the version one below for an edit', () => {
    expect(baseOf(aRevision())).toEqual({ revision: 2, exists: true })
  })

  it('is "deleted" when the revision before it in the record\'s log was a delete, whatever its action says', () => {
    const { snapshot: _dropped, ...deleted } = aRevision({ id: 'rev-0', action: 'delete', revision: 2 })
    expect(baseOf(aRevision({ action: 'import' }), deleted)).toEqual({ revision: 2, exists: false })
  })

  it("makes a change the protocol accepts, with the client's time and the snapshot as it is", () => {
    const pushed = pushedRevisionOf(aRevision({ note: 'Fixed the title' }))
    expect(pushedRevisionSchema.parse(pushed)).toEqual(pushed)
    expect(pushed).toMatchObject({
      kind: 'revision',
      id: 'rev-1',
      base: { revision: 2, exists: true },
      clientAt: '2026-01-02T00:00:00.000Z',
      snapshot: record,
      note: 'Fixed the title'
    })
  })

  it('leaves the snapshot out of a delete', () => {
    const { snapshot: _dropped, ...deleted } = aRevision({ action: 'delete' })
    expect(pushedRevisionOf(deleted)).not.toHaveProperty('snapshot')
  })
})
