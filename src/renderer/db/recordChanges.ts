import { diffRecords, type FieldChange, type RecordRevision, type RevisionAction } from '@shared/domain/recordHistory'
import type { RevisionNote } from '@shared/domain/revisionNotes'
import { typedRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import type { PrecedentDatabase } from './precedentDatabase'
import { appendRevisions, assertInHistoryTransaction } from './revisionLog'
import { RecordNotFoundError, RevisionConflictError } from './storageErrors'
import { fromRow, toRow, type StoredRow } from './storedRow'

/**
 * One record changed by a write: as it was (`undefined`: it did not exist) and as it is to be
 * (`undefined`: it no longer exists), with the revision bookkeeping already set on `after`.
 */
export interface RecordChange {
  readonly action: RevisionAction
  readonly before: TypedRecord | undefined
  readonly after: TypedRecord | undefined
  /** Precedent's own note (stored in English and as a message), or a note as written elsewhere (a change pulled from the team). */
  readonly note?: RevisionNote | string | undefined
  /**
   * Worked out ahead, outside the transaction, by a bulk write (an import prepares its next chunk
   * while the one before is written): the row of `after` and what changed. Must equal what
   * `toRow` and `diffRecords` give.
   */
  readonly prepared?: { readonly row?: StoredRow<RecordType> | undefined; readonly changes?: readonly FieldChange[] | undefined } | undefined
  /**
   * The change came from the team's server (a pulled change, or the server's version taken after a
   * push): its revision is marked `origin: 'team'` (never pushed back) and carries the server's
   * revision id (absent: a new one), author, time (`teamAt`) and sequence number (`teamSeq`).
   */
  readonly fromTeam?:
    { readonly revisionId?: string | undefined; readonly author: string; readonly at?: string | undefined; readonly seq?: number | undefined } | undefined
}

/** Who changed the records and when: the same for every change of one write. */
export interface ChangeAuthorship {
  /** When the write was made (ISO timestamp). */
  readonly at: string
  /** Who made it, as set in the preferences; '' when no name was set. */
  readonly author?: string | undefined
  /** A new id for each history entry; defaults to `crypto.randomUUID`. */
  readonly newRevisionId?: (() => string) | undefined
}

/** A record at a new revision, changed at `at`: the bookkeeping every change sets. */
export function bumped(typed: TypedRecord, revision: number, at: string): TypedRecord {
  return { type: typed.type, record: { ...typed.record, revision, updatedAt: at } } as TypedRecord
}

/** The row of a record of any type (the union cannot be narrowed by TypeScript; `toRow` is typed per type). */
export function rowOf(typed: TypedRecord): StoredRow<RecordType> {
  return toRow(typed.type, typed.record as never)
}

const randomRevisionId = (): string => crypto.randomUUID()

/** The history entry of one change: what changed field by field, and the record as it now is. */
export function revisionOf(change: RecordChange, authorship: ChangeAuthorship): RecordRevision {
  const subject = (change.after ?? change.before) as TypedRecord
  const team = change.fromTeam
  return {
    id: team?.revisionId ?? (authorship.newRevisionId ?? randomRevisionId)(),
    recordType: subject.type,
    recordId: subject.record.id,
    // The revision after the change, or for a removal the revision removed.
    revision: subject.record.revision,
    // When it was written here, even for a change from the team: the change feed follows `at`.
    at: authorship.at,
    author: team?.author ?? authorship.author ?? '',
    action: change.action,
    changes: change.prepared?.changes ?? diffRecords(change.before?.record, change.after?.record),
    ...(change.after === undefined ? {} : { snapshot: change.after.record }),
    ...(change.note === undefined
      ? {}
      : typeof change.note === 'string'
        ? { note: change.note }
        : { note: change.note.text, noteMessage: change.note.message }),
    ...(team === undefined
      ? {}
      : { origin: 'team' as const, ...(team.at === undefined ? {} : { teamAt: team.at }), ...(team.seq === undefined ? {} : { teamSeq: team.seq }) })
  }
}

/**
 * The one place a record's row and its history entry are written: every saved form, several
 * records saved together, a delete and the links it mends, a restored version, an undo, a merge
 * and its undo. Each change's row is put (or removed) and its revision added, in bulk per table,
 * inside the caller's read-write transaction, so the records and their history commit or fail
 * together.
 *
 * @throws Error when called outside a read-write transaction over the record tables and `revisions`
 */
export async function writeRecordChanges(db: PrecedentDatabase, changes: readonly RecordChange[], authorship: ChangeAuthorship): Promise<RecordRevision[]> {
  // Checked before any row is written: outside the change's transaction the rows would commit on their own.
  assertInHistoryTransaction('writeRecordChanges')
  const puts = new Map<RecordType, StoredRow<RecordType>[]>()
  const removals = new Map<RecordType, string[]>()
  // Pushed, not spread: an import chunk writes thousands of records, and copying the list per record is quadratic.
  const listOf = <T>(lists: Map<RecordType, T[]>, type: RecordType): T[] => lists.get(type) ?? (lists.set(type, []).get(type) as T[])
  for (const change of changes) {
    if (change.after !== undefined) listOf(puts, change.after.type).push(change.prepared?.row ?? rowOf(change.after))
    else if (change.before !== undefined) listOf(removals, change.before.type).push(change.before.record.id)
  }
  for (const [type, rows] of puts) await db.recordTable(type).bulkPut(rows)
  for (const [type, ids] of removals) await db.recordTable(type).bulkDelete(ids)
  const revisions = changes.filter((change) => change.after !== undefined || change.before !== undefined).map((change) => revisionOf(change, authorship))
  await appendRevisions(db, revisions)
  return revisions
}

/**
 * A record as stored, before a write changes it, checked against the revision the person started
 * from: an update of a record changed since is refused, so is an update of one that is gone.
 * `expectedRevision` left out means "create": a record already stored under the id is a conflict.
 * Runs inside the caller's transaction.
 *
 * @throws RevisionConflictError the stored record is not at `expectedRevision`
 * @throws RecordNotFoundError an update of a record that no longer exists
 */
export async function readForChange<T extends RecordType>(
  db: PrecedentDatabase,
  type: T,
  id: string,
  expectedRevision: number | undefined
): Promise<TypedRecord | undefined> {
  const row = await db.recordTable(type).get(id)
  if (row !== undefined && expectedRevision !== row.revision) throw new RevisionConflictError(fromRow(row), expectedRevision)
  if (row === undefined && expectedRevision !== undefined) throw new RecordNotFoundError(id)
  return row === undefined ? undefined : typedRecord(type, fromRow(row))
}
