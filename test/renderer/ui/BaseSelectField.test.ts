import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import BaseSelectField from '@renderer/ui/BaseSelectField.vue'

const options = [
  { value: 'statute', label: 'Statute' },
  { value: 'regulation', label: '法规' }
] as const

describe('BaseSelectField', () => {
  it('labels the select, lists the options with their labels, and wires its hint and error', () => {
    const field = mount(BaseSelectField, {
      props: { id: 'law-kind', label: 'Kind', hint: 'What it is', error: 'Choose a kind', options, modelValue: 'regulation', title: 'passed on' }
    })
    const select = field.get('select')

    expect(field.get('label').attributes('for')).toBe('law-kind')
    expect(field.get('label').text()).toBe('Kind')
    expect(select.attributes()).toMatchObject({
      id: 'law-kind',
      'aria-invalid': 'true',
      'aria-describedby': 'law-kind-hint law-kind-error',
      title: 'passed on'
    })
    expect(field.findAll('option').map((option) => [option.attributes('value'), option.text()])).toEqual([
      ['statute', 'Statute'],
      ['regulation', '法规']
    ])
    expect((select.element as HTMLSelectElement).value).toBe('regulation')
    expect(field.get('#law-kind-error').text()).toBe('Choose a kind')
    expect(field.find('div.form-field').attributes('title')).toBeUndefined()
  })

  it('updates its model with the chosen code, and is not described or invalid without a hint or an error', async () => {
    const field = mount(BaseSelectField, { props: { id: 'x', label: 'X', options, modelValue: 'statute' } })

    await field.get('select').setValue('regulation')

    expect(field.emitted('update:modelValue')).toEqual([['regulation']])
    expect(field.get('select').attributes('aria-describedby')).toBeUndefined()
    expect(field.get('select').attributes('aria-invalid')).not.toBe('true')
  })
})
