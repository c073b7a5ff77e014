import { effectScope, shallowRef, watch, type Ref } from 'vue'
import { getDatabase, useRecordWriteSignal, type PrecedentDatabase } from '@renderer/db'
import type { DuplicatePairsReply, DuplicatePairsRequest, DuplicatePairsStatus } from './duplicatePairsProtocol'
import { DuplicatePairsService } from './duplicatePairsService'

interface DuplicatePairsPort {
  post(request: DuplicatePairsRequest): void
  onReply(listener: (reply: DuplicatePairsReply) => void): void
}

function workerPort(): DuplicatePairsPort {
  const worker = new Worker(new URL('./duplicatePairs.worker.ts', import.meta.url), { type: 'module', name: 'duplicate-pairs' })
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.addEventListener('message', (event: MessageEvent<DuplicatePairsReply>) => listener(event.data))
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        listener({ kind: 'status', status: { state: 'failed', message: event.message || 'The duplicates worker stopped' } })
      })
    }
  }
}

// Where `Worker` is unavailable (and in component tests): the same service in this thread.
function inThreadPort(db: PrecedentDatabase): DuplicatePairsPort {
  const listeners: ((reply: DuplicatePairsReply) => void)[] = []
  const post = (reply: DuplicatePairsReply): void => void Promise.resolve().then(() => listeners.forEach((listener) => listener(reply)))
  const service = new DuplicatePairsService(db, { onStatus: (status) => post({ kind: 'status', status }) })
  void service.open().catch((error: unknown) => console.error('[duplicates] the pairs could not be computed', error))
  return {
    post: (request) =>
      void service.applyChanges().then(
        () => post({ id: request.id, kind: 'done' }),
        (error: unknown) => post({ id: request.id, kind: 'failed', message: error instanceof Error ? error.message : String(error) })
      ),
    onReply: (listener) => void listeners.push(listener)
  }
}

let status: Ref<DuplicatePairsStatus> | undefined

/**
 * Starts, once, the worker that keeps the stored duplicate pairs up to date, and tells it about every
 * committed write from then on; returns its status (computing with progress, ready, failed).
 */
export function startDuplicatePairs(): Readonly<Ref<DuplicatePairsStatus>> {
  if (status !== undefined) return status
  const current = shallowRef<DuplicatePairsStatus>({ state: 'opening' })
  status = current
  const db = getDatabase()
  const port = typeof Worker === 'undefined' ? inThreadPort(db) : workerPort()
  let nextId = 1
  port.onReply((reply) => {
    if (reply.kind === 'status') current.value = reply.status
    else if (reply.kind === 'failed') console.warn('[duplicates] the pairs could not follow a change', reply.message)
  })
  // Detached: it follows changes for as long as the page lives, not only while one view is shown.
  effectScope(true).run(() => {
    const writes = useRecordWriteSignal(db, ['organisations', 'incidents'])
    watch(writes.data, (now, before) => {
      // The first answer too: a write may land between the worker's opening read and this one; a catch-up with nothing new is cheap.
      if (now === before) return
      port.post({ id: nextId, kind: 'changed' })
      nextId += 1
    })
  })
  return current
}

/**
 * Starts the duplicates worker once `mayStart` settles (the app starts it when the search index is
 * ready and the person pauses) and the page is idle, so the pairs follow imports in the background
 * and the Duplicates page opens on stored pairs instead of waiting for a first pass over every record.
 */
export function startDuplicatePairsWhenIdle(mayStart: Promise<void>): void {
  void mayStart.then(() => {
    const start = (): void => void startDuplicatePairs()
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 10_000 })
    else setTimeout(start, 0)
  })
}
