import {
  BundleReadCancelledError,
  BundleValidationError,
  createBackup,
  readBackup,
  readBundleFile,
  restoreBundle,
  RestoreCancelledError,
  withExclusiveWriteLock,
  writeKnowledgeBaseFile,
  type BackupReason,
  type BackupSummary,
  type PrecedentDatabase,
  type RestoreResult
} from '@renderer/db'
import type { RecordType } from '@shared/domain/recordTypes'
import { describeImportProblem, ImportInputError } from '@shared/interchange/importProblem'
import { isMessage, message, type Message } from '@shared/locale/message'

/** What to restore: a kept backup (by id) or a bundle file the person chose (`.json` or `.json.gz`). */
export type RestoreSource = { readonly kind: 'backup'; readonly id: string } | { readonly kind: 'file'; readonly file: Blob; readonly fileName: string }

/** The page asks the backup worker for one restore, and may cancel it. */
export type RestoreRequest =
  | {
      readonly kind: 'restore'
      readonly databaseName: string
      readonly source: RestoreSource
      readonly author: string
      readonly at: string
      /** Take a backup of what is stored first, kept under this reason, under the same lock as the restore. */
      readonly safetyBackupReason?: BackupReason
    }
  | { readonly kind: 'cancel' }
  /** The page has copied the safety backup where it keeps one (the desktop app: a file outside the profile). */
  | { readonly kind: 'safety-copied' }

/**
 * The page asks the backup worker for the whole knowledge base as a compressed bundle file: kept
 * as a backup (`keepAs`, its reason, whose English titles the file), or only handed back with
 * `title` (to save it as a file).
 */
export type BackupRequest = { readonly kind: 'backup'; readonly databaseName: string; readonly at: string } & (
  { readonly keepAs: BackupReason } | { readonly title: string }
)

/** What a backup job hands back: the compressed file, its counts and, when kept, the kept backup's summary. */
export type BackupReply =
  | { readonly kind: 'backed-up'; readonly file: Blob; readonly counts: Record<RecordType, number>; readonly kept?: BackupSummary }
  /** Why it failed, for the page to word in its language. */
  | { readonly kind: 'failed'; readonly failure: Message }

/** Where a restore is: reading the file (bytes), backing up what is stored, checking every record and link, writing (records). */
export type RestoreProgress =
  | { readonly phase: 'reading'; readonly done: number; readonly total: number; readonly records: number }
  | { readonly phase: 'backing-up' }
  | { readonly phase: 'checking' }
  | { readonly phase: 'writing'; readonly done: number; readonly total: number }

export type RestoreReply =
  | { readonly kind: 'progress'; readonly progress: RestoreProgress }
  /** The safety backup was kept; its file, for the desktop app's copy outside the profile. */
  | { readonly kind: 'safety-backup'; readonly summary: BackupSummary; readonly file: Blob }
  | { readonly kind: 'done'; readonly result: RestoreResult }
  | { readonly kind: 'failed'; readonly failure: Message; readonly cancelled: boolean }

/** Progress is reported at most this often, so messages never crowd the page. */
const PROGRESS_INTERVAL_MS = 100

/**
 * One restore, start to end, as the worker runs it (and the page itself where workers are
 * missing): the file or kept backup is read as a stream and parsed record by record, validated
 * whole (every field and link), then written by `restoreBundle` in one transaction. Cancelling
 * while reading stops the read; while writing, it aborts the transaction. Either way nothing changed.
 * Never rejects: the outcome is the last reply.
 */
export async function runRestoreJob(
  db: PrecedentDatabase,
  request: Extract<RestoreRequest, { kind: 'restore' }>,
  signal: AbortSignal,
  post: (reply: RestoreReply) => void,
  /** Resolves once the page has copied the safety backup (see `safety-backup`), so that copy exists before anything is written. */
  safetyCopied: () => Promise<void> = () => Promise.resolve()
): Promise<void> {
  let lastProgressAt = 0
  const report = (progress: RestoreProgress, force = false): void => {
    const now = Date.now()
    if (!force && now - lastProgressAt < PROGRESS_INTERVAL_MS) return
    lastProgressAt = now
    post({ kind: 'progress', progress })
  }
  try {
    const onReadProgress = ({ bytesRead, totalBytes, records }: { bytesRead: number; totalBytes: number; records: number }): void =>
      report({ phase: 'reading', done: bytesRead, total: totalBytes, records })
    const { source } = request
    const bundle =
      source.kind === 'file'
        ? await readBundleFile(source.file, source.fileName, { signal, onProgress: onReadProgress })
        : await readBackup(db, source.id, { signal, onProgress: onReadProgress })
    if (bundle === undefined) throw new BackupNoLongerKept()
    // The safety backup and the restore hold one lock: another window's import or save-by-import
    // cannot land between them, where the restore would remove it and no backup would hold it.
    const result = await withExclusiveWriteLock(async (lock) => {
      const { safetyBackupReason } = request
      if (safetyBackupReason !== undefined) {
        report({ phase: 'backing-up' }, true)
        const { file, ...summary } = await createBackup(db, { reason: safetyBackupReason, now: () => request.at, lock })
        post({ kind: 'safety-backup', summary, file })
        await safetyCopied()
        if (signal.aborted) throw new RestoreCancelledError()
      }
      report({ phase: 'checking' }, true)
      return restoreBundle(db, bundle, {
        author: request.author,
        now: () => request.at,
        signal,
        lock,
        onProgress: (done, total) => report({ phase: 'writing', done, total }, done === total)
      })
    })
    post({ kind: 'done', result })
  } catch (error) {
    const cancelled = error instanceof RestoreCancelledError || error instanceof BundleReadCancelledError
    post({ kind: 'failed', failure: cancelled ? message('backups.store.restoreCancelled') : describeRestoreFailure(error), cancelled })
  }
}

/**
 * One backup, as the worker runs it (and the page itself where workers are missing): every record
 * read in one read-only transaction and gzipped as it is read (`writeKnowledgeBaseFile`), then kept
 * in the backup database when asked. Off the page, so serialising and compressing 100k records
 * never holds up the UI. Never rejects: the outcome is the reply.
 */
export async function runBackupJob(db: PrecedentDatabase, request: BackupRequest): Promise<BackupReply> {
  try {
    if ('keepAs' in request) {
      const { file, ...kept } = await createBackup(db, { reason: request.keepAs, now: () => request.at })
      return { kind: 'backed-up', file, counts: kept.counts, kept }
    }
    const { file, counts } = await writeKnowledgeBaseFile(db, { now: () => request.at, title: request.title })
    return { kind: 'backed-up', file, counts }
  } catch (error) {
    return { kind: 'failed', failure: describeRestoreFailure(error) }
  }
}

/** The kept backup asked for was rotated away. */
class BackupNoLongerKept extends Error {}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/**
 * One line a person can act on, as a message the page words (the worker does not know the
 * page's language); a bundle problem names the record and field. An error that carries its reason
 * as a message gives that; another error's own text is kept as it is (errors thrown on the page
 * are already in its language).
 */
export function describeRestoreFailure(error: unknown): Message {
  if (error instanceof BackupNoLongerKept) return message('backups.failure.noLongerKept')
  if (error instanceof BundleValidationError) {
    const [first] = error.problems
    const values = { path: first?.path ?? '', reason: first?.problem ?? first?.message ?? '', more: error.problems.length - 1 }
    return error.problems.length > 1 ? message('problems.restore.notABackupAndMore', values) : message('problems.restore.notABackup', values)
  }
  if (error instanceof ImportInputError) return describeImportProblem(error.problem)
  const reason = typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined
  if (isMessage(reason)) return reason
  return message('backups.failure.asIs', { text: oneLine(error instanceof Error ? error.message : String(error)) })
}
