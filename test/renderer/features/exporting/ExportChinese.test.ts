import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import { EXPORT_FORMAT_INFO, EXPORT_FORMATS as SHARED_EXPORT_FORMATS } from '@shared/interchange/exportFormatInfo'
import ExportDialog from '../../../../src/renderer/features/exporting/ExportDialog.vue'
import SelectionExportView from '../../../../src/renderer/features/exporting/SelectionExportView.vue'
import { EXPORT_FORMATS, exportFormatWords } from '../../../../src/renderer/features/exporting/exportFormats'
import { givenStored } from '../../db/testDatabase'
import { anIncident, aSource } from '../../../builders/domain'

const saveFile = vi.hoisted(() => vi.fn())
vi.mock('@renderer/desktop/desktopClient', () => ({ getDesktopClient: () => ({ saveFile }) }))

let wrapper: VueWrapper | undefined
beforeEach(() => setLocale('zh-CN'))
afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  setLocale('en')
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
})

describe('export format words', () => {
  it('hold in English the same words as the shared registry (the command line uses those)', () => {
    setLocale('en')
    for (const id of SHARED_EXPORT_FORMATS) {
      const format = { id, ...EXPORT_FORMAT_INFO[id] }
      expect(exportFormatWords(format, 'label')).toBe(EXPORT_FORMAT_INFO[id].label)
      expect(exportFormatWords(format, 'description')).toBe(EXPORT_FORMAT_INFO[id].description)
    }
  })

  it('are in Chinese when the interface is, and a format the catalogue does not know is shown as it is', () => {
    expect(
      exportFormatWords(
        EXPORT_FORMATS.find((format) => format.id === 'docx')!,
        'label'
      )
    ).toBe('DOCX（Word）')
    expect(exportFormatWords({ id: 'csv', label: 'CSV (one record type)', description: 'A table.' }, 'description')).toBe('A table.')
  })
})

describe('ExportDialog in Chinese', () => {
  it('says what goes out, and names the formats, fields and buttons in Chinese', async () => {
    await givenStored(
      getDatabase(),
      { type: 'incident', record: anIncident({ id: 'inc-zh-export' }) },
      { type: 'source', record: aSource({ id: 'src-zh-export' }) }
    )
    wrapper = mount(ExportDialog, {
      props: { title: 'search results for alipay', loadRecordIds: async () => ['inc-zh-export', 'src-zh-export'] },
      attachTo: document.body
    })
    await (wrapper.vm as unknown as { open(): Promise<void> }).open()
    await flushPromises()

    expect(wrapper.get('h2').text()).toBe('导出：search results for alipay')
    expect(wrapper.get('[role="status"]').text()).toBe('将导出 2 条记录（1 个事件、1 个来源）。')
    expect(wrapper.get('legend').text()).toBe('格式')
    expect(wrapper.get('input[value="bundle"]').element.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      'Precedent 数据包（JSON） 记录及其所需的全部内容，可导入另一个 Precedent。'
    )
    expect(wrapper.findAll('button').map((button) => button.text())).toEqual(['导出', '关闭'])
  })
})

describe('SelectionExportView in Chinese', () => {
  it('names the page and says nothing is picked yet, with a link to Search', async () => {
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:any(.*)*', name: 'export-selection', component: { template: '<div />' } }]
    })
    await router.push('/export')
    wrapper = mount(SelectionExportView, { global: { plugins: [router] } })
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('导出所选记录')
    expect(wrapper.get('label').text()).toBe('挑选记录')
    expect(wrapper.get('.empty-state-title').text()).toBe('尚未挑选任何记录')
    expect(wrapper.get('.empty-state p').text()).toBe('在上方输入记录名称的一部分，然后按 Enter 添加。要导出搜索结果，请使用搜索页面及其“导出…”按钮。')
    expect(wrapper.get('.empty-state a').text()).toBe('搜索')
  })
})
