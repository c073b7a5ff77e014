import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RelationshipGraphLegend from '../../../../src/renderer/features/graph/RelationshipGraphLegend.vue'
import { antFinancialGraph } from './graphFixture'

describe('RelationshipGraphLegend', () => {
  it('lists only the record types the graph shows, with how many of each', () => {
    const wrapper = mount(RelationshipGraphLegend, { props: { nodes: antFinancialGraph.nodes } })

    const entries = wrapper.findAll('li').map((item) => item.text().replace(/\s+shown as.*$/, ''))

    expect(entries).toEqual(['Incidents (1)', 'Organisations (3)'])
  })

  it('names each type’s shape for readers who cannot tell the colours apart', () => {
    const wrapper = mount(RelationshipGraphLegend, { props: { nodes: antFinancialGraph.nodes } })

    expect(wrapper.findAll('li')[0]?.text()).toContain('shown as a square')
  })
})
