import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { createBriefingRepository, getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import type { Briefing } from '@shared/briefing/briefing'
import BriefingListView from '../../../../src/renderer/features/briefings/BriefingListView.vue'

const Blank = defineComponent({ template: '<p />' })
let wrapper: VueWrapper | undefined

async function mountList() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/briefings', component: Blank },
      { path: '/briefings/:id', name: 'briefing', component: Blank }
    ]
  })
  await router.push('/briefings')
  wrapper = mount(BriefingListView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  return { view: wrapper, router }
}

/** A briefing "Weekly" as of 29 November 2026 holding `items`. */
function givenWeeklyBriefing(items: Briefing['items']): Promise<Briefing> {
  return createBriefingRepository(getDatabase()).save({
    id: 'brief-1',
    title: 'Weekly',
    subtitle: '',
    asOf: '2026-11-29',
    sections: ['summary'],
    includeTimelineImage: false,
    items
  })
}

afterEach(async () => {
  setLocale('en')
  wrapper?.unmount()
  wrapper = undefined
  await getDatabase().table('briefings').clear()
})

describe('BriefingListView', () => {
  it('says what to do when there are no briefings', async () => {
    const { view } = await mountList()

    await vi.waitFor(() => expect(view.find('[aria-label="No briefings yet"]').exists()).toBe(true))
    expect(view.get('[aria-label="No briefings yet"]').text()).toContain('Type a title above and choose New briefing')
    expect(view.get('label[for="new-briefing-title"]').text()).toBe('Title of a new briefing')
  })

  it('creates a briefing with the title typed and opens it', async () => {
    const { view, router } = await mountList()

    await view.get('#new-briefing-title').setValue('UC Browser')
    await view.get('form').trigger('submit')

    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('briefing'))
    const [briefing] = await createBriefingRepository(getDatabase()).list()
    expect(briefing?.title).toBe('UC Browser')
    expect(router.currentRoute.value.params['id']).toBe(briefing?.id)
  })

  it('lists the briefings with their day and number of records', async () => {
    await givenWeeklyBriefing([
      { kind: 'heading', text: 'China' },
      { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' }
    ])

    const { view } = await mountList()

    await vi.waitFor(() => expect(view.find('.briefing-list li').exists()).toBe(true))
    expect(view.get('.briefing-list li').text().replace(/\s+/g, ' ')).toBe('Weekly · as of 29 November 2026 · 1 record')
  })
})

describe('BriefingListView in Chinese', () => {
  it('names the page, its button and each briefing’s day and records in Chinese', async () => {
    setLocale('zh-CN')
    await givenWeeklyBriefing([
      { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' },
      { kind: 'record', recordType: 'incident', recordId: 'inc-other' }
    ])

    const { view } = await mountList()

    expect(view.get('h1').text()).toBe('简报')
    expect(view.get('button[type="submit"]').text()).toBe('新建简报')
    expect(view.get('label[for="new-briefing-title"]').text()).toBe('新简报的标题')
    await vi.waitFor(() => expect(view.find('.briefing-list li').exists()).toBe(true))
    expect(view.get('.briefing-list li').text().replace(/\s+/g, ' ')).toBe('Weekly · 截至2026年11月29日 · 2 条记录')
  })
})
