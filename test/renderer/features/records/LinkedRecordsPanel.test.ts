import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { LinkedRecord } from '@shared/domain/recordLinks'
import LinkedRecordsPanel from '../../../../src/renderer/features/records/LinkedRecordsPanel.vue'
import { anIncident, aResponse } from '../../../builders/sharedDomain'

/** A regulator's links: 250 actions dated one a day from 1 January 2020 (given in reverse), and one incident. */
const actions: LinkedRecord[] = Array.from({ length: 250 }, (_, index) => {
  const day = new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10)
  return { linked: { type: 'response', record: aResponse({ id: `resp-${index}`, title: `Action ${index}`, datedOn: day }) }, direction: 'incoming', label: 'Actor' } as LinkedRecord
}).reverse()
const incident: LinkedRecord = { linked: { type: 'incident', record: anIncident({ id: 'inc-1', title: 'Breach' }) }, direction: 'incoming', label: 'Reporter' }

function mountPanel(links: readonly LinkedRecord[] = [incident, ...actions]) {
  return mount(LinkedRecordsPanel, { props: { links, recordId: 'org-regulator' }, global: { stubs: { RouterLink: RouterLinkStub } } })
}

const responseTitles = (wrapper: ReturnType<typeof mountPanel>) => wrapper.get('[aria-label="Linked responses"]').findAll('li a').map((link) => link.text())

describe('LinkedRecordsPanel', () => {
  it('draws the first hundred links of a type, oldest first, and says how many there are', () => {
    const wrapper = mountPanel()

    expect(responseTitles(wrapper)).toHaveLength(100)
    expect(responseTitles(wrapper).slice(0, 2)).toEqual(['Action 0', 'Action 1'])
    expect(wrapper.get('[aria-label="Linked responses"]').text()).toContain('Showing 100 of 250 responses.')
    expect(wrapper.get('[aria-label="Linked incidents"]').find('button').exists()).toBe(false)
  })

  it('shows a hundred more on each press, then no button', async () => {
    const wrapper = mountPanel()
    const more = () => wrapper.get('[aria-label="Linked responses"]').find('button')

    expect(more().text()).toBe('Show 100 more')
    await more().trigger('click')
    expect(responseTitles(wrapper)).toHaveLength(200)
    expect(more().text()).toBe('Show 50 more')
    await more().trigger('click')

    expect(responseTitles(wrapper)).toHaveLength(250)
    expect(responseTitles(wrapper).at(-1)).toBe('Action 249')
    expect(more().exists()).toBe(false)
  })

  it('starts again at a hundred for another record', async () => {
    const wrapper = mountPanel()
    await wrapper.get('[aria-label="Linked responses"]').get('button').trigger('click')

    await wrapper.setProps({ recordId: 'org-other' })

    expect(responseTitles(wrapper)).toHaveLength(100)
  })
})
