import type { IncidentGrouping, YearGroupCount } from '@shared/analytics/incidentsPerYear'
import type { JurisdictionComparison, ComparisonSubject } from '@shared/analytics/jurisdictionComparison'
import type { KindOutcomeCount, ResponsesByKindAndOutcome } from '@shared/analytics/responsesByKindAndOutcome'
import type { RecordMatch } from '@shared/domain/recordMatching'
import type { PickerOption } from '@shared/domain/recordPickerOption'
import type { RecordType } from '@shared/domain/recordTypes'
import type { PartialDate } from '@shared/domain/partialDate'
import type { AppLocale } from '@shared/locale/interfaceLocales'
import type { Message } from '@shared/locale/message'
import type { TimelineContent } from '@shared/timeline/timelineEvents'
import type { TimelineFacetEntry, TimelineFacetName } from '@shared/timeline/timelineFacets'
import type { TimelineSubject } from '@shared/timeline/timelineScope'
import type { TimelineArrangement, TimelineLocation, TimelineWindow, TimelineWindowRequest } from '@shared/timeline/timelineWindow'

/** A record the timeline's "Go to record" list offers: its id, title and first date (the page words them: "Title (May 2015)"). */
export interface TimelineJumpChoice {
  readonly recordId: string
  readonly title: string
  readonly date: PartialDate
}

/**
 * What the timeline page draws, computed by the views worker: the items (spans and labels, never
 * whole records), names for the ids its lanes and facets show, the facets, and the first jump choices.
 */
export interface TimelineViewData {
  readonly content: TimelineContent
  /** Names of the jurisdictions (in the request's language) and organisations the items belong to (only those). */
  readonly jurisdictionNames: readonly (readonly [string, string])[]
  readonly organisationNames: readonly (readonly [string, string])[]
  /** The scope's subject as people call it; undefined for everything. */
  readonly subjectName: string | undefined
  readonly facets: Readonly<Record<TimelineFacetName, readonly TimelineFacetEntry[]>>
  /** The first `jumpChoiceLimit` records with an event, in chronological order. */
  readonly jumpChoices: readonly TimelineJumpChoice[]
  /** How many records the jump list could offer in all. */
  readonly jumpChoiceCount: number
}

/**
 * What the timeline page receives when it opens: totals, facets and jump choices, and the id of
 * the layout the views worker keeps (lanes, label room, rows per zoom level) to cut windows from.
 * Never the items: the chart asks for the window around its view (`timeline-window`).
 */
export interface TimelineSummary {
  readonly layoutId: number
  readonly itemCount: number
  readonly laneCount: number
  readonly undatedRecordCount: number
  /** The first and last day any item covers (for "Fit all"); undefined when nothing is dated. */
  readonly extent: { readonly startDay: number; readonly endDay: number } | undefined
  readonly subjectName: string | undefined
  readonly facets: Readonly<Record<TimelineFacetName, readonly TimelineFacetEntry[]>>
  readonly jumpChoices: readonly TimelineJumpChoice[]
  readonly jumpChoiceCount: number
}

/** A chart's counts without the ids behind each bar (a bar opens them in search instead). */
export interface IncidentChartCounts {
  readonly years: readonly number[]
  readonly groups: readonly string[]
  readonly counts: readonly Omit<YearGroupCount, 'incidentIds'>[]
  readonly undatedIncidentCount: number
}

export interface ResponseChartCounts extends Omit<ResponsesByKindAndOutcome, 'counts'> {
  readonly counts: readonly Omit<KindOutcomeCount, 'responseIds'>[]
}

/** What the charts page draws. */
export interface ChartsViewData {
  readonly incidents: IncidentChartCounts
  /** Parts of the incident filter the chart could not use, in sentences (messages: the page words them). */
  readonly incidentsIgnored: readonly Message[]
  readonly responses: ResponseChartCounts
  readonly responsesIgnored: readonly Message[]
  /** Every jurisdiction's name by id (a few hundred) in the request's language, for bar labels. */
  readonly jurisdictionNames: readonly (readonly [string, string])[]
}

/** What the comparison page draws for a subject. */
export interface ComparisonViewData {
  readonly comparison: JurisdictionComparison
  /** Names of the organisations the comparison mentions (the subject, actors, targets), only those. */
  readonly organisationNames: readonly (readonly [string, string])[]
  /** False when the subject is an organisation that is not (or no longer) recorded. */
  readonly subjectExists: boolean
}

export interface TimelineRequestBody {
  readonly subject: TimelineSubject
  /** Ids a search found (the page asks the search worker); undefined keeps everything. */
  readonly matchingIds: readonly string[] | undefined
  /** `YYYY-MM-DD`, where open-ended ranges stop. */
  readonly today: string
  readonly jumpChoiceLimit: number
  /** The interface language, for the names of jurisdictions in lanes and facets (a Chinese name where one is recorded). */
  readonly locale: AppLocale
}

/** The timeline asked for with its lanes' grouping and order. */
export type TimelineLayoutRequestBody = TimelineRequestBody & TimelineArrangement

export interface TimelineLocateRequestBody {
  readonly layoutId: number
  readonly recordId: string
  /** The zoom the lane's top is measured at. */
  readonly pxPerDay: number
  readonly collapsedLaneKeys: readonly string[]
}

export interface ChartsRequestBody {
  readonly incidentFilter: string
  readonly responseFilter: string
  readonly grouping: IncidentGrouping
  /** The interface language, for jurisdictions' names (a Chinese name where one is recorded). */
  readonly locale: AppLocale
}

/** What a record picker asks as a person types (any type but sources, which the worker does not hold). */
export interface PickerMatchesRequestBody {
  readonly types: readonly RecordType[]
  readonly text: string
  readonly limit: number
  /** Ids never offered (the record being edited). */
  readonly except: readonly string[]
  /** Start each option's detail with its record type, for pickers over several types. */
  readonly showType: boolean
}

/** Requests from the page to the views worker; each reply repeats the request's id. */
export type ViewDataRequest =
  | ({ readonly id: number; readonly kind: 'timeline' } & TimelineLayoutRequestBody)
  /** The part of a kept timeline layout around a view; stale layouts fail (the page asks for the timeline again). */
  | { readonly id: number; readonly kind: 'timeline-window'; readonly layoutId: number; readonly request: TimelineWindowRequest }
  | ({ readonly id: number; readonly kind: 'timeline-locate' } & TimelineLocateRequestBody)
  /** Every lane key of a layout in drawn order (a lane move), or every record it shows (exports, briefings). */
  | { readonly id: number; readonly kind: 'timeline-lane-keys' | 'timeline-record-ids'; readonly layoutId: number }
  | ({ readonly id: number; readonly kind: 'charts' } & ChartsRequestBody)
  /** The comparison, its columns headed by their jurisdictions' names in `locale`. */
  | { readonly id: number; readonly kind: 'comparison'; readonly subject: ComparisonSubject; readonly locale: AppLocale }
  | ({ readonly id: number; readonly kind: 'picker-matches' } & PickerMatchesRequestBody)
  /** Something was written: follow the change feed and catch up. */
  | { readonly id: number; readonly kind: 'changed' }
  /** Read the records now, while the app is idle, so the first view opens from memory. */
  | { readonly id: number; readonly kind: 'preload' }

export type ViewDataReply =
  | { readonly id: number; readonly kind: 'timeline'; readonly data: TimelineSummary }
  | { readonly id: number; readonly kind: 'timeline-window'; readonly data: TimelineWindow }
  | { readonly id: number; readonly kind: 'timeline-locate'; readonly data: TimelineLocation | undefined }
  | { readonly id: number; readonly kind: 'timeline-keys'; readonly data: readonly string[] }
  | { readonly id: number; readonly kind: 'charts'; readonly data: ChartsViewData }
  | { readonly id: number; readonly kind: 'comparison'; readonly data: ComparisonViewData }
  | { readonly id: number; readonly kind: 'picker-matches'; readonly data: readonly RecordMatch<PickerOption>[] }
  /** Answer to `changed` and `preload`; `moved` is false when nothing the views show changed. */
  | { readonly id: number; readonly kind: 'done'; readonly moved: boolean }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  /** The worker could not start or stopped; every waiting request fails with this. */
  | { readonly kind: 'broken'; readonly message: string }
