import { watch } from 'vue'
import { getDatabase, useRecordWriteSignal, type PrecedentDatabase } from '@renderer/db'
import type { SearchMode } from '@shared/search/searchIndexEngine'
import { createSearchIndexHost } from './searchIndexHost'
import type { RecordType } from '@shared/domain/recordTypes'
import type { MatchingIds, SearchIndexReply, SearchIndexRequest, SearchIndexStatus, SearchResultPage } from './searchIndexProtocol'
import { SearchIndexService } from './searchIndexService'

/** Both ends of the conversation with the index: a Worker, or the service in this thread. */
export interface SearchIndexPort {
  post(request: SearchIndexRequest): void
  onReply(listener: (reply: SearchIndexReply) => void): void
  close(): void
}

/** The index in a Web Worker (bundled by Vite as its own file, so the CSP's `worker-src 'self'` allows it). */
export function workerPort(): SearchIndexPort {
  const worker = new Worker(new URL('./searchIndex.worker.ts', import.meta.url), { type: 'module', name: 'search-index' })
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.addEventListener('message', (event: MessageEvent<SearchIndexReply>) => listener(event.data))
      // A worker that cannot load or crashes says so as a status, so the page shows it instead of waiting forever.
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        listener({ kind: 'status', status: { state: 'failed', message: event.message || 'The search worker stopped' } })
      })
    },
    close: () => worker.terminate()
  }
}

/** The index in this thread, where `Worker` is unavailable (and in tests): same protocol, same service. */
export function inThreadPort(db: PrecedentDatabase, options: { readonly snapshotDelayMs?: number } = {}): SearchIndexPort {
  const listeners: ((reply: SearchIndexReply) => void)[] = []
  // Replies go out on a later task, as from a worker, so callers never depend on synchronous answers.
  const post = (reply: SearchIndexReply): void => void Promise.resolve().then(() => listeners.forEach((listener) => listener(reply)))
  const service = new SearchIndexService(db, { ...options, onStatus: (status) => post({ kind: 'status', status }) })
  const host = createSearchIndexHost(service, post)
  void service.open().catch((error: unknown) => console.error('[search] the index could not be opened', error))
  return {
    post: (request) => host.handle(request),
    onReply: (listener) => void listeners.push(listener),
    close: () => undefined
  }
}

/** The page's promise API over the search index. */
export interface SearchIndexClient {
  /** Runs a query; resolves with the first `limit` results, totals, facets and hints. */
  search(query: string, mode: SearchMode, limit?: number): Promise<SearchResultPage>
  /** Every id of one record type matching a query, for a list's filter box. */
  matchingIds(query: string, recordType: RecordType): Promise<MatchingIds>
  /** Tells the index something was written; resolves once it has caught up. */
  notifyChanged(): Promise<void>
  /** The latest status the index reported. */
  readonly status: SearchIndexStatus
  /** Calls `listener` with every status change (and the current one at once); returns an unsubscribe. */
  onStatus(listener: (status: SearchIndexStatus) => void): () => void
  close(): void
}

/** A client over a port. Replies are matched to requests by id; a failed request rejects with its message. */
export function createSearchIndexClient(port: SearchIndexPort): SearchIndexClient {
  let nextId = 1
  let status: SearchIndexStatus = { state: 'opening' }
  const statusListeners = new Set<(status: SearchIndexStatus) => void>()
  const pending = new Map<number, { resolve: (reply: SearchIndexReply) => void; reject: (error: Error) => void }>()
  const rejectPending = (message: string): void => {
    for (const waiting of pending.values()) waiting.reject(new Error(message))
    pending.clear()
  }
  port.onReply((reply) => {
    if (reply.kind === 'status') {
      status = reply.status
      for (const listener of statusListeners) listener(status)
      if (status.state === 'failed') rejectPending(status.message)
      return
    }
    const waiting = pending.get(reply.id)
    if (waiting === undefined) return
    pending.delete(reply.id)
    if (reply.kind === 'failed') waiting.reject(new Error(reply.message))
    else waiting.resolve(reply)
  })
  const request = <K extends SearchIndexRequest['kind']>(
    kind: K,
    body: Omit<Extract<SearchIndexRequest, { kind: K }>, 'id' | 'kind'>
  ): Promise<SearchIndexReply> =>
    new Promise((resolve, reject) => {
      if (status.state === 'failed') {
        reject(new Error(status.message))
        return
      }
      const id = nextId
      nextId += 1
      pending.set(id, { resolve, reject })
      port.post({ id, kind, ...body } as SearchIndexRequest)
    })
  return {
    async search(query, mode, limit = 50) {
      const reply = await request('search', { query, mode, limit })
      if (reply.kind !== 'search-result') throw new Error('The search index answered something else')
      return reply.page
    },
    async matchingIds(query, recordType) {
      const reply = await request('match-ids', { query, recordType })
      if (reply.kind !== 'match-ids-result') throw new Error('The search index answered something else')
      return reply.matches
    },
    async notifyChanged() {
      await request('changed', {})
    },
    get status() {
      return status
    },
    onStatus(listener) {
      statusListeners.add(listener)
      listener(status)
      return () => void statusListeners.delete(listener)
    },
    close() {
      rejectPending('The search index was closed')
      port.close()
    }
  }
}

/** Tells the index about every committed write, for as long as the page lives. */
export function followChanges(db: PrecedentDatabase, client: Pick<SearchIndexClient, 'notifyChanged'>): () => void {
  const writes = useRecordWriteSignal(db)
  const stopWatching = watch(writes.data, (current, previous) => {
    // The first answer is the state the index opened from.
    if (previous === '' || current === previous) return
    client.notifyChanged().catch((error: unknown) => console.warn('[search] the index could not follow a change', error))
  })
  return () => {
    stopWatching()
    writes.stop()
  }
}

let appClient: SearchIndexClient | undefined
let startAppClient: (() => void) | undefined
const appClientStarted = new Promise<void>((resolve) => {
  startAppClient = resolve
})

/**
 * Starts the app's search index once the knowledge base is open (after start-up, so seeding and
 * migrations are done): in a Web Worker, or in this thread where workers are unavailable.
 */
export function startSearchIndex(): SearchIndexClient {
  if (appClient === undefined) {
    const db = getDatabase()
    appClient = createSearchIndexClient(typeof Worker === 'undefined' ? inThreadPort(db) : workerPort())
    followChanges(db, appClient)
    startAppClient?.()
  }
  return appClient
}

/**
 * The app's search index. Usable at once: queries asked before start-up finishes wait for it.
 */
export const searchIndex: SearchIndexClient = {
  async search(query, mode, limit) {
    await appClientStarted
    return appClient!.search(query, mode, limit)
  },
  async matchingIds(query, recordType) {
    await appClientStarted
    return appClient!.matchingIds(query, recordType)
  },
  async notifyChanged() {
    await appClientStarted
    return appClient!.notifyChanged()
  },
  get status() {
    return appClient?.status ?? { state: 'opening' }
  },
  onStatus(listener) {
    if (appClient !== undefined) return appClient.onStatus(listener)
    let stop: (() => void) | undefined
    let isStopped = false
    listener({ state: 'opening' })
    void appClientStarted.then(() => {
      if (!isStopped) stop = appClient!.onStatus(listener)
    })
    return () => {
      isStopped = true
      stop?.()
    }
  },
  close() {
    appClient?.close()
  }
}
