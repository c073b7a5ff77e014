import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import { fieldLabel, fieldValueText, formatDay, noteText, revisionSummary } from '@renderer/features/history/revisionText'
import RecordUndoButton from '@renderer/features/history/RecordUndoButton.vue'
import type { RecordRevision } from '@shared/domain/recordHistory'

function aRevision(overrides: Partial<RecordRevision> = {}): RecordRevision {
  return {
    id: 'rev-1',
    recordType: 'incident',
    recordId: 'inc-alipay',
    revision: 2,
    at: '2026-02-01T10:00:00.000Z',
    author: 'Mei',
    action: 'update',
    changes: [],
    ...overrides
  }
}
const change = (field: string) => ({ field, before: 'a', after: 'b' })

afterEach(() => setLocale('en'))

describe('a record history in Simplified Chinese', () => {
  it('names fields, values and dates in Chinese', () => {
    setLocale('zh-CN')

    expect(fieldLabel('occurredOn')).toBe('发生日期')
    expect(fieldValueText('2018-01-03', 'occurredOn')).toBe('2018年1月3日')
    expect(fieldValueText(undefined)).toBe('（无）')
    expect(formatDay('2018-01-03')).toBe('2018年1月3日')
  })

  it('sums up a change and the notes Precedent writes in Chinese', () => {
    setLocale('zh-CN')

    expect(revisionSummary(aRevision({ changes: [change('title')] }))).toBe('编辑了标题')
    expect(revisionSummary(aRevision({ changes: ['title', 'summary', 'tags', 'occurredOn'].map(change) }))).toBe('编辑了标题、摘要及其他2个字段')
    expect(noteText('Restored version 1')).toBe('已恢复版本1')
    expect(noteText('Undid: edited (version 3)')).toBe('已撤销：编辑（版本3）')
  })

  it('labels the undo button in Chinese, and in English again after a switch back', async () => {
    setLocale('zh-CN')
    const button = mount(RecordUndoButton, { props: { lastChange: aRevision({ changes: [change('title')] }), isWorking: false } })

    expect(button.text()).toBe('撤销上一项更改（编辑了标题）')

    setLocale('en')
    await button.vm.$nextTick()
    expect(button.text()).toBe('Undo last change (edited title)')
    button.unmount()
  })
})
