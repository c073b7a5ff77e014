import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import LawStatusTimeline from '../../../../src/renderer/features/laws/LawStatusTimeline.vue'
import { aLaw } from '../../../builders/domain'

function mountTimeline(overrides: Parameters<typeof aLaw>[0]) {
  return mount(LawStatusTimeline, { props: { law: aLaw(overrides) } })
}

const historyItems = (wrapper: ReturnType<typeof mountTimeline>) => wrapper.findAll('[aria-label="Status history"] li').map((item) => item.text())

describe('LawStatusTimeline', () => {
  it("lists the law's status changes in date order, each date at its own precision", () => {
    const wrapper = mountTimeline({ adoptedOn: '2016-11-07', inForceOn: '2017-06-01', amendedOn: ['2021-06'] })

    expect(historyItems(wrapper)).toEqual(['7 November 2016 — Adopted', '1 June 2017 — In force', 'June 2021 — Amended'])
  })

  it('states the current status in words', () => {
    const wrapper = mountTimeline({ status: 'repealed', inForceOn: '2010', repealedOn: '2020-07-01' })

    expect(wrapper.find('.current-status').text()).toBe('Current status: Repealed')
  })

  it('says what to do when no dates are recorded', () => {
    const wrapper = mountTimeline({ adoptedOn: undefined })

    expect(wrapper.find('[aria-label="Status history"]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Edit the law to add when it was adopted and when it came into force.')
  })

  it("lists only the provisions whose dates differ from the law's", () => {
    const wrapper = mountTimeline({
      inForceOn: '2017-06-01',
      provisions: [
        { unit: 'article', number: '41' },
        { unit: 'article', number: '41a', inForceOn: '2021-09-01' },
        { unit: 'article', number: '37', repealedOn: '2022' }
      ]
    })

    const provisions = wrapper.findAll('[aria-labelledby="law-provision-dates-heading"] li').map((item) => item.text())
    expect(provisions).toEqual(['Article 41a: in force from 1 September 2021', 'Article 37: repealed 2022'])
  })

  it('shows no provision list when every provision follows the law', () => {
    const wrapper = mountTimeline({ inForceOn: '2017-06-01', provisions: [{ unit: 'article', number: '41' }] })

    expect(wrapper.find('#law-provision-dates-heading').exists()).toBe(false)
  })
})
