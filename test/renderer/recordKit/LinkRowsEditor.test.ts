import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import BaseRecordPicker from '@renderer/ui/BaseRecordPicker.vue'
import LinkRowsEditor from '../../../src/renderer/recordKit/LinkRowsEditor.vue'
import type { EndLink } from '../../../src/renderer/recordKit/twoEndedLinks'

const names: Record<string, string> = { 'org-ant': 'Ant Financial', 'org-ucweb': 'UCWeb' }
let editor: VueWrapper | undefined
/** The rows as the editor last gave them to its v-model. */
let current: EndLink[] = []

function mountEditor(links: EndLink[]) {
  current = links
  editor = mount(LinkRowsEditor, {
    attachTo: document.body,
    props: {
      id: 'organisation-links',
      modelValue: links,
      'onUpdate:modelValue': async (value: EndLink[]) => {
        current = value
        await editor!.setProps({ modelValue: value })
      },
      listLabel: 'Organisations above or beside this one',
      relations: [
        { value: 'parent', label: 'Parent:' },
        { value: 'operator', label: 'Operated by:' }
      ],
      nameOf: (id: string) => names[id] ?? id,
      relationLabel: (name: string) => `How ${name} relates to this organisation`,
      removeLabel: (name: string) => `Remove link to ${name}`,
      pickerId: 'organisation-add-link',
      pickerLabel: 'Add a parent, affiliate or operator',
      findOptions: async () => []
    }
  })
  return editor
}

afterEach(() => {
  editor?.unmount()
  editor = undefined
  setLocale('en')
})

describe('LinkRowsEditor', () => {
  it('shows a named list of rows, each with a select labelled by the other record’s name, its name and a Remove button naming it', () => {
    const view = mountEditor([
      { relation: 'operator', otherId: 'org-ant' },
      { relation: 'parent', otherId: 'org-gone' }
    ])

    expect(view.get('ul').attributes('aria-label')).toBe('Organisations above or beside this one')
    const select = view.get('#organisation-links-relation-0')
    expect(view.get('label[for="organisation-links-relation-0"]').text()).toBe('How Ant Financial relates to this organisation')
    expect((select.element as HTMLSelectElement).value).toBe('operator')
    expect(select.findAll('option').map((option) => option.text())).toEqual(['Parent:', 'Operated by:'])
    expect(view.findAll('.link-row-name').map((name) => name.text())).toEqual(['Ant Financial', 'org-gone'])
    expect(view.findAll('li button').map((button) => [button.attributes('aria-label'), button.text()])).toEqual([
      ['Remove link to Ant Financial', 'Remove'],
      ['Remove link to org-gone', 'Remove']
    ])
    expect(view.find('#organisation-add-link').exists()).toBe(true)
  })

  it('shows no list when there are no rows, only the picker', () => {
    const view = mountEditor([])

    expect(view.find('ul.link-rows').exists()).toBe(false)
    expect(view.findComponent(BaseRecordPicker).props('label')).toBe('Add a parent, affiliate or operator')
  })

  it('changes a row’s relation in place and removes the row whose button is pressed', async () => {
    const view = mountEditor([
      { relation: 'operator', otherId: 'org-ant' },
      { relation: 'parent', otherId: 'org-ucweb' }
    ])

    await view.get('#organisation-links-relation-1').setValue('operator')
    expect(current).toEqual([
      { relation: 'operator', otherId: 'org-ant' },
      { relation: 'operator', otherId: 'org-ucweb' }
    ])

    await view.get('button[aria-label="Remove link to Ant Financial"]').trigger('click')
    expect(current).toEqual([{ relation: 'operator', otherId: 'org-ucweb' }])
    expect(view.emitted('added')).toBeUndefined()
  })

  it('adds a picked record with the first relation, says so, and moves focus to its relation', async () => {
    const view = mountEditor([{ relation: 'operator', otherId: 'org-ant' }])

    view.findComponent(BaseRecordPicker).vm.$emit('select', { id: 'org-ucweb', type: 'organisation', label: 'UCWeb', alternativeLabels: [] })
    await new Promise((resolve) => setTimeout(resolve))

    expect(current).toEqual([
      { relation: 'operator', otherId: 'org-ant' },
      { relation: 'parent', otherId: 'org-ucweb' }
    ])
    expect(view.emitted('added')).toHaveLength(1)
    expect(document.activeElement?.id).toBe('organisation-links-relation-1')
  })

  it('says Remove in the interface language', () => {
    setLocale('zh-CN')
    const view = mountEditor([{ relation: 'parent', otherId: 'org-ant' }])

    expect(view.get('li button').text()).toBe('移除')
  })
})
