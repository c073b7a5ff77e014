import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import HighlightedText from '../../../../src/renderer/features/search/HighlightedText.vue'

describe('HighlightedText', () => {
  it('wraps matched words in <mark> and keeps the rest as text', () => {
    const wrapper = mount(HighlightedText, { props: { text: 'Enrolled in Sesame Credit', terms: ['sesame'] } })

    expect(wrapper.findAll('mark').map((mark) => mark.text())).toEqual(['Sesame'])
    expect(wrapper.text()).toBe('Enrolled in Sesame Credit')
  })

  it('renders stored markup as text, never as elements', () => {
    const wrapper = mount(HighlightedText, { props: { text: '<img src=x onerror="alert(1)"> sesame', terms: ['sesame'] } })

    expect(wrapper.find('img').exists()).toBe(false)
    expect(wrapper.text()).toContain('<img src=x onerror="alert(1)">')
  })
})
