import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { referencedIds } from '@shared/domain/recordReferences'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { requiredLinksTo, withoutReferencesTo } from '@shared/domain/unlinkRecord'
import { noteUnloggedWrite } from './changeFeed'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { BundleValidationError, recordProblemsOf, toStorageError } from './storageErrors'
import { toRow } from './storedRow'

/** What the `meta` table keeps about a loaded bundle. */
export interface SeedMarker {
  readonly bundleId: string
  readonly revision: number
  readonly loadedAt: string
  /** Every record id this slot has ever offered, so a record the user deleted is never offered again. */
  readonly recordIds: readonly string[]
}

export interface SeedResult {
  readonly status: 'loaded' | 'already-loaded'
  readonly added: number
  readonly skipped: number
}

export interface SeedOptions {
  /** The `meta` key that records this bundle was loaded, e.g. `sample:knowledge-base`. */
  readonly markerKey: string
  /** Ids outside the bundle that its records may link to (e.g. the jurisdictions already loaded). */
  readonly knownIds?: ReadonlySet<string>
  /** The current time, for the marker; defaults to the clock. */
  readonly now?: () => string
}

function isSeedMarker(value: unknown): value is SeedMarker {
  return typeof value === 'object' && value !== null && 'revision' in value && typeof value.revision === 'number'
}

async function isLoadedAlready(db: PrecedentDatabase, json: unknown, markerKey: string): Promise<boolean> {
  if (typeof json !== 'object' || json === null) return false
  const { id, revision } = json as { id?: unknown; revision?: unknown }
  if (typeof id !== 'string' || typeof revision !== 'number') return false
  const stored = (await db.meta.get(markerKey))?.value
  return isSeedMarker(stored) && stored.bundleId === id && stored.revision >= revision
}

/**
 * Loads a bundle of shipped records (reference jurisdictions, the sample knowledge base) once.
 * Only records whose id is absent are added, so a user's edits are never overwritten; a record the
 * user deleted is not brought back, even by a newer revision of the bundle. The records and the
 * marker are written in one transaction, so a restart mid-load loads again from scratch.
 *
 * @throws BundleValidationError the bundle is invalid; the problems name their paths; nothing was written
 * @throws StorageWriteError the browser aborted the write; nothing was written
 */
export async function seedBundle(db: PrecedentDatabase, json: unknown, options: SeedOptions): Promise<SeedResult> {
  // Start-up offers three bundles on every launch: one already loaded at this revision is not
  // validated again (a few hundred milliseconds of work on the page, racing the first search).
  if (await isLoadedAlready(db, json, options.markerKey)) return { status: 'already-loaded', added: 0, skipped: 0 }
  const parsed = parseBundle(json, options.knownIds)
  if (!parsed.ok) throw new BundleValidationError(recordProblemsOf(parsed.problems))
  const { bundle } = parsed
  const offered = bundleRecordsInOrder(bundle.records)
  const loadedAt = (options.now ?? (() => new Date().toISOString()))()
  try {
    return await db.transaction('rw', [...RECORD_TABLE_NAMES.map((name) => db[name]), db.meta], async () => {
      const stored = (await db.meta.get(options.markerKey))?.value
      const marker = isSeedMarker(stored) ? stored : undefined
      if (marker !== undefined && marker.bundleId === bundle.id && marker.revision >= bundle.revision) {
        return { status: 'already-loaded', added: 0, skipped: 0 }
      }
      const offeredBefore = new Set(marker?.recordIds ?? [])
      const candidates: TypedRecord[] = []
      for (const typed of offered) {
        const exists = (await db.recordTable(typed.type).get(typed.record.id)) !== undefined
        if (!exists && !offeredBefore.has(typed.record.id)) candidates.push(typed)
      }
      const toAdd = await withoutDanglingLinks(db, candidates)
      for (const typed of toAdd) await db.recordTable(typed.type).add(toRow(typed.type, typed.record))
      // Shipped records carry no history: the change feed's followers learn of them by this stamp.
      if (toAdd.length > 0) await noteUnloggedWrite(db, loadedAt)
      const newMarker: SeedMarker = {
        bundleId: bundle.id,
        revision: bundle.revision,
        loadedAt,
        recordIds: [...new Set([...offeredBefore, ...offered.map((typed) => typed.record.id)])]
      }
      await db.meta.put({ key: options.markerKey, value: newMarker })
      return { status: 'loaded', added: toAdd.length, skipped: offered.length - toAdd.length }
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * The candidates with links removed where their target will not exist (a record the user
 * deleted); a candidate whose required link has no target is dropped, and so on until stable.
 */
async function withoutDanglingLinks(db: PrecedentDatabase, candidates: readonly TypedRecord[]): Promise<TypedRecord[]> {
  const targets = [...new Set(candidates.flatMap((typed) => referencedIds(typed)))]
  const existing = new Set<string>()
  for (const name of RECORD_TABLE_NAMES) {
    const found = await db.table<{ readonly id: string }, string>(name).bulkGet(targets)
    found.forEach((row) => {
      if (row !== undefined) existing.add(row.id)
    })
  }
  let kept = [...candidates]
  for (;;) {
    const available = new Set([...existing, ...kept.map((typed) => typed.record.id)])
    const next = kept.flatMap((typed) => {
      let mended = typed
      for (const id of referencedIds(typed)) {
        if (available.has(id)) continue
        if (requiredLinksTo(mended, id).length > 0) return []
        mended = withoutReferencesTo(mended, id)
      }
      return [mended]
    })
    if (next.length === kept.length) return next
    kept = next
  }
}
