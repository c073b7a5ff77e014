import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { createBriefingRepository, getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import BriefingListView from '../../../../src/renderer/features/briefings/BriefingListView.vue'

const Blank = defineComponent({ template: '<p />' })
let wrapper: VueWrapper | undefined

async function mountList() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/briefings', component: Blank }, { path: '/briefings/:id', name: 'briefing', component: Blank }] })
  await router.push('/briefings')
  wrapper = mount(BriefingListView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  return wrapper
}

afterEach(async () => {
  setLocale('en')
  wrapper?.unmount()
  wrapper = undefined
  await getDatabase().table('briefings').clear()
})

describe('BriefingListView in Chinese', () => {
  it('names the page, its button and each briefing’s day and records in Chinese', async () => {
    setLocale('zh-CN')
    await createBriefingRepository(getDatabase()).save({
      id: 'brief-1',
      title: 'Weekly',
      subtitle: '',
      asOf: '2026-11-29',
      sections: ['summary'],
      includeTimelineImage: false,
      items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-alipay' }, { kind: 'record', recordType: 'incident', recordId: 'inc-other' }]
    })

    const view = await mountList()

    expect(view.get('h1').text()).toBe('简报')
    expect(view.get('button[type="submit"]').text()).toBe('新建简报')
    expect(view.get('label[for="new-briefing-title"]').text()).toBe('新简报的标题')
    await vi.waitFor(() => expect(view.find('.briefing-list li').exists()).toBe(true))
    expect(view.get('.briefing-list li').text().replace(/\s+/g, ' ')).toBe('Weekly · 截至2026年11月29日 · 2 条记录')
  })
})
