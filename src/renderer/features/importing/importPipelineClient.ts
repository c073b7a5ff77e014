import { getDatabase } from '@renderer/db'
import type { ColumnMapping } from '@shared/interchange/csv/columnMapping'
import type { ImportFormat } from '@shared/interchange/importReading'
import type { MappedFormat } from '@shared/interchange/importers'
import type { ImportCommitResult } from '@renderer/db'
import { ImportPipeline } from './importPipeline'
import { createImportPipelineHost } from './importPipelineHost'
import type {
  CsvFileColumns,
  ImportChoices,
  ImportFailure,
  ImportPipelineProgress,
  ImportPipelineReply,
  ImportPipelineRequest,
  PlannedImport
} from './importPipelineProtocol'
import type { ImportPlanSummary } from './importPlanSummary'
import type { ChosenFile } from './readImportFileText'

/** Both ends of the conversation with the pipeline: a Worker, or the pipeline in this thread. */
export interface ImportPipelinePort {
  post(request: ImportPipelineRequest): void
  onReply(listener: (reply: ImportPipelineReply) => void): void
  /** Stops the work at once (a worker is terminated; the in-thread pipeline only stops being listened to). */
  close(): void
}

/** The pipeline in a module Web Worker (bundled by Vite as its own file, allowed by the CSP's `worker-src 'self'`). */
export function importWorkerPort(): ImportPipelinePort {
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module', name: 'import' })
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.addEventListener('message', (event: MessageEvent<ImportPipelineReply>) => listener(event.data))
      // A worker that cannot load or crashes fails what it was doing, rather than leaving the page waiting.
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        listener({ id: -1, kind: 'failed', failure: { kind: 'other', message: event.message || 'The import worker stopped' } })
      })
    },
    close: () => worker.terminate()
  }
}

/** The pipeline in this thread, where `Worker` is unavailable (component tests): same protocol, same host. */
export function inThreadImportPort(): ImportPipelinePort {
  let listeners: ((reply: ImportPipelineReply) => void)[] = []
  // Replies go out on a later task, as from a worker, so callers never depend on synchronous answers.
  const host = createImportPipelineHost(
    new ImportPipeline(getDatabase()),
    (reply) => void Promise.resolve().then(() => listeners.forEach((listener) => listener(reply)))
  )
  return {
    post: (request) => host.handle(request),
    onReply: (listener) => void listeners.push(listener),
    close: () => {
      listeners = []
    }
  }
}

/** A failed request, with the kind of failure so the page can word it. */
export class ImportPipelineError extends Error {
  override readonly name = 'ImportPipelineError'
  constructor(readonly failure: ImportFailure) {
    super(failure.message)
  }
}

type Waiting = { resolve: (reply: ImportPipelineReply) => void; reject: (error: Error) => void; onProgress?: (progress: ImportPipelineProgress) => void }

/**
 * The page's promise API over the import pipeline. Requests are answered in order by id, with
 * progress along the way. `stop()` abandons reading or planning at once by ending the worker (a
 * fresh one is started for the next request; the files are read again, since a `File` is only a
 * handle); a commit is stopped with `cancelCommit()`, which rolls back between chunks instead.
 */
export function createImportPipelineClient(makePort: () => ImportPipelinePort = defaultPort) {
  let port: ImportPipelinePort | undefined
  let nextId = 1
  const pending = new Map<number, Waiting>()
  const rejectAll = (failure: ImportFailure): void => {
    for (const waiting of pending.values()) waiting.reject(new ImportPipelineError(failure))
    pending.clear()
  }
  const portNow = (): ImportPipelinePort => {
    if (port !== undefined) return port
    const opened = makePort()
    opened.onReply((reply) => {
      if (reply.id === -1 && reply.kind === 'failed') {
        rejectAll(reply.failure)
        if (port === opened) port = undefined
        opened.close()
        return
      }
      const waiting = pending.get(reply.id)
      if (waiting === undefined) return
      if (reply.kind === 'progress') {
        waiting.onProgress?.(reply.progress)
        return
      }
      pending.delete(reply.id)
      if (reply.kind === 'failed') waiting.reject(new ImportPipelineError(reply.failure))
      else waiting.resolve(reply)
    })
    port = opened
    return opened
  }
  const request = (
    body: DistributiveOmit<ImportPipelineRequest, 'id'>,
    onProgress?: (progress: ImportPipelineProgress) => void
  ): Promise<ImportPipelineReply> =>
    new Promise((resolve, reject) => {
      const id = nextId
      nextId += 1
      pending.set(id, { resolve, reject, ...(onProgress === undefined ? {} : { onProgress }) })
      portNow().post({ ...body, id } as ImportPipelineRequest)
    })
  const expect = <K extends ImportPipelineReply['kind']>(reply: ImportPipelineReply, kind: K): Extract<ImportPipelineReply, { kind: K }> => {
    if (reply.kind !== kind) throw new Error(`The import worker answered ${reply.kind}, not ${kind}`)
    return reply as Extract<ImportPipelineReply, { kind: K }>
  }
  return {
    async inspect(
      files: readonly ChosenFile[],
      onProgress?: (progress: ImportPipelineProgress) => void
    ): Promise<{ detectedFormat: ImportFormat | undefined; csvColumns: readonly CsvFileColumns[] }> {
      const reply = expect(await request({ kind: 'inspect', files }, onProgress), 'inspected')
      return { detectedFormat: reply.detectedFormat, csvColumns: reply.csvColumns }
    },
    async csvColumns(
      files: readonly ChosenFile[],
      format: MappedFormat,
      onProgress?: (progress: ImportPipelineProgress) => void
    ): Promise<readonly CsvFileColumns[]> {
      return expect(await request({ kind: 'csv-columns', files, format }, onProgress), 'csv-columns').csvColumns
    },
    async check(
      body: {
        files: readonly ChosenFile[]
        format: ImportFormat
        csvMappings: Readonly<Record<string, ColumnMapping>>
        choices: ImportChoices
        importedAt: string
      },
      onProgress?: (progress: ImportPipelineProgress) => void
    ): Promise<PlannedImport> {
      return expect(await request({ kind: 'check', ...body }, onProgress), 'planned').planned
    },
    async replan(choices: ImportChoices): Promise<ImportPlanSummary> {
      return expect(await request({ kind: 'replan', choices }), 'planned').planned.summary
    },
    async commit(body: { author: string; files: readonly string[] }, onProgress?: (progress: ImportPipelineProgress) => void): Promise<ImportCommitResult> {
      return expect(await request({ kind: 'commit', ...body }, onProgress), 'committed').result
    },
    cancelCommit(): void {
      if (port !== undefined) void request({ kind: 'cancel-commit' }).catch(() => undefined)
    },
    /** Abandons reading or planning now; what they were doing rejects as cancelled. */
    stop(): void {
      const stopped = port
      port = undefined
      rejectAll({ kind: 'cancelled', message: 'Stopped', rolledBack: 0 })
      stopped?.close()
    }
  }
}

export type ImportPipelineClient = ReturnType<typeof createImportPipelineClient>

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never

function defaultPort(): ImportPipelinePort {
  return typeof Worker === 'undefined' ? inThreadImportPort() : importWorkerPort()
}
