import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import BaseRecordPicker, { type PickerOption } from '../../../src/renderer/ui/BaseRecordPicker.vue'

const options: PickerOption[] = [
  { id: 'org-alibaba', type: 'organisation', label: 'Alibaba Group', alternativeLabels: [], detail: 'Company' },
  { id: 'org-alipay', type: 'organisation', label: 'Alipay', alternativeLabels: ['支付宝'], detail: 'Product or service' },
  { id: 'org-cac', type: 'organisation', label: 'Cyberspace Administration of China', alternativeLabels: ['CAC'] }
]

let wrapper: VueWrapper | undefined

function mountPicker(props: Record<string, unknown> = {}) {
  wrapper = mount(BaseRecordPicker, {
    props: { id: 'org-picker', label: 'Organisation', options, ...props },
    attachTo: document.body
  })
  return wrapper
}

async function type(picker: VueWrapper, text: string): Promise<void> {
  await picker.get('input').setValue(text)
}

const shownOptions = (picker: VueWrapper) => picker.findAll('[role="option"]').map((option) => option.text())

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

describe('BaseRecordPicker', () => {
  it('is a combobox named by its visible label', () => {
    const picker = mountPicker()

    const input = picker.get('input')

    expect(input.attributes('role')).toBe('combobox')
    expect(picker.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Organisation')
  })

  it('opens a listbox of the records matching what is typed', async () => {
    const picker = mountPicker()

    await type(picker, 'Ali')

    expect(picker.get('input').attributes('aria-expanded')).toBe('true')
    expect(shownOptions(picker).map((text) => text.split(' · ')[0])).toEqual(['Alibaba Group', 'Alipay'])
  })

  it('chooses the option reached with the arrow keys when Enter is pressed', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')

    await picker.get('input').trigger('keydown', { key: 'ArrowDown' })
    await picker.get('input').trigger('keydown', { key: 'ArrowDown' })
    await picker.get('input').trigger('keydown', { key: 'Enter' })

    expect(picker.emitted('select')).toEqual([[options[1]]])
  })

  it('points aria-activedescendant at the option the arrow keys reached, marked selected', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')

    await picker.get('input').trigger('keydown', { key: 'ArrowDown' })

    const activeId = picker.get('input').attributes('aria-activedescendant')
    expect(picker.get(`#${activeId}`).attributes('aria-selected')).toBe('true')
    expect(picker.get(`#${activeId}`).text()).toContain('Alibaba Group')
  })

  it('wraps from the first option to the last with ArrowUp', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')

    await picker.get('input').trigger('keydown', { key: 'ArrowUp' })
    await picker.get('input').trigger('keydown', { key: 'Enter' })

    expect(picker.emitted('select')).toEqual([[options[1]]])
  })

  it('finds Alipay for "支付" and shows the alias that matched', async () => {
    const picker = mountPicker()

    await type(picker, '支付')

    expect(shownOptions(picker)).toEqual(['Alipay (支付宝) · Product or service'])
  })

  it('closes on Escape without choosing anything', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')
    await picker.get('input').trigger('keydown', { key: 'ArrowDown' })

    await picker.get('input').trigger('keydown', { key: 'Escape' })

    expect(picker.get('input').attributes('aria-expanded')).toBe('false')
    expect(picker.emitted('select')).toBeUndefined()
  })

  it('keeps Enter from submitting the form while the list is open', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')
    const enter = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, bubbles: true })

    picker.get('input').element.dispatchEvent(enter)

    expect(enter.defaultPrevented).toBe(true)
  })

  it('says so when nothing matches', async () => {
    const picker = mountPicker()

    await type(picker, 'Tencent')

    expect(picker.get('.record-picker-status').text()).toContain('No match for “Tencent”')
  })

  it('empties after a choice, ready to add another', async () => {
    const picker = mountPicker()
    await type(picker, 'CAC')
    await picker.get('input').trigger('keydown', { key: 'ArrowDown' })

    await picker.get('input').trigger('keydown', { key: 'Enter' })

    expect((picker.get('input').element as HTMLInputElement).value).toBe('')
  })

  it('shows the chosen record by name in a single-valued field', () => {
    const picker = mountPicker({ selectedId: 'org-cac' })

    expect((picker.get('input').element as HTMLInputElement).value).toBe('Cyberspace Administration of China')
  })

  it('chooses with the mouse too', async () => {
    const picker = mountPicker()
    await type(picker, 'Ali')

    await picker.findAll('[role="option"]')[0]?.trigger('click')

    expect(picker.emitted('select')).toEqual([[options[0]]])
  })

  describe('with findOptions (options found off the page as the person types)', () => {
    const findIn = (asked: { text: string; limit: number }[]) => async (text: string, limit: number) => {
      asked.push({ text, limit })
      return options.filter((option) => option.label.toLowerCase().includes(text.toLowerCase())).map((candidate) => ({ candidate }))
    }
    const settle = async (picker: VueWrapper): Promise<void> => {
      await new Promise((resolve) => setTimeout(resolve, 0))
      await picker.vm.$nextTick()
    }

    it('asks for the typed text with its limit and lists what comes back, chosen by keyboard', async () => {
      const asked: { text: string; limit: number }[] = []
      const picker = mountPicker({ options: undefined, findOptions: findIn(asked), limit: 5 })

      await type(picker, 'ali')
      await settle(picker)
      await picker.get('input').trigger('keydown', { key: 'ArrowDown' })
      await picker.get('input').trigger('keydown', { key: 'Enter' })

      expect(asked.at(-1)).toEqual({ text: 'ali', limit: 5 })
      expect(picker.emitted('select')).toEqual([[options[0]]])
    })

    it('drops an answer to older text that arrives after a newer one', async () => {
      const answers: ((value: { candidate: PickerOption }[]) => void)[] = []
      const picker = mountPicker({ options: undefined, findOptions: () => new Promise((resolve) => answers.push(resolve)) })

      await type(picker, 'a')
      await type(picker, 'cy')
      answers.at(-1)?.([{ candidate: options[2]! }])
      await settle(picker)
      answers.at(-2)?.([{ candidate: options[0]! }])
      await settle(picker)

      expect(shownOptions(picker)).toEqual([expect.stringContaining('Cyberspace Administration of China')])
    })

    it('says what went wrong when the records could not be searched', async () => {
      const picker = mountPicker({ options: undefined, findOptions: () => Promise.reject(new Error('the views worker stopped')) })

      await type(picker, 'ali')
      await settle(picker)

      expect(picker.get('[aria-live="polite"]').text()).toBe('The records could not be searched (the views worker stopped). Type again to retry.')
    })

    it('shows the chosen record by the name it is given when not being typed in', () => {
      const picker = mountPicker({ options: undefined, findOptions: findIn([]), selectedId: 'org-cac', selectedLabel: 'Cyberspace Administration of China' })

      expect((picker.get('input').element as HTMLInputElement).value).toBe('Cyberspace Administration of China')
    })
  })
})
