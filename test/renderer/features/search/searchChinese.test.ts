import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import SearchFacets from '../../../../src/renderer/features/search/SearchFacets.vue'
import SearchResultList from '../../../../src/renderer/features/search/SearchResultList.vue'
import SavedSearchList from '../../../../src/renderer/features/search/SavedSearchList.vue'
import { describeIndexStatus } from '../../../../src/renderer/features/search/useSearch'
import type { PartialDate } from '@shared/domain/partialDate'
import { getDatabase } from '@renderer/db'
import { aJurisdiction } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

const facets = {
  type: [{ value: 'incident', label: 'Incidents', count: 12, filter: 'type:incident' }],
  jurisdiction: [{ value: 'IN', label: 'India', count: 9, filter: 'jurisdiction:IN' }],
  organisation: [],
  kind: [{ value: 'block-or-ban', label: 'Block or ban', count: 2, filter: 'kind:block-or-ban' }],
  year: []
}

afterEach(() => {
  setLocale('en')
})

describe('the search page in Chinese', () => {
  it('titles the facets and names record types and kinds in Chinese, names of records as they are', () => {
    setLocale('zh-CN')
    const wrapper = mount(SearchFacets, { props: { facets } })

    expect(wrapper.findAll('h2').map((heading) => heading.text())).toEqual(['类型', '法域', '类别或类型'])
    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toEqual([
      '类型：事件，12',
      '法域：India，9',
      '类别或类型：封锁或禁令，2'
    ])
    expect(wrapper.find('aside').attributes('aria-label')).toBe('缩小结果范围')
  })

  it('names a jurisdiction facet by the jurisdiction’s recorded Chinese name', async () => {
    await givenStored(getDatabase(), { type: 'jurisdiction', record: aJurisdiction({ id: 'IN', code: 'IN', name: 'India', nameZh: '印度' }) })
    setLocale('zh-CN')
    const wrapper = mount(SearchFacets, { props: { facets } })

    await vi.waitFor(() => expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toContain('法域：印度，9'))
    setLocale('en')
    await vi.waitFor(() => expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toContain('Jurisdiction: India, 9'))
  })

  it('keeps the English words of the facets as they were', () => {
    const wrapper = mount(SearchFacets, { props: { facets } })

    expect(wrapper.findAll('button').map((button) => button.attributes('aria-label'))).toEqual([
      'Type: Incidents, 12',
      'Jurisdiction: India, 9',
      'Category or kind: Block or ban, 2'
    ])
  })

  it('groups results under Chinese record types, with Chinese dates', () => {
    setLocale('zh-CN')
    const items = [{ id: 'i1', type: 'incident' as const, title: 'Sesame Credit', keyDate: '2018-01-03' as PartialDate, snippet: '', terms: [] }]
    const wrapper = mount(SearchResultList, { props: { items }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(wrapper.find('h2').text()).toBe('事件')
    expect(wrapper.find('.search-result-meta').text()).toBe('事件 · 2018年1月3日')
  })

  it('lists saved searches with Chinese buttons whose names hold their visible words', () => {
    setLocale('zh-CN')
    const savedSearches = [{ id: 's1', name: 'Alipay', query: 'org:alipay', createdAt: '2026-01-01T00:00:00.000Z' }]
    const wrapper = mount(SavedSearchList, { props: { savedSearches }, global: { stubs: { RouterLink: RouterLinkStub, ExportButton: true } } })

    expect(wrapper.find('h2').text()).toBe('已保存的搜索')
    const rename = wrapper.findAll('button').find((button) => button.text() === '重命名')
    expect(rename?.attributes('aria-label')).toBe('重命名 Alipay')
  })

  it('says the index status in Chinese', () => {
    setLocale('zh-CN')

    expect(describeIndexStatus({ state: 'indexing', indexed: 1200, total: 5000 } as never)).toBe('正在建立索引：第1,200条，共5,000条记录…')
  })
})
