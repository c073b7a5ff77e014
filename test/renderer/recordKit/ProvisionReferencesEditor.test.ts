import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import ProvisionReferencesEditor from '../../../src/renderer/recordKit/ProvisionReferencesEditor.vue'
import { aLaw } from '../../builders/domain'
import { givenStored } from '../db/testDatabase'

afterEach(() => setLocale('en'))

async function provisionChoices(lawId: string): Promise<string[]> {
  const wrapper = mount(ProvisionReferencesEditor, {
    props: { id: 'basis', legend: 'Legal basis', modelValue: [{ lawId, provisionNumber: '' }] },
    global: { stubs: { BaseRecordPicker: true } }
  })
  await vi.waitFor(() => expect(wrapper.findAll('option').length).toBeGreaterThan(2))
  const choices = wrapper.findAll('option').map((option) => option.text())
  wrapper.unmount()
  return choices
}

describe('the provisions a record points to', () => {
  it('offers a law’s provisions by unit and number in the interface language', async () => {
    const law = aLaw({
      shortName: 'IT Act',
      provisions: [
        { unit: 'section', number: '69A', heading: 'Blocking' },
        { unit: 'article', number: '41' }
      ]
    })
    await givenStored(getDatabase(), { type: 'law', record: law })

    expect((await provisionChoices(law.id)).slice(1, 3)).toEqual(['Section 69A — Blocking', 'Article 41'])
    setLocale('zh-CN')
    expect((await provisionChoices(law.id)).slice(1, 3)).toEqual(['第69A节——Blocking', '第41条'])
  })
})
