import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { LinkedRecord } from '@shared/domain/recordLinks'
import LinkedRecordsPanel from '../../../src/renderer/recordKit/LinkedRecordsPanel.vue'
import type { LinkedRecordGroup } from '../../../src/renderer/recordKit/useLinkedRecords'
import { anIncident, aResponse } from '../../builders/sharedDomain'

/** A regulator's links as read: the first 100 of its 250 actions, and its one incident. */
const actions: LinkedRecord[] = Array.from({ length: 100 }, (_, index) => {
  const day = new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10)
  return {
    linked: { type: 'response', record: aResponse({ id: `resp-${index}`, title: `Action ${index}`, datedOn: day }) },
    direction: 'incoming',
    relation: 'actor',
    holderType: 'response',
    label: 'Response taken'
  } as LinkedRecord
})
const incident: LinkedRecord = {
  linked: { type: 'incident', record: anIncident({ id: 'inc-1', title: 'Breach' }) },
  direction: 'incoming',
  relation: 'organisation:reporter',
  holderType: 'incident',
  label: 'Incident (reporter)'
}
const groups: LinkedRecordGroup[] = [
  { type: 'incident', heading: 'Incidents', links: [incident], shown: 1, total: 1 },
  { type: 'response', heading: 'Responses', links: actions, shown: 100, total: 250 }
]

function mountPanel(shownGroups: readonly LinkedRecordGroup[] = groups) {
  return mount(LinkedRecordsPanel, { props: { groups: shownGroups }, global: { stubs: { RouterLink: RouterLinkStub } } })
}

const responseGroup = (wrapper: ReturnType<typeof mountPanel>) => wrapper.get('[aria-label="Linked responses"]')

describe('LinkedRecordsPanel', () => {
  it('draws the links read, in their order, and says how many records there are', () => {
    const wrapper = mountPanel()

    const titles = responseGroup(wrapper)
      .findAll('li a')
      .map((link) => link.text())
    expect(titles).toHaveLength(100)
    expect(titles.slice(0, 2)).toEqual(['Action 0', 'Action 1'])
    expect(responseGroup(wrapper).text()).toContain('Showing 100 of 250 responses.')
    expect(wrapper.get('[aria-label="Linked incidents"]').find('button').exists()).toBe(false)
  })

  it('says how each record relates to the one shown, from its side', () => {
    const wrapper = mountPanel()

    expect(wrapper.get('[aria-label="Linked incidents"] .link-label').text()).toBe('· Incident (reporter)')
    expect(responseGroup(wrapper).get('.link-label').text()).toBe('· Response taken')
  })

  it('asks for the next hundred of a type', async () => {
    const wrapper = mountPanel()

    const more = responseGroup(wrapper).get('button')
    expect(more.text()).toBe('Show 100 more')
    await more.trigger('click')

    expect(wrapper.emitted('more')).toEqual([['response']])
  })

  it('says when nothing links here', () => {
    expect(mountPanel([]).text()).toContain('Nothing links here yet.')
  })
})
