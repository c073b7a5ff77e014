import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { IncidentGrouping } from '@shared/analytics/incidentsPerYear'

/** What the charts page shows, kept in its address so a view of the charts can be bookmarked. */
export interface ChartsSettings {
  readonly incidentGrouping: IncidentGrouping
  readonly incidentFilter: string
  readonly responseFilter: string
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** Reads the settings from `?by=category&incidents=jurisdiction:CN&responses=kind:fine`; anything unknown falls back to the default. */
export function chartsSettingsFrom(query: LocationQuery): ChartsSettings {
  return {
    incidentGrouping: query.by === 'category' ? 'category' : 'jurisdiction',
    incidentFilter: text(query.incidents),
    responseFilter: text(query.responses)
  }
}

/** The address query for settings, leaving out defaults so plain `/charts` stays plain. */
export function chartsQueryOf(settings: ChartsSettings): LocationQueryRaw {
  return {
    ...(settings.incidentGrouping === 'category' ? { by: 'category' } : {}),
    ...(settings.incidentFilter === '' ? {} : { incidents: settings.incidentFilter }),
    ...(settings.responseFilter === '' ? {} : { responses: settings.responseFilter })
  }
}
