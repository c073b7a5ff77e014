import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import LawStatusTimeline from '../../../../src/renderer/features/laws/LawStatusTimeline.vue'
import { aLaw } from '../../../builders/domain'

afterEach(() => setLocale('en'))

describe('LawStatusTimeline in Simplified Chinese', () => {
  it('shows its heading, the status periods with their dates and the provisions with their own dates in Chinese', () => {
    setLocale('zh-CN')
    const law = aLaw({
      status: 'in-force',
      adoptedOn: '2016-11-07',
      inForceOn: '2017-06-01',
      provisions: [{ unit: 'article', number: '41', inForceOn: '2018-01-03' }]
    })

    const wrapper = mount(LawStatusTimeline, { props: { law } })

    expect(wrapper.get('#law-status-heading').text()).toBe('状态沿革')
    expect(wrapper.findAll('[aria-label="状态历史"] li').map((item) => item.text())).toEqual(['2016年11月7日 — 已通过', '2017年6月1日 — 现行有效'])
    expect(wrapper.get('.current-status').text()).toMatch(/^当前状态：/)
    expect(wrapper.text()).toContain('第41条：自2018年1月3日起施行')
  })
})
