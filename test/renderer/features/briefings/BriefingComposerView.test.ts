import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent } from 'vue'
import { createBriefingRepository, getDatabase } from '@renderer/db'
import BriefingComposerView from '../../../../src/renderer/features/briefings/BriefingComposerView.vue'
import { givenStored } from '../../db/testDatabase'
import { anIncident } from '../../../builders/domain'

const Blank = defineComponent({ template: '<p />' })
const router = createRouter({
  history: createMemoryHistory(),
  routes: ['incident', 'organisation', 'jurisdiction', 'law', 'response', 'source', 'briefing']
    .map((name) => ({ path: `/${name}/:id`, name, component: Blank }))
    .concat([{ path: '/:rest(.*)*', name: 'other', component: Blank }])
})

let wrapper: VueWrapper | undefined

async function mountComposer() {
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(BriefingComposerView, { props: { id: 'brief-alipay' }, global: { plugins: [pinia, router] }, attachTo: document.body })
  await vi.waitFor(() => expect(wrapper?.find('#briefing-title').exists()).toBe(true))
  await vi.waitFor(() => expect(wrapper?.text()).toContain('Alipay pre-ticked consent'))
  return wrapper
}

const button = (view: VueWrapper, name: string) => {
  const found = view.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name)
  if (found === undefined) throw new Error(`No button named “${name}”`)
  return found
}
const labelFor = (view: VueWrapper, id: string) => view.get(`label[for="${id}"]`).text()
const storedItems = async () => (await createBriefingRepository(getDatabase()).get('brief-alipay'))?.items

beforeEach(async () => {
  await givenStored(
    getDatabase(),
    { type: 'incident', record: anIncident({ id: 'inc-alipay', title: 'Alipay pre-ticked consent' }) },
    { type: 'incident', record: anIncident({ id: 'inc-uc', title: 'UC Browser data to China' }) }
  )
  await createBriefingRepository(getDatabase()).save({
    id: 'brief-alipay',
    title: 'Alipay',
    subtitle: '',
    asOf: '2026-11-29',
    sections: ['summary', 'chronology'],
    includeTimelineImage: false,
    items: [
      { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' },
      { kind: 'record', recordType: 'incident', recordId: 'inc-uc' }
    ]
  })
})

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
})

describe('BriefingComposerView', () => {
  it('names every field, section and item control', async () => {
    const view = await mountComposer()

    expect(labelFor(view, 'briefing-title')).toBe('Title')
    expect(labelFor(view, 'briefing-subtitle')).toBe('Subtitle')
    expect(labelFor(view, 'briefing-as-of')).toBe('As of')
    expect(view.get('fieldset legend').text()).toBe('Sections')
    expect(view.findAll('fieldset label').map((label) => label.text())).toEqual(['Summary', 'Chronology', 'Legal basis', 'Responses and outcomes', 'Sources'])
    expect(view.get('.briefing-picture-option').text()).toBe('Timeline picture')
    expect(button(view, 'Move Alipay pre-ticked consent up').attributes('disabled')).toBeDefined()
    expect(button(view, 'Move Alipay pre-ticked consent down').attributes('disabled')).toBeUndefined()
    expect(button(view, 'Remove UC Browser data to China').text()).toBe('Remove')
    expect(view.get('[role="combobox"]').attributes('id')).toBe('briefing-add-record')
    expect(labelFor(view, 'briefing-add-record')).toBe('Add a record')
    for (const name of ['Add heading', 'Add commentary', 'Save briefing', 'Export DOCX', 'Export Markdown', 'Export HTML', 'Print or save as PDF'])
      expect(button(view, name).exists()).toBe(true)
  })

  it('adds a heading with focus in it, and says Saved only once the save has committed', async () => {
    const view = await mountComposer()

    await button(view, 'Add heading').trigger('click')
    await flushPromises()
    const heading = view.get<HTMLInputElement>('.briefing-item-heading input')
    expect(document.activeElement).toBe(heading.element)
    await heading.setValue('Background')
    await view.get('form').trigger('submit')

    await vi.waitFor(() => expect(view.get('[role="status"].success').text()).toBe('Saved.'))
    expect(await storedItems()).toEqual([
      { kind: 'record', recordType: 'incident', recordId: 'inc-alipay' },
      { kind: 'record', recordType: 'incident', recordId: 'inc-uc' },
      { kind: 'heading', text: 'Background' }
    ])
  })

  it('moves an item with the keyboard, keeping focus on the button that moved it', async () => {
    const view = await mountComposer()

    await button(view, 'Move Alipay pre-ticked consent down').trigger('click')
    await flushPromises()

    expect(view.findAll('.briefing-item a').map((link) => link.text())).toEqual(['UC Browser data to China', 'Alipay pre-ticked consent'])
    // At the bottom "Move down" is disabled, so focus goes to "Move up" of the same item.
    expect(document.activeElement).toBe(button(view, 'Move Alipay pre-ticked consent up').element)
    expect(view.text()).toContain('Moved Alipay pre-ticked consent to position 2 of 2.')
    expect(view.text()).toContain('Unsaved changes.')
  })

  it('refuses to save an empty commentary, naming it under the field', async () => {
    const view = await mountComposer()

    await button(view, 'Add commentary').trigger('click')
    await view.get('form').trigger('submit')

    await vi.waitFor(() => expect(view.get('.briefing-item-commentary .field-error').text()).toBe('Commentary is required'))
    expect(view.get('.briefing-item-commentary textarea').attributes('aria-invalid')).toBe('true')
    expect(await storedItems()).toHaveLength(2)
  })

  it('removes an item', async () => {
    const view = await mountComposer()

    await button(view, 'Remove Alipay pre-ticked consent').trigger('click')
    await view.get('form').trigger('submit')

    await vi.waitFor(async () => expect(await storedItems()).toEqual([{ kind: 'record', recordType: 'incident', recordId: 'inc-uc' }]))
  })
})

describe('BriefingComposerView when another window saved first', () => {
  it('keeps the edits, says why, and offers the stored version', async () => {
    const view = await mountComposer()
    await view.get('#briefing-title').setValue('Edited here')
    const stored = await createBriefingRepository(getDatabase()).get('brief-alipay')
    if (stored === undefined) throw new Error('not stored')
    const { createdAt: _c, updatedAt: _u, revision: _r, ...input } = stored
    await createBriefingRepository(getDatabase()).save({ ...input, title: 'Edited elsewhere' }, { expectedRevision: 1 })

    await view.get('form').trigger('submit')

    await vi.waitFor(() => expect(view.get('[role="alert"]').text()).toContain('changed in another window'))
    expect((view.get('#briefing-title').element as HTMLInputElement).value).toBe('Edited here')
    await button(view, 'Discard my changes and show the stored version').trigger('click')
    expect((view.get('#briefing-title').element as HTMLInputElement).value).toBe('Edited elsewhere')
  })

  it('deletes the briefing only after confirmation', async () => {
    const view = await mountComposer()

    await button(view, 'Delete briefing').trigger('click')
    expect(view.get('[role="group"][aria-label="Confirm deletion"]').text()).toContain('Delete “Alipay”?')
    await button(view, 'Delete').trigger('click')

    await vi.waitFor(async () => expect(await createBriefingRepository(getDatabase()).get('brief-alipay')).toBeUndefined())
  })
})
