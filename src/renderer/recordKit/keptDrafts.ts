import type { RecordType } from '@shared/domain/recordTypes'

/**
 * What was typed into record forms, kept across the reload that a newer window forces (issue 11).
 * When another window upgrades the database, this window's connection is closed under it and the
 * page must reload to run the new code; forms register their drafts here, the changed ones are put
 * in sessionStorage (which survives a reload of the same tab, and nothing else) just before it,
 * and each form takes its own back when it opens again.
 */
const STORAGE_KEY = 'precedent:kept-drafts'

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

interface OpenDraft {
  readonly read: () => unknown
  /** The draft as it was opened: only a draft that differs from it holds anything typed. */
  readonly pristine: string
}

const openDrafts = new Map<string, OpenDraft>()

/** Which form a draft belongs to: a record type and the record's id, or `new`. */
export function draftKey(type: RecordType, id: string | undefined): string {
  return `${type}:${id ?? 'new'}`
}

/** Registers an open form's draft (as it is now, the pristine state); returns the unregistering function. */
export function registerOpenDraft(key: string, read: () => unknown): () => void {
  const entry: OpenDraft = { read, pristine: JSON.stringify(read()) }
  openDrafts.set(key, entry)
  return () => {
    if (openDrafts.get(key) === entry) openDrafts.delete(key)
  }
}

/** Puts every open draft that holds typed changes into `storage`; returns how many were kept. */
export function keepChangedDrafts(storage: DraftStorage | undefined = globalThis.sessionStorage): number {
  if (storage === undefined) return 0
  const kept: Record<string, unknown> = {}
  for (const [key, draft] of openDrafts) {
    const now = JSON.stringify(draft.read())
    if (now !== draft.pristine) kept[key] = JSON.parse(now) as unknown
  }
  const count = Object.keys(kept).length
  if (count === 0) return 0
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify(kept))
  } catch {
    // A full or disabled sessionStorage loses the drafts the reload would have lost anyway.
    return 0
  }
  return count
}

/** The draft kept for `key` before a reload, removed from `storage` as it is taken; undefined if none. */
export function takeKeptDraft(key: string, storage: DraftStorage | undefined = globalThis.sessionStorage): Record<string, unknown> | undefined {
  const text = storage?.getItem(STORAGE_KEY)
  if (text === null || text === undefined) return undefined
  let kept: Record<string, unknown>
  try {
    kept = JSON.parse(text) as Record<string, unknown>
  } catch {
    storage?.removeItem(STORAGE_KEY)
    return undefined
  }
  const draft = kept[key]
  delete kept[key]
  if (Object.keys(kept).length === 0) storage?.removeItem(STORAGE_KEY)
  else storage?.setItem(STORAGE_KEY, JSON.stringify(kept))
  return typeof draft === 'object' && draft !== null && !Array.isArray(draft) ? (draft as Record<string, unknown>) : undefined
}
