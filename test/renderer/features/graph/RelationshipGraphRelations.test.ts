import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import RelationshipGraphRelations from '../../../../src/renderer/features/graph/RelationshipGraphRelations.vue'
import { antFinancialGraph } from './graphFixture'

function mountRelations(graph = antFinancialGraph) {
  return mount(RelationshipGraphRelations, { props: { graph }, global: { stubs: { RouterLink: RouterLinkStub } } })
}

describe('RelationshipGraphRelations', () => {
  it('lists each link as a sentence read from the record that holds it', () => {
    const sentences = mountRelations()
      .findAll('li')
      .map((item) => item.text().replace(/\s+/g, ' '))

    expect(sentences).toContain('Alipay — Operated by → Ant Financial')
  })

  it('links both records of a relationship', () => {
    const wrapper = mountRelations()

    const first = wrapper
      .findAllComponents(RouterLinkStub)
      .slice(0, 2)
      .map((link) => link.props('to'))

    expect(first).toEqual([
      { name: 'organisation', params: { id: 'org-ant-financial' } },
      { name: 'organisation', params: { id: 'org-alibaba' } }
    ])
  })

  it('says what to do when the record has no links', () => {
    const wrapper = mountRelations({ ...antFinancialGraph, nodes: antFinancialGraph.nodes.slice(0, 1), edges: [] })

    expect(wrapper.text()).toContain('Link this record from its page')
  })
})
