import Dexie, { type Table } from 'dexie'
import { formatIssuePath } from '@shared/domain/bundle'
import { mergeIncidents, mergeOrganisations, redirectReferences } from '@shared/domain/mergeRecords'
import { compareRevisions, type RecordRevision } from '@shared/domain/recordHistory'
import { REVISION_NOTES } from '@shared/domain/revisionNotes'
import { RECORD_TYPE_LABELS, recordTitle, typedRecord, type AnyRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import { readLinksTo, type HistoryOptions } from './recordWriter'
import { bumped, writeRecordChanges, type RecordChange } from './recordChanges'
import { listRevisions, revisionTable } from './revisionLog'
import { RecordNotFoundError, RecordValidationError, RevisionConflictError, toStorageError } from './storageErrors'
import { fromRow } from './storedRow'

/** The record types that can be merged: the ones duplicates are looked for in. */
export type MergeableType = 'organisation' | 'incident'

/** A record's identity and revision, as it stood after a merge. */
export interface MergedRecordState {
  readonly type: RecordType
  readonly id: string
  readonly revision: number
}

/**
 * One merge, kept so it can be listed and undone: every record it touched as it was before (whole,
 * as stored) and the revision each was left at. A merge is undone only while those revisions stand.
 */
export interface MergeEntry {
  readonly id: string
  readonly at: string
  readonly author: string
  readonly type: MergeableType
  readonly survivorId: string
  readonly duplicateId: string
  /** Names at the time of the merge, so the list of merges reads well after either record changes. */
  readonly survivorTitle: string
  readonly duplicateTitle: string
  readonly before: readonly TypedRecord[]
  readonly after: readonly MergedRecordState[]
  readonly undoneAt?: string
  readonly undoneBy?: string
}

/** An old id that now leads to the record it was merged into. */
export interface RedirectRow {
  readonly fromId: string
  readonly toId: string
  readonly mergeId: string
}

export interface MergeOptions extends HistoryOptions {
  /** The id of the merge entry (e.g. `crypto.randomUUID`). */
  readonly newId: () => string
  /**
   * The revisions the person was shown, by id (survivor and duplicate). If either record has
   * changed since, the merge is refused with `RevisionConflictError` rather than merging what they did not see.
   */
  readonly expectedRevisions?: Readonly<Record<string, number>>
}

/** Undoing the merge would overwrite later changes: `changed` are the records edited, merged or deleted since. */
export class MergeUndoBlockedError extends Error {
  override readonly name = 'MergeUndoBlockedError'
  constructor(
    readonly mergeId: string,
    readonly changed: readonly { readonly type: RecordType; readonly id: string; readonly title: string }[]
  ) {
    super(
      `The merge cannot be undone because ${changed.length === 1 ? 'this record has' : 'these records have'} changed since: ` +
        changed.map((record) => `${RECORD_TYPE_LABELS[record.type].singular.toLowerCase()} "${record.title}"`).join(', ') +
        '. Nothing was changed.'
    )
  }
}

/** The merge asked for does not exist, or was already undone. */
export class MergeNotFoundError extends Error {
  override readonly name = 'MergeNotFoundError'
  constructor(readonly mergeId: string) {
    super(`No merge "${mergeId}" can be undone; it may have been undone already`)
  }
}

/** The table of merges (migration 002: `id, at`). */
export function mergeTable(db: PrecedentDatabase): Table<MergeEntry, string> {
  return db.table('merges')
}

/** The table of redirects (migration 002: `fromId, toId`). */
export function redirectTable(db: PrecedentDatabase): Table<RedirectRow, string> {
  return db.table('redirects')
}

function writeTables(db: PrecedentDatabase) {
  return [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db), redirectTable(db), mergeTable(db), db.meta]
}

async function readRecord(db: PrecedentDatabase, type: RecordType, id: string): Promise<TypedRecord | undefined> {
  const row = await db.recordTable(type).get(id)
  return row === undefined ? undefined : typedRecord(type, fromRow(row))
}

/** The record as its schema stores it; a merge that would break a rule (e.g. over 100 aliases) is refused. */
function validated(typed: TypedRecord): TypedRecord {
  const parsed = RECORD_SCHEMAS[typed.type].safeParse(typed.record)
  if (!parsed.success) {
    throw new RecordValidationError(
      parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: `${recordTitle(typed)}: ${issue.message}` }))
    )
  }
  return typedRecord(typed.type, parsed.data as AnyRecord)
}

function merged(type: MergeableType, survivor: TypedRecord, duplicate: TypedRecord): TypedRecord {
  if (type === 'organisation' && survivor.type === 'organisation' && duplicate.type === 'organisation') {
    return { type, record: mergeOrganisations(survivor.record, duplicate.record) }
  }
  if (type === 'incident' && survivor.type === 'incident' && duplicate.type === 'incident') {
    return { type, record: mergeIncidents(survivor.record, duplicate.record) }
  }
  throw new Error(`Cannot merge a ${survivor.type} with a ${duplicate.type} as ${type}s`)
}

/**
 * Merges `duplicateId` into `survivorId`, all in one read-write transaction: the survivor takes
 * the duplicate's names, links and citations (`mergeOrganisations`, `mergeIncidents`) and counts
 * its revision up; every record linking to the duplicate is re-pointed at the survivor
 * (`redirectReferences`); the duplicate is deleted; a redirect keeps its old id leading to the
 * survivor; the merge is stored with every touched record as it was, so it can be undone; and each
 * touched record's history gains a 'merge' entry. The duplicate's own history stays under its id
 * (see `listRevisionsWithMerged`). Resolves only after the transaction has committed.
 *
 * @throws RecordNotFoundError either record does not exist (it may have been merged or deleted already)
 * @throws RevisionConflictError either record changed since the revision in `expectedRevisions`
 * @throws RecordValidationError the merged survivor would break a rule of its schema; nothing was written
 * @throws StorageWriteError the browser aborted the transaction; nothing was written
 */
export async function mergeRecords(
  db: PrecedentDatabase,
  type: MergeableType,
  survivorId: string,
  duplicateId: string,
  options: MergeOptions
): Promise<MergeEntry> {
  if (survivorId === duplicateId) throw new Error('A record cannot be merged into itself')
  const at = options.now()
  const mergeId = options.newId()
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const survivor = await readRecord(db, type, survivorId)
      if (survivor === undefined) throw new RecordNotFoundError(survivorId)
      const duplicate = await readRecord(db, type, duplicateId)
      if (duplicate === undefined) throw new RecordNotFoundError(duplicateId)
      for (const current of [survivor, duplicate]) {
        const expected = options.expectedRevisions?.[current.record.id]
        if (expected !== undefined && expected !== current.record.revision) throw new RevisionConflictError(current.record, expected)
      }

      const combined = validated(redirectReferences(merged(type, survivor, duplicate), duplicateId, survivorId))
      const referrers = (await readLinksTo(db, duplicateId)).filter((typed) => typed.record.id !== survivorId && typed.record.id !== duplicateId)
      const changes: RecordChange[] = [
        {
          action: 'merge',
          before: survivor,
          after: bumped(combined, survivor.record.revision + 1, at),
          note: REVISION_NOTES.mergedHere(type, recordTitle(duplicate), duplicateId)
        },
        ...referrers.map((referrer): RecordChange => ({
          action: 'merge',
          before: referrer,
          after: bumped(validated(redirectReferences(referrer, duplicateId, survivorId)), referrer.record.revision + 1, at),
          note: REVISION_NOTES.linksMoved(recordTitle(duplicate), recordTitle(survivor))
        })),
        {
          action: 'merge',
          before: duplicate,
          after: undefined,
          note: REVISION_NOTES.mergedInto(recordTitle(survivor), survivorId)
        }
      ]
      await writeRecordChanges(db, changes, { ...options, at })

      const entry: MergeEntry = {
        id: mergeId,
        at,
        author: options.author ?? '',
        type,
        survivorId,
        duplicateId,
        survivorTitle: recordTitle(survivor),
        duplicateTitle: recordTitle(duplicate),
        before: [survivor, ...referrers, duplicate],
        after: changes.flatMap((change) =>
          change.after === undefined ? [] : [{ type: change.after.type, id: change.after.record.id, revision: change.after.record.revision }]
        )
      }
      await redirectTable(db).put({ fromId: duplicateId, toId: survivorId, mergeId })
      await mergeTable(db).add(entry)
      return entry
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

async function highestRecordedRevision(db: PrecedentDatabase, recordId: string): Promise<number> {
  const newest = await revisionTable(db).where('[recordId+revision]').between([recordId, Dexie.minKey], [recordId, Dexie.maxKey]).last()
  return newest?.revision ?? 0
}

/**
 * Undoes a merge in one read-write transaction: every record it touched gets back exactly the
 * content it had before (the duplicate is recreated under its old id), the redirect is removed,
 * the merge is marked undone and each record's history gains an 'unmerge' entry. Revisions keep
 * counting up rather than going back, so history stays in order and a window still showing the
 * merged version gets a conflict, never a silent overwrite.
 *
 * @throws MergeNotFoundError no such merge, or it was undone already
 * @throws MergeUndoBlockedError a touched record was edited, merged or deleted since (named in the error); nothing changed
 * @throws StorageWriteError the browser aborted the transaction; nothing was written
 */
export async function undoMerge(db: PrecedentDatabase, mergeId: string, options: HistoryOptions): Promise<MergeEntry> {
  const at = options.now()
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const entry = await mergeTable(db).get(mergeId)
      if (entry === undefined || entry.undoneAt !== undefined) throw new MergeNotFoundError(mergeId)

      const changed: { type: RecordType; id: string; title: string }[] = []
      const current = new Map<string, TypedRecord>()
      for (const state of entry.after) {
        const stored = await readRecord(db, state.type, state.id)
        if (stored === undefined || stored.record.revision !== state.revision) {
          const before = entry.before.find((typed) => typed.record.id === state.id)
          changed.push({ type: state.type, id: state.id, title: stored ? recordTitle(stored) : before ? recordTitle(before) : state.id })
        } else {
          current.set(state.id, stored)
        }
      }
      const duplicateBefore = entry.before.find((typed) => typed.record.id === entry.duplicateId)
      if (duplicateBefore !== undefined && (await readRecord(db, duplicateBefore.type, entry.duplicateId)) !== undefined) {
        changed.push({ type: duplicateBefore.type, id: entry.duplicateId, title: recordTitle(duplicateBefore) })
      }
      if (changed.length > 0) throw new MergeUndoBlockedError(mergeId, changed)

      const survivorTitle = entry.survivorTitle
      const restored: RecordChange[] = []
      for (const before of entry.before) {
        const now = current.get(before.record.id)
        const revision = now !== undefined ? now.record.revision + 1 : (await highestRecordedRevision(db, before.record.id)) + 1
        restored.push({
          action: 'unmerge',
          before: now,
          after: bumped(before, revision, at),
          note:
            before.record.id === entry.duplicateId
              ? REVISION_NOTES.unmergedThis(survivorTitle)
              : REVISION_NOTES.mergeUndone(entry.duplicateTitle, survivorTitle)
        })
      }
      await writeRecordChanges(db, restored, { ...options, at })
      await redirectTable(db).delete(entry.duplicateId)
      const undone: MergeEntry = { ...entry, undoneAt: at, undoneBy: options.author ?? '' }
      await mergeTable(db).put(undone)
      return undone
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * The id a record is now found under: `id` itself, or, if it was merged away, the record it was
 * merged into (following merges of merges). A cycle, which only damaged data could hold, stops
 * at the last id before it repeats.
 */
export async function resolveRedirect(db: PrecedentDatabase, id: string): Promise<string> {
  const visited = new Set<string>([id])
  let current = id
  for (;;) {
    const redirect = await redirectTable(db).get(current)
    if (redirect === undefined || visited.has(redirect.toId)) return current
    visited.add(redirect.toId)
    current = redirect.toId
  }
}

/** The merge that took `id` away, while it stands (undoing it removes the redirect). */
export async function findMergeOf(db: PrecedentDatabase, id: string): Promise<MergeEntry | undefined> {
  const redirect = await redirectTable(db).get(id)
  return redirect === undefined ? undefined : mergeTable(db).get(redirect.mergeId)
}

/** Every id merged into `id`, directly or through earlier merges (the old ids that now lead to it). */
export async function findIdsMergedInto(db: PrecedentDatabase, id: string): Promise<string[]> {
  const found: string[] = []
  const visited = new Set<string>([id])
  let frontier = [id]
  while (frontier.length > 0) {
    const rows = await redirectTable(db).where('toId').anyOf(frontier).toArray()
    frontier = rows.map((row) => row.fromId).filter((fromId) => !visited.has(fromId))
    for (const fromId of frontier) visited.add(fromId)
    found.push(...frontier)
  }
  return found
}

/**
 * A record's history together with the histories of the records merged into it, newest first by
 * time (each record's own entries stay in revision order), so a survivor's history shows what its
 * duplicates went through before the merge.
 */
export async function listRevisionsWithMerged(db: PrecedentDatabase, id: string): Promise<RecordRevision[]> {
  return db.transaction('r', [revisionTable(db), redirectTable(db)], async () => {
    const ids = [id, ...(await findIdsMergedInto(db, id))]
    const perRecord = await Promise.all(ids.map((recordId) => listRevisions(db, recordId)))
    return perRecord.flat().sort((a, b) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.recordId === b.recordId ? -compareRevisions(a, b) : 0))
  })
}

/** The most recent merges, newest first, undone ones included (they say when they were undone). */
export function listMerges(db: PrecedentDatabase, limit = 20): Promise<MergeEntry[]> {
  return mergeTable(db).orderBy('at').reverse().limit(limit).toArray()
}

/** One merge by its id. */
export function getMerge(db: PrecedentDatabase, mergeId: string): Promise<MergeEntry | undefined> {
  return mergeTable(db).get(mergeId)
}

export const DISMISSED_PAIRS_KEY = 'duplicates.dismissedPairs'

/** The pairs a person said are not duplicates (keys from `duplicatePairKey`). */
export async function readDismissedDuplicatePairs(db: PrecedentDatabase): Promise<string[]> {
  const row = await db.meta.get(DISMISSED_PAIRS_KEY)
  return Array.isArray(row?.value) ? row.value.filter((key): key is string => typeof key === 'string') : []
}

/** Remembers that a pair is not a duplicate, so it is not flagged again. */
export async function dismissDuplicatePair(db: PrecedentDatabase, pairKey: string): Promise<void> {
  try {
    await db.transaction('rw', db.meta, async () => {
      const keys = await readDismissedDuplicatePairs(db)
      if (!keys.includes(pairKey)) await db.meta.put({ key: DISMISSED_PAIRS_KEY, value: [...keys, pairKey] })
    })
  } catch (error) {
    throw toStorageError(error)
  }
}
