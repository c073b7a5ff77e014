import {
  createRecordRepository,
  feedHeadOf,
  readChangesSince,
  readFeedHead,
  readFeedPosition,
  readRowsInPages,
  sortRecordsOfType,
  type FeedMark,
  type FeedPosition,
  type PrecedentDatabase,
  type RecordRepository,
  type TableMark
} from '@renderer/db'
import { fromRow } from '@renderer/db/storedRow'
import { selectIncidentsForChart, selectResponsesForChart } from '@shared/analytics/chartFilter'
import { incidentsPerYear } from '@shared/analytics/incidentsPerYear'
import { compareJurisdictions, listFirstOfComparison, type ComparisonSubject, type JurisdictionComparison } from '@shared/analytics/jurisdictionComparison'
import { responsesByKindAndOutcome } from '@shared/analytics/responsesByKindAndOutcome'
import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import { jurisdictionNameIn, type Jurisdiction } from '@shared/domain/jurisdiction'
import type { AppLocale } from '@shared/locale/interfaceLocales'
import { matchRecords, type RecordMatch } from '@shared/domain/recordMatching'
import { pickerOptionOf, type PickerOption } from '@shared/domain/recordPickerOption'
import { typedRecord, type RecordOfType } from '@shared/domain/recordTypes'
import { parseQuery } from '@shared/search/queryLanguage'
import { timelineEvents } from '@shared/timeline/timelineEvents'
import { timelineFacets } from '@shared/timeline/timelineFacets'
import { recordsAbout, recordsMatching, type TimelineSubject } from '@shared/timeline/timelineScope'
import { timelineExtent, TimelineLayoutModel, type TimelineLocation, type TimelineWindow, type TimelineWindowRequest } from '@shared/timeline/timelineWindow'
import type {
  ChartsRequestBody,
  ChartsViewData,
  ComparisonViewData,
  PickerMatchesRequestBody,
  TimelineJumpChoice,
  TimelineLayoutRequestBody,
  TimelineLocateRequestBody,
  TimelineRequestBody,
  TimelineSummary,
  TimelineViewData
} from './viewDataProtocol'

/** Why a timeline window could not be cut: the layout is no longer kept (the page asks for the timeline again). */
export const STALE_TIMELINE_MESSAGE = 'The timeline changed since it was opened'

/** The record types the timeline, charts and comparison read; sources are never needed. */
export const VIEW_RECORD_TYPES = ['incident', 'response', 'law', 'organisation', 'jurisdiction'] as const
export type ViewRecordType = (typeof VIEW_RECORD_TYPES)[number]

// Timeline layouts kept for windows: the page's current one and a few it may go Back to.
const KEPT_TIMELINE_LAYOUTS = 4

// Fewer changed records than this (or a quarter of those held, if more) are read by id; more (an
// import, a restore) and the tables are read again, which then costs less than the revisions and records.
const CHANGES_READ_BY_ID = 2_000
// Records read per request when catching up, so the window's own reads get in between.
const IDS_PER_READ = 1_000

type RecordsById = { [T in ViewRecordType]: Map<string, RecordOfType[T]> }
type RecordLists = { readonly [T in ViewRecordType]: readonly RecordOfType[T][] }

const namesOf = <R extends { readonly name: string }>(
  ids: Iterable<string>,
  byId: ReadonlyMap<string, R>,
  nameOf: (record: R) => string = (record) => record.name
): [string, string][] =>
  [...new Set(ids)].flatMap((id) => {
    const record = byId.get(id)
    return record === undefined ? [] : [[id, nameOf(record)] as [string, string]]
  })

/**
 * The records the timeline, charts and comparison are drawn from, held in the views worker's
 * memory: read once (off the page's thread), then kept in step with the database by following the
 * change feed (`readChangesSince`), as the search index does: a catch-up reads only the records
 * changed since; many changes, a write without revisions, or counts that disagree (rows removed
 * without a trace) read the tables again. Each view asks
 * for what it draws and gets compact results, never the records. A plain class, so tests drive it
 * with fake-indexeddb; the worker is a thin adapter over it.
 */
export class ViewDataService {
  private readonly repositories: { readonly [T in ViewRecordType]: RecordRepository<T> }
  private readonly byId: RecordsById = { incident: new Map(), response: new Map(), law: new Map(), organisation: new Map(), jurisdiction: new Map() }
  private readonly marks = Object.fromEntries(VIEW_RECORD_TYPES.map((type) => [type, { count: 0, newestUpdatedAt: '' }])) as Record<ViewRecordType, TableMark>
  /** Where in the change feed the records held were read or caught up to. */
  private feed: Omit<FeedPosition, 'id'> = { at: '', overlapCount: 0, unloggedWrite: '', revisionsWritten: '' }
  private loaded: Promise<void> | undefined
  private queue: Promise<unknown> = Promise.resolve()
  /** Bumped by every change applied; cached results of an older version are dropped. */
  private version = 0
  /** The feed's head (`readFeedHead`) when the records were last read or caught up. */
  private newestRevisionSeen = ''
  private lists: { readonly version: number; readonly value: RecordLists } | undefined
  private cache = new Map<string, unknown>()
  private cacheVersion = 0
  /** Picker options per type (and whether they name their type), built once per version. */
  private pickerOptions = new Map<string, readonly PickerOption[]>()
  private pickerOptionsVersion = 0
  /** Timeline layouts the page cuts windows from, by id, oldest first. */
  private readonly timelineLayouts = new Map<number, TimelineLayoutModel>()
  /** Which layout id each timeline answer and arrangement has, so opening the same view again reuses its rows. */
  private readonly layoutIds = new WeakMap<TimelineViewData, Map<string, number>>()
  private nextLayoutId = 1

  constructor(private readonly db: PrecedentDatabase) {
    this.repositories = Object.fromEntries(VIEW_RECORD_TYPES.map((type) => [type, createRecordRepository(db, type)])) as never
  }

  /** Reads the records now (when the app is idle), so the first view opens from memory. */
  preload(): Promise<void> {
    return this.exclusive(() => this.ensureLoaded())
  }

  /** Applies what was written since the watermark; resolves with whether anything the views show changed. */
  applyChanges(): Promise<boolean> {
    return this.exclusive(async () => {
      if (this.loaded === undefined) return false
      await this.loaded
      return this.catchUp()
    })
  }

  timeline(request: TimelineRequestBody): Promise<TimelineViewData> {
    return this.cached(`timeline:${JSON.stringify(request)}`, this.timelineNow(request))
  }

  /**
   * Opens a timeline: its content is computed (or taken from the cache), laid out in lanes by the
   * arrangement and kept, and the page gets totals, facets and jump choices with the layout's id.
   * The items stay here: the chart asks for the window around its view (`timelineWindow`), so
   * the page never decodes or holds 100k items (that was a 42 MB answer and seconds of parsing).
   */
  async timelineLayout(request: TimelineLayoutRequestBody): Promise<TimelineSummary> {
    const { grouping, laneOrder, ...body } = request
    const data = await this.timeline(body)
    const arrangementKey = JSON.stringify([grouping, laneOrder])
    let byArrangement = this.layoutIds.get(data)
    if (byArrangement === undefined) {
      byArrangement = new Map()
      this.layoutIds.set(data, byArrangement)
    }
    let layoutId = byArrangement.get(arrangementKey)
    let layout = layoutId === undefined ? undefined : this.timelineLayouts.get(layoutId)
    if (layoutId === undefined || layout === undefined) {
      const jurisdictionNames = new Map(data.jurisdictionNames)
      const organisationNames = new Map(data.organisationNames)
      layout = new TimelineLayoutModel(
        data.content,
        { grouping, laneOrder },
        { jurisdictionName: (id) => jurisdictionNames.get(id), organisationName: (id) => organisationNames.get(id) }
      )
      layoutId = this.nextLayoutId
      this.nextLayoutId += 1
      this.timelineLayouts.set(layoutId, layout)
      if (this.timelineLayouts.size > KEPT_TIMELINE_LAYOUTS) this.timelineLayouts.delete(this.timelineLayouts.keys().next().value!)
      byArrangement.set(arrangementKey, layoutId)
    }
    return {
      layoutId,
      itemCount: data.content.items.length,
      laneCount: layout.lanes.length,
      undatedRecordCount: data.content.undatedRecordIds.length,
      extent: timelineExtent(data.content.items),
      subjectName: data.subjectName,
      facets: data.facets,
      jumpChoices: data.jumpChoices,
      jumpChoiceCount: data.jumpChoiceCount
    }
  }

  /** The window of a kept layout around a view (see `TimelineLayoutModel.window`): a few hundred items. */
  async timelineWindow(layoutId: number, request: TimelineWindowRequest): Promise<TimelineWindow> {
    return this.keptLayout(layoutId).window(request)
  }

  /** Where a record's item is drawn in a kept layout, for "Go to record". */
  async timelineLocate(request: TimelineLocateRequestBody): Promise<TimelineLocation | undefined> {
    return this.keptLayout(request.layoutId).locate(request.recordId, request.pxPerDay, request.collapsedLaneKeys)
  }

  /** Every lane key of a kept layout in drawn order, or every record it shows, dated or not. */
  async timelineKeys(layoutId: number, what: 'lanes' | 'records'): Promise<string[]> {
    const layout = this.keptLayout(layoutId)
    return what === 'lanes' ? layout.laneKeys() : layout.recordIds()
  }

  private keptLayout(layoutId: number): TimelineLayoutModel {
    const layout = this.timelineLayouts.get(layoutId)
    if (layout === undefined) throw new Error(STALE_TIMELINE_MESSAGE)
    return layout
  }

  charts(request: ChartsRequestBody): Promise<ChartsViewData> {
    return this.cached(`charts:${JSON.stringify(request)}`, this.chartsNow(request))
  }

  comparison(subject: ComparisonSubject, locale: AppLocale): Promise<ComparisonViewData> {
    return this.cached(`comparison:${JSON.stringify([subject, locale])}`, this.comparisonNow(subject, locale))
  }

  /**
   * The records of the asked types that best match typed text, as picker options, ranked by
   * `matchRecords` (the ranking every picker uses), at most `limit`, leaving out `except`. Pickers
   * ask this as a person types, so the page never holds a whole table to choose from.
   */
  pickerMatches(request: PickerMatchesRequestBody): Promise<RecordMatch<PickerOption>[]> {
    return this.exclusive(async () => {
      await this.ensureLoaded()
      // A record saved a moment ago must be offered at once, before the page's change notice arrives.
      await this.catchUpIfWritten()
      const unknownType = request.types.find((type) => !(VIEW_RECORD_TYPES as readonly string[]).includes(type))
      if (unknownType !== undefined) throw new Error(`The views worker holds no ${unknownType} records`)
      if (this.pickerOptionsVersion !== this.version) {
        this.pickerOptions.clear()
        this.pickerOptionsVersion = this.version
      }
      const excluded = new Set(request.except)
      const candidates = (request.types as readonly ViewRecordType[]).flatMap((type) => this.pickerOptionsOf(type, request.showType))
      return matchRecords(request.text, excluded.size === 0 ? candidates : candidates.filter((option) => !excluded.has(option.id)), request.limit)
    })
  }

  private pickerOptionsOf(type: ViewRecordType, showType: boolean): readonly PickerOption[] {
    const key = `${type}|${showType}`
    let options = this.pickerOptions.get(key)
    if (options === undefined) {
      const jurisdictionNames = new Map([...this.byId.jurisdiction.values()].map((jurisdiction) => [jurisdiction.id as string, jurisdiction.name]))
      options = [...(this.byId[type] as Map<string, RecordOfType[ViewRecordType]>).values()].map((record) =>
        pickerOptionOf(typedRecord(type, record), jurisdictionNames, showType)
      )
      this.pickerOptions.set(key, options)
    }
    return options
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation)
    this.queue = result.catch(() => undefined)
    return result
  }

  // Opening a view twice without a write in between (Back, then forward) answers from the cache.
  private cached<T>(key: string, compute: (lists: RecordLists) => T): Promise<T> {
    return this.exclusive(async () => {
      await this.ensureLoaded()
      if (this.cacheVersion !== this.version) {
        this.cache.clear()
        this.cacheVersion = this.version
      }
      const hit = this.cache.get(key)
      if (hit !== undefined) return hit as T
      const value = compute(this.currentLists())
      // Only the last few answers are kept: each may hold a whole timeline's items.
      if (this.cache.size >= 4) this.cache.delete(this.cache.keys().next().value!)
      this.cache.set(key, value)
      return value
    })
  }

  private ensureLoaded(): Promise<void> {
    this.loaded ??= this.loadAll().catch((error: unknown) => {
      this.loaded = undefined
      throw error
    })
    return this.loaded
  }

  private async loadAll(): Promise<void> {
    // The feed's position first: a change committed while the tables are read is applied again, never missed.
    const position = await readFeedPosition(this.db)
    // One table after another: IndexedDB answers one request at a time for the whole origin, so
    // five tables read side by side kept five pages queued ahead of every read the window makes.
    for (const type of VIEW_RECORD_TYPES) await this.loadTable(type)
    this.feed = { at: position.at, overlapCount: position.overlapCount, unloggedWrite: position.unloggedWrite, revisionsWritten: position.revisionsWritten }
    this.newestRevisionSeen = feedHeadOf(position)
    this.version += 1
  }

  private async loadTable<T extends ViewRecordType>(type: T): Promise<void> {
    const byId = this.byId[type] as Map<string, RecordOfType[T]>
    byId.clear()
    const mark: TableMark = { count: 0, newestUpdatedAt: '' }
    // By pages, so the window's own reads (a list's first page) are not held up behind this one.
    await readRowsInPages(this.db.recordTable(type), (rows) => {
      for (const row of rows) {
        const record = fromRow(row) as RecordOfType[T]
        byId.set(record.id, record)
        mark.count += 1
        if (record.updatedAt > mark.newestUpdatedAt) mark.newestUpdatedAt = record.updatedAt
      }
    })
    this.marks[type] = mark
  }

  /** Catches up only when the feed has moved since the last catch-up (one index read otherwise). */
  private async catchUpIfWritten(): Promise<void> {
    const head = await readFeedHead(this.db)
    if (head === this.newestRevisionSeen) return
    await this.catchUp()
    this.newestRevisionSeen = head
  }

  private feedMark(): FeedMark {
    return {
      lastRevisionAt: this.feed.at,
      overlapCount: this.feed.overlapCount,
      unloggedWrite: this.feed.unloggedWrite,
      revisionsWritten: this.feed.revisionsWritten,
      tables: this.marks
    }
  }

  /** Reads the records changed since the feed mark (only those), or every table again when that is cheaper or needed. */
  private async catchUp(): Promise<boolean> {
    const held = VIEW_RECORD_TYPES.reduce((sum, type) => sum + this.byId[type].size, 0)
    const look = await readChangesSince(this.db, this.feedMark(), VIEW_RECORD_TYPES, Math.max(CHANGES_READ_BY_ID, Math.floor(held / 4)))
    if (look.kind === 'none' && look.countsAgree) return false
    // Many changes, a write without revisions, or rows removed without a trace: read everything again.
    if (look.kind !== 'some') return this.reloadAll()
    let moved = false
    for (const type of VIEW_RECORD_TYPES) {
      const ids = [...look.changed].filter(([, idType]) => idType === type).map(([id]) => id)
      if (ids.length > 0 && (await this.applyChanged(type, ids))) moved = true
    }
    // A stamp of a write without revisions seen only now is left for the next catch-up to find (it reads everything).
    if (look.position.at >= this.feed.at)
      this.feed = { ...this.feed, at: look.position.at, overlapCount: look.position.overlapCount, revisionsWritten: look.position.revisionsWritten }
    // No count of the tables: rows changed without revisions are always stamped, and the stamp sends
    // the next catch-up to read everything (see readChangesSince).
    if (moved) this.version += 1
    return moved
  }

  /** Reads the records of `ids` as they now are: changed ones replace those held, gone ones leave. Whether any view's record moved. */
  private async applyChanged<T extends ViewRecordType>(type: T, ids: readonly string[]): Promise<boolean> {
    const byId = this.byId[type] as Map<string, RecordOfType[T]>
    const mark = this.marks[type]
    let moved = false
    for (let start = 0; start < ids.length; start += IDS_PER_READ) {
      const page = ids.slice(start, start + IDS_PER_READ)
      const found = await this.repositories[type].getMany(page)
      const present = new Set<string>()
      for (const record of found) {
        present.add(record.id)
        if (record.updatedAt > mark.newestUpdatedAt) mark.newestUpdatedAt = record.updatedAt
        if (byId.get(record.id)?.updatedAt === record.updatedAt) continue
        byId.set(record.id, record)
        moved = true
      }
      for (const id of page) if (!present.has(id) && byId.delete(id)) moved = true
    }
    mark.count = byId.size
    return moved
  }

  private async reloadAll(): Promise<true> {
    await this.loadAll()
    return true
  }

  // Lists in the order the repositories give (list order), so every view computes exactly as it did from `list()`.
  private currentLists(): RecordLists {
    if (this.lists?.version !== this.version) {
      const sorted = <T extends ViewRecordType>(type: T): RecordOfType[T][] =>
        sortRecordsOfType(type, [...(this.byId[type] as Map<string, RecordOfType[T]>).values()])
      this.lists = {
        version: this.version,
        value: {
          incident: sorted('incident'),
          response: sorted('response'),
          law: sorted('law'),
          organisation: sorted('organisation'),
          jurisdiction: sorted('jurisdiction')
        }
      }
    }
    return this.lists.value
  }

  private subjectName(subject: TimelineSubject, locale: AppLocale): string | undefined {
    switch (subject.kind) {
      case 'everything':
        return undefined
      case 'organisation':
        return this.byId.organisation.get(subject.organisationId)?.name ?? subject.organisationId
      case 'jurisdiction':
        return this.jurisdictionName(subject.jurisdictionId, locale) ?? subject.jurisdictionId
      case 'law': {
        const law = this.byId.law.get(subject.lawId)
        return law?.shortName ?? law?.title ?? subject.lawId
      }
    }
  }

  private jurisdictionName(id: string, locale: AppLocale): string | undefined {
    const jurisdiction = this.byId.jurisdiction.get(id)
    return jurisdiction === undefined ? undefined : jurisdictionNameIn(jurisdiction, locale)
  }

  private timelineNow(request: TimelineRequestBody): (lists: RecordLists) => TimelineViewData {
    return (lists) => {
      const all = { incidents: lists.incident, responses: lists.response, laws: lists.law, organisations: lists.organisation }
      const about = recordsAbout(all, request.subject)
      const matching = request.matchingIds === undefined ? undefined : new Set(request.matchingIds)
      const content = timelineEvents(recordsMatching(about, matching), { today: request.today, allIncidents: all.incidents, organisations: all.organisations })
      const jurisdictionIds = new Set<string>()
      const organisationIds = new Set<string>()
      for (const item of content.items) {
        for (const id of item.memberships.jurisdiction) jurisdictionIds.add(id)
        for (const id of item.memberships.organisation) organisationIds.add(id)
      }
      const jurisdictionNames = namesOf(jurisdictionIds, this.byId.jurisdiction, (jurisdiction) => jurisdictionNameIn(jurisdiction, request.locale))
      const organisationNames = namesOf(organisationIds, this.byId.organisation)
      const lookups = {
        jurisdictionName: (id: string) => this.jurisdictionName(id, request.locale),
        organisationName: (id: string) => this.byId.organisation.get(id)?.name
      }
      const seen = new Set<string>()
      const jumpChoices: TimelineJumpChoice[] = []
      for (const item of content.items) {
        if (item.shape !== 'event' || seen.has(item.recordId)) continue
        seen.add(item.recordId)
        if (jumpChoices.length < request.jumpChoiceLimit && item.date !== undefined)
          jumpChoices.push({ recordId: item.recordId, title: item.title, date: item.date })
      }
      return {
        content,
        jurisdictionNames,
        organisationNames,
        subjectName: this.subjectName(request.subject, request.locale),
        facets: timelineFacets(content.items, lookups),
        jumpChoices,
        jumpChoiceCount: seen.size
      }
    }
  }

  private chartsNow(request: ChartsRequestBody): (lists: RecordLists) => ChartsViewData {
    return (lists) => {
      const vocabulary = { incidents: lists.incident, organisations: lists.organisation, jurisdictions: lists.jurisdiction }
      const incidentSelection = selectIncidentsForChart(lists.incident, parseQuery(request.incidentFilter), vocabulary)
      const incidentChart = incidentsPerYear(incidentSelection.records, request.grouping)
      const responseSelection = selectResponsesForChart(lists.response, parseQuery(request.responseFilter), vocabulary)
      const responseChart = responsesByKindAndOutcome(responseSelection.records)
      return {
        incidents: {
          years: incidentChart.years,
          groups: incidentChart.groups,
          counts: incidentChart.counts.map(({ year, group, count }) => ({ year, group, count })),
          undatedIncidentCount: incidentChart.undatedIncidentIds.length
        },
        incidentsIgnored: incidentSelection.ignored,
        responses: {
          kinds: responseChart.kinds,
          totalsByKind: responseChart.totalsByKind,
          counts: responseChart.counts.map(({ kind, outcome, count }) => ({ kind, outcome, count }))
        },
        responsesIgnored: responseSelection.ignored,
        jurisdictionNames: lists.jurisdiction.map((jurisdiction: Jurisdiction) => [jurisdiction.id, jurisdictionNameIn(jurisdiction, request.locale)] as const)
      }
    }
  }

  private comparisonNow(subject: ComparisonSubject, locale: AppLocale): (lists: RecordLists) => ComparisonViewData {
    return (lists) => {
      // Only the first entries of each list cross to the page (the rest are counted): a category
      // at scale has thousands of incidents a column, which the page cannot draw in time.
      const comparison = listFirstOfComparison(
        compareJurisdictions(subject, {
          incidents: lists.incident,
          responses: lists.response,
          laws: lists.law,
          organisations: lists.organisation,
          jurisdictions: lists.jurisdiction
        })
      )
      return {
        comparison: {
          ...comparison,
          columns: comparison.columns.map((column) => ({
            ...column,
            jurisdictionName: this.jurisdictionName(column.jurisdictionId, locale) ?? column.jurisdictionName
          }))
        },
        organisationNames: namesOf(organisationIdsIn(comparison, subject), this.byId.organisation),
        subjectExists: subject.kind !== 'organisation' || this.byId.organisation.has(subject.organisationId)
      }
    }
  }
}

/** Every organisation a comparison names: the subject's family, incidents' organisations, and responses' actors and targets. */
function organisationIdsIn(comparison: JurisdictionComparison, subject: ComparisonSubject): Set<string> {
  const ids = new Set<string>(comparison.organisationIds)
  if (subject.kind === 'organisation') ids.add(subject.organisationId)
  const addIncident = (incident: Incident): void => incident.organisations.forEach((link) => ids.add(link.organisationId))
  const addResponse = (response: IncidentResponse): void => {
    ids.add(response.actorId)
    response.targetOrganisationIds.forEach((id) => ids.add(id))
  }
  for (const column of comparison.columns) {
    column.incidents.forEach(addIncident)
    for (const matter of column.matters) {
      addIncident(matter.incident)
      matter.chain.steps.forEach((step) => addResponse(step.response))
      matter.chain.proposed.forEach(addResponse)
    }
    column.outcomes.forEach((outcome) => addResponse(outcome.response))
    column.responsesWithoutIncident.forEach(addResponse)
  }
  comparison.unplacedResponses.forEach(addResponse)
  return ids
}
