import { afterEach, describe, expect, it } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import PreferencesView from '@renderer/features/history/PreferencesView.vue'
import { setLocale } from '@renderer/i18n'
import { LANGUAGE_STORAGE_KEY } from '@renderer/i18n/i18n'

let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  setLocale('en')
})

function mountPreferences(): VueWrapper {
  const pinia = createPinia()
  setActivePinia(pinia)
  wrapper = mount(PreferencesView, { global: { plugins: [pinia] }, attachTo: document.body })
  return wrapper
}

describe('PreferencesView language choice', () => {
  it('lists each language in its own words, with the interface language chosen', () => {
    const view = mountPreferences()
    const select = view.get<HTMLSelectElement>('#preferences-language')

    expect(view.get('label[for="preferences-language"]').text()).toBe('Language')
    expect(select.findAll('option').map((option) => [option.text(), option.attributes('lang')])).toEqual([
      ['English', 'en'],
      ['简体中文', 'zh-CN']
    ])
    expect(select.element.value).toBe('en')
  })

  it('switches the page to Chinese at once, says so, and keeps the choice', async () => {
    const view = mountPreferences()

    await view.get('#preferences-language').setValue('zh-CN')

    expect(view.get('h1').text()).toBe('偏好设置')
    expect(view.get('label[for="preferences-language"]').text()).toBe('语言')
    expect(view.get('button[type="submit"]').text()).toBe('保存偏好设置')
    expect(view.findAll('[role="status"]')[0]!.text()).toBe('界面现已切换为简体中文。')
    expect(document.documentElement.lang).toBe('zh-CN')
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN')

    await view.get('#preferences-language').setValue('en')

    expect(view.get('h1').text()).toBe('Preferences')
    expect(view.findAll('[role="status"]')[0]!.text()).toBe('The interface is now in English.')
  })
})
