import { describe, expect, it } from 'vitest'
import { draftKey, keepChangedDrafts, registerOpenDraft, takeKeptDraft, type DraftStorage } from '@renderer/recordKit'

function aStorage(): DraftStorage & { readonly items: Map<string, string> } {
  const items = new Map<string, string>()
  return { items, getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value), removeItem: (key) => void items.delete(key) }
}

describe('drafts kept over a reload', () => {
  it('keeps only the drafts that hold typed changes, and gives each back once to its own form', () => {
    const storage = aStorage()
    const typed = { name: '', aliases: [] as string[] }
    const untouched = { title: 'As loaded' }
    const unregisterTyped = registerOpenDraft(draftKey('organisation', undefined), () => typed)
    const unregisterUntouched = registerOpenDraft(draftKey('incident', 'inc-1'), () => untouched)
    typed.name = 'WeChat Pay'
    typed.aliases.push('微信支付')

    expect(keepChangedDrafts(storage)).toBe(1)
    unregisterTyped()
    unregisterUntouched()

    expect(takeKeptDraft(draftKey('incident', 'inc-1'), storage)).toBeUndefined()
    expect(takeKeptDraft(draftKey('organisation', undefined), storage)).toEqual({ name: 'WeChat Pay', aliases: ['微信支付'] })
    expect(takeKeptDraft(draftKey('organisation', undefined), storage)).toBeUndefined()
    expect(storage.items.size).toBe(0)
  })

  it('keeps nothing of a closed form', () => {
    const storage = aStorage()
    const draft = { name: '' }
    const unregister = registerOpenDraft(draftKey('organisation', 'org-1'), () => draft)
    draft.name = 'Changed'
    unregister()

    expect(keepChangedDrafts(storage)).toBe(0)
    expect(storage.items.size).toBe(0)
  })

  it('loses nothing else when sessionStorage is full: it keeps none and says so', () => {
    const draft = { name: '' }
    const unregister = registerOpenDraft(draftKey('source', undefined), () => draft)
    draft.name = 'Typed'
    const full: DraftStorage = {
      getItem: () => null,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError')
      },
      removeItem: () => undefined
    }

    expect(keepChangedDrafts(full)).toBe(0)
    unregister()
  })

  it('ignores kept text that is not a draft', () => {
    const storage = aStorage()
    storage.setItem('precedent:kept-drafts', 'not json')

    expect(takeKeptDraft(draftKey('law', undefined), storage)).toBeUndefined()
    expect(storage.items.size).toBe(0)
  })
})
