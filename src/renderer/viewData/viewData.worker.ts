import { allMigrations, PrecedentDatabase } from '@renderer/db'
import { createViewDataHost } from './viewDataHost'
import type { ViewDataReply, ViewDataRequest } from './viewDataProtocol'
import { ViewDataService } from './viewDataService'

// The views worker of one window: the timeline, charts and comparison are computed here, from
// records read once and kept in this worker's memory, so the page never reads a whole table.
// It opens its own connection to the database, as the search worker does.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: ViewDataReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ViewDataRequest>) => void): void
}

const post = (reply: ViewDataReply): void => scope.postMessage(reply)
// NOTE: a newer window upgrading the database closes this connection; the page reloads and starts a new worker.
const db = new PrecedentDatabase('precedent', allMigrations, { onVersionChange: () => scope.close() })
const service = new ViewDataService(db)
const host = createViewDataHost(service, post)

scope.addEventListener('message', (event) => host.handle(event.data))
