import { allMigrations, PrecedentDatabase } from '@renderer/db'
import { createSearchIndexHost } from './searchIndexHost'
import type { SearchIndexReply, SearchIndexRequest } from './searchIndexProtocol'
import { SearchIndexService } from './searchIndexService'

// The search index of one window, off the main thread so typing never waits for indexing.
// IndexedDB works in workers: this opens its own connection to the same database.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: SearchIndexReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<SearchIndexRequest>) => void): void
}

const post = (reply: SearchIndexReply): void => scope.postMessage(reply)
// NOTE: a newer window upgrading the database closes this connection; the page reloads and starts a new worker.
const db = new PrecedentDatabase('precedent', allMigrations, { onVersionChange: () => scope.close() })
const service = new SearchIndexService(db, { onStatus: (status) => post({ kind: 'status', status }) })
const host = createSearchIndexHost(service, post)

scope.addEventListener('message', (event) => host.handle(event.data))
service.open().catch((error: unknown) => console.error('[search] the index could not be opened', error))
