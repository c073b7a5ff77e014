import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDatabase } from '@renderer/db'
import { useMergeStore } from '../../../../src/renderer/features/duplicates/mergeStore'
import { anOrganisation, aResponse } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

beforeEach(() => setActivePinia(createPinia()))

/** Two organisations that are one, and a response naming the duplicate. Ids are fresh for each test. */
async function givenDuplicates() {
  const survivor = anOrganisation({ name: 'Alipay' })
  const duplicate = anOrganisation({ name: 'ALIPAY' })
  const actor = anOrganisation({ name: 'Cyberspace Administration of China' })
  const summons = aResponse({ actorId: actor.id, targetOrganisationIds: [duplicate.id] })
  await givenStored(
    getDatabase(),
    { type: 'organisation', record: survivor },
    { type: 'organisation', record: duplicate },
    { type: 'organisation', record: actor },
    { type: 'response', record: summons }
  )
  return { survivor, duplicate, summons }
}

describe('useMergeStore', () => {
  it('leaves a notice naming both records after a merge', async () => {
    const { survivor, duplicate } = await givenDuplicates()
    const store = useMergeStore()

    const result = await store.merge('organisation', survivor.id, duplicate.id, { [survivor.id]: 1, [duplicate.id]: 1 })

    expect(result.ok).toBe(true)
    expect(store.mergeNotice).toMatchObject({ status: 'merged', merge: { survivorTitle: 'Alipay', duplicateTitle: 'ALIPAY' } })
  })

  it('reports a conflict as a value when a record changed since the person saw it', async () => {
    const { survivor, duplicate } = await givenDuplicates()
    const store = useMergeStore()

    const result = await store.merge('organisation', survivor.id, duplicate.id, { [survivor.id]: 7 })

    expect(result).toMatchObject({ ok: false, reason: 'conflict' })
    expect(store.mergeNotice).toBeUndefined()
  })

  it('turns the notice into “merge undone” when the merge is undone', async () => {
    const { survivor, duplicate } = await givenDuplicates()
    const store = useMergeStore()
    const merged = await store.merge('organisation', survivor.id, duplicate.id, {})

    const result = await store.undo(merged.ok ? merged.merge.id : '')

    expect(result.ok).toBe(true)
    expect(store.mergeNotice?.status).toBe('undone')
  })

  it('sends an old id to its survivor and says what happened', async () => {
    const { survivor, duplicate } = await givenDuplicates()
    const store = useMergeStore()
    await store.merge('organisation', survivor.id, duplicate.id, {})

    const finalId = await store.followRedirect('organisation', duplicate.id)

    expect(finalId).toBe(survivor.id)
    expect(store.redirectNotice).toEqual({ type: 'organisation', fromTitle: 'ALIPAY', toId: survivor.id, toTitle: 'Alipay' })
  })

  it('leaves an id that was never merged as it is, with no notice', async () => {
    const { survivor } = await givenDuplicates()
    const store = useMergeStore()

    expect(await store.followRedirect('organisation', survivor.id)).toBe(survivor.id)
    expect(store.redirectNotice).toBeUndefined()
  })
})
