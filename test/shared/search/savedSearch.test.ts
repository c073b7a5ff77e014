import { describe, expect, it } from 'vitest'
import { checkSavedSearchName, parseSavedSearches } from '../../../src/shared/search/savedSearch'

const aSavedSearch = (overrides: Record<string, unknown> = {}) => ({
  id: 'saved-1',
  name: 'Indian bans',
  query: 'jurisdiction:IN kind:ban',
  createdAt: '2026-02-01T10:00:00.000Z',
  ...overrides
})

describe('parseSavedSearches', () => {
  it('reads a stored list', () => {
    expect(parseSavedSearches([aSavedSearch()])).toEqual({ searches: [aSavedSearch()], droppedCount: 0 })
  })

  it('is empty when nothing was stored yet', () => {
    expect(parseSavedSearches(undefined)).toEqual({ searches: [], droppedCount: 0 })
  })

  it('drops damaged entries and keeps the others', () => {
    const stored = [aSavedSearch(), aSavedSearch({ id: 'saved-2', name: '' }), { __proto__: null, id: 'x' }, aSavedSearch({ id: 'saved-3', extra: 1 })]

    const parsed = parseSavedSearches(stored)

    expect(parsed.searches.map((search) => search.id)).toEqual(['saved-1'])
    expect(parsed.droppedCount).toBe(3)
  })

  it('treats a stored value that is not a list as one damaged entry', () => {
    expect(parseSavedSearches({ name: 'x' })).toEqual({ searches: [], droppedCount: 1 })
  })
})

describe('checkSavedSearchName', () => {
  it('trims a name', () => {
    expect(checkSavedSearchName('  Indian bans ')).toEqual({ ok: true, name: 'Indian bans' })
  })

  it('refuses an empty name with a reason', () => {
    expect(checkSavedSearchName('   ')).toEqual({ ok: false, message: 'A saved search name is required' })
  })

  it('refuses a name of more than one line', () => {
    expect(checkSavedSearchName('a\nb').ok).toBe(false)
  })
})
