import { z } from '@shared/lib/zod'
import type { GraphLayout, GraphShape } from './graphForceLayout'

// The conversation with the graph layout worker. Both ends parse what they receive with these
// schemas, so a malformed message is refused with a reason instead of drawing a broken graph.

const graphShapeSchema = z.object({
  nodes: z.array(z.object({ id: z.string(), distance: z.number().int().nonnegative() })),
  edges: z.array(z.object({ from: z.string(), to: z.string() }))
})

export const graphLayoutRequestSchema = z.discriminatedUnion('kind', [
  /** Lay out this graph; a newer `layout` request makes every older one stale (it is dropped, unfinished). */
  z.object({ kind: z.literal('layout'), id: z.number().int(), graph: graphShapeSchema }),
  /** The page no longer wants this layout (the graph changed or the view closed). */
  z.object({ kind: z.literal('cancel'), id: z.number().int() })
])

const pointSchema = z.object({ x: z.number(), y: z.number() })

export const graphLayoutReplySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('layout'),
    id: z.number().int(),
    positions: z.array(z.tuple([z.string(), pointSchema])),
    bounds: z.object({ minX: z.number(), minY: z.number(), width: z.number(), height: z.number() })
  }),
  z.object({ kind: z.literal('failed'), id: z.number().int(), message: z.string() })
])

export type GraphLayoutRequest = z.infer<typeof graphLayoutRequestSchema>
export type GraphLayoutReply = z.infer<typeof graphLayoutReplySchema>

/** The part of a graph sent to the worker: ids, distances and links, never labels or records. */
export function graphShapeOf(graph: GraphShape): z.infer<typeof graphShapeSchema> {
  return { nodes: graph.nodes.map(({ id, distance }) => ({ id, distance })), edges: graph.edges.map(({ from, to }) => ({ from, to })) }
}

export function layoutReply(id: number, layout: GraphLayout): GraphLayoutReply {
  return { kind: 'layout', id, positions: [...layout.positions].map(([nodeId, point]) => [nodeId, { x: point.x, y: point.y }]), bounds: { ...layout.bounds } }
}

export function layoutOfReply(reply: Extract<GraphLayoutReply, { kind: 'layout' }>): GraphLayout {
  return { positions: new Map(reply.positions), bounds: reply.bounds }
}
