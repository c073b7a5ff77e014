import { dayKeyOf, dayNumberOf } from './dayNumber'
import { TIMELINE_GROUPINGS, type TimelineGrouping } from './timelineLanes'
import { clampPxPerDay, snapScale, type TimelineScale } from './timelineScale'

/** Which records the timeline shows; at most one of the scope fields is used, with `query` narrowing further. */
export interface TimelineScope {
  readonly query: string
  readonly organisationId?: string
  readonly jurisdictionId?: string
  readonly lawId?: string
  readonly savedSearchId?: string
}

/** Everything a bookmark of the timeline restores. `scale` is absent until the view has been moved or zoomed. */
export interface TimelineViewState {
  readonly scope: TimelineScope
  readonly grouping: TimelineGrouping
  readonly scale?: TimelineScale
  readonly collapsedLaneKeys: readonly string[]
  readonly laneOrder: readonly string[]
}

/** A route query as vue-router gives it: a value, several, or none. */
export type RouteQuery = Readonly<Record<string, string | null | readonly (string | null)[] | undefined>>

function first(query: RouteQuery, name: string): string | undefined {
  const value = query[name]
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && text !== '' ? text : undefined
}

function list(query: RouteQuery, name: string): string[] {
  return (first(query, name) ?? '').split(',').filter((part) => part !== '')
}

const FROM = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/

function parseFrom(text: string | undefined): number | undefined {
  const match = text === undefined ? null : FROM.exec(text)
  if (match === null || match[1] === undefined) return undefined
  try {
    return dayNumberOf(match[1]) + (Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)) / 1440
  } catch {
    return undefined
  }
}

function formatFrom(startDay: number): string {
  const day = Math.floor(startDay)
  const minutes = Math.round((startDay - day) * 1440)
  if (minutes === 0) return dayKeyOf(day)
  return `${dayKeyOf(day)}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * Reads the timeline's state from its address (`/timeline?q=…&group=…&from=2017-06-01&zoom=2.5
 * &collapsed=…&order=…`, plus one of `org`, `jurisdiction`, `law`, `saved`). Anything unreadable
 * falls back to the default rather than failing, so an old or hand-edited bookmark still opens.
 */
export function readTimelineViewState(query: RouteQuery): TimelineViewState {
  const groupText = first(query, 'group')
  const grouping = TIMELINE_GROUPINGS.find((candidate) => candidate === groupText) ?? 'jurisdiction'
  const startDay = parseFrom(first(query, 'from'))
  const zoom = Number(first(query, 'zoom'))
  const scale = startDay !== undefined && Number.isFinite(zoom) && zoom > 0 ? { startDay, pxPerDay: clampPxPerDay(zoom) } : undefined
  const scope: TimelineScope = {
    query: first(query, 'q') ?? '',
    ...optional('organisationId', first(query, 'org')),
    ...optional('jurisdictionId', first(query, 'jurisdiction')),
    ...optional('lawId', first(query, 'law')),
    ...optional('savedSearchId', first(query, 'saved'))
  }
  return {
    scope,
    grouping,
    ...(scale === undefined ? {} : { scale }),
    collapsedLaneKeys: list(query, 'collapsed'),
    laneOrder: list(query, 'order')
  }
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>)
}

/** Writes the state as a route query (empty parts left out), the inverse of `readTimelineViewState`. */
export function writeTimelineViewState(state: TimelineViewState): Record<string, string> {
  const query: Record<string, string> = {}
  if (state.scope.query !== '') query.q = state.scope.query
  if (state.scope.organisationId !== undefined) query.org = state.scope.organisationId
  if (state.scope.jurisdictionId !== undefined) query.jurisdiction = state.scope.jurisdictionId
  if (state.scope.lawId !== undefined) query.law = state.scope.lawId
  if (state.scope.savedSearchId !== undefined) query.saved = state.scope.savedSearchId
  query.group = state.grouping
  if (state.scale !== undefined) {
    const snapped = snapScale(state.scale)
    query.from = formatFrom(snapped.startDay)
    query.zoom = String(snapped.pxPerDay)
  }
  if (state.collapsedLaneKeys.length > 0) query.collapsed = state.collapsedLaneKeys.join(',')
  if (state.laneOrder.length > 0) query.order = state.laneOrder.join(',')
  return query
}
