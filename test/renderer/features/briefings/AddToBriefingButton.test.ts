import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { createBriefingRepository, getDatabase } from '@renderer/db'
import AddToBriefingButton from '../../../../src/renderer/features/briefings/AddToBriefingButton.vue'
import { givenStored } from '../../db/testDatabase'
import { anIncident } from '../../../builders/domain'

const Blank = defineComponent({ template: '<p />' })
const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/briefings/:id', name: 'briefing', component: Blank },
    { path: '/:rest(.*)*', component: Blank }
  ]
})
let wrapper: VueWrapper | undefined

async function mountButton() {
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(AddToBriefingButton, {
    props: { title: 'Alipay pre-ticked consent', loadRecordIds: async () => ['inc-alipay'] },
    global: { plugins: [pinia, router] },
    attachTo: document.body
  })
  await flushPromises()
  return wrapper
}

beforeEach(async () => {
  await givenStored(getDatabase(), { type: 'incident', record: anIncident({ id: 'inc-alipay', title: 'Alipay pre-ticked consent' }) })
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
})

describe('AddToBriefingButton', () => {
  it('opens a dialog named for what is added, with labelled controls', async () => {
    const view = await mountButton()

    await view.get('button[aria-haspopup="dialog"]').trigger('click')

    const dialog = view.get('dialog')
    expect(view.get(`#${dialog.attributes('aria-labelledby')}`).text()).toBe('Add Alipay pre-ticked consent to a briefing')
    expect(view.get(`label[for="${view.get('select').attributes('id')}"]`).text()).toBe('Briefing')
    expect(view.get(`label[for="${view.get('input').attributes('id')}"]`).text()).toBe('Title of the new briefing')
    expect(view.findAll('option').map((option) => option.text())).toEqual(['A new briefing'])
  })

  it('creates a briefing holding the record when none is chosen', async () => {
    const view = await mountButton()
    await view.get('button[aria-haspopup="dialog"]').trigger('click')
    await flushPromises()

    await view.get('input').setValue('Consent defaults')
    await view.get('form').trigger('submit')

    await vi.waitFor(() => expect(view.get('[role="status"]').text()).toContain('Added to “Consent defaults”.'))
    const [briefing] = await createBriefingRepository(getDatabase()).list()
    expect(briefing?.items).toEqual([{ kind: 'record', recordType: 'incident', recordId: 'inc-alipay' }])
  })

  it('adds to an existing briefing, offered first', async () => {
    await createBriefingRepository(getDatabase()).save({
      id: 'brief-1',
      title: 'Weekly',
      subtitle: '',
      asOf: '2026-11-29',
      sections: ['summary'],
      includeTimelineImage: false,
      items: [{ kind: 'heading', text: 'China' }]
    })
    const view = await mountButton()
    await view.get('button[aria-haspopup="dialog"]').trigger('click')
    await vi.waitFor(() => expect((view.get('select').element as HTMLSelectElement).value).toBe('brief-1'))

    await view.get('form').trigger('submit')

    await vi.waitFor(async () =>
      expect((await createBriefingRepository(getDatabase()).get('brief-1'))?.items).toEqual([
        { kind: 'heading', text: 'China' },
        { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' }
      ])
    )
  })
})
