import type { z } from '@shared/lib/zod'
import { formatIssuePath } from '@shared/domain/bundle'
import { recordBefore, type RecordRevision, type RevisionAction } from '@shared/domain/recordHistory'
import { REVISION_NOTES } from '@shared/domain/revisionNotes'
import { RECORD_TYPES, typedRecord, type AnyRecord, type RecordOfType, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { validationProblem } from '@shared/domain/validationProblem'
import { message, type Message } from '@shared/locale/message'
import { requiredLinksTo, withoutReferencesTo } from '@shared/domain/unlinkRecord'
import { assertLinksExist } from './linkCheck'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { RECORD_SCHEMAS, type RecordSchemaOf } from '@shared/domain/recordSchemas'
import { DeleteBlockedError, RecordNotFoundError, RecordValidationError, RevisionConflictError, toStorageError, type RecordProblem } from './storageErrors'
import { bumped, readForChange, writeRecordChanges, type RecordChange } from './recordChanges'
import { lastRecordedRevision, listRevisions, revisionTable } from './revisionLog'
import { fromRow } from './storedRow'

/**
 * What a form hands in to save: the record as the schema accepts it (defaults may be left out),
 * without bookkeeping, which the writer sets. No `id` means "create".
 */
export type RecordInput<T extends RecordType> = Omit<z.input<RecordSchemaOf[T]>, 'id' | 'createdAt' | 'updatedAt' | 'revision'> & {
  readonly id?: string
}

/** What every write needs to record its history. */
export interface HistoryOptions {
  /** The current time as an ISO timestamp. */
  readonly now: () => string
  /** Who is making the change, as set in the preferences; '' (the default) when no name was set. */
  readonly author?: string
  /** A new id for each history entry; defaults to `crypto.randomUUID`. */
  readonly newRevisionId?: () => string
}

export interface SaveRecordOptions extends HistoryOptions {
  /** The revision the edit started from; leave out only when creating. */
  readonly expectedRevision?: number
  /** A new id for a record created without one (e.g. `crypto.randomUUID`). */
  readonly newId: () => string
}

export interface DeleteImpact {
  /** Records whose required link to the record stops the delete. */
  readonly blocking: TypedRecord[]
  /** Records (as they are now) that will lose their links to the record. */
  readonly mended: TypedRecord[]
}

function problemsOf(error: z.ZodError): RecordProblem[] {
  return error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message, problem: validationProblem(issue) }))
}

function recordTables(db: PrecedentDatabase) {
  return RECORD_TABLE_NAMES.map((name) => db[name])
}

/** The record tables and the history (with `meta`, where the log is marked written): a change and its revision always commit together. */
function writeTables(db: PrecedentDatabase) {
  return [...recordTables(db), revisionTable(db), db.meta]
}

/**
 * Validates and stores a record, creating it (no `id`, or an id not yet used, with no
 * `expectedRevision`) or updating it (the stored revision must equal `expectedRevision`).
 * Resolves with the stored record only after the transaction has committed.
 *
 * @throws RecordValidationError every schema problem, or links to records that do not exist
 * @throws RevisionConflictError the stored record is not the revision the edit started from
 * @throws RecordNotFoundError an update of a record that no longer exists
 * @throws StorageWriteError the browser aborted the write (e.g. the disk is full); nothing was saved
 */
export async function saveRecord<T extends RecordType>(
  db: PrecedentDatabase,
  type: T,
  input: RecordInput<T>,
  options: SaveRecordOptions
): Promise<RecordOfType[T]> {
  // Validate before the transaction: inside it, awaiting anything but IndexedDB would commit it early.
  const timestamp = options.now()
  const parsed = RECORD_SCHEMAS[type].safeParse({
    ...input,
    id: input.id ?? options.newId(),
    createdAt: timestamp,
    updatedAt: timestamp,
    revision: 1
  })
  if (!parsed.success) throw new RecordValidationError(problemsOf(parsed.error))
  const candidate = parsed.data as RecordOfType[T]
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const stored = await readForChange(db, type, candidate.id, options.expectedRevision)
      await assertLinksExist(db, [typedRecord(type, candidate)])
      const record: RecordOfType[T] =
        stored === undefined
          ? { ...candidate, revision: (await lastRecordedRevision(db, candidate.id)) + 1 }
          : { ...candidate, createdAt: stored.record.createdAt, revision: stored.record.revision + 1 }
      await writeRecordChanges(db, [{ action: stored === undefined ? 'create' : 'update', before: stored, after: typedRecord(type, record) }], {
        ...options,
        at: timestamp
      })
      return record
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/** Every record that links to `id`, read inside the caller's transaction. */
export async function readLinksTo(db: PrecedentDatabase, id: string): Promise<TypedRecord[]> {
  const perType = await Promise.all(
    RECORD_TYPES.map(async (type) => {
      const rows = await db.recordTable(type).where('refs').equals(id).toArray()
      return rows.map((row) => typedRecord(type, fromRow(row)))
    })
  )
  return perType.flat()
}

async function readDeleteImpact(db: PrecedentDatabase, id: string): Promise<DeleteImpact> {
  const referrers = (await readLinksTo(db, id)).filter((typed) => typed.record.id !== id)
  return {
    blocking: referrers.filter((typed) => requiredLinksTo(typed, id).length > 0),
    mended: referrers.filter((typed) => requiredLinksTo(typed, id).length === 0)
  }
}

/**
 * Runs `read` in one read-only transaction over every record table, so what it reads in several
 * steps (an export's records, then what they link to) is one state of the knowledge base even
 * while another window writes. `read` may await only reads of this database.
 */
export function readAsOneSnapshot<T>(db: PrecedentDatabase, read: () => Promise<T>): Promise<T> {
  return db.transaction('r', recordTables(db), read)
}

/** Every record, of any type, that links to `id` ("what links here"). */
export function findLinksTo(db: PrecedentDatabase, id: string): Promise<TypedRecord[]> {
  return db.transaction('r', recordTables(db), () => readLinksTo(db, id))
}

/**
 * At most `limitPerType` records of each type that link to `id` (the first by id), and how many
 * link to it in all: for views that show some of a hub's neighbours (the relationship graph),
 * which must not read the ten thousand responses that name a regulator.
 */
export function findSomeLinksTo(db: PrecedentDatabase, id: string, limitPerType: number): Promise<{ records: TypedRecord[]; total: number }> {
  return db.transaction('r', recordTables(db), async () => {
    const perType = await Promise.all(
      RECORD_TYPES.map(async (type) => {
        const [rows, count] = await Promise.all([
          db.recordTable(type).where('refs').equals(id).limit(limitPerType).toArray(),
          db.recordTable(type).where('refs').equals(id).count()
        ])
        return { records: rows.map((row) => typedRecord(type, fromRow(row))), count }
      })
    )
    return { records: perType.flatMap((some) => some.records), total: perType.reduce((sum, some) => sum + some.count, 0) }
  })
}

/** What deleting `id` would do, for the confirmation dialog: what blocks it and which links it removes. */
export async function findDeleteImpact(db: PrecedentDatabase, _type: RecordType, id: string): Promise<DeleteImpact> {
  return db.transaction('r', recordTables(db), () => readDeleteImpact(db, id))
}

/**
 * Deletes a record and, in the same transaction, removes every link to it from the records that
 * link to it (each gets a new revision). Refuses, changing nothing, when a record needs the link.
 *
 * @returns the mended records as stored
 * @throws RecordNotFoundError the record does not exist
 * @throws DeleteBlockedError records hold a required link to it (a response's actor, a law's jurisdiction)
 * @throws StorageWriteError the browser aborted the write; nothing was deleted
 */
export async function deleteRecord(db: PrecedentDatabase, type: RecordType, id: string, options: HistoryOptions): Promise<{ mended: TypedRecord[] }> {
  const timestamp = options.now()
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const stored = await db.recordTable(type).get(id)
      if (stored === undefined) throw new RecordNotFoundError(id)
      return await removeRecord(db, typedRecord(type, fromRow(stored)), 'delete', timestamp, options)
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

/**
 * Removes a record and every removable link to it, recording the removal as `action` and each
 * mended record as an update. Runs inside the caller's transaction.
 */
async function removeRecord(
  db: PrecedentDatabase,
  removed: TypedRecord,
  action: RevisionAction,
  timestamp: string,
  options: HistoryOptions
): Promise<{ mended: TypedRecord[] }> {
  const id = removed.record.id
  const impact = await readDeleteImpact(db, id)
  if (impact.blocking.length > 0) throw new DeleteBlockedError(id, impact.blocking)
  const mended = impact.mended.map((typed) => {
    const unlinked = withoutReferencesTo(typed, id)
    return bumped(unlinked, unlinked.record.revision + 1, timestamp)
  })
  await writeRecordChanges(
    db,
    [
      ...impact.mended.map((typed, index): RecordChange => ({
        action: 'update',
        before: typed,
        after: mended[index],
        note: REVISION_NOTES.linkRemoved(removed.type, id)
      })),
      { action, before: removed, after: undefined }
    ],
    { ...options, at: timestamp }
  )
  return { mended }
}

/**
 * The change asked to be undone cannot be: the record has no history yet (shipped sample data
 * never edited), or its last change was a merge, which is undone as a whole from the merge itself.
 */
export class UndoNotPossibleError extends Error {
  override readonly name = 'UndoNotPossibleError'
  constructor(
    message: string,
    /** The same, as a message the page puts into its language. */
    readonly reason: Message
  ) {
    super(message)
  }
}

/** The version asked for is not in the record's history, or is a deletion (there is nothing to restore). */
export class RevisionNotFoundError extends Error {
  override readonly name = 'RevisionNotFoundError'
  readonly reason: Message
  constructor(
    readonly revisionId: string,
    readonly isDeletion = false
  ) {
    super(isDeletion ? 'The record did not exist in that version; choose a version in which it did' : `No version "${revisionId}" of this record exists`)
    this.reason = isDeletion ? message('problems.storage.versionDeleted') : message('problems.storage.noSuchVersion', { id: revisionId })
  }
}

export interface RestoreOptions extends HistoryOptions {
  /** The revision the person was looking at; leave out only to recreate a deleted record. */
  readonly expectedRevision?: number
  /**
   * Restore the version that stood just before the given revision instead of the one it made.
   * This reaches a version older than the history: shipped sample data as first loaded.
   */
  readonly isVersionBefore?: boolean
}

/**
 * Validates a record rebuilt from history (it may predate today's schema) and checks its links,
 * inside the caller's transaction.
 *
 * NOTE: a link to a record that has since been deleted refuses the restore, naming the field
 * (`organisations[0].organisationId`), rather than dropping it quietly: the person decides.
 */
async function validRecordFromHistory<T extends RecordType>(
  db: PrecedentDatabase,
  type: T,
  fields: object,
  bookkeeping: { readonly createdAt: string; readonly updatedAt: string; readonly revision: number }
): Promise<RecordOfType[T]> {
  const parsed = RECORD_SCHEMAS[type].safeParse({ ...fields, ...bookkeeping })
  if (!parsed.success) throw new RecordValidationError(problemsOf(parsed.error))
  const record = parsed.data as RecordOfType[T]
  await assertLinksExist(db, [typedRecord(type, record)])
  return record
}

/**
 * Makes an earlier version of a record its current version again, as a new revision (action
 * `restore`); a deleted record is recreated. Nothing before it is lost: the restore is one more
 * entry in the history.
 *
 * @returns the record as stored
 * @throws RevisionNotFoundError the version is not in this record's history, or is a deletion
 * @throws RevisionConflictError the record changed since the person looked at it
 * @throws RecordNotFoundError the record was deleted since the person looked at it
 * @throws RecordValidationError the old version links to a record that no longer exists, or no
 *   longer passes the schema; each problem names its field
 * @throws StorageWriteError the browser aborted the write; nothing was restored
 */
export async function restoreRevision<T extends RecordType>(
  db: PrecedentDatabase,
  type: T,
  recordId: string,
  revisionId: string,
  options: RestoreOptions
): Promise<RecordOfType[T]> {
  const timestamp = options.now()
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const version = await revisionTable(db).get(revisionId)
      if (version === undefined || version.recordId !== recordId || version.recordType !== type) {
        throw new RevisionNotFoundError(revisionId)
      }
      const wanted = options.isVersionBefore === true ? recordBefore(version) : version.snapshot
      if (wanted === undefined) {
        throw new RevisionNotFoundError(revisionId, true)
      }
      const wantedRevision = options.isVersionBefore === true ? wanted.revision : version.revision
      const before = await readForChange(db, type, recordId, options.expectedRevision)
      const record = await validRecordFromHistory(db, type, wanted, {
        createdAt: before?.record.createdAt ?? createdAtOf(wanted) ?? timestamp,
        updatedAt: timestamp,
        revision: (before?.record.revision ?? (await lastRecordedRevision(db, recordId))) + 1
      })
      await writeRecordChanges(db, [{ action: 'restore', before, after: typedRecord(type, record), note: REVISION_NOTES.restoredVersion(wantedRevision) }], {
        ...options,
        at: timestamp
      })
      return record
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

export interface UndoOptions extends HistoryOptions {
  /**
   * The history entry the person saw as the last change. If another window has changed the
   * record since, the undo is refused rather than undoing a change they never saw.
   */
  readonly expectedRevisionId?: string
}

/** What an undo did: which change it reverted and the record as it now stands (`undefined` if removed). */
export interface UndoResult {
  readonly undone: RecordRevision
  readonly record: AnyRecord | undefined
  /** Records that lost their links to the record, when undoing its creation removed it. */
  readonly mended: TypedRecord[]
}

/**
 * Reverts a record's newest change, as a new history entry (action `undo`): undoing a create
 * deletes the record (mending links to it, as a delete does), undoing a delete recreates it, and
 * undoing any other change puts back the fields as they were before it. Undoing twice redoes.
 *
 * @throws UndoNotPossibleError the record has no history, or its last change was a merge
 * @throws RevisionConflictError the record changed since its newest history entry, or since the one the person saw
 * @throws DeleteBlockedError undoing a create would break a required link to the record
 * @throws RecordValidationError the earlier version links to a record that no longer exists
 * @throws StorageWriteError the browser aborted the write; nothing changed
 */
export async function undoLastChange(db: PrecedentDatabase, recordId: string, options: UndoOptions): Promise<UndoResult> {
  const timestamp = options.now()
  try {
    return await db.transaction('rw', writeTables(db), async () => {
      const [newest] = await listRevisions(db, recordId)
      if (newest === undefined) throw new UndoNotPossibleError('This record has no recorded changes to undo', message('problems.storage.nothingToUndo'))
      if (newest.action === 'merge' || newest.action === 'unmerge') {
        throw new UndoNotPossibleError('The last change was a merge; undo it from the merge itself', message('problems.storage.undoMerge'))
      }
      const type = newest.recordType
      const stored = await db.recordTable(type).get(recordId)
      const current = stored === undefined ? undefined : fromRow(stored)
      const isAsRecorded = newest.snapshot === undefined ? current === undefined : current?.revision === newest.revision
      const isAsSeen = options.expectedRevisionId === undefined || options.expectedRevisionId === newest.id
      if (!isAsRecorded || !isAsSeen) {
        // Changed since (in another window, or by a write that kept no history): never undo blind.
        if (current !== undefined) throw new RevisionConflictError(current, newest.revision)
        throw new RecordNotFoundError(recordId)
      }
      const earlier = recordBefore(newest)
      if (earlier === undefined) {
        if (current === undefined) throw new RecordNotFoundError(recordId)
        const { mended } = await removeRecord(db, typedRecord(type, current), 'undo', timestamp, options)
        return { undone: newest, record: undefined, mended }
      }
      const record = await validRecordFromHistory(db, type, earlier, {
        createdAt: current?.createdAt ?? createdAtOf(earlier) ?? timestamp,
        updatedAt: timestamp,
        revision: newest.revision + 1
      })
      await writeRecordChanges(
        db,
        [
          {
            action: 'undo',
            before: current === undefined ? undefined : typedRecord(type, current),
            after: typedRecord(type, record),
            note: REVISION_NOTES.undid(newest.action, newest.revision)
          }
        ],
        { ...options, at: timestamp }
      )
      return { undone: newest, record, mended: [] }
    })
  } catch (error) {
    throw toStorageError(error)
  }
}

function createdAtOf(fields: object): string | undefined {
  const createdAt: unknown = (fields as { createdAt?: unknown }).createdAt
  return typeof createdAt === 'string' ? createdAt : undefined
}
