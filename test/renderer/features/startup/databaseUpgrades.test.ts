import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'

// Start-up itself waits on the database, which another window holds at the old version.
vi.mock('@renderer/features/startup/prepareKnowledgeBase', () => ({
  prepareKnowledgeBase: () => new Promise(() => undefined)
}))

const { handleDatabaseUpgrades, isUpgradeBlocked, useStartup } = await import('@renderer/features/startup')
const { getDatabase } = await import('@renderer/db')
const { draftKey, registerOpenDraft, takeKeptDraft } = await import('@renderer/recordKit')

function mountStartup(waitMs: number) {
  let state!: ReturnType<typeof useStartup>
  mount(defineComponent({ setup: () => ((state = useStartup(waitMs)), () => h('p')) }))
  return () => state.value
}

describe('an upgrade blocked by another window', () => {
  afterEach(() => {
    isUpgradeBlocked.value = false
    vi.useRealTimers()
  })

  it('gives up after the wait with a message saying what to close', async () => {
    vi.useFakeTimers()
    const state = mountStartup(60_000)
    isUpgradeBlocked.value = true
    await nextTick()

    vi.advanceTimersByTime(59_000)
    expect(state().status).toBe('loading')
    vi.advanceTimersByTime(1_000)

    expect(state()).toEqual({ status: 'failed', message: expect.stringContaining('Close the other windows and tabs of Precedent, then reload this one.') })
  })

  it('keeps waiting while nothing blocks it', () => {
    vi.useFakeTimers()
    const state = mountStartup(60_000)

    vi.advanceTimersByTime(120_000)

    expect(state().status).toBe('loading')
  })
})

describe('a newer window upgrading the database', () => {
  it('keeps the typed drafts, then reloads this window', async () => {
    const reload = vi.fn()
    handleDatabaseUpgrades(reload)
    const db = getDatabase()
    await db.open()
    const draft = { name: '' }
    const unregister = registerOpenDraft(draftKey('organisation', undefined), () => draft)
    draft.name = 'Typed before the update'

    // The newer window asks for the next version (closing this connection), then gives the upgrade up.
    await new Promise<void>((resolve) => {
      const request = indexedDB.open(db.name, db.verno * 10 + 1)
      request.onupgradeneeded = () => request.transaction?.abort()
      request.onerror = () => resolve()
      request.onsuccess = () => (request.result.close(), resolve())
    })

    expect(reload).toHaveBeenCalledOnce()
    expect(takeKeptDraft(draftKey('organisation', undefined))).toEqual({ name: 'Typed before the update' })
    unregister()
  })
})
