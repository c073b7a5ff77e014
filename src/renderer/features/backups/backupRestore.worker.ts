import { allMigrations, PrecedentDatabase } from '@renderer/db'
import { runRestoreJob, type RestoreReply, type RestoreRequest } from './backupRestoreJob'

// Restores run here, off the page's thread: reading and parsing a 100k-record backup and checking
// every link take seconds of work, during which the page must keep answering (progress, Cancel).
// IndexedDB works in workers: this opens its own connection to the same database.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: RestoreReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<RestoreRequest>) => void): void
}

const controller = new AbortController()
let started = false

scope.addEventListener('message', (event) => {
  const request = event.data
  if (request.kind === 'cancel') {
    controller.abort()
    return
  }
  if (started) return
  started = true
  // NOTE: a newer window upgrading the database closes this connection; the restore then fails whole.
  const db = new PrecedentDatabase(request.databaseName, allMigrations, { onVersionChange: () => db.close() })
  void runRestoreJob(db, request, controller.signal, (reply) => scope.postMessage(reply)).finally(() => db.close())
})
