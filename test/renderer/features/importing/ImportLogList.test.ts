import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ImportLogList from '@renderer/features/importing/ImportLogList.vue'

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
    expect(mount(ImportLogList, { props: { entries: [] } }).find('section').exists()).toBe(false)
  })
})
