import { allMigrations, PrecedentDatabase } from '@renderer/db'
import { ImportPipeline } from './importPipeline'
import { createImportPipelineHost } from './importPipelineHost'
import type { ImportPipelineReply, ImportPipelineRequest } from './importPipelineProtocol'

// The import's reading, planning and writing, off the page's thread, so the page never freezes and
// never holds the files or the plan. IndexedDB works in workers: this opens its own connection.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: ImportPipelineReply): void
  close(): void
  addEventListener(type: 'message', listener: (event: MessageEvent<ImportPipelineRequest>) => void): void
}

// NOTE: a newer window upgrading the database closes this connection; the page reloads and starts a new worker.
const db = new PrecedentDatabase('precedent', allMigrations, { onVersionChange: () => scope.close() })
const host = createImportPipelineHost(new ImportPipeline(db), (reply) => scope.postMessage(reply))

scope.addEventListener('message', (event) => host.handle(event.data))
