import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { DuplicatePairRow } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import DuplicateCandidateItem from '../../../../src/renderer/features/duplicates/DuplicateCandidateItem.vue'

// A pair as the duplicates worker stores it (ids and titles, not whole records).
function aCandidate(): DuplicatePairRow {
  return {
    key: 'org-alipay|org-alipay-dup',
    type: 'organisation',
    firstId: 'org-alipay',
    secondId: 'org-alipay-dup',
    firstTitle: 'Alipay',
    secondTitle: 'ALIPAY Co., Ltd.',
    score: 0.934,
    rank: -0.934,
    reasons: ['Same name after normalising: "alipay"']
  }
}

function mountItem(candidate = aCandidate()) {
  return mount(DuplicateCandidateItem, { props: { candidate }, global: { stubs: { RouterLink: RouterLinkStub } } })
}

describe('DuplicateCandidateItem', () => {
  it('names both records, how alike they are and why', () => {
    const wrapper = mountItem()

    expect(wrapper.find('.duplicate-names').text()).toBe('Alipay and ALIPAY Co., Ltd. · 93% alike')
    expect(wrapper.findAll('.duplicate-reasons li').map((item) => item.text())).toEqual(['Same name after normalising: "alipay"'])
  })

  it('links to the comparison of the two records', () => {
    const wrapper = mountItem()

    const compare = wrapper.findAllComponents(RouterLinkStub).find((link) => link.text() === 'Compare and merge')
    expect(compare?.props('to')).toEqual({ name: 'merge', params: { type: 'organisation', firstId: 'org-alipay', secondId: 'org-alipay-dup' } })
  })

  it('names the pair in the accessible names of its actions, so each pair’s buttons can be told apart', () => {
    const wrapper = mountItem()

    expect(wrapper.find('button').attributes('aria-label')).toBe('Not duplicates: dismiss “Alipay” and “ALIPAY Co., Ltd.”')
  })

  it('asks to dismiss the pair when “Not duplicates” is pressed', async () => {
    const candidate = aCandidate()
    const wrapper = mountItem(candidate)

    await wrapper.find('button').trigger('click')

    expect(wrapper.emitted('dismiss')).toEqual([[candidate]])
  })
})

describe('DuplicateCandidateItem in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('names a possible pair, its likeness and its buttons in Chinese', () => {
    setLocale('zh-CN')
    const wrapper = mount(DuplicateCandidateItem, { props: { candidate: { ...aCandidate(), reasons: [] } }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(wrapper.find('.duplicate-names').text()).toBe('Alipay与ALIPAY Co., Ltd. · 相似度 93%')
    const button = wrapper.get('button')
    expect(button.text()).toBe('不是重复项')
    // The accessible name starts with the visible text.
    expect(button.attributes('aria-label')).toBe('不是重复项：忽略“Alipay”与“ALIPAY Co., Ltd.”')
  })
})
