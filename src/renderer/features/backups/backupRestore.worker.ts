import { allMigrations, PrecedentDatabase } from '@renderer/db'
import { runBackupJob, runRestoreJob, type BackupReply, type BackupRequest, type RestoreReply, type RestoreRequest } from './backupRestoreJob'

// Backups and restores run here, off the page's thread: reading, serialising and compressing a
// 100k-record knowledge base, or reading, parsing and checking every link of a backup, take seconds
// of work, during which the page must keep answering (progress, Cancel). IndexedDB works in
// workers: this opens its own connection to the same database. One job per worker.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: RestoreReply | BackupReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<RestoreRequest | BackupRequest>) => void): void
}

const controller = new AbortController()
let started = false
let copied: () => void = () => undefined
const safetyCopied = new Promise<void>((resolve) => {
  copied = resolve
})

scope.addEventListener('message', (event) => {
  const request = event.data
  if (request.kind === 'cancel') {
    controller.abort()
    return
  }
  if (request.kind === 'safety-copied') {
    copied()
    return
  }
  if (started) return
  started = true
  // NOTE: a newer window upgrading the database closes this connection; the job then fails whole.
  const db = new PrecedentDatabase(request.databaseName, allMigrations, { onVersionChange: () => db.close() })
  const job =
    request.kind === 'backup'
      ? runBackupJob(db, request).then((reply) => scope.postMessage(reply))
      : runRestoreJob(
          db,
          request,
          controller.signal,
          (reply) => scope.postMessage(reply),
          () => safetyCopied
        )
  void job.finally(() => db.close())
})
