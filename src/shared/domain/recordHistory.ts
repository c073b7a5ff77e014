import type { AnyRecord, RecordType } from './recordTypes'
import type { Message } from '../locale/message'

/** What a change to a record was, as listed in its history. */
export const REVISION_ACTIONS = ['create', 'update', 'delete', 'restore', 'undo', 'merge', 'unmerge', 'import'] as const
export type RevisionAction = (typeof REVISION_ACTIONS)[number]

/** How each action reads in a sentence ("Restored"), for history lists. */
export const REVISION_ACTION_LABELS: Record<RevisionAction, string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  restore: 'Restored an earlier version',
  undo: 'Undid the previous change',
  merge: 'Merged',
  unmerge: 'Merge undone',
  import: 'Imported'
}

/** One top-level field of a record that a change altered. `undefined` means the field was absent. */
export interface FieldChange {
  /** The field's name, or a dotted path for a nested field (`title`, `organisations`). */
  readonly field: string
  readonly before: unknown
  readonly after: unknown
}

/**
 * One entry of a record's history: a change as it was committed, in the same transaction as the
 * change itself. `snapshot` is the whole record after the change; it is absent exactly when the
 * record did not exist after it (a delete, or undoing a create).
 */
export interface RecordRevision<R extends object = AnyRecord> {
  readonly id: string
  readonly recordType: RecordType
  readonly recordId: string
  /** The record's revision after the change; for a delete, the revision that was deleted. */
  readonly revision: number
  /** When the change was committed (ISO timestamp). */
  readonly at: string
  /** Who made it, as set in the preferences; '' when no name was set. */
  readonly author: string
  readonly action: RevisionAction
  readonly changes: readonly FieldChange[]
  readonly snapshot?: R
  /** In English, as written (by Precedent, the team, or a person's tool). */
  readonly note?: string
  /** A note Precedent wrote (`REVISION_NOTES`) as a message, for words in the reader's language; absent on notes written before, and on notes from the team. */
  readonly noteMessage?: Message
  /**
   * `team`: the change came from the team's server (pulled, or the server's version taken after a
   * push): `id` and `author` are the server's, and it is never pushed back. Absent: made here.
   */
  readonly origin?: 'team'
  /** A change from the team: when the server accepted it (`at` stays when it was applied here, which the change feed follows). */
  readonly teamAt?: string
  /** The team server's sequence number of this change, when known (pulled, or accepted from a push). */
  readonly teamSeq?: number
  /** A change made here: when the team's server acknowledged it (accepted, kept in a conflict or found unchanged); absent while it is pending. */
  readonly pushedAt?: string
}

/** Fields every record carries for bookkeeping; a change to them alone is not a change a person made. */
export const BOOKKEEPING_FIELDS: readonly string[] = ['createdAt', 'updatedAt', 'revision']

// Key order is not meaning: `{a, b}` and `{b, a}` are the same value.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

/** Whether two stored values are the same (compared as JSON, so only data counts). */
export function isSameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b)
}

/**
 * The top-level fields that differ between two versions of a record, in a stable order (the
 * order of `after`'s fields, then fields only `before` had). Either side may be `undefined`
 * (the record did not exist): then every field counts as changed. Bookkeeping fields never count.
 */
export function diffRecords(before: object | undefined, after: object | undefined): FieldChange[] {
  const beforeFields: Readonly<Record<string, unknown>> = before === undefined ? {} : { ...before }
  const afterFields: Readonly<Record<string, unknown>> = after === undefined ? {} : { ...after }
  const fields = [...new Set([...Object.keys(afterFields), ...Object.keys(beforeFields)])]
  return fields
    .filter((field) => !BOOKKEEPING_FIELDS.includes(field))
    .filter((field) => !isSameValue(beforeFields[field], afterFields[field]))
    .map((field) => ({ field, before: beforeFields[field], after: afterFields[field] }))
}

/**
 * Oldest first. Revisions count up per record, so they order the log even when clocks disagree or
 * two changes share a millisecond; a delete shares its number with the version it deleted and
 * comes after it.
 */
export function compareRevisions(a: RecordRevision<object>, b: RecordRevision<object>): number {
  if (a.revision !== b.revision) return a.revision - b.revision
  const existsA = a.snapshot === undefined ? 1 : 0
  const existsB = b.snapshot === undefined ? 1 : 0
  if (existsA !== existsB) return existsA - existsB
  return a.at < b.at ? -1 : a.at > b.at ? 1 : 0
}

/**
 * Whether the change brought the record into being: created, or imported or restored where no
 * record had that id. Such a change's field changes come from nothing, its id's included; an
 * update never changes the id. (Timestamps cannot tell: a record may be created in the same
 * millisecond as an import starts.)
 */
export function isCreation(revision: RecordRevision<object>): boolean {
  return revision.action === 'create' || revision.changes.some((change) => change.field === 'id' && change.before === undefined && change.after !== undefined)
}

/**
 * The record as it stood just before `revision`, rebuilt from the revision's own snapshot and
 * the `before` values of its changes, or `undefined` when the change created the record.
 * Bookkeeping is not in `changes`: a rebuilt record keeps the snapshot's `createdAt` and counts
 * its revision one down; a record rebuilt from a delete has no `createdAt` or `updatedAt`.
 */
export function recordBefore<R extends object>(revision: RecordRevision<R>): R | undefined {
  if (revision.action === 'create') return undefined
  const fields: Record<string, unknown> = revision.snapshot === undefined ? {} : { ...revision.snapshot }
  if (revision.snapshot === undefined && revision.changes.length === 0) return undefined
  for (const change of revision.changes) {
    if (change.before === undefined) delete fields[change.field]
    else fields[change.field] = change.before
  }
  fields.revision = revision.snapshot === undefined ? revision.revision : revision.revision - 1
  return fields as R
}

/** The calendar day (`YYYY-MM-DD`) of an ISO timestamp, in UTC. */
export function utcDayOf(timestamp: string): string {
  return new Date(timestamp).toISOString().slice(0, 10)
}

/**
 * The record as it stood at the end of `day` (`YYYY-MM-DD`), from its history in any order, or
 * `undefined` if it did not exist then or had been deleted. A record that existed before its
 * history began (shipped sample data) is rebuilt from its first revision, and counts as existing
 * from its `createdAt`. `dayOf` gives the calendar day of a timestamp: pass the person's own time
 * zone, since "3 January" ends at a different instant in Beijing and in London.
 */
export function recordAsOf<R extends object>(
  revisions: readonly RecordRevision<R>[],
  day: string,
  dayOf: (timestamp: string) => string = utcDayOf
): R | undefined {
  const ordered = [...revisions].sort(compareRevisions)
  const standing = ordered.filter((revision) => dayOf(revision.at) <= day).at(-1)
  if (standing !== undefined) return standing.snapshot
  const first = ordered[0]
  if (first === undefined) return undefined
  const original = recordBefore(first)
  if (original === undefined) return undefined
  const createdAt: unknown = (original as Record<string, unknown>).createdAt
  if (typeof createdAt === 'string' && dayOf(createdAt) > day) return undefined
  return original
}
