import type { Incident, IncidentCategory } from '../domain/incident'
import { RESPONSE_KIND_LABELS, type IncidentResponse, type ResponseKind } from '../domain/incidentResponse'
import type { Law } from '../domain/law'
import type { Organisation } from '../domain/organisation'
import { earliestDay, formatPartialDate, isApproximate, latestDay, type PartialDate } from '../domain/partialDate'
import { buildMatterChain } from '../domain/responseLifecycle'
import { dayNumberOf, type DayNumber } from './dayNumber'

/** Every kind of dated thing the timeline draws: one per kind of date a record can carry, and two kinds of range. */
export const TIMELINE_ITEM_KINDS = [
  'incident-occurred',
  'incident-disclosed',
  'incident-reported',
  'response',
  'law-draft',
  'law-adopted',
  'law-in-force',
  'law-applies-from',
  'law-amended',
  'law-repealed',
  'law-in-force-period',
  'matter-open'
] as const
export type TimelineItemKind = (typeof TIMELINE_ITEM_KINDS)[number]

export const TIMELINE_ITEM_KIND_LABELS: Record<Exclude<TimelineItemKind, 'response'>, string> = {
  'incident-occurred': 'Incident occurred',
  'incident-disclosed': 'Incident disclosed',
  'incident-reported': 'Incident reported',
  'law-draft': 'Draft published',
  'law-adopted': 'Law adopted',
  'law-in-force': 'Law in force',
  'law-applies-from': 'Law applies from',
  'law-amended': 'Law amended',
  'law-repealed': 'Law repealed',
  'law-in-force-period': 'Law in force',
  'matter-open': 'Matter open'
}

export type TimelineRecordType = 'incident' | 'response' | 'law'

/** The groups an item can be put in; an item may belong to several of each (an incident in two countries). */
export interface TimelineMemberships {
  readonly jurisdiction: readonly string[]
  readonly organisation: readonly string[]
  readonly type: TimelineRecordType
  readonly category: readonly IncidentCategory[]
}

/**
 * One thing on the timeline: an event (a dated step of a record) or a range (a law in force, a
 * matter open). Its span covers every day its date can mean: an event known to the month spans
 * the whole month, and its label says "May 2015", never a day.
 */
export interface TimelineItem {
  /** Unique in the timeline and the same in every lane the item appears in. */
  readonly key: string
  readonly shape: 'event' | 'range'
  readonly kind: TimelineItemKind
  /** "Incident occurred", "Apology", "Law in force" (English; `kind` and `responseKind` are the codes). */
  readonly kindLabel: string
  /** A response's kind (an event of kind `response`), for its words in another language. */
  readonly responseKind: ResponseKind | undefined
  readonly recordType: TimelineRecordType
  readonly recordId: string
  readonly title: string
  /** The recorded date, at its precision (events only). */
  readonly date: PartialDate | undefined
  /** A range's recorded dates (ranges only): from, and until when it is not open-ended. */
  readonly range: { readonly from: PartialDate; readonly until: PartialDate | undefined } | undefined
  /** The date in words at its precision, in English: "May 2015", "c. August 2017", "1 June 2017 – open-ended". */
  readonly dateLabel: string
  /** The first day covered. */
  readonly startDay: DayNumber
  /** The day after the last day covered, so a span's length in days is `endDay - startDay`. */
  readonly endDay: DayNumber
  readonly isApproximate: boolean
  /** A range still running on "today" (a law not repealed, a matter not concluded). */
  readonly isOpenEnded: boolean
  /** A measure only proposed or threatened (it changes nothing). */
  readonly isProposed: boolean
  readonly memberships: TimelineMemberships
}

/** A line from an incident to one of its responses. */
export interface TimelineLink {
  readonly fromKey: string
  readonly toKey: string
}

export interface TimelineRecords {
  readonly incidents: readonly Incident[]
  readonly responses: readonly IncidentResponse[]
  readonly laws: readonly Law[]
}

export interface TimelineEventOptions {
  /** `YYYY-MM-DD`: where open-ended ranges stop. Passed in, so the function stays pure. */
  readonly today: string
  /** Every incident known, to place a response in its incident's jurisdictions and categories when the incident itself is filtered out. */
  readonly allIncidents?: readonly Incident[]
  /** Organisations, to place a response with no incident in its actor's jurisdiction. */
  readonly organisations?: readonly Organisation[]
}

export interface TimelineContent {
  /** Events and ranges, in chronological order. */
  readonly items: readonly TimelineItem[]
  readonly links: readonly TimelineLink[]
  /** Records with no date at all; the view says how many are not drawn. */
  readonly undatedRecordIds: readonly string[]
}

const INCIDENT_DATES = [
  ['occurredOn', 'incident-occurred'],
  ['disclosedOn', 'incident-disclosed'],
  ['reportedOn', 'incident-reported']
] as const

const LAW_DATES = [
  ['draftOn', 'law-draft'],
  ['adoptedOn', 'law-adopted'],
  ['inForceOn', 'law-in-force'],
  ['appliesFromOn', 'law-applies-from'],
  ['repealedOn', 'law-repealed']
] as const

interface ItemBase {
  readonly recordType: TimelineRecordType
  readonly recordId: string
  readonly title: string
  readonly memberships: TimelineMemberships
}

interface DateFacts {
  readonly dateLabel: string
  readonly startDay: DayNumber
  readonly endDay: DayNumber
  readonly isApproximate: boolean
}

// Many events share a date; parsing each distinct date once keeps extraction linear and quick.
type DateFactsCache = Map<PartialDate, DateFacts>

// What a date says depends on its text alone, so the facts are kept between runs: the timeline is
// extracted again after every edit, and parsing ten thousand dates was a quarter of the work. The
// cap bounds the memory (a few days' dates across centuries); past it, the cache starts afresh.
const DATE_FACTS_CAP = 50_000
const dateFacts: DateFactsCache = new Map()
function sharedDateFacts(): DateFactsCache {
  if (dateFacts.size > DATE_FACTS_CAP) dateFacts.clear()
  return dateFacts
}

function factsOf(date: PartialDate, cache: DateFactsCache): DateFacts {
  let facts = cache.get(date)
  if (facts === undefined) {
    facts = {
      dateLabel: formatPartialDate(date),
      startDay: dayNumberOf(earliestDay(date)),
      endDay: dayNumberOf(latestDay(date)) + 1,
      isApproximate: isApproximate(date)
    }
    cache.set(date, facts)
  }
  return facts
}

function eventAt(
  base: ItemBase,
  key: string,
  kind: TimelineItemKind,
  kindLabel: string,
  date: PartialDate,
  cache: DateFactsCache,
  response?: { readonly kind: ResponseKind; readonly isProposed: boolean }
): TimelineItem {
  const facts = factsOf(date, cache)
  // Every item is built with the same fields in the same order: one object shape keeps sorting and layout fast.
  return {
    key,
    shape: 'event',
    kind,
    kindLabel,
    responseKind: response?.kind,
    recordType: base.recordType,
    recordId: base.recordId,
    title: base.title,
    date,
    range: undefined,
    dateLabel: facts.dateLabel,
    startDay: facts.startDay,
    endDay: facts.endDay,
    isApproximate: facts.isApproximate,
    isOpenEnded: false,
    isProposed: response?.isProposed ?? false,
    memberships: base.memberships
  }
}

function rangeBetween(
  base: ItemBase,
  key: string,
  kind: 'law-in-force-period' | 'matter-open',
  from: PartialDate,
  until: PartialDate | undefined,
  today: string,
  cache: DateFactsCache
): TimelineItem | undefined {
  const fromFacts = factsOf(from, cache)
  const untilFacts = until === undefined ? undefined : factsOf(until, cache)
  const startDay = fromFacts.startDay
  // A range ends where its closing date starts: a law repealed "2020" is known in force until 2020 at least.
  const endDay = untilFacts === undefined ? dayNumberOf(today) + 1 : Math.max(untilFacts.startDay, startDay + 1)
  if (untilFacts === undefined && endDay <= startDay) return undefined
  return {
    key,
    shape: 'range',
    kind,
    kindLabel: TIMELINE_ITEM_KIND_LABELS[kind],
    responseKind: undefined,
    recordType: base.recordType,
    recordId: base.recordId,
    title: base.title,
    date: undefined,
    range: { from, until },
    dateLabel: `${fromFacts.dateLabel} – ${untilFacts?.dateLabel ?? 'open-ended'}`,
    startDay,
    endDay,
    isApproximate: fromFacts.isApproximate || (untilFacts?.isApproximate ?? false),
    isOpenEnded: untilFacts === undefined,
    isProposed: false,
    memberships: base.memberships
  }
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)]
}

/** The key of the event an incident is linked from: when it happened, else when it came out. */
export function incidentAnchorKey(incident: Pick<Incident, 'id' | 'occurredOn' | 'disclosedOn' | 'reportedOn'>): string | undefined {
  for (const [field, kind] of INCIDENT_DATES) if (incident[field] !== undefined) return `${incident.id}:${kind}`
  return undefined
}

/**
 * Turns records into what the timeline draws: an event for every date an incident, response or
 * law carries, a bar for each law in force (in force → repealed, or open-ended) and each period a
 * matter was open (from the step that opened it to the step that concluded it, per
 * `buildMatterChain`), and a link from each incident to each of its responses in the set.
 */
export function timelineEvents(records: TimelineRecords, options: TimelineEventOptions): TimelineContent {
  const items: TimelineItem[] = []
  const links: TimelineLink[] = []
  const undatedRecordIds: string[] = []
  const incidentsById = new Map<string, Incident>()
  for (const incident of options.allIncidents ?? []) incidentsById.set(incident.id, incident)
  for (const incident of records.incidents) incidentsById.set(incident.id, incident)
  const organisationsById = new Map((options.organisations ?? []).map((organisation) => [organisation.id as string, organisation]))
  const anchorOf = new Map<string, string>()
  const cache = sharedDateFacts()
  const incidentBases = new Map<string, ItemBase>()

  for (const incident of records.incidents) {
    const base: ItemBase = {
      recordType: 'incident',
      recordId: incident.id,
      title: incident.title,
      memberships: {
        jurisdiction: unique(incident.jurisdictionIds),
        organisation: unique(incident.organisations.map((link) => link.organisationId)),
        type: 'incident',
        category: unique(incident.categories)
      }
    }
    incidentBases.set(incident.id, base)
    let hasDate = false
    for (const [field, kind] of INCIDENT_DATES) {
      const date = incident[field]
      if (date === undefined) continue
      hasDate = true
      items.push(eventAt(base, `${incident.id}:${kind}`, kind, TIMELINE_ITEM_KIND_LABELS[kind], date, cache))
    }
    if (!hasDate) undatedRecordIds.push(incident.id)
    const anchor = incidentAnchorKey(incident)
    if (anchor !== undefined) anchorOf.set(incident.id, anchor)
  }

  const responsesByIncident = new Map<string, IncidentResponse[]>()
  for (const response of records.responses) {
    const incidents = response.incidentIds.flatMap((id) => incidentsById.get(id) ?? [])
    const actor = organisationsById.get(response.actorId)
    const jurisdictions = incidents.flatMap((incident) => incident.jurisdictionIds)
    const memberships: TimelineMemberships = {
      jurisdiction: unique(jurisdictions.length > 0 || actor?.headquartersJurisdictionId === undefined ? jurisdictions : [actor.headquartersJurisdictionId]),
      organisation: unique([response.actorId, ...response.targetOrganisationIds]),
      type: 'response',
      category: unique(incidents.flatMap((incident) => incident.categories))
    }
    for (const incidentId of response.incidentIds) {
      const list = responsesByIncident.get(incidentId) ?? []
      list.push(response)
      responsesByIncident.set(incidentId, list)
    }
    if (response.datedOn === undefined) {
      undatedRecordIds.push(response.id)
      continue
    }
    const key = `${response.id}:response`
    const isProposed = response.stage === 'proposed'
    const kindLabel = `${RESPONSE_KIND_LABELS[response.kind]}${isProposed ? ' (proposed)' : ''}`
    items.push(
      eventAt({ recordType: 'response', recordId: response.id, title: response.title, memberships }, key, 'response', kindLabel, response.datedOn, cache, {
        kind: response.kind,
        isProposed
      })
    )
    for (const incidentId of response.incidentIds) {
      const anchor = anchorOf.get(incidentId)
      if (anchor !== undefined) links.push({ fromKey: anchor, toKey: key })
    }
  }

  for (const incident of records.incidents) {
    const chain = buildMatterChain(responsesByIncident.get(incident.id) ?? [])
    const base = incidentBases.get(incident.id)
    if (base === undefined) continue
    let openedOn: PartialDate | undefined
    let period = 0
    for (const step of chain.steps) {
      if (step.response.datedOn === undefined || !step.changesState) continue
      if (step.stateAfter === 'open' && openedOn === undefined) openedOn = step.response.datedOn
      else if (step.stateAfter !== 'open' && openedOn !== undefined) {
        const range = rangeBetween(base, `${incident.id}:matter-open:${period}`, 'matter-open', openedOn, step.response.datedOn, options.today, cache)
        if (range !== undefined) items.push(range)
        period += 1
        openedOn = undefined
      }
    }
    if (openedOn !== undefined) {
      const range = rangeBetween(base, `${incident.id}:matter-open:${period}`, 'matter-open', openedOn, undefined, options.today, cache)
      if (range !== undefined) items.push(range)
    }
  }

  for (const law of records.laws) {
    const base: ItemBase = {
      recordType: 'law',
      recordId: law.id,
      title: law.shortName ?? law.title,
      memberships: { jurisdiction: [law.jurisdictionId], organisation: [], type: 'law', category: [] }
    }
    let hasDate = false
    for (const [field, kind] of LAW_DATES) {
      const date = law[field]
      if (date === undefined) continue
      hasDate = true
      items.push(eventAt(base, `${law.id}:${kind}`, kind, TIMELINE_ITEM_KIND_LABELS[kind], date, cache))
    }
    law.amendedOn.forEach((date, index) => {
      hasDate = true
      items.push(eventAt(base, `${law.id}:law-amended:${index}`, 'law-amended', TIMELINE_ITEM_KIND_LABELS['law-amended'], date, cache))
    })
    if (!hasDate) undatedRecordIds.push(law.id)
    const inForceFrom = law.inForceOn ?? law.appliesFromOn
    if (inForceFrom !== undefined) {
      const range = rangeBetween(base, `${law.id}:law-in-force-period`, 'law-in-force-period', inForceFrom, law.repealedOn, options.today, cache)
      if (range !== undefined) items.push(range)
    }
  }

  items.sort(compareTimelineItems)
  return { items, links, undatedRecordIds }
}

const KIND_ORDER = new Map<TimelineItemKind, number>(TIMELINE_ITEM_KINDS.map((kind, index) => [kind, index]))

/**
 * Chronological order: by first day, then the longer span first (a year before a day in it), then
 * in the order of a record's life (occurred before disclosed; adopted before in force), then by key.
 */
export function compareTimelineItems(a: TimelineItem, b: TimelineItem): number {
  return (
    a.startDay - b.startDay ||
    b.endDay - a.endDay ||
    (KIND_ORDER.get(a.kind) ?? 0) - (KIND_ORDER.get(b.kind) ?? 0) ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  )
}

/**
 * What an item is called on the timeline and in its export: "Sesame Credit apologises on Weibo —
 * 3 January 2018"; a bar says what it is first ("Law in force: Cybersecurity Law — 1 June 2017 – open-ended").
 */
export function timelineItemLabel(item: Pick<TimelineItem, 'title' | 'dateLabel' | 'shape' | 'kindLabel'>): string {
  const label = `${item.title} — ${item.dateLabel}`
  return item.shape === 'range' ? `${item.kindLabel}: ${label}` : label
}

/**
 * The item in a sentence for screen readers and tooltips: its kind, label, and what the drawing
 * shows by shape alone (an approximate date, a proposed measure, a range still running).
 */
export function describeTimelineItem(item: TimelineItem): string {
  const notes = [item.isApproximate ? 'approximate date' : '', item.isOpenEnded ? 'still running' : ''].filter((note) => note !== '')
  const label = item.shape === 'range' ? timelineItemLabel(item) : `${item.kindLabel}: ${timelineItemLabel(item)}`
  return `${label}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`
}
