import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { DuplicatePairRow } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import { scoreIncidentPair, scoreOrganisationPair } from '@shared/domain/duplicates'
import { anIncident, anOrganisation } from '../../../builders/domain'
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

  it('writes the reasons the duplicates worker stores as messages in the English the scoring writes', () => {
    const pair = scoreIncidentPair(
      anIncident({ title: 'Alipay annual bill', occurredOn: '2018-01-03', jurisdictionIds: ['CN'] }),
      anIncident({ title: 'Alipay annual bill', occurredOn: '2018-01-10', jurisdictionIds: ['CN'] })
    )
    const wrapper = mountItem({ ...aCandidate(), reasons: pair.reasonMessages })

    expect(wrapper.findAll('.duplicate-reasons li').map((item) => item.text())).toEqual(pair.reasons)
    expect(pair.reasons).toEqual(['Same title', 'Dates 7 days apart: 3 January 2018 and 10 January 2018', '1 jurisdiction in common'])
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

  it('gives the reasons in Chinese, dates at their precision; a reason stored in English before stays as it was', () => {
    setLocale('zh-CN')
    const incidents = scoreIncidentPair(
      anIncident({ title: 'Alipay annual bill', occurredOn: '2018-01' }),
      anIncident({ title: 'Alipay annual bill', occurredOn: '2018-01-03' })
    )
    const organisations = scoreOrganisationPair(anOrganisation({ name: 'Alipay', aliases: [{ name: '支付宝' }] }), anOrganisation({ name: '支付宝' }))
    const reasons = [...incidents.reasonMessages, ...organisations.reasonMessages, 'Same name after normalising: "alipay"']
    const wrapper = mount(DuplicateCandidateItem, { props: { candidate: { ...aCandidate(), reasons } }, global: { stubs: { RouterLink: RouterLinkStub } } })

    expect(wrapper.findAll('.duplicate-reasons li').map((item) => item.text())).toEqual([
      '标题相同',
      '日期重叠：2018年1月与2018年1月3日',
      '一方的名称是另一方的别名：“支付宝”',
      'Same name after normalising: "alipay"'
    ])
  })
})
