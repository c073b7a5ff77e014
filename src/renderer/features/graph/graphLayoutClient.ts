import type { GraphLayout, GraphShape } from './graphForceLayout'
import { createGraphLayoutHost } from './graphLayoutHost'
import { graphLayoutReplySchema, graphShapeOf, layoutOfReply, type GraphLayoutReply, type GraphLayoutRequest } from './graphLayoutProtocol'

/** Both ends of the conversation with the layout worker: a Worker, or the host in this thread. */
export interface GraphLayoutPort {
  post(request: GraphLayoutRequest): void
  /** Every message received (parsed by the client); `broken` when the worker could not start or stopped. */
  onReply(listener: (reply: unknown) => void, onBroken: (message: string) => void): void
  close(): void
}

/** The layout in a same-origin module worker (bundled by Vite as its own file, so the CSP's `worker-src 'self'` allows it). */
export function workerPort(): GraphLayoutPort {
  const worker = new Worker(new URL('./graphLayout.worker.ts', import.meta.url), { type: 'module', name: 'graph-layout' })
  return {
    post: (request) => worker.postMessage(request),
    onReply: (listener, onBroken) => {
      worker.addEventListener('message', (event: MessageEvent<unknown>) => listener(event.data))
      worker.addEventListener('error', (event) => {
        event.preventDefault()
        onBroken(event.message || 'The graph layout worker stopped')
      })
    },
    close: () => worker.terminate()
  }
}

/** The layout in this thread, where `Worker` is unavailable (and in component tests): same host, replies on a later task. */
export function inThreadPort(): GraphLayoutPort {
  const listeners: ((reply: unknown) => void)[] = []
  const post = (reply: GraphLayoutReply): void => void setTimeout(() => listeners.forEach((listener) => listener(reply)), 0)
  const host = createGraphLayoutHost(post, () => new Promise((resolve) => setTimeout(resolve, 0)))
  return {
    post: (request) => host.handle(request),
    onReply: (listener) => void listeners.push(listener),
    close: () => undefined
  }
}

/** One layout asked for: its result (undefined once cancelled or superseded by a newer request), and how to stop it. */
export interface PendingGraphLayout {
  readonly result: Promise<GraphLayout | undefined>
  cancel(): void
}

export interface GraphLayoutClient {
  /** Lays out a graph off the page's thread. Asking again makes the previous request stale: it resolves undefined. */
  layout(graph: GraphShape): PendingGraphLayout
  close(): void
}

/** A client over a port. Replies are parsed and matched to the newest request; older ones are dropped. */
export function createGraphLayoutClient(port: GraphLayoutPort): GraphLayoutClient {
  let nextId = 1
  let broken: string | undefined
  const pending = new Map<number, { resolve: (layout: GraphLayout | undefined) => void; reject: (error: Error) => void }>()
  const settle = (id: number, outcome: { layout?: GraphLayout; error?: Error }): void => {
    const waiting = pending.get(id)
    if (waiting === undefined) return
    pending.delete(id)
    if (outcome.error) waiting.reject(outcome.error)
    else waiting.resolve(outcome.layout)
  }
  port.onReply(
    (message) => {
      const parsed = graphLayoutReplySchema.safeParse(message)
      if (!parsed.success) {
        for (const id of [...pending.keys()]) settle(id, { error: new Error('The graph layout worker answered something unreadable') })
        return
      }
      const reply = parsed.data
      if (reply.kind === 'failed') settle(reply.id, { error: new Error(reply.message) })
      else settle(reply.id, { layout: layoutOfReply(reply) })
    },
    (message) => {
      broken = message
      for (const id of [...pending.keys()]) settle(id, { error: new Error(message) })
    }
  )
  return {
    layout(graph) {
      const id = nextId
      nextId += 1
      // Only the newest request is wanted: older ones resolve undefined now (the host stops them too).
      for (const olderId of [...pending.keys()]) settle(olderId, {})
      const result = new Promise<GraphLayout | undefined>((resolve, reject) => {
        if (broken !== undefined) {
          reject(new Error(broken))
          return
        }
        pending.set(id, { resolve, reject })
        port.post({ kind: 'layout', id, graph: graphShapeOf(graph) })
      })
      return {
        result,
        cancel() {
          if (!pending.has(id)) return
          settle(id, {})
          port.post({ kind: 'cancel', id })
        }
      }
    },
    close() {
      for (const id of [...pending.keys()]) settle(id, {})
      port.close()
    }
  }
}

let appClient: GraphLayoutClient | undefined

/** The app's graph layout worker, started on first use (a Web Worker, or this thread where workers are unavailable). */
export function graphLayoutClient(): GraphLayoutClient {
  appClient ??= createGraphLayoutClient(typeof Worker === 'undefined' ? inThreadPort() : workerPort())
  return appClient
}
