import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { defineComponent, h } from 'vue'
import type { TypedRecord } from '@shared/domain/recordTypes'
import RecordDetailFrame from '../../../src/renderer/recordKit/RecordDetailFrame.vue'
import { anIncident } from '../../builders/domain'

const Elsewhere = defineComponent({ render: () => h('p') })
let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function frameOf(typed: TypedRecord, isPastVersionShown: boolean): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:rest(.*)*', name: 'elsewhere', component: Elsewhere }] })
  for (const name of ['incident-edit', 'relationship-graph']) router.addRoute({ path: `/elsewhere/${name}/:type?/:id?`, name, component: Elsewhere })
  await router.push('/incidents/one')
  await router.isReady()
  wrapper = mount(RecordDetailFrame, {
    props: { type: typed.type, typed, isLoading: false, listPath: '/incidents', isEditable: true, isPastVersionShown },
    slots: {
      tools: (scope: { typed: TypedRecord; noun: string }) =>
        h('button', { type: 'button', class: 'a-tool' }, `Tool for ${scope.noun} ${scope.typed.record.id}`),
      history: (scope: { typed: TypedRecord }) => h('section', { class: 'a-history' }, `History of ${scope.typed.record.id}`),
      default: () => h('p', 'The fields')
    },
    global: { plugins: [createPinia(), router] }
  })
  await flushPromises()
  return wrapper
}

// The frame knows no feature: what the features add to a record's page comes through its slots.
describe('RecordDetailFrame', () => {
  it('hands the shown record and its noun to the tools, after the links to the other views, and the record to the history, above the fields', async () => {
    const incident = anIncident({ id: 'incident-1' })
    const frame = await frameOf({ type: 'incident', record: incident }, false)

    const actions = frame.get('.record-actions')
    expect(actions.get('.a-tool').text()).toBe('Tool for incident incident-1')
    expect(actions.element.lastElementChild?.classList.contains('a-tool')).toBe(true)
    expect(actions.text().indexOf('Show relationship graph')).toBeLessThan(actions.text().indexOf('Tool for'))
    const history = frame.get('.a-history')
    expect(history.text()).toBe('History of incident-1')
    expect(history.element.nextElementSibling?.classList.contains('fields')).toBe(true)
    expect(frame.get('.fields').attributes('aria-label')).toBe('Details')
    expect(frame.find('.current-version-label').exists()).toBe(false)
  })

  it('labels the fields as the current version while a past version is shown beside them', async () => {
    const frame = await frameOf({ type: 'incident', record: anIncident() }, true)

    expect(frame.get('.fields').attributes('aria-label')).toBe('Details: current version')
    expect(frame.get('.current-version-label').text()).toBe('Current version')
  })
})
