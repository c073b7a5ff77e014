import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router'
import type { RecordType } from '@shared/domain/recordTypes'
import type { GraphHops } from '@shared/graph/relationshipGraph'

/** What the graph page shows, as kept in its address. */
export interface GraphSettings {
  readonly hops: GraphHops
  readonly includeSources: boolean
}

/** Reads the settings from the address; anything unexpected means the default (1 hop, no sources). */
export function readGraphSettings(query: LocationQuery): GraphSettings {
  return { hops: query.hops === '2' ? 2 : 1, includeSources: query.sources === '1' }
}

/** The address query for these settings; defaults are left out so plain addresses stay plain. */
export function graphQuery(settings: GraphSettings): LocationQueryRaw {
  return { ...(settings.hops === 2 ? { hops: '2' } : {}), ...(settings.includeSources ? { sources: '1' } : {}) }
}

/** The graph page of a record. */
export function graphRoute(type: RecordType, id: string, settings?: GraphSettings): RouteLocationRaw {
  return { name: 'relationship-graph', params: { type, id }, query: settings ? graphQuery(settings) : {} }
}
