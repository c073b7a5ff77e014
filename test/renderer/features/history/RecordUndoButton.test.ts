import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import RecordUndoButton from '@renderer/features/history/RecordUndoButton.vue'
import type { RecordRevision } from '@shared/domain/recordHistory'

const lastChange: RecordRevision = {
  id: 'rev-2',
  recordType: 'incident',
  recordId: 'inc-alipay',
  revision: 2,
  at: '2026-02-01T10:00:00.000Z',
  author: 'Mei',
  action: 'update',
  changes: [{ field: 'title', before: 'Old', after: 'New' }]
}

let wrapper: VueWrapper | undefined

function mountButton() {
  wrapper = mount(RecordUndoButton, { props: { lastChange, isWorking: false }, attachTo: document.body })
  return wrapper
}

function pressCtrlZ(target: EventTarget): void {
  target.dispatchEvent(new KeyboardEvent('keydown', { key: 'z', ctrlKey: true, bubbles: true, cancelable: true }))
}

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  document.body.innerHTML = ''
})

describe('RecordUndoButton', () => {
  it('says which change it undoes', () => {
    const button = mountButton()

    expect(button.get('button').text()).toBe('Undo last change (edited title)')
  })

  it('asks to undo the change it was shown when clicked', async () => {
    const button = mountButton()

    await button.get('button').trigger('click')

    expect(button.emitted('undo')).toEqual([[lastChange]])
  })

  it('undoes on Ctrl+Z when the focus is not in a text field', () => {
    const button = mountButton()

    pressCtrlZ(document.body)

    expect(button.emitted('undo')).toHaveLength(1)
  })

  it('leaves Ctrl+Z to a text field that has the focus', () => {
    const button = mountButton()
    const input = document.createElement('input')
    document.body.append(input)

    pressCtrlZ(input)

    expect(button.emitted('undo')).toBeUndefined()
  })
})
