import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { getDatabase } from '@renderer/db'
import { parseSavedSearches } from '@shared/search/savedSearch'
import { useSavedSearchesStore } from '../../../../src/renderer/features/search/savedSearchesStore'
import { SAVED_SEARCHES_KEY } from '../../../../src/renderer/features/search/useSavedSearches'

const stored = async () => parseSavedSearches((await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value).searches

describe('useSavedSearchesStore', () => {
  beforeEach(async () => {
    setActivePinia(createPinia())
    await getDatabase().meta.delete(SAVED_SEARCHES_KEY)
  })

  it('stores a named query', async () => {
    const result = await useSavedSearchesStore().saveSearch(' Indian bans ', 'jurisdiction:IN kind:ban')

    expect(result).toEqual({ ok: true })
    expect((await stored()).map(({ name, query }) => ({ name, query }))).toEqual([{ name: 'Indian bans', query: 'jurisdiction:IN kind:ban' }])
  })

  it('refuses an empty name and stores nothing', async () => {
    const result = await useSavedSearchesStore().saveSearch('', 'sesame')

    expect(result).toEqual({ ok: false, message: 'A saved search name is required' })
    expect(await stored()).toEqual([])
  })

  it('renames and deletes a saved search', async () => {
    const store = useSavedSearchesStore()
    await store.saveSearch('Indian bans', 'jurisdiction:IN kind:ban')
    const [saved] = await stored()

    await store.renameSearch(saved!.id, 'Blocks in India')
    const renamed = await stored()
    await store.deleteSearch(saved!.id)

    expect(renamed.map((search) => search.name)).toEqual(['Blocks in India'])
    expect(await stored()).toEqual([])
  })

  it('keeps the valid entries when the stored list holds a damaged one', async () => {
    await getDatabase().meta.put({ key: SAVED_SEARCHES_KEY, value: [{ id: 'broken' }] })

    await useSavedSearchesStore().saveSearch('Sesame', 'sesame')

    expect((await stored()).map((search) => search.name)).toEqual(['Sesame'])
  })
})
