import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import ChartsViewFigure from '../../../../src/renderer/features/charts/ChartsViewFigure.vue'
import type { StackedBarData } from '../../../../src/renderer/features/charts/stackedBarLayout'

const data: StackedBarData = {
  categories: [
    { key: '2015', label: '2015' },
    { key: '2018', label: '2018' }
  ],
  series: [{ key: 'IN', label: 'India' }],
  cells: [{ category: '2015', series: 'IN', count: 1, query: 'type:incident year:2015 jurisdiction:IN' }]
}

function mountFigure(overrides: Partial<{ data: StackedBarData; filter: string; notes: string[] }> = {}) {
  return mount(ChartsViewFigure, {
    props: {
      id: 'incidents',
      title: 'Incidents per year by jurisdiction',
      data,
      categoryAxisLabel: 'Year',
      valueAxisLabel: 'Incidents',
      filter: '',
      filterExample: 'jurisdiction:CN',
      notes: [],
      emptyText: 'No incidents match. Clear the filter.',
      exportStatus: '',
      ...overrides
    },
    global: { stubs: { RouterLink: RouterLinkStub } }
  })
}

describe('ChartsViewFigure', () => {
  it('names the picture with the chart’s title', () => {
    const wrapper = mountFigure()

    expect(wrapper.get('svg[role="img"]').attributes('aria-label')).toBe('Incidents per year by jurisdiction')
  })

  it('asks to apply the filter as typed, trimmed, when the form is submitted', async () => {
    const wrapper = mountFigure()

    await wrapper.get('input[type="search"]').setValue('  jurisdiction:IN ')
    await wrapper.get('form').trigger('submit')

    expect(wrapper.emitted('update:filter')).toEqual([['jurisdiction:IN']])
  })

  it('shows the numbers as a table with links when "Show as table" is pressed', async () => {
    const wrapper = mountFigure()
    const toggle = wrapper.findAll('button').find((button) => button.text() === 'Show as table')!

    await toggle.trigger('click')

    expect([toggle.attributes('aria-pressed'), wrapper.findAllComponents(RouterLinkStub).map((link) => link.text())]).toEqual(['true', ['1']])
  })

  it('asks to open the records behind a bar when it is clicked', async () => {
    const wrapper = mountFigure()

    await wrapper.get('rect.stacked-bar-segment').trigger('click')

    expect(wrapper.emitted('select')?.[0]?.[0]).toMatchObject({ query: 'type:incident year:2015 jurisdiction:IN' })
  })

  it('asks to export the picture in the format chosen', async () => {
    const wrapper = mountFigure()

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Export PNG')!
      .trigger('click')

    const [format, svg] = wrapper.emitted('export')?.[0] ?? []
    expect([format, (svg as Element | undefined)?.tagName.toLowerCase()]).toEqual(['png', 'svg'])
  })

  it('says what to do when nothing matches, instead of an empty picture', () => {
    const wrapper = mountFigure({ data: { ...data, cells: [] } })

    expect([wrapper.text(), wrapper.find('svg[role="img"]').exists()]).toEqual([expect.stringContaining('No incidents match. Clear the filter.'), false])
  })

  it('lists notes on what the filter could not use', () => {
    const wrapper = mountFigure({ notes: ['Words are not used by charts.'] })

    expect(wrapper.get('ul[aria-label="About this filter"]').text()).toBe('Words are not used by charts.')
  })
})
