import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import BaseTextField from '@renderer/ui/BaseTextField.vue'

describe('BaseTextField', () => {
  it('labels the input, wires its hint and error, and passes other attributes and listeners to it', async () => {
    let blurred = 0
    const field = mount(BaseTextField, {
      props: {
        id: 'law-title',
        label: 'Title',
        hint: 'As published',
        error: 'Title is required',
        required: true,
        modelValue: '',
        inputmode: 'numeric',
        onBlur: () => (blurred += 1)
      }
    })
    const input = field.get('input')

    expect(field.get('label').attributes('for')).toBe('law-title')
    expect(input.attributes()).toMatchObject({
      id: 'law-title',
      type: 'text',
      inputmode: 'numeric',
      'aria-invalid': 'true',
      'aria-required': 'true',
      'aria-describedby': 'law-title-hint law-title-error'
    })
    await input.trigger('blur')
    expect(blurred).toBe(1)
    expect(field.find('div.form-field').attributes('inputmode')).toBeUndefined()
  })

  it('updates its model as the person types', async () => {
    const field = mount(BaseTextField, { props: { id: 'x', label: 'X', modelValue: 'a' } })

    await field.get('input').setValue('支付宝')

    expect(field.emitted('update:modelValue')).toEqual([['支付宝']])
    expect(field.get('input').attributes('aria-required')).toBeUndefined()
  })

  it('is a textarea of the rows asked for, labelled and wired the same way, passing on attributes such as the language', async () => {
    let blurred = 0
    const field = mount(BaseTextField, {
      props: { id: 'law-summary', label: 'Summary', error: 'Too long', rows: 4, modelValue: '概要', lang: 'zh', onBlur: () => (blurred += 1) }
    })
    const textarea = field.get('textarea')

    expect(field.find('input').exists()).toBe(false)
    expect(field.get('label').attributes('for')).toBe('law-summary')
    expect(textarea.attributes()).toMatchObject({ id: 'law-summary', rows: '4', lang: 'zh', 'aria-invalid': 'true', 'aria-describedby': 'law-summary-error' })
    expect(textarea.attributes('type')).toBeUndefined()
    expect((textarea.element as HTMLTextAreaElement).value).toBe('概要')
    await textarea.setValue('First line\nsecond line')
    await textarea.trigger('blur')
    expect(field.emitted('update:modelValue')).toEqual([['First line\nsecond line']])
    expect(blurred).toBe(1)
  })
})
