import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { DuplicatePairRow, MergeEntry } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import DuplicateCandidateItem from '../../../../src/renderer/features/duplicates/DuplicateCandidateItem.vue'
import MergeHistoryList from '../../../../src/renderer/features/duplicates/MergeHistoryList.vue'

const candidate: DuplicatePairRow = {
  key: 'org-alipay|org-alipay-dup',
  type: 'organisation',
  firstId: 'org-alipay',
  secondId: 'org-alipay-dup',
  firstTitle: 'Alipay',
  secondTitle: 'ALIPAY Co., Ltd.',
  score: 0.934,
  rank: -0.934,
  reasons: []
}

const merge: MergeEntry = {
  id: 'merge-1',
  at: '2026-03-01T09:00:00.000Z',
  author: 'Mei',
  type: 'organisation',
  survivorId: 'org-alipay',
  duplicateId: 'org-alipay-dup',
  survivorTitle: 'Alipay',
  duplicateTitle: 'ALIPAY',
  before: [],
  after: []
}

afterEach(() => setLocale('en'))

describe('duplicates in Chinese', () => {
  it('names a possible pair, its likeness and its buttons in Chinese', () => {
    setLocale('zh-CN')
    const wrapper = mount(DuplicateCandidateItem, { props: { candidate }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(wrapper.find('.duplicate-names').text()).toBe('Alipay与ALIPAY Co., Ltd. · 相似度 93%')
    const button = wrapper.get('button')
    expect(button.text()).toBe('不是重复项')
    // The accessible name starts with the visible text.
    expect(button.attributes('aria-label')).toBe('不是重复项：忽略“Alipay”与“ALIPAY Co., Ltd.”')
  })

  it('lists a merge with its type, author, moment and undo in Chinese', () => {
    setLocale('zh-CN')
    const wrapper = mount(MergeHistoryList, { props: { merges: [merge] }, global: { stubs: { RouterLink: RouterLinkStub } } })

    const text = wrapper.text().replace(/\s+/g, ' ')
    expect(text).toContain('组织：“ALIPAY”并入Alipay')
    expect(text).toContain('Mei于2026年3月1日')
    expect(wrapper.get('button').text()).toBe('撤销')
  })
})
