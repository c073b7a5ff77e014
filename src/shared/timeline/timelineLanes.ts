import { INCIDENT_CATEGORY_LABELS } from '../domain/incident'
import { RECORD_TYPE_LABELS } from '../domain/recordTypes'
import type { TimelineItem } from './timelineEvents'
import { compareNames } from '../domain/nameOrder'

export const TIMELINE_GROUPINGS = ['jurisdiction', 'organisation', 'type', 'category'] as const
export type TimelineGrouping = (typeof TIMELINE_GROUPINGS)[number]

export const TIMELINE_GROUPING_LABELS: Record<TimelineGrouping, string> = {
  jurisdiction: 'Jurisdiction',
  organisation: 'Organisation',
  type: 'Record type',
  category: 'Category'
}

/** Names for the ids items are grouped by; an unknown id is shown as itself. */
export interface LaneLookups {
  readonly jurisdictionName?: (id: string) => string | undefined
  readonly organisationName?: (id: string) => string | undefined
}

/** One row group of the timeline, with its items in chronological order. */
export interface TimelineLane {
  /** `<grouping>:<id>`, or `<grouping>:none` for items that belong to no group. */
  readonly key: string
  readonly label: string
  readonly items: readonly TimelineItem[]
}

export interface LaneAssignment {
  readonly lanes: readonly TimelineLane[]
  /** How many lanes each item key appears in: more than one marks the same event shown in several lanes. */
  readonly laneCountByKey: ReadonlyMap<string, number>
}

const NO_GROUP_LABELS: Record<TimelineGrouping, string> = {
  jurisdiction: 'No jurisdiction',
  organisation: 'No organisation',
  type: 'No type',
  category: 'No category'
}

function groupIdsOf(item: TimelineItem, grouping: TimelineGrouping): readonly string[] {
  switch (grouping) {
    case 'jurisdiction':
      return item.memberships.jurisdiction
    case 'organisation':
      return item.memberships.organisation
    case 'type':
      return [item.memberships.type]
    case 'category':
      return item.memberships.category
  }
}

function labelOf(grouping: TimelineGrouping, id: string, lookups: LaneLookups): string {
  switch (grouping) {
    case 'jurisdiction':
      return lookups.jurisdictionName?.(id) ?? id
    case 'organisation':
      return lookups.organisationName?.(id) ?? id
    case 'type':
      return RECORD_TYPE_LABELS[id as TimelineItem['recordType']].plural
    case 'category':
      return INCIDENT_CATEGORY_LABELS[id as keyof typeof INCIDENT_CATEGORY_LABELS]
  }
}

/**
 * Puts items into lanes by jurisdiction, organisation, record type or category. An item that
 * belongs to several groups (an incident involving Alipay and Ant Financial) is placed in each of
 * their lanes under the same key; items that belong to none share a "No …" lane, which comes
 * last. Lanes are ordered by label; items keep the order they came in (chronological).
 */
export function assignLanes(items: readonly TimelineItem[], grouping: TimelineGrouping, lookups: LaneLookups = {}): LaneAssignment {
  const laneItems = new Map<string, TimelineItem[]>()
  const laneCountByKey = new Map<string, number>()
  for (const item of items) {
    const ids = groupIdsOf(item, grouping)
    const laneIds = ids.length === 0 ? ['none'] : ids
    for (const id of laneIds) {
      const list = laneItems.get(id)
      if (list === undefined) laneItems.set(id, [item])
      else list.push(item)
    }
    laneCountByKey.set(item.key, (laneCountByKey.get(item.key) ?? 0) + laneIds.length)
  }
  const lanes = [...laneItems].map(([id, laneList]): TimelineLane & { readonly isNone: boolean } => ({
    key: `${grouping}:${id}`,
    label: id === 'none' ? NO_GROUP_LABELS[grouping] : labelOf(grouping, id, lookups),
    items: laneList,
    isNone: id === 'none'
  }))
  lanes.sort((a, b) => Number(a.isNone) - Number(b.isNone) || compareNames(a.label, b.label))
  return { lanes: lanes.map(({ key, label, items: laneList }) => ({ key, label, items: laneList })), laneCountByKey }
}

/**
 * Applies the order a person chose: lanes named in `preferredKeys` come first, in that order;
 * the rest keep their place after them.
 */
export function orderLanes<T extends { readonly key: string }>(lanes: readonly T[], preferredKeys: readonly string[]): T[] {
  const rank = new Map(preferredKeys.map((key, index) => [key, index]))
  return lanes
    .map((lane, index) => ({ lane, rank: rank.get(lane.key) ?? preferredKeys.length + index }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ lane }) => lane)
}

/** Moves one lane a place up (-1) or down (+1) and returns the full new order of keys. */
export function moveLane(laneKeys: readonly string[], key: string, offset: -1 | 1): string[] {
  const order = [...laneKeys]
  const from = order.indexOf(key)
  const to = from + offset
  if (from < 0 || to < 0 || to >= order.length) return order
  order.splice(from, 1)
  order.splice(to, 0, key)
  return order
}
