import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ImportLogList from '@renderer/features/importing/ImportLogList.vue'
import { setLocale } from '@renderer/i18n'

const entry = {
  at: '2026-11-29T10:00:00.000Z',
  author: 'Mei',
  format: 'cms' as const,
  files: ['enforcementtracker_full_download.json'],
  created: 8094,
  updated: 0,
  planned: { new: 8094, update: 0, unchanged: 0, duplicate: 21, rejected: 0 }
}

describe('ImportLogList', () => {
  it('lists each import with its files, format, author and what it wrote and skipped', () => {
    const list = mount(ImportLogList, { props: { entries: [entry] } })

    expect(list.get('h2').text()).toBe('Recent imports')
    const text = list.get('li').text().replace(/\s+/g, ' ')
    expect(text).toContain('enforcementtracker_full_download.json (CMS GDPR Enforcement Tracker (JSON)), by Mei — 8094 created, 0 updated.')
    expect(text).toContain('Planned: 8094 new, 0 updated, 0 unchanged, 21 duplicates, 0 rejected.')
  })

  it('shows nothing before the first import', () => {
    expect(
      mount(ImportLogList, { props: { entries: [] } })
        .find('section')
        .exists()
    ).toBe(false)
  })
})

describe('ImportLogList in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('writes the date, format and counts in Chinese', () => {
    setLocale('zh-CN')
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
    expect(list.get('li').text()).toContain(
      '：a.json、b.json（CMS GDPR 执法追踪（JSON）），由 Mei 导入 — 新建 3 条，更新 1 条。计划：新增 3 条，更新 1 条，未更改 0 条，重复 2 条，拒绝 0 条。'
    )
  })
})
