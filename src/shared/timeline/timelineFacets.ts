import { INCIDENT_CATEGORY_LABELS } from '../domain/incident'
import { RECORD_TYPE_LABELS } from '../domain/recordTypes'
import { calendarOf } from './dayNumber'
import type { TimelineItem } from './timelineEvents'
import type { LaneLookups } from './timelineLanes'
import { compareNames } from '../domain/nameOrder'

export const TIMELINE_FACET_NAMES = ['type', 'jurisdiction', 'organisation', 'category', 'year'] as const
export type TimelineFacetName = (typeof TIMELINE_FACET_NAMES)[number]

export const TIMELINE_FACET_LABELS: Record<TimelineFacetName, string> = {
  type: 'Type',
  jurisdiction: 'Jurisdiction',
  organisation: 'Organisation',
  category: 'Category',
  year: 'Year'
}

/** One value to narrow by: how it reads, how many records on the timeline have it, and the words that narrow to it. */
export interface TimelineFacetEntry {
  readonly label: string
  readonly count: number
  /** In the search query language, e.g. `jurisdiction:CN`, `org:"Ant Financial"`, `year:2018`. */
  readonly filter: string
}

// The search page writes facet filters the same way: a value with spaces or quotes goes in quotes.
const quoted = (value: string): string => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value)

/**
 * Facets of what the timeline shows, counted by record (an incident with three dates counts once),
 * each value with the query-language filter that narrows to it, so the timeline narrows with the
 * same words as search. At most `limit` values per facet, the commonest first (years newest first).
 */
export function timelineFacets(items: readonly TimelineItem[], lookups: LaneLookups = {}, limit = 8): Record<TimelineFacetName, TimelineFacetEntry[]> {
  const counts: Record<TimelineFacetName, Map<string, Set<string>>> = {
    type: new Map(),
    jurisdiction: new Map(),
    organisation: new Map(),
    category: new Map(),
    year: new Map()
  }
  const count = (facet: TimelineFacetName, value: string, recordId: string): void => {
    const records = counts[facet].get(value)
    if (records === undefined) counts[facet].set(value, new Set([recordId]))
    else records.add(recordId)
  }
  for (const item of items) {
    count('type', item.recordType, item.recordId)
    for (const id of item.memberships.jurisdiction) count('jurisdiction', id, item.recordId)
    for (const id of item.memberships.organisation) count('organisation', id, item.recordId)
    for (const category of item.memberships.category) count('category', category, item.recordId)
    if (item.shape === 'event') count('year', String(calendarOf(item.startDay).year), item.recordId)
  }
  const entries = (facet: TimelineFacetName, describe: (value: string) => { label: string; filter: string }): TimelineFacetEntry[] => {
    const list = [...counts[facet]].map(([value, records]) => ({ value, count: records.size, ...describe(value) }))
    list.sort(facet === 'year' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || compareNames(a.label, b.label))
    return list.slice(0, limit).map(({ label, count: total, filter }) => ({ label, count: total, filter }))
  }
  return {
    type: entries('type', (value) => ({ label: RECORD_TYPE_LABELS[value as TimelineItem['recordType']].plural, filter: `type:${value}` })),
    jurisdiction: entries('jurisdiction', (value) => ({ label: lookups.jurisdictionName?.(value) ?? value, filter: `jurisdiction:${quoted(value)}` })),
    organisation: entries('organisation', (value) => {
      const name = lookups.organisationName?.(value) ?? value
      return { label: name, filter: `org:${quoted(name)}` }
    }),
    category: entries('category', (value) => ({
      label: INCIDENT_CATEGORY_LABELS[value as keyof typeof INCIDENT_CATEGORY_LABELS],
      filter: `category:${value}`
    })),
    year: entries('year', (value) => ({ label: value, filter: `year:${value}` }))
  }
}

/** Adds a filter to a query unless it is already there. */
export function withTimelineFilter(query: string, filter: string): string {
  const trimmed = query.trim()
  if (trimmed.split(/\s+/).includes(filter)) return trimmed
  return trimmed === '' ? filter : `${trimmed} ${filter}`
}
