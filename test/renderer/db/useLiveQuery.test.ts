import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { createIncidentRepository, saveRecord, useLiveQuery } from '@renderer/db'
import { anIncident } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

const writeOptions = { now: () => '2026-03-01T08:00:00.000Z', newId: () => 'inc-new' }

describe('useLiveQuery', () => {
  it('holds the initial value, then the first result', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident() })
    const scope = effectScope()

    const query = scope.run(() => useLiveQuery(() => createIncidentRepository(db).count(), -1))!

    expect(query.data.value).toBe(-1)
    expect(query.isLoading.value).toBe(true)
    await vi.waitFor(() => expect(query.data.value).toBe(1))
    expect(query.isLoading.value).toBe(false)
    scope.stop()
  })

  it('updates after a write', async () => {
    const db = aFreshDatabase()
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(() => createIncidentRepository(db).count(), -1))!
    await vi.waitFor(() => expect(query.data.value).toBe(0))

    await saveRecord(db, 'incident', { title: 'New', status: 'alleged' }, writeOptions)

    await vi.waitFor(() => expect(query.data.value).toBe(1))
    scope.stop()
  })

  it('runs the query again when its dependencies change', async () => {
    const db = aFreshDatabase()
    const [first, second] = [anIncident({ title: 'First' }), anIncident({ title: 'Second' })]
    await givenStored(db, { type: 'incident', record: first }, { type: 'incident', record: second })
    const id = ref<string>(first.id)
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(() => createIncidentRepository(db).get(id.value), undefined, id))!
    await vi.waitFor(() => expect(query.data.value?.title).toBe('First'))

    id.value = second.id
    await nextTick()

    await vi.waitFor(() => expect(query.data.value?.title).toBe('Second'))
    scope.stop()
  })

  it('stops following writes once its scope is disposed', async () => {
    const db = aFreshDatabase()
    const scope = effectScope()
    const query = scope.run(() => useLiveQuery(() => createIncidentRepository(db).count(), -1))!
    await vi.waitFor(() => expect(query.data.value).toBe(0))

    scope.stop()
    await saveRecord(db, 'incident', { title: 'New', status: 'alleged' }, writeOptions)
    await new Promise((resolve) => setTimeout(resolve, 50))

    expect(query.data.value).toBe(0)
  })

  it('reports a failing query as an error', async () => {
    const scope = effectScope()

    const query = scope.run(() => useLiveQuery(() => Promise.reject(new Error('Query failed')), 'initial'))!

    await vi.waitFor(() => expect(query.error.value?.message).toBe('Query failed'))
    expect(query.data.value).toBe('initial')
    scope.stop()
  })
})
