import { describe, expect, it } from 'vitest'
import { compareRevisions, diffRecords, recordAsOf, recordBefore, type RecordRevision } from '@shared/domain/recordHistory'

interface Note {
  readonly id: string
  readonly title: string
  readonly tags?: readonly string[]
  readonly createdAt: string
  readonly updatedAt: string
  readonly revision: number
}

const CREATED_AT = '2018-01-03T09:00:00.000Z'

function aNote(overrides: Partial<Note> = {}): Note {
  return { id: 'inc-alipay', title: 'Alipay default opt-in', createdAt: CREATED_AT, updatedAt: CREATED_AT, revision: 1, ...overrides }
}

function aRevision(overrides: Partial<RecordRevision<Note>> = {}): RecordRevision<Note> {
  return {
    id: `rev-${overrides.revision ?? 1}-${overrides.action ?? 'create'}`,
    recordType: 'incident',
    recordId: 'inc-alipay',
    revision: 1,
    at: CREATED_AT,
    author: '',
    action: 'create',
    changes: [],
    ...overrides
  }
}

describe('diffRecords', () => {
  it('lists each field whose value changed, with its old and new value', () => {
    const changes = diffRecords(aNote(), aNote({ title: 'Alipay Sesame Credit opt-in' }))

    expect(changes).toEqual([{ field: 'title', before: 'Alipay default opt-in', after: 'Alipay Sesame Credit opt-in' }])
  })

  it('ignores bookkeeping fields', () => {
    const changes = diffRecords(aNote(), aNote({ updatedAt: '2018-02-01T00:00:00.000Z', revision: 2, createdAt: '2017-01-01T00:00:00.000Z' }))

    expect(changes).toEqual([])
  })

  it('compares lists and objects by value, not by identity or key order', () => {
    const changes = diffRecords({ links: [{ a: 1, b: 2 }] }, { links: [{ b: 2, a: 1 }] })

    expect(changes).toEqual([])
  })

  it('counts a change inside a list as a change of the whole field', () => {
    const changes = diffRecords(aNote({ tags: ['consent'] }), aNote({ tags: ['consent', 'credit'] }))

    expect(changes).toEqual([{ field: 'tags', before: ['consent'], after: ['consent', 'credit'] }])
  })

  it('reports a field that was added or removed with undefined on the missing side', () => {
    const changes = diffRecords(aNote({ tags: ['consent'] }), aNote())

    expect(changes).toEqual([{ field: 'tags', before: ['consent'], after: undefined }])
  })

  it('treats a record that did not exist as having no fields', () => {
    const changes = diffRecords(undefined, aNote())

    expect(changes).toEqual([
      { field: 'id', before: undefined, after: 'inc-alipay' },
      { field: 'title', before: undefined, after: 'Alipay default opt-in' }
    ])
  })
})

describe('compareRevisions', () => {
  it('orders by revision number even when the clock went backwards', () => {
    const later = aRevision({ revision: 2, action: 'update', at: '2018-01-01T00:00:00.000Z' })
    const earlier = aRevision({ revision: 1, at: '2018-02-01T00:00:00.000Z', snapshot: aNote() })

    expect([later, earlier].sort(compareRevisions)).toEqual([earlier, later])
  })

  it('puts a delete after the version it deleted', () => {
    const deleted = aRevision({ revision: 1, action: 'delete' })
    const created = aRevision({ revision: 1, snapshot: aNote() })

    expect([deleted, created].sort(compareRevisions)).toEqual([created, deleted])
  })
})

describe('recordBefore', () => {
  it('rebuilds the version before an update from its snapshot and old values', () => {
    const edited = aNote({ title: 'Edited', revision: 2 })
    const update = aRevision({ revision: 2, action: 'update', snapshot: edited, changes: [{ field: 'title', before: 'Original', after: 'Edited' }] })

    expect(recordBefore(update)).toEqual({ ...edited, title: 'Original', revision: 1 })
  })

  it('removes a field the change added', () => {
    const update = aRevision({
      revision: 2,
      action: 'update',
      snapshot: aNote({ tags: ['new'], revision: 2 }),
      changes: [{ field: 'tags', before: undefined, after: ['new'] }]
    })

    expect(recordBefore(update)).not.toHaveProperty('tags')
  })

  it('is undefined before a create', () => {
    expect(recordBefore(aRevision({ snapshot: aNote() }))).toBeUndefined()
  })

  it('rebuilds a deleted record from the old values of its delete', () => {
    const deleted = aRevision({ action: 'delete', changes: diffRecords(aNote(), undefined) })

    expect(recordBefore(deleted)).toEqual({ id: 'inc-alipay', title: 'Alipay default opt-in', revision: 1 })
  })
})

describe('recordAsOf', () => {
  const original = aNote()
  const edited = aNote({ title: 'Edited on 5 January', revision: 2 })
  const history = [
    aRevision({ revision: 1, at: '2018-01-03T09:00:00.000Z', snapshot: original }),
    aRevision({
      revision: 2,
      action: 'update',
      at: '2018-01-05T23:30:00.000Z',
      snapshot: edited,
      changes: [{ field: 'title', before: original.title, after: edited.title }]
    })
  ]

  it('gives the version that stood at the end of the day', () => {
    expect(recordAsOf(history, '2018-01-04')?.title).toBe('Alipay default opt-in')
  })

  it('includes changes made late on the day itself', () => {
    expect(recordAsOf(history, '2018-01-05')?.title).toBe('Edited on 5 January')
  })

  it('is undefined before the record was created', () => {
    expect(recordAsOf(history, '2018-01-02')).toBeUndefined()
  })

  it('is undefined after the record was deleted', () => {
    const deleted = [...history, aRevision({ revision: 2, action: 'delete', at: '2018-01-06T10:00:00.000Z' })]

    expect(recordAsOf(deleted, '2018-01-07')).toBeUndefined()
  })

  it('reads days in the time zone it is given', () => {
    const beijingDay = (timestamp: string) => new Date(Date.parse(timestamp) + 8 * 3600_000).toISOString().slice(0, 10)

    expect(recordAsOf(history, '2018-01-05', beijingDay)?.title).toBe('Alipay default opt-in')
  })

  it('rebuilds a record that existed before its history began from the first change', () => {
    const sampleHistory = history.slice(1)

    expect(recordAsOf(sampleHistory, '2018-01-04')).toEqual(original)
  })

  it('is undefined before a rebuilt record was created', () => {
    const sampleHistory = history.slice(1)

    expect(recordAsOf(sampleHistory, '2018-01-01')).toBeUndefined()
  })

  it('is undefined for a record with no history', () => {
    expect(recordAsOf([], '2018-01-04')).toBeUndefined()
  })
})
