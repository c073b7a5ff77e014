import { describe, expect, it } from 'vitest'
import { describeIndexStatus, isAskingAgainDue, withFilter } from '../../../../src/renderer/features/search/useSearch'
import { isPaletteShortcut } from '../../../../src/renderer/features/search/paletteShortcut'

const press = (overrides: Partial<Parameters<typeof isPaletteShortcut>[0]>) => ({
  key: 'k',
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...overrides
})

describe('withFilter', () => {
  it('adds a filter to the query', () => {
    expect(withFilter('uc browser ', 'type:response')).toBe('uc browser type:response')
  })

  it('does not add a filter twice', () => {
    expect(withFilter('uc type:response', 'type:response')).toBe('uc type:response')
  })

  it('is the filter alone for an empty query', () => {
    expect(withFilter('  ', 'year:2018')).toBe('year:2018')
  })
})

describe('describeIndexStatus', () => {
  it('counts indexing progress in words', () => {
    expect(describeIndexStatus({ state: 'indexing', indexed: 1234, total: 5000 })).toBe('Indexing 1,234 of 5,000 records…')
  })

  it('says nothing once ready', () => {
    expect(describeIndexStatus({ state: 'ready', documentCount: 3 })).toBe('')
  })

  it('gives the reason when the index failed', () => {
    expect(describeIndexStatus({ state: 'failed', message: 'Disk full' })).toBe('Search is unavailable: Disk full')
  })
})

describe('isPaletteShortcut', () => {
  it('accepts Ctrl+K and ⌘K', () => {
    expect(isPaletteShortcut(press({ ctrlKey: true }))).toBe(true)
    expect(isPaletteShortcut(press({ metaKey: true, key: 'K' }))).toBe(true)
  })

  it('refuses K alone or with other modifiers', () => {
    expect(isPaletteShortcut(press({}))).toBe(false)
    expect(isPaletteShortcut(press({ ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isPaletteShortcut(press({ ctrlKey: true, metaKey: true }))).toBe(false)
  })
})

describe('isAskingAgainDue', () => {
  it('asks again when the index is ready after indexing, or took in records, and not otherwise', () => {
    const ready = (documentCount: number) => ({ state: 'ready' as const, documentCount })

    expect(isAskingAgainDue(ready(10), { state: 'indexing', indexed: 5, total: 10 })).toBe(true)
    expect(isAskingAgainDue(ready(14), ready(10))).toBe(true)
    expect(isAskingAgainDue(ready(10), ready(10))).toBe(false)
    expect(isAskingAgainDue(ready(10), undefined)).toBe(false)
    expect(isAskingAgainDue({ state: 'indexing', indexed: 1, total: 10 }, ready(10))).toBe(false)
  })
})
