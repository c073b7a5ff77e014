import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RelationshipGraphRelations from '../../../../src/renderer/features/graph/RelationshipGraphRelations.vue'
import { antFinancialGraph, recordPagesRouter } from './graphFixture'

const router = recordPagesRouter()

function mountRelations(graph = antFinancialGraph) {
  return mount(RelationshipGraphRelations, { props: { graph }, global: { plugins: [router] } })
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
      .findAll('li a')
      .slice(0, 2)
      .map((link) => [link.text(), link.attributes('href')])

    expect(first).toEqual([
      ['Ant Financial', '/organisations/org-ant-financial'],
      ['Alibaba Group', '/organisations/org-alibaba']
    ])
  })

  it('says what to do when the record has no links', () => {
    const wrapper = mountRelations({ ...antFinancialGraph, nodes: antFinancialGraph.nodes.slice(0, 1), edges: [] })

    expect(wrapper.text()).toContain('Link this record from its page')
  })
})
