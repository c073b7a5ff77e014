import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import type { LinkedRecord } from '@shared/domain/recordLinks'
import BaseVirtualTable from '@renderer/ui/BaseVirtualTable.vue'
import RecordFormShell from '../../../src/renderer/recordKit/RecordFormShell.vue'
import RecordDeletePanel from '../../../src/renderer/recordKit/RecordDeletePanel.vue'
import LinkedRecordsPanel from '../../../src/renderer/recordKit/LinkedRecordsPanel.vue'
import type { RecordFormShellState } from '../../../src/renderer/recordKit/useRecordForm'
import { aJurisdiction, anIncident, aResponse } from '../../builders/sharedDomain'

const formState: RecordFormShellState = {
  isLoaded: true,
  isSaving: false,
  loadError: undefined,
  errorCount: 2,
  hasTriedToSave: true,
  saveError: undefined,
  hasConflict: false,
  wasKeptOverReload: false,
  save: async () => undefined,
  loadTheirVersion: async () => undefined
}

function mountForm(isEditing = false) {
  return mount(RecordFormShell, {
    props: { noun: 'incident', pluralNoun: 'incidents', isEditing, listPath: '/incidents', cancelTo: '/incidents', formState },
    global: { stubs: { RouterLink: RouterLinkStub } }
  })
}

afterEach(() => {
  setLocale('en')
})

describe('the record kit in Simplified Chinese', () => {
  it('names a new record’s form, its problems and its buttons in Chinese, and in English as before', () => {
    setLocale('zh-CN')
    const chinese = mountForm()
    expect(chinese.get('h1').text()).toBe('新建事件')
    expect(chinese.get('[role="alert"]').text()).toBe('未保存：有 2 个字段需要处理。')
    expect(chinese.get('button[type="submit"]').text()).toBe('创建事件')
    expect(chinese.text()).toContain('取消')

    setLocale('en')
    const english = mountForm(true)
    expect(english.get('h1').text()).toBe('Edit incident')
    expect(english.get('[role="alert"]').text()).toBe('Not saved: 2 fields need attention.')
    expect(english.get('button[type="submit"]').text()).toBe('Save changes')
  })

  it('gives a list table’s sort buttons and loading rows Chinese names that hold the visible header', () => {
    setLocale('zh-CN')
    const table = mount(BaseVirtualTable, {
      props: {
        caption: '来源',
        columns: [{ key: 'title', label: '标题', sortable: true }],
        rowCount: 1,
        rowAt: () => undefined,
        rowKey: () => 'x',
        sort: { key: 'title', direction: 'ascending' as const }
      }
    })
    const sortButton = table.get('button.sort-button')
    expect(sortButton.attributes('aria-label')).toBe('按标题排序')
    expect(sortButton.text()).toContain('标题')
    expect(table.get('.loading-cell').text()).toBe('正在加载…')
  })

  it('asks to confirm a delete in Chinese', () => {
    setLocale('zh-CN')
    const panel = mount(RecordDeletePanel, {
      props: { noun: '事件', title: 'Alipay breach', blocking: [], mended: [] },
      global: { stubs: { RouterLink: RouterLinkStub } }
    })
    expect(panel.text()).toContain('永久删除事件“Alipay breach”？')
    expect(panel.get('button.danger').text()).toBe('永久删除')
  })

  it('heads the linked records, their groups and dates in Chinese', () => {
    setLocale('zh-CN')
    const link = {
      linked: { type: 'response', record: aResponse({ id: 'resp-1', title: 'Fine', datedOn: '2015-05' }) },
      direction: 'incoming',
      relation: 'actor',
      holderType: 'response',
      label: 'Response taken'
    } as LinkedRecord
    const china = {
      linked: { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', name: 'China', nameZh: '中国' }) },
      direction: 'outgoing',
      relation: 'jurisdiction',
      holderType: 'incident',
      label: 'Jurisdiction'
    } as LinkedRecord
    const incident = {
      linked: { type: 'incident', record: anIncident({ id: 'inc-1', title: 'Breach' }) },
      direction: 'incoming',
      relation: 'organisation:reporter',
      holderType: 'incident',
      label: 'Incident (reporter)'
    } as LinkedRecord
    const panel = mount(LinkedRecordsPanel, {
      props: {
        groups: [
          { type: 'response', heading: 'Responses', links: [link], shown: 1, total: 120 },
          { type: 'incident', heading: 'Incidents', links: [incident], shown: 1, total: 1 },
          { type: 'jurisdiction', heading: 'Jurisdictions', links: [china], shown: 1, total: 1 }
        ]
      },
      global: { stubs: { RouterLink: RouterLinkStub } }
    })
    expect(panel.get('h2').text()).toBe('关联记录')
    expect(panel.get('h3').text()).toBe('应对')
    expect(panel.findAll('.link-label').map((label) => label.text())).toEqual(['· 采取的应对', '· 事件（报告方）', '· 法域'])
    // A jurisdiction is named by its recorded Chinese name.
    expect(panel.get('[aria-label="关联的法域"] a').text()).toBe('中国')
    expect(panel.find('[aria-label="关联的应对"]').exists()).toBe(true)
    expect(panel.text()).toContain('2015年5月')
    expect(panel.text()).toContain('共 120 项应对，已显示 1 项。')
    expect(panel.get('button').text()).toBe('再显示 100 项')
  })
})
