import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import ChartsViewFigure from '../../../../src/renderer/features/charts/ChartsViewFigure.vue'
import { incidentGroupLabel, responsesByKindBars } from '../../../../src/renderer/features/charts/chartData'
import type { StackedBarData } from '../../../../src/renderer/features/charts/stackedBarLayout'
import { UNGROUPED } from '@shared/analytics/incidentsPerYear'

const data: StackedBarData = {
  categories: [{ key: '2015', label: '2015' }],
  series: [{ key: 'IN', label: 'India' }],
  cells: [{ category: '2015', series: 'IN', count: 1, query: 'type:incident year:2015 jurisdiction:IN' }]
}

afterEach(() => {
  setLocale('en')
})

describe('the charts in Chinese', () => {
  it('shows the figure’s buttons, table header and help in Chinese', async () => {
    setLocale('zh-CN')
    const wrapper = mount(ChartsViewFigure, {
      props: {
        id: 'incidents',
        title: '按法域划分的每年事件数',
        data,
        categoryAxisLabel: '年份',
        valueAxisLabel: '事件',
        filter: '',
        filterExample: 'jurisdiction:CN',
        notes: [],
        emptyText: '',
        exportStatus: ''
      },
      global: { stubs: { RouterLink: RouterLinkStub } }
    })

    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['应用', '以表格显示', '导出 SVG', '导出 PNG'])
    expect(wrapper.get('.charts-view-figure-help').text()).toBe('筛选条件与搜索相同，例如 jurisdiction:CN')
    await wrapper.findAll('button')[1]!.trigger('click')
    expect(wrapper.findAll('thead th').map((cell) => cell.text())).toEqual(['年份', 'India', '合计'])
  })

  it('names response kinds, outcomes and the ungrouped in Chinese', () => {
    setLocale('zh-CN')
    const bars = responsesByKindBars({ kinds: ['summons'], counts: [{ kind: 'summons', outcome: 'concludes', count: 2 }] } as never)

    expect(bars.categories[0]?.label).toBe('约谈')
    expect(bars.series[0]?.label).toBe('终结该事项')
    expect(incidentGroupLabel(UNGROUPED, 'jurisdiction', new Map())).toBe('未记录法域')
  })
})
