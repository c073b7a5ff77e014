import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import App from '@renderer/App.vue'
import { prepareKnowledgeBase } from '@renderer/features/startup'
import { MARKER_STORAGE_KEY } from '@renderer/features/startup/silentResetGuard'
import { useBrowserStorage } from './browserStorage'

const storage = useBrowserStorage()
const Blank = defineComponent({ render: () => h('p', 'Start page') })
let wrapper: VueWrapper | undefined

/** The app shell as main.ts mounts it (start-up runs on the fake IndexedDB), once it is ready. */
async function openApp(): Promise<VueWrapper> {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: Blank }] })
  await router.push('/')
  wrapper = mount(App, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper!.get('main').attributes('data-ready')).toBe('yes'), { timeout: 20_000 })
  return wrapper
}

// The first start-up seeds the jurisdictions, the GDPR and the sample: done once, not inside a test's time.
beforeAll(() => prepareKnowledgeBase(), 60_000)
beforeEach(() => localStorage.clear())
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('App shell', () => {
  it.each([
    [true, 'Stored on this device only. Storage is persistent.'],
    [false, 'Stored on this device only. This browser may clear stored data when disk space runs low.']
  ])('says in its footer whether the browser promised to keep the data (persisted: %s)', async (isPersisted, said) => {
    storage.isPersisted = isPersisted
    const view = await openApp()

    expect(view.get('footer p').text().replace(/\s+/g, ' ')).toBe(said)
  })

  it('warns when the browser replaced a knowledge base that held records, with the lost count and the way back', async () => {
    localStorage.setItem(MARKER_STORAGE_KEY, JSON.stringify({ installId: 'the-cleared-one', recordCount: 812, seenAt: '2026-11-29T10:00:00.000Z' }))
    const view = await openApp()

    const notice = view.findAll('[role="alert"]').find((alert) => alert.text().startsWith('The browser cleared this knowledge base.'))
    expect(notice?.text()).toMatch(/It held 812 records when Precedent last opened it/)
    await vi.waitFor(() => expect(notice!.find('a').text()).toMatch(/^Restore (your latest backup|from a backup file)$/))
  })

  it('says nothing of a reset when the same knowledge base opens again', async () => {
    await openApp()
    wrapper?.unmount()
    const view = await openApp()

    expect(view.text()).not.toContain('The browser cleared this knowledge base.')
  })
})
