import type { LocationQuery, LocationQueryRaw, RouteLocationRaw } from 'vue-router'
import { RECORD_TYPES, type RecordType } from '@shared/domain/recordTypes'
import type { GraphHops } from '@shared/graph/relationshipGraph'

/** What the graph page shows, as kept in its address. */
export interface GraphSettings {
  readonly hops: GraphHops
  /** Record types left out of the graph (the start record is shown whatever its type). */
  readonly hiddenTypes: readonly RecordType[]
}

// Sources are hidden unless asked for: every cited article would otherwise crowd out the
// organisations, laws and responses the graph is for.
const DEFAULT_HIDDEN_TYPES: readonly RecordType[] = ['source']

/** Reads the settings from the address; anything unexpected means the default (1 hop, sources hidden). */
export function readGraphSettings(query: LocationQuery): GraphSettings {
  const hide = typeof query.hide === 'string' ? query.hide.split(',') : undefined
  return {
    hops: query.hops === '2' ? 2 : 1,
    hiddenTypes: hide === undefined ? DEFAULT_HIDDEN_TYPES : RECORD_TYPES.filter((type) => hide.includes(type))
  }
}

/** The address query for these settings; defaults are left out so plain addresses stay plain. */
export function graphQuery(settings: GraphSettings): LocationQueryRaw {
  const hidden = RECORD_TYPES.filter((type) => settings.hiddenTypes.includes(type))
  const isDefaultHidden = hidden.length === DEFAULT_HIDDEN_TYPES.length && hidden.every((type) => DEFAULT_HIDDEN_TYPES.includes(type))
  return { ...(settings.hops === 2 ? { hops: '2' } : {}), ...(isDefaultHidden ? {} : { hide: hidden.join(',') }) }
}

/** The graph page of a record. */
export function graphRoute(type: RecordType, id: string, settings?: GraphSettings): RouteLocationRaw {
  return { name: 'relationship-graph', params: { type, id }, query: settings ? graphQuery(settings) : {} }
}
