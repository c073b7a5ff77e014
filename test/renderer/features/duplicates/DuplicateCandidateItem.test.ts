import { describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { DuplicateCandidate } from '@shared/domain/duplicates'
import DuplicateCandidateItem from '../../../../src/renderer/features/duplicates/DuplicateCandidateItem.vue'
import { anOrganisation } from '../../../builders/domain'

function aCandidate(): DuplicateCandidate {
  return {
    type: 'organisation',
    first: anOrganisation({ id: 'org-alipay', name: 'Alipay' }),
    second: anOrganisation({ id: 'org-alipay-dup', name: 'ALIPAY Co., Ltd.' }),
    score: 0.934,
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
