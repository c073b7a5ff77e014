import { settleGraphLayout } from './graphForceLayout'
import { graphLayoutRequestSchema, layoutReply, type GraphLayoutReply } from './graphLayoutProtocol'

/**
 * Serves layout requests (in the worker, or in this thread where there are no workers). Only the
 * newest request is worked on: a newer one, or a `cancel`, stops an older layout between two
 * slices of ticks, and nothing is posted for it.
 */
export function createGraphLayoutHost(post: (reply: GraphLayoutReply) => void, pause: () => Promise<void>) {
  let wantedId: number | undefined
  return {
    handle(message: unknown): void {
      const parsed = graphLayoutRequestSchema.safeParse(message)
      if (!parsed.success) {
        const id = typeof (message as { id?: unknown } | null)?.id === 'number' ? (message as { id: number }).id : -1
        post({ kind: 'failed', id, message: `The layout request was not understood: ${parsed.error.issues[0]?.message ?? 'unknown shape'}` })
        return
      }
      const request = parsed.data
      if (request.kind === 'cancel') {
        if (wantedId === request.id) wantedId = undefined
        return
      }
      wantedId = request.id
      settleGraphLayout(request.graph, () => wantedId === request.id, pause).then(
        (layout) => {
          if (layout !== undefined) post(layoutReply(request.id, layout))
        },
        (error: unknown) => post({ kind: 'failed', id: request.id, message: error instanceof Error ? error.message : String(error) })
      )
    }
  }
}
