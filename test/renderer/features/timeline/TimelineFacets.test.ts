import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import TimelineFacets from '../../../../src/renderer/features/timeline/TimelineFacets.vue'

const facets = {
  type: [{ label: 'Incidents', count: 2, filter: 'type:incident' }],
  jurisdiction: [{ label: 'India', count: 9, filter: 'jurisdiction:IN' }],
  organisation: [],
  category: [],
  year: []
}

describe('TimelineFacets', () => {
  it('asks to narrow by the filter of the value pressed', async () => {
    const wrapper = mount(TimelineFacets, { props: { facets } })

    await wrapper.get('button[aria-label="Jurisdiction: India, 9"]').trigger('click')

    expect(wrapper.emitted('narrow')).toEqual([['jurisdiction:IN']])
  })

  it('leaves out facets with no values', () => {
    const wrapper = mount(TimelineFacets, { props: { facets } })

    expect(wrapper.findAll('[role="group"]').map((group) => group.attributes('aria-label'))).toEqual(['Type', 'Jurisdiction'])
  })
})
