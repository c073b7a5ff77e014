import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { defineComponent, h } from 'vue'
import { getDatabase } from '@renderer/db'
import { sourceRoutes } from '@renderer/features/sources'
import { aSource } from '../../../builders/domain'
import { givenStored, injectWriteFailures } from '../../db/testDatabase'

/**
 * A record form whose write does not commit (RELIABILITY-SECURITY 17): the browser's storage is
 * full, so the one transaction of the save aborts. The person must keep everything typed, be told
 * why in plain words, and never read "Saved.".
 */
const faults = injectWriteFailures(getDatabase())
const storageFull = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

const Elsewhere = defineComponent({ render: () => h('p') })
// The pages a source's detail page links to, as stand-ins: only the source pages are under test.
const linkedPages = ['incident', 'organisation', 'jurisdiction', 'law', 'response', 'relationship-graph', 'timeline', 'compare', 'briefing'].map((name) => ({
  path: `/elsewhere/${name}/:type?/:id?`,
  name,
  component: Elsewhere
}))
let wrapper: VueWrapper | undefined

async function openPage(path: string) {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [...sourceRoutes, ...linkedPages, { path: '/:rest(.*)*', component: Elsewhere }] })
  await router.push(path)
  await router.isReady()
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper!.find('form').exists()).toBe(true))
  return { view: wrapper, router }
}

const typed = {
  'source-title': 'CAC notice on app data collection',
  'source-publisher': 'Cyberspace Administration of China',
  'source-author': 'CAC',
  'source-url': 'https://www.cac.gov.cn/notice',
  'source-language': 'zh',
  'source-publishedOn': '2021-05',
  'source-accessedOn': '2026-11-30',
  'source-quotedPassage': '违法违规收集使用个人信息'
} as const

async function typeEverything(view: VueWrapper): Promise<void> {
  for (const [id, value] of Object.entries(typed)) await view.get(`#${id}`).setValue(value)
}

function valuesShown(view: VueWrapper): Record<string, string> {
  return Object.fromEntries(Object.keys(typed).map((id) => [id, (view.get(`#${id}`).element as HTMLInputElement | HTMLTextAreaElement).value]))
}

const submit = (view: VueWrapper) => view.get('form').trigger('submit')

beforeEach(() => faults.failWrite(0))
afterEach(async () => {
  faults.failWrite(0)
  wrapper?.unmount()
  wrapper = undefined
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
})

describe('SourceFormView when the save does not commit', () => {
  it('keeps every typed value of a new source, says the storage is full in an alert and never says "Saved"; the same draft saves once there is room', async () => {
    const { view, router } = await openPage('/sources/new')
    await typeEverything(view)
    faults.failWrite(1, storageFull)

    await submit(view)
    await vi.waitFor(() => expect(view.find('[role="alert"]').exists()).toBe(true))

    expect(view.get('[role="alert"]').text()).toBe(
      'Not saved: the disk or browser storage is full. Free some space, then try again; your changes are still in the form.'
    )
    expect(valuesShown(view)).toEqual(typed)
    expect(view.text()).not.toMatch(/\bSaved\b/)
    expect(router.currentRoute.value.name).toBe('source-new')
    expect(await getDatabase().sources.count()).toBe(0)
    expect(await getDatabase().table('revisions').count()).toBe(0)

    // Space freed: the same draft, unchanged by the failure, is saved, and only now "Saved." is shown.
    faults.failWrite(0)
    await submit(view)
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('source'))
    await vi.waitFor(() => expect(view.find('.notice.success').exists()).toBe(true))
    expect(view.get('.notice.success').text()).toBe('Saved.')
    const [stored] = await getDatabase().sources.toArray()
    expect(stored).toMatchObject({ title: typed['source-title'], publisher: typed['source-publisher'], quotedPassage: typed['source-quotedPassage'] })
  })

  it('keeps the edits of an existing source and its stored version when the browser aborts the write', async () => {
    const source = aSource({ title: 'Old title', publisher: 'Old publisher' })
    await givenStored(getDatabase(), { type: 'source', record: source })
    const { view, router } = await openPage(`/sources/${source.id}/edit`)
    await vi.waitFor(() => expect((view.get('#source-title').element as HTMLInputElement).value).toBe('Old title'))
    await typeEverything(view)
    faults.failWrite(1, () => new DOMException('The transaction was aborted.', 'AbortError'))

    await submit(view)
    await vi.waitFor(() => expect(view.find('[role="alert"]').exists()).toBe(true))

    expect(view.get('[role="alert"]').text()).toBe(
      'Not saved: the browser stopped the write before it finished. Try again; your changes are still in the form.'
    )
    expect(valuesShown(view)).toEqual(typed)
    expect(view.text()).not.toMatch(/\bSaved\b/)
    expect(router.currentRoute.value.name).toBe('source-edit')
    expect(await getDatabase().sources.get(source.id)).toMatchObject({ title: 'Old title', publisher: 'Old publisher', revision: source.revision })
    await flushPromises()
  })
})
