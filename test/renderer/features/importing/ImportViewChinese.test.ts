import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { setLocale } from '@renderer/i18n'
import ImportView from '@renderer/features/importing/ImportView.vue'
import ImportLogList from '@renderer/features/importing/ImportLogList.vue'
import { aBundleInput, anIncidentInput } from '../../../builders/sharedDomain'
import { useBrowserStorage } from '../../browserStorage'

let wrapper: VueWrapper | undefined
useBrowserStorage()

beforeEach(() => {
  setActivePinia(createPinia())
  setLocale('zh-CN')
})
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  setLocale('en')
})

async function mountView(): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  await router.push('/import')
  wrapper = mount(ImportView, { attachTo: document.body, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

const buttonTexts = (view: VueWrapper) => view.findAll('button').map((button) => button.text())

describe('ImportView in Chinese', () => {
  it('names the page, the file field, the format, the dry run and its buttons in Chinese', async () => {
    const view = await mountView()
    expect(view.get('h1').text()).toBe('导入')
    const input = view.get('input[type="file"]')
    expect(view.get(`label[for="${input.attributes('id')}"]`).text()).toBe('要导入的文件')

    const file = new File([JSON.stringify(aBundleInput({ incidents: [anIncidentInput({ id: 'inc-zh-import', title: 'Chinese view breach' })] }))], 'kb.json', { type: 'application/json' })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await vi.waitFor(() => expect(view.text()).toContain('识别为 Precedent 数据包（JSON）。'))
    expect(view.text()).toContain('已选择：kb.json')

    const check = view.findAll('button').find((button) => button.text() === '检查将导入的内容')
    expect(check).toBeDefined()
    await check!.trigger('click')
    await vi.waitFor(() => expect(view.find('.dry-run').exists()).toBe(true))

    expect(view.get('.dry-run h2').text()).toBe('试运行：导入将执行的操作')
    expect(view.get('.dry-run-summary').text()).toBe('新增 1 条，更新 0 条，未更改 0 条，重复 0 条，拒绝 0 条')
    expect(view.findAll('table.dry-run-counts thead th').map((cell) => cell.text())).toEqual(['记录类型', '新增', '更新', '未更改', '重复', '已拒绝'])
    expect(view.get('table.dry-run-counts tbody th').text()).toBe('事件')
    expect(buttonTexts(view)).toContain('导入 1 条记录')
    expect(buttonTexts(view)).toContain('另选文件')
  })
})

describe('ImportLogList in Chinese', () => {
  it('writes the date, format and counts in Chinese', () => {
    const entry = {
      at: '2026-11-29T10:00:00.000Z',
      author: 'Mei',
      format: 'cms' as const,
      files: ['a.json', 'b.json'],
      created: 3,
      updated: 1,
      planned: { new: 3, update: 1, unchanged: 0, duplicate: 2, rejected: 0 }
    }
    const list = mount(ImportLogList, { props: { entries: [entry] } })
    expect(list.get('h2').text()).toBe('最近的导入')
    expect(list.get('li strong').text()).toMatch(/^2026年11月29日 \d{2}:\d{2}$/)
    expect(list.get('li').text()).toContain('：a.json、b.json（CMS GDPR 执法追踪（JSON）），由 Mei 导入 — 新建 3 条，更新 1 条。计划：新增 3 条，更新 1 条，未更改 0 条，重复 2 条，拒绝 0 条。')
  })
})
