import { getDatabase, type RestoreResult } from '@renderer/db'
import { runRestoreJob, type RestoreProgress, type RestoreReply, type RestoreRequest, type RestoreSource } from './backupRestoreJob'
import { openBackupWorker } from './backupWorkerPort'

/** A restore under way: its outcome, and a way to stop it while that is still safe (before it commits). */
export interface RunningRestore {
  readonly outcome: Promise<{ readonly ok: true; readonly result: RestoreResult } | { readonly ok: false; readonly message: string; readonly cancelled: boolean }>
  cancel(): void
}

/**
 * Starts restoring the app's database from `source` in a backup worker, or in this thread where
 * workers are missing (the unit-test DOM). The caller has already taken a backup.
 */
export function startRestore(source: RestoreSource, author: string, onProgress: (progress: RestoreProgress) => void): RunningRestore {
  const request: RestoreRequest = { kind: 'restore', databaseName: getDatabase().name, source, author, at: new Date().toISOString() }
  let settle: (reply: Extract<RestoreReply, { kind: 'done' | 'failed' }>) => void = () => undefined
  const finished = new Promise<Extract<RestoreReply, { kind: 'done' | 'failed' }>>((resolve) => {
    settle = resolve
  })
  const receive = (reply: RestoreReply): void => {
    if (reply.kind === 'progress') onProgress(reply.progress)
    else settle(reply)
  }
  let cancel: () => void
  const worker = openBackupWorker('backup-restore')
  if (worker === undefined) {
    const controller = new AbortController()
    void runRestoreJob(getDatabase(), request, controller.signal, receive)
    cancel = () => controller.abort()
  } else {
    worker.onReply(
      (reply) => receive(reply as RestoreReply),
      (message) => settle({ kind: 'failed', message: message || 'The restore stopped unexpectedly; nothing was changed.', cancelled: false })
    )
    worker.post(request)
    void finished.then(() => worker.close())
    cancel = () => worker.post({ kind: 'cancel' })
  }
  return {
    outcome: finished.then((reply) => (reply.kind === 'done' ? { ok: true, result: reply.result } : { ok: false, message: reply.message, cancelled: reply.cancelled })),
    cancel: () => cancel()
  }
}
