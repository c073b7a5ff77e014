import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import RelationshipGraphLegend from '../../../../src/renderer/features/graph/RelationshipGraphLegend.vue'
import RelationshipGraphRelations from '../../../../src/renderer/features/graph/RelationshipGraphRelations.vue'
import { graphInWords } from '../../../../src/renderer/features/graph/graphWords'
import { relationWords } from '../../../../src/renderer/recordKit/relationWords'
import { antFinancialGraph, recordPagesRouter } from './graphFixture'

const router = recordPagesRouter()

afterEach(() => setLocale('en'))

describe('the relationship graph in words', () => {
  it('names the links, the legend and the list of relationships in Chinese', () => {
    setLocale('zh-CN')
    const graph = graphInWords(antFinancialGraph)
    expect(graph.edges.map((edge) => [edge.label, edge.inverseLabel])).toEqual([
      ['关联方（属于）', '关联方'],
      ['运营方', '运营'],
      ['母公司', '事件（母公司）'],
      ['运营者', '事件（运营者）']
    ])
    expect(relationWords('response', 'legal-basis')).toEqual({ forward: '法律依据', inverse: '作为应对的法律依据' })

    const legend = mount(RelationshipGraphLegend, { props: { nodes: antFinancialGraph.nodes } })
    expect(legend.findAll('li').map((item) => item.text().replace(/\s+/g, ' '))).toEqual(['事件（1） 以正方形表示', '组织（3） 以圆形表示'])

    const relations = mount(RelationshipGraphRelations, { props: { graph }, global: { plugins: [router] } })
    expect(relations.get('h2').text()).toBe('关系（4）')
    expect(relations.findAll('li').map((item) => item.text().replace(/\s+/g, ' '))).toContain('Alipay — 运营方 → Ant Financial')
  })
})
