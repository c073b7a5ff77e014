import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SearchFacets from '../../../../src/renderer/features/search/SearchFacets.vue'

const facets = {
  type: [{ value: 'incident', label: 'Incidents', count: 2, filter: 'type:incident' }],
  jurisdiction: [{ value: 'IN', label: 'India', count: 9, filter: 'jurisdiction:IN' }],
  organisation: [],
  kind: [],
  year: []
}

describe('SearchFacets', () => {
  it('names each value with its facet and count', () => {
    const wrapper = mount(SearchFacets, { props: { facets } })

    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toEqual(['Type: Incidents, 2', 'Jurisdiction: India, 9'])
  })

  it('leaves out facets with no values', () => {
    const wrapper = mount(SearchFacets, { props: { facets } })

    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['Type', 'Jurisdiction'])
  })

  it('asks to narrow by the filter of the value clicked', async () => {
    const wrapper = mount(SearchFacets, { props: { facets } })

    await wrapper.findAll('button')[1]!.trigger('click')

    expect(wrapper.emitted('narrow')).toEqual([['jurisdiction:IN']])
  })
})
