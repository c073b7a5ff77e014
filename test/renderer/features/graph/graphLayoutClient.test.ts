import { describe, expect, it } from 'vitest'
import { createGraphLayoutClient, inThreadPort, type GraphLayoutPort } from '../../../../src/renderer/features/graph/graphLayoutClient'
import { createGraphLayoutHost } from '../../../../src/renderer/features/graph/graphLayoutHost'
import { layoutRelationshipGraph } from '../../../../src/renderer/features/graph/graphForceLayout'
import type { GraphLayoutReply } from '../../../../src/renderer/features/graph/graphLayoutProtocol'
import { antFinancialGraph } from './graphFixture'

const oneNode = { nodes: [{ id: 'org-a', distance: 0 }], edges: [] }

describe('the graph layout client and host', () => {
  it('answers with the force layout of the graph', async () => {
    const client = createGraphLayoutClient(inThreadPort())

    const layout = await client.layout(antFinancialGraph).result

    expect(layout).toEqual(layoutRelationshipGraph(antFinancialGraph))
  })

  it('drops a superseded request: it resolves undefined and only the newest is answered', async () => {
    const client = createGraphLayoutClient(inThreadPort())

    const first = client.layout(antFinancialGraph)
    const second = client.layout(oneNode)

    await expect(first.result).resolves.toBeUndefined()
    await expect(second.result).resolves.toMatchObject({ positions: new Map([['org-a', { x: 0, y: 0 }]]) })
  })

  it('stops a cancelled layout in the host without posting anything for it', async () => {
    const posted: GraphLayoutReply[] = []
    let pauses = 0
    const host = createGraphLayoutHost(
      (reply) => posted.push(reply),
      async () => {
        pauses += 1
        if (pauses === 1) host.handle({ kind: 'cancel', id: 7 })
      }
    )

    host.handle({ kind: 'layout', id: 7, graph: antFinancialGraph })
    await new Promise((resolve) => setTimeout(resolve, 10))

    expect(pauses).toBe(1)
    expect(posted).toEqual([])
  })

  it('refuses a malformed request with a reason', () => {
    const posted: GraphLayoutReply[] = []
    const host = createGraphLayoutHost(
      (reply) => posted.push(reply),
      () => Promise.resolve()
    )

    host.handle({ kind: 'layout', id: 3, graph: { nodes: [{ id: 1 }], edges: [] } })

    expect(posted).toEqual([{ kind: 'failed', id: 3, message: expect.stringContaining('The layout request was not understood') as string }])
  })

  it('rejects when the worker answers something unreadable, or stops', async () => {
    let deliver: (reply: unknown) => void = () => undefined
    let breakIt: (message: string) => void = () => undefined
    const port: GraphLayoutPort = {
      post: () => undefined,
      onReply: (listener, onBroken) => {
        deliver = listener
        breakIt = onBroken
      },
      close: () => undefined
    }
    const client = createGraphLayoutClient(port)

    const garbled = client.layout(oneNode)
    deliver({ kind: 'layout', id: 1, positions: 'nowhere' })
    await expect(garbled.result).rejects.toThrow('unreadable')

    breakIt('The graph layout worker stopped')
    await expect(client.layout(oneNode).result).rejects.toThrow('The graph layout worker stopped')
  })
})
