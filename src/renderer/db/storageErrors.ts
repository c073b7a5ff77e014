import type { AnyRecord, TypedRecord } from '@shared/domain/recordTypes'
import type { BundleProblem } from '@shared/domain/bundle'
import { message, messageInCodes, messageList, type Message, type MessageValue } from '@shared/locale/message'

/*
 * Each error the page shows carries its `reason` as a `Message` (src/locales/<language>/problems.json,
 * `problems.storage.…`), which the page puts into the reader's language (`errorText` in
 * `@renderer/i18n`); errors cross from workers as plain values, and the message is plain data too.
 * The `Error`'s own message is the English sentence, for logs (a test keeps the two equal).
 */

/** One thing wrong with a record, located by a path such as `occurredOn` or `organisations[1].organisationId`. */
export interface RecordProblem {
  readonly path: string
  /** In English (the schema's own words), for logs and code that shows it as it is. */
  readonly message: string
  /** The problem as a message the page puts into the reader's language (`validationProblem` for the schemas'). */
  readonly problem?: Message
}

/** A bundle's problems (shared code's messages) as the storage layer's, their English being their codes. */
export function recordProblemsOf(problems: readonly BundleProblem[]): RecordProblem[] {
  return problems.map((problem) => ({ path: problem.path, message: messageInCodes(problem.message), problem: problem.message }))
}

/** The problems as one message: "title: Title is required; occurredOn: …". */
function problemsMessage(problems: readonly RecordProblem[]): MessageValue {
  const each = problems.map((p) => {
    const reason = p.problem ?? p.message
    return p.path === '' ? reason : message('problems.storage.atPath', { path: p.path, reason })
  })
  return messageList(each, 'semicolon')
}

/**
 * The record changed since the caller read it (another window saved it, or the form is stale).
 * Nothing was written; `current` is the stored version, so the UI can show both.
 */
export class RevisionConflictError extends Error {
  override readonly name = 'RevisionConflictError'
  readonly reason: Message
  constructor(
    readonly current: AnyRecord,
    readonly expectedRevision: number | undefined
  ) {
    super(
      expectedRevision === undefined
        ? `A record with the id "${current.id}" already exists`
        : `"${current.id}" was changed elsewhere: revision ${current.revision} is stored, this edit started from revision ${expectedRevision}`
    )
    this.reason =
      expectedRevision === undefined
        ? message('problems.storage.exists', { id: current.id })
        : message('problems.storage.changedElsewhere', { id: current.id, stored: current.revision, expected: expectedRevision })
  }
}

/** The record failed its schema or links to records that do not exist. Nothing was written. */
export class RecordValidationError extends Error {
  override readonly name = 'RecordValidationError'
  readonly reason: Message
  constructor(readonly problems: readonly RecordProblem[]) {
    super(`The record is not valid: ${problems.map((p) => (p.path === '' ? p.message : `${p.path}: ${p.message}`)).join('; ')}`)
    this.reason = message('problems.storage.recordInvalid', { problems: problemsMessage(problems) })
  }
}

/** The record asked for does not exist (it may have been deleted in another window). */
export class RecordNotFoundError extends Error {
  override readonly name = 'RecordNotFoundError'
  readonly reason: Message
  constructor(readonly id: string) {
    super(`No record with the id "${id}" exists; it may have been deleted`)
    this.reason = message('problems.storage.notFound', { id })
  }
}

/**
 * Deleting would break a link that cannot be removed (a response's actor, a law's jurisdiction,
 * a subdivision's country). Nothing was deleted; `blocking` are the records that stand in the way.
 */
export class DeleteBlockedError extends Error {
  override readonly name = 'DeleteBlockedError'
  readonly reason: Message
  constructor(
    readonly id: string,
    readonly blocking: readonly TypedRecord[]
  ) {
    super(
      `"${id}" cannot be deleted while ${blocking.length} record${blocking.length === 1 ? '' : 's'} need it: ` +
        blocking.map((typed) => `${typed.type} "${typed.record.id}"`).join(', ')
    )
    this.reason = message('problems.storage.deleteBlocked', {
      id,
      count: blocking.length,
      records: blocking.map((typed) => `${typed.type} "${typed.record.id}"`).join(', ')
    })
  }
}

/** A bundle (sample data, import) failed validation. Nothing was written. */
export class BundleValidationError extends Error {
  override readonly name = 'BundleValidationError'
  readonly reason: Message
  constructor(readonly problems: readonly RecordProblem[]) {
    super(
      `The bundle is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems
          .slice(0, 10)
          .map((p) => `${p.path}: ${p.message}`)
          .join('; ')
    )
    this.reason = message('problems.storage.bundleInvalid', { count: problems.length, problems: problemsMessage(problems.slice(0, 10)) })
  }
}

/**
 * The transaction did not commit, so nothing was saved. `cause` keeps the browser's error
 * (AbortError, QuotaExceededError) for the log; the message is for people.
 */
export class StorageWriteError extends Error {
  override readonly name = 'StorageWriteError'
  readonly reason: Message
  constructor(
    readonly isQuotaExceeded: boolean,
    options?: { cause?: unknown }
  ) {
    super(isQuotaExceeded ? QUOTA_MESSAGE : ABORT_MESSAGE, options)
    this.reason = isQuotaExceeded ? message('problems.storage.full') : message('problems.storage.aborted')
  }
}

const QUOTA_MESSAGE = 'Not saved: the disk or browser storage is full. Free some space, then try again; your changes are still in the form.'
const ABORT_MESSAGE = 'Not saved: the browser stopped the write before it finished. Try again; your changes are still in the form.'

/**
 * A write to a knowledge base saved by a newer version of Precedent, which this version opens only
 * to read: its code does not know the newer schema and could damage it.
 */
export class ReadOnlyKnowledgeBaseError extends Error {
  override readonly name = 'ReadOnlyKnowledgeBaseError'
  readonly reason: Message = message('problems.storage.readOnly')
  constructor() {
    super('Not saved: this knowledge base was saved by a newer version of Precedent and is open read-only. Update Precedent to change it.')
  }
}

/** The read-only refusal behind a failed write, however Dexie wrapped it (`inner`, `cause`). */
function readOnlyRefusalIn(error: unknown, depth = 0): ReadOnlyKnowledgeBaseError | undefined {
  if (error instanceof ReadOnlyKnowledgeBaseError) return error
  if (depth > 4 || typeof error !== 'object' || error === null) return undefined
  const { inner, cause } = error as { inner?: unknown; cause?: unknown }
  return readOnlyRefusalIn(inner, depth + 1) ?? readOnlyRefusalIn(cause, depth + 1)
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string' ? error.name : undefined
}

function isQuotaError(error: unknown): boolean {
  if (errorName(error) === 'QuotaExceededError') return true
  if (typeof error === 'object' && error !== null) {
    const { inner, cause } = error as { inner?: unknown; cause?: unknown }
    return (inner !== undefined && isQuotaError(inner)) || (cause !== undefined && cause !== error && isQuotaError(cause))
  }
  return false
}

/**
 * Turns a failed IndexedDB write into a `StorageWriteError`; our own typed errors and anything
 * unexpected pass through unchanged.
 */
export function toStorageError(error: unknown): unknown {
  const readOnly = readOnlyRefusalIn(error)
  if (readOnly !== undefined) return readOnly
  if (isQuotaError(error)) return new StorageWriteError(true, { cause: error })
  const name = errorName(error)
  if (name === 'AbortError' || name === 'TransactionInactiveError') return new StorageWriteError(false, { cause: error })
  return error
}
