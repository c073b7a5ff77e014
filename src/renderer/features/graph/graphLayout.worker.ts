import { createGraphLayoutHost } from './graphLayoutHost'
import type { GraphLayoutReply } from './graphLayoutProtocol'

// The relationship graph's force layout (300 ticks of d3-force, about a second at 150 nodes on a
// slow machine), off the page's thread so the graph view never freezes while it settles.
// NOTE: typed by hand because the web tsconfig has the DOM library, which clashes with "webworker".
const scope = globalThis as unknown as {
  postMessage(reply: GraphLayoutReply): void
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void
}

// A macrotask between slices, so a newer request or a cancel is received before the next slice.
const pause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0))
const host = createGraphLayoutHost((reply) => scope.postMessage(reply), pause)

scope.addEventListener('message', (event) => host.handle(event.data))
