import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import type { MergeEntry } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import MergeHistoryList from '../../../../src/renderer/features/duplicates/MergeHistoryList.vue'

function aMerge(overrides: Partial<MergeEntry> = {}): MergeEntry {
  return {
    id: 'merge-1',
    at: '2026-03-01T09:00:00.000Z',
    author: 'Mei',
    type: 'organisation',
    survivorId: 'org-alipay',
    duplicateId: 'org-alipay-dup',
    survivorTitle: 'Alipay',
    duplicateTitle: 'ALIPAY',
    before: [],
    after: [],
    ...overrides
  }
}

function mountList(merges: MergeEntry[]) {
  return mount(MergeHistoryList, { props: { merges }, global: { stubs: { RouterLink: RouterLinkStub } } })
}

describe('MergeHistoryList', () => {
  it('offers an undo, named by both records, for a merge that stands', async () => {
    const merge = aMerge()
    const wrapper = mountList([merge])

    const undo = wrapper.find('button')
    await undo.trigger('click')

    expect(undo.attributes('aria-label')).toBe('Undo merge of “ALIPAY” into “Alipay”')
    expect(wrapper.emitted('undo')).toEqual([[merge]])
  })

  it('offers no undo for a merge already undone, and says it was undone', () => {
    const wrapper = mountList([aMerge({ undoneAt: '2026-03-01T10:00:00.000Z' })])

    expect(wrapper.find('button').exists()).toBe(false)
    expect(wrapper.text()).toContain('undone')
  })

  it('says who merged', () => {
    const wrapper = mountList([aMerge()])

    expect(wrapper.text()).toContain('by Mei')
  })
})

describe('MergeHistoryList in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('lists a merge with its type, author, moment and undo in Chinese', () => {
    setLocale('zh-CN')
    const wrapper = mountList([aMerge()])

    const text = wrapper.text().replace(/\s+/g, ' ')
    expect(text).toContain('组织：“ALIPAY”并入Alipay')
    expect(text).toContain('Mei于2026年3月1日')
    expect(wrapper.get('button').text()).toBe('撤销')
  })
})
