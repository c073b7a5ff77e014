import { getDatabase, type BackupReason, type BackupSummary, type RestoreResult } from '@renderer/db'
import { translateMessage } from '@renderer/i18n'
import { message } from '@shared/locale/message'
import { runRestoreJob, type RestoreProgress, type RestoreReply, type RestoreRequest, type RestoreSource } from './backupRestoreJob'
import { openBackupWorker } from './backupWorkerPort'

/** A restore under way: its outcome, and a way to stop it while that is still safe (before it commits). */
export interface RunningRestore {
  readonly outcome: Promise<
    { readonly ok: true; readonly result: RestoreResult } | { readonly ok: false; readonly message: string; readonly cancelled: boolean }
  >
  cancel(): void
}

/** A backup of what is stored, taken by the restore first, under the same lock. */
export interface SafetyBackup {
  readonly reason: BackupReason
  /** Told when it is kept, with its file (the desktop app copies it outside the profile); the restore waits for it. */
  readonly onKept: (summary: BackupSummary, file: Blob) => Promise<void>
}

/**
 * Starts restoring the app's database from `source` in a backup worker, or in this thread where
 * workers are missing (the unit-test DOM). With `safetyBackup`, what is stored is backed up first,
 * under the restore's own exclusive write lock.
 */
export function startRestore(
  source: RestoreSource,
  author: string,
  onProgress: (progress: RestoreProgress) => void,
  safetyBackup?: SafetyBackup
): RunningRestore {
  const request: RestoreRequest = {
    kind: 'restore',
    databaseName: getDatabase().name,
    source,
    author,
    at: new Date().toISOString(),
    ...(safetyBackup === undefined ? {} : { safetyBackupReason: safetyBackup.reason })
  }
  let settle: (reply: Extract<RestoreReply, { kind: 'done' | 'failed' }>) => void = () => undefined
  const finished = new Promise<Extract<RestoreReply, { kind: 'done' | 'failed' }>>((resolve) => {
    settle = resolve
  })
  const receive = (reply: RestoreReply): void => {
    if (reply.kind === 'progress') onProgress(reply.progress)
    else if (reply.kind === 'safety-backup') void Promise.resolve(safetyBackup?.onKept(reply.summary, reply.file)).finally(() => copied())
    else settle(reply)
  }
  let cancel: () => void
  // Set once the worker (or this thread) can be told that the safety backup was copied.
  let copied: () => void = () => undefined
  const worker = openBackupWorker('backup-restore')
  if (worker === undefined) {
    const controller = new AbortController()
    const safetyCopied = new Promise<void>((resolve) => {
      copied = resolve
    })
    void runRestoreJob(getDatabase(), request, controller.signal, receive, () => safetyCopied)
    cancel = () => controller.abort()
  } else {
    worker.onReply(
      (reply) => receive(reply as RestoreReply),
      (stopped) =>
        settle({
          kind: 'failed',
          failure: stopped ? message('backups.failure.asIs', { text: stopped }) : message('backups.store.restoreStopped'),
          cancelled: false
        })
    )
    copied = () => worker.post({ kind: 'safety-copied' })
    worker.post(request)
    void finished.then(() => worker.close())
    cancel = () => worker.post({ kind: 'cancel' })
  }
  return {
    outcome: finished.then((reply) =>
      reply.kind === 'done' ? { ok: true, result: reply.result } : { ok: false, message: translateMessage(reply.failure), cancelled: reply.cancelled }
    ),
    cancel: () => cancel()
  }
}
