import { defineStore } from 'pinia'
import { ref } from 'vue'
import { getDatabase } from '@renderer/db'
import { i18n } from '@renderer/i18n'
import { checkSavedSearchName, parseSavedSearches, type SavedSearch } from '@shared/search/savedSearch'
import { SAVED_SEARCHES_KEY } from './useSavedSearches'

export type SavedSearchResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** Writes saved searches (in the `meta` table). Reads go through `useSavedSearches`. */
export const useSavedSearchesStore = defineStore('savedSearches', () => {
  const isSaving = ref(false)

  // Read, change and write in one transaction, so two windows saving at once both keep their entry.
  async function update(change: (searches: SavedSearch[]) => SavedSearch[]): Promise<void> {
    const db = getDatabase()
    await db.transaction('rw', db.meta, async () => {
      const { searches } = parseSavedSearches((await db.meta.get(SAVED_SEARCHES_KEY))?.value)
      await db.meta.put({ key: SAVED_SEARCHES_KEY, value: change(searches) })
    })
  }

  async function write(change: (searches: SavedSearch[]) => SavedSearch[]): Promise<SavedSearchResult> {
    isSaving.value = true
    try {
      await update(change)
      return { ok: true }
    } catch (error) {
      return { ok: false, message: i18n.global.t('search.saved.storeFailed', { message: error instanceof Error ? error.message : String(error) }) }
    } finally {
      isSaving.value = false
    }
  }

  async function saveSearch(name: string, query: string): Promise<SavedSearchResult> {
    const checked = checkSavedSearchName(name)
    if (!checked.ok) return checked
    if (query.trim() === '') return { ok: false, message: i18n.global.t('search.saved.queryFirst') }
    const search: SavedSearch = { id: crypto.randomUUID(), name: checked.name, query: query.trim(), createdAt: new Date().toISOString() }
    return write((searches) => [...searches, search])
  }

  async function renameSearch(id: string, name: string): Promise<SavedSearchResult> {
    const checked = checkSavedSearchName(name)
    if (!checked.ok) return checked
    return write((searches) => searches.map((search) => (search.id === id ? { ...search, name: checked.name } : search)))
  }

  function deleteSearch(id: string): Promise<SavedSearchResult> {
    return write((searches) => searches.filter((search) => search.id !== id))
  }

  return { isSaving, saveSearch, renameSearch, deleteSearch }
})
