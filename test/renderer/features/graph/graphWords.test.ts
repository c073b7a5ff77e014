import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import { relationLabels } from '@shared/domain/recordLinks'
import type { RecordType } from '@shared/domain/recordTypes'
import RelationshipGraphLegend from '../../../../src/renderer/features/graph/RelationshipGraphLegend.vue'
import RelationshipGraphRelations from '../../../../src/renderer/features/graph/RelationshipGraphRelations.vue'
import { graphInWords, relationWords } from '../../../../src/renderer/features/graph/graphWords'
import { antFinancialGraph, recordPagesRouter } from './graphFixture'

const router = recordPagesRouter()

// Every relation `referencesOf` names, from the record type that holds it.
const RELATIONS: readonly [RecordType, string][] = [
  ['incident', 'citation'],
  ['incident', 'organisation:operator'],
  ['incident', 'organisation:data-recipient'],
  ['incident', 'implicates'],
  ['incident', 'jurisdiction'],
  ['organisation', 'organisation:parent'],
  ['organisation', 'organisation:affiliate'],
  ['organisation', 'organisation:operator'],
  ['organisation', 'headquarters'],
  ['jurisdiction', 'parent'],
  ['law', 'jurisdiction'],
  ['law', 'law:amends'],
  ['law', 'law:replaces'],
  ['law', 'law:implements'],
  ['response', 'actor'],
  ['response', 'target'],
  ['response', 'answers'],
  ['response', 'legal-basis']
]

afterEach(() => setLocale('en'))

describe('the relationship graph in words', () => {
  it('names every relation in English as src/shared does', () => {
    for (const [type, relation] of RELATIONS) expect(relationWords(type, relation), `${type} ${relation}`).toEqual(relationLabels(type, relation))
  })

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
