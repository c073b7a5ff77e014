import { allMigrations, PrecedentDatabase } from '@renderer/db'
import type { DuplicatePairsReply, DuplicatePairsRequest } from './duplicatePairsProtocol'
import { DuplicatePairsService } from './duplicatePairsService'

// Duplicate search off the main thread: a cold start over 100,000 records takes seconds.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: DuplicatePairsReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<DuplicatePairsRequest>) => void): void
}

const post = (reply: DuplicatePairsReply): void => scope.postMessage(reply)
// A newer window upgrading the database closes this connection; the page reloads and starts a new worker.
const db = new PrecedentDatabase('precedent', allMigrations, { onVersionChange: () => scope.close() })
const service = new DuplicatePairsService(db, { onStatus: (status) => post({ kind: 'status', status }) })

scope.addEventListener('message', (event) => {
  const { id } = event.data
  service.applyChanges().then(
    () => post({ id, kind: 'done' }),
    (error: unknown) => post({ id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
  )
})
service.open().catch((error: unknown) => console.error('[duplicates] the pairs could not be computed', error))
