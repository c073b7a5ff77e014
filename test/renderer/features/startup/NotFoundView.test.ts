import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import NotFoundView from '../../../../src/renderer/features/startup/NotFoundView.vue'

const mountView = () => mount(NotFoundView, { global: { stubs: { RouterLink: RouterLinkStub } } })

afterEach(() => {
  setLocale('en')
})

describe('NotFoundView', () => {
  it('says the page is not found, with the way to the incidents, in English', () => {
    const view = mountView()
    expect(view.get('h2').text()).toBe('Page not found')
    expect(view.get('p').text()).toBe('There is nothing at this address. Go to incidents.')
  })

  it('says it in Simplified Chinese', () => {
    setLocale('zh-CN')
    const view = mountView()
    expect(view.get('h2').text()).toBe('找不到页面')
    expect(view.get('p').text()).toBe('此地址没有任何内容。前往事件。')
    expect(view.get('a').text()).toBe('前往事件')
  })
})
