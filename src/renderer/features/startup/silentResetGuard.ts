import { RECORD_TABLE_NAMES, type PrecedentDatabase } from '@renderer/db'

/**
 * What the app remembers about the knowledge base outside IndexedDB (RELIABILITY-SECURITY 22):
 * browsers can clear IndexedDB without a word (storage pressure, "clear site data"), and the app
 * would then simply start afresh with the sample. This marker lets it notice and say so.
 */
export interface KnowledgeBaseMarker {
  /** A random id stored in the database itself; a new database has a new one. */
  readonly installId: string
  readonly recordCount: number
  /** When the app last saw the knowledge base (ISO timestamp). */
  readonly seenAt: string
}

/** A knowledge base that held records was replaced by an empty one. */
export interface SilentReset {
  readonly lostRecordCount: number
  readonly lastSeenAt: string
}

export const MARKER_STORAGE_KEY = 'precedent:knowledge-base-marker'
const INSTALL_ID_KEY = 'install:id'

export type MarkerStorage = Pick<Storage, 'getItem' | 'setItem'>

function readMarker(storage: MarkerStorage): KnowledgeBaseMarker | undefined {
  try {
    const value: unknown = JSON.parse(storage.getItem(MARKER_STORAGE_KEY) ?? 'null')
    if (typeof value !== 'object' || value === null) return undefined
    const { installId, recordCount, seenAt } = value as Record<string, unknown>
    if (typeof installId !== 'string' || typeof recordCount !== 'number' || typeof seenAt !== 'string') return undefined
    return { installId, recordCount, seenAt }
  } catch {
    return undefined
  }
}

/**
 * Run before anything is seeded: gives the database its install id if it has none, and reports a
 * silent reset when the remembered knowledge base (a different install id) held records.
 */
export async function checkForSilentReset(
  db: PrecedentDatabase,
  storage: MarkerStorage | undefined,
  newId: () => string = () => crypto.randomUUID()
): Promise<{ readonly installId: string; readonly reset?: SilentReset }> {
  const stored = (await db.meta.get(INSTALL_ID_KEY))?.value
  const installId = typeof stored === 'string' ? stored : newId()
  if (typeof stored !== 'string') await db.meta.put({ key: INSTALL_ID_KEY, value: installId })
  const marker = storage === undefined ? undefined : readMarker(storage)
  if (marker !== undefined && marker.installId !== installId && marker.recordCount > 0) {
    return { installId, reset: { lostRecordCount: marker.recordCount, lastSeenAt: marker.seenAt } }
  }
  return { installId }
}

/** Remembers how many records the knowledge base holds now, for the next start-up's check. */
export async function rememberKnowledgeBase(db: PrecedentDatabase, storage: MarkerStorage | undefined, installId: string, now: string): Promise<void> {
  if (storage === undefined) return
  const counts = await Promise.all(RECORD_TABLE_NAMES.map((name) => db[name].count()))
  const marker: KnowledgeBaseMarker = { installId, recordCount: counts.reduce((sum, count) => sum + count, 0), seenAt: now }
  try {
    storage.setItem(MARKER_STORAGE_KEY, JSON.stringify(marker))
  } catch {
    // A full or disabled localStorage only costs the warning next time; it must not stop start-up.
  }
}
