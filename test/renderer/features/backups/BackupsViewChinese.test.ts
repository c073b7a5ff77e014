import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { getDatabase } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import BackupsView from '@renderer/features/backups/BackupsView.vue'
import { anIncident } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'
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

describe('BackupsView in Chinese', () => {
  it('names the page, its buttons, the backups table and the outcome in Chinese', async () => {
    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ title: 'Kept in Chinese test' }) })
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()

    expect(wrapper.get('h1').text()).toBe('备份')
    expect(wrapper.get('p code').text()).toBe('.json.gz')
    expect(wrapper.text()).toContain('可将备份另存为文件（压缩数据包，.json.gz）以便另行保管；.json 或 .json.gz 数据包文件均可用于恢复。')
    const backUp = wrapper.findAll('button').find((button) => button.text() === '立即备份')
    expect(backUp).toBeDefined()
    await backUp!.trigger('click')
    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toMatch(/^已创建备份：\d+ 条记录。$/))

    expect(wrapper.findAll('.backups-table thead th').map((cell) => cell.text())).toEqual(['创建时间', '原因', '记录', '操作'])
    const firstRow = wrapper.get('.backups-table tbody tr')
    expect(firstRow.get('td').text()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)
    expect(firstRow.findAll('td')[1]?.text()).toBe('手动创建的备份')
    const restore = firstRow.findAll('button').find((button) => button.text() === '恢复…')
    expect(restore?.attributes('aria-label')).toMatch(/^恢复 \d{4}年.+的备份$/)
    await restore!.trigger('click')
    expect(wrapper.get('[role="alertdialog"] h2').text()).toMatch(/^恢复 .+ 的备份？$/)
    expect(wrapper.findAll('[role="alertdialog"] button').map((button) => button.text())).toEqual(['恢复此备份', '保留当前知识库'])
  })
})
