import { effectScope, shallowRef, watch, type ShallowRef } from 'vue'
import type { ComparisonSubject } from '@shared/analytics/jurisdictionComparison'
import type { AppLocale } from '@shared/locale/interfaceLocales'
import type { RecordMatch } from '@shared/domain/recordMatching'
import type { PickerOption } from '@shared/domain/recordPickerOption'
import { getDatabase, useRecordWriteSignal, type PrecedentDatabase } from '@renderer/db'
import { createViewDataHost } from './viewDataHost'
import type { TimelineLocation, TimelineWindow, TimelineWindowRequest } from '@shared/timeline/timelineWindow'
import type {
  ChartsRequestBody,
  ChartsViewData,
  ComparisonViewData,
  PickerMatchesRequestBody,
  TimelineLayoutRequestBody,
  TimelineLocateRequestBody,
  TimelineSummary,
  ViewDataReply,
  ViewDataRequest
} from './viewDataProtocol'
import { ViewDataService } from './viewDataService'

/** Both ends of the conversation with the views worker: a Worker, or the service in this thread. */
export interface ViewDataPort {
  post(request: ViewDataRequest): void
  onReply(listener: (reply: ViewDataReply) => void): void
  close(): void
}

/** The views in a Web Worker (bundled by Vite as its own file, so the CSP's `worker-src 'self'` allows it). */
export function workerPort(): ViewDataPort {
  const worker = new Worker(new URL('./viewData.worker.ts', import.meta.url), { type: 'module', name: 'views' })
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener) => {
      worker.addEventListener('message', (event: MessageEvent<ViewDataReply>) => listener(event.data))
      // A worker that cannot load or crashes says so, so the views show an error instead of waiting forever.
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        listener({ kind: 'broken', message: event.message || 'The views worker stopped' })
      })
    },
    close: () => worker.terminate()
  }
}

/** The views in this thread, where `Worker` is unavailable (and in tests): same protocol, same service. */
export function inThreadPort(db: PrecedentDatabase): ViewDataPort {
  const listeners: ((reply: ViewDataReply) => void)[] = []
  // Replies go out on a later task, as from a worker, so callers never depend on synchronous answers.
  const post = (reply: ViewDataReply): void => void Promise.resolve().then(() => listeners.forEach((listener) => listener(reply)))
  const host = createViewDataHost(new ViewDataService(db), post)
  return {
    post: (request) => host.handle(request),
    onReply: (listener) => void listeners.push(listener),
    close: () => undefined
  }
}

/** The page's promise API over the views worker. */
export interface ViewDataClient {
  /** Opens a timeline in the worker: totals, facets, jump choices and the id of the layout it keeps. */
  timeline(request: TimelineLayoutRequestBody): Promise<TimelineSummary>
  /** The part of a kept timeline layout around a view. */
  timelineWindow(layoutId: number, request: TimelineWindowRequest): Promise<TimelineWindow>
  timelineLocate(request: TimelineLocateRequestBody): Promise<TimelineLocation | undefined>
  /** Every lane key of a kept layout in drawn order, or every record it shows (exports, briefings). */
  timelineKeys(layoutId: number, what: 'lanes' | 'records'): Promise<readonly string[]>
  charts(request: ChartsRequestBody): Promise<ChartsViewData>
  comparison(subject: ComparisonSubject, locale: AppLocale): Promise<ComparisonViewData>
  /** Picker options that best match typed text (every type but sources). */
  pickerMatches(request: PickerMatchesRequestBody): Promise<readonly RecordMatch<PickerOption>[]>
  /** Reads the records in the worker now, so the first view opens from memory. */
  preload(): Promise<void>
  /** Tells the worker something was written; resolves once it has caught up, true when a view's records changed. */
  notifyChanged(): Promise<boolean>
  /** Counts the changes the worker has applied: views ask again when it moves. */
  readonly changes: ShallowRef<number>
  close(): void
}

type Body<K extends ViewDataRequest['kind']> = Omit<Extract<ViewDataRequest, { kind: K }>, 'id' | 'kind'>

/** A client over a port. Replies are matched to requests by id; a failed request rejects with its message. */
export function createViewDataClient(port: ViewDataPort): ViewDataClient {
  let nextId = 1
  let broken: string | undefined
  const changes = shallowRef(0)
  const pending = new Map<number, { resolve: (reply: ViewDataReply) => void; reject: (error: Error) => void }>()
  port.onReply((reply) => {
    if (reply.kind === 'broken') {
      broken = reply.message
      for (const waiting of pending.values()) waiting.reject(new Error(reply.message))
      pending.clear()
      return
    }
    const waiting = pending.get(reply.id)
    if (waiting === undefined) return
    pending.delete(reply.id)
    if (reply.kind === 'failed') waiting.reject(new Error(reply.message))
    else waiting.resolve(reply)
  })
  const request = <K extends ViewDataRequest['kind']>(kind: K, body: Body<K>): Promise<ViewDataReply> =>
    new Promise((resolve, reject) => {
      if (broken !== undefined) {
        reject(new Error(broken))
        return
      }
      const id = nextId
      nextId += 1
      pending.set(id, { resolve, reject })
      port.post({ id, kind, ...body } as ViewDataRequest)
    })
  const expect = async <K extends ViewDataReply['kind']>(reply: Promise<ViewDataReply>, kind: K): Promise<Extract<ViewDataReply, { kind: K }>> => {
    const answer = await reply
    if (answer.kind !== kind) throw new Error('The views worker answered something else')
    return answer as Extract<ViewDataReply, { kind: K }>
  }
  return {
    async timeline(body) {
      return (await expect(request('timeline', body), 'timeline')).data
    },
    async timelineWindow(layoutId, windowRequest) {
      return (await expect(request('timeline-window', { layoutId, request: windowRequest }), 'timeline-window')).data
    },
    async timelineLocate(body) {
      return (await expect(request('timeline-locate', body), 'timeline-locate')).data
    },
    async timelineKeys(layoutId, what) {
      return (await expect(request(what === 'lanes' ? 'timeline-lane-keys' : 'timeline-record-ids', { layoutId }), 'timeline-keys')).data
    },
    async charts(body) {
      return (await expect(request('charts', body), 'charts')).data
    },
    async comparison(subject, locale) {
      return (await expect(request('comparison', { subject, locale }), 'comparison')).data
    },
    async pickerMatches(body) {
      return (await expect(request('picker-matches', body), 'picker-matches')).data
    },
    async preload() {
      await expect(request('preload', {}), 'done')
    },
    async notifyChanged() {
      const { moved } = await expect(request('changed', {}), 'done')
      if (moved) changes.value += 1
      return moved
    },
    changes,
    close() {
      for (const waiting of pending.values()) waiting.reject(new Error('The views worker was closed'))
      pending.clear()
      port.close()
    }
  }
}

/** Tells the worker about every committed write, for as long as the page lives. */
function followChanges(db: PrecedentDatabase, client: Pick<ViewDataClient, 'notifyChanged'>): void {
  const writes = useRecordWriteSignal(db)
  // The first answer is followed too: a write between the worker's first read and it is then not missed.
  watch(writes.data, (current, previous) => {
    if (current === previous) return
    client.notifyChanged().catch((error: unknown) => console.warn('[views] the views worker could not follow a change', error))
  })
}

let appClient: ViewDataClient | undefined

/** The app's views worker, started on first use (a Web Worker, or this thread where workers are unavailable). */
export function viewData(): ViewDataClient {
  if (appClient === undefined) {
    const db = getDatabase()
    appClient = createViewDataClient(typeof Worker === 'undefined' ? inThreadPort(db) : workerPort())
    const client = appClient
    // Detached: the first view to ask may be a component whose scope ends when it closes; this lives as long as the page.
    effectScope(true).run(() => followChanges(db, client))
  }
  return appClient
}

/**
 * Reads the views' records in the worker once `mayStart` settles (the app starts it when the search
 * index is ready and the person pauses) and the page is idle, so the first Timeline, Charts or
 * Compare opens from memory without slowing the first search or the lists opened meanwhile.
 */
export function preloadViewDataWhenIdle(mayStart: Promise<void>): void {
  void mayStart.then(() => {
    const start = (): void =>
      void viewData()
        .preload()
        .catch((error: unknown) => console.warn('[views] the records could not be read ahead', error))
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 5_000 })
    else setTimeout(start, 0)
  })
}
