import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import RelationshipGraphDiagram from '../../../../src/renderer/features/graph/RelationshipGraphDiagram.vue'
import { layoutRelationshipGraph } from '../../../../src/renderer/features/graph/graphForceLayout'
import { antFinancialGraph } from './graphFixture'

function mountDiagram() {
  return mount(RelationshipGraphDiagram, {
    props: { graph: antFinancialGraph, layout: layoutRelationshipGraph(antFinancialGraph), label: 'Relationships of Ant Financial' },
    attachTo: document.body
  })
}

const nodeNamed = (wrapper: ReturnType<typeof mountDiagram>, name: string) =>
  wrapper.findAll('[role="link"]').find((node) => node.attributes('aria-label')?.startsWith(`${name},`))

describe('RelationshipGraphDiagram', () => {
  it('names the drawing', () => {
    const wrapper = mountDiagram()

    expect(wrapper.get('svg[role="group"]').attributes('aria-label')).toBe('Relationships of Ant Financial')
  })

  it('makes every record a focusable link, the start first, then by distance', () => {
    const wrapper = mountDiagram()

    const names = wrapper.findAll('[role="link"][tabindex="0"]').map((node) => node.attributes('aria-label'))

    expect(names).toEqual([
      'Ant Financial, organisation, start of the graph',
      'Alibaba Group, organisation, 1 hop away',
      'Alipay, organisation, 1 hop away',
      'Annual bill <consent> default & "opt-in", incident, 1 hop away'
    ])
  })

  it('asks to open a record when Enter is pressed on it', async () => {
    const wrapper = mountDiagram()

    await nodeNamed(wrapper, 'Alipay')?.trigger('keydown', { key: 'Enter' })

    expect(wrapper.emitted('open')?.[0]?.[0]).toMatchObject({ id: 'org-alipay' })
  })

  it('asks to open a record when it is clicked', async () => {
    const wrapper = mountDiagram()

    await nodeNamed(wrapper, 'Alibaba Group')?.trigger('click')

    expect(wrapper.emitted('open')?.[0]?.[0]).toMatchObject({ id: 'org-alibaba' })
  })

  it('shows no link meanings until a record is pointed at or focused', () => {
    const wrapper = mountDiagram()

    expect(wrapper.findAll('.graph-line-label')).toHaveLength(0)
  })

  it('shows the meanings of a focused record’s links', async () => {
    const wrapper = mountDiagram()

    await nodeNamed(wrapper, 'Alipay')?.trigger('focus')

    expect(wrapper.findAll('.graph-line-label').map((label) => label.text())).toEqual(['Operated by'])
  })

  it('sums up the record pointed at: its name, type and links read from its side', async () => {
    const wrapper = mountDiagram()

    await nodeNamed(wrapper, 'Ant Financial')?.trigger('pointerenter')

    const summary = wrapper.get('.graph-node-summary')
    expect(summary.text()).toContain('Ant Financial · Organisation')
    expect(summary.findAll('li').map((item) => item.text())).toContain('Operates: Alipay')
  })
})
