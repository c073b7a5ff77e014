import type { Incident } from '../domain/incident'
import type { IncidentResponse } from '../domain/incidentResponse'
import type { IncidentId, JurisdictionId, OrganisationId, ResponseId } from '../domain/ids'
import { toPartialDate } from '../domain/partialDate'
import { calendarOf } from './dayNumber'
import { timelineEvents, type TimelineRecords } from './timelineEvents'
import { estimateLabelWidth, layoutTimeline } from './timelineLayout'
import { assignLanes } from './timelineLanes'
import { fitDays } from './timelineScale'

const BOOKKEEPING = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }
const FIRST_DAY = 10_957 // 2000-01-01
const SPAN_DAYS = 9_131 // to the end of 2024

/** A small deterministic generator, so every run lays out the same data. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state / 4_294_967_296
  }
}

function dateAt(day: number, precision: number): ReturnType<typeof toPartialDate> {
  const { year, month, day: dayOfMonth } = calendarOf(day)
  const monthText = String(month).padStart(2, '0')
  if (precision < 0.1) return toPartialDate(String(year))
  if (precision < 0.35) return toPartialDate(`${year}-${monthText}`)
  return toPartialDate(`${year}-${monthText}-${String(dayOfMonth).padStart(2, '0')}`)
}

/**
 * Synthetic records giving about `eventCount` timeline events: half incidents (one date each, at
 * year, month or day precision, in 1–2 of 30 jurisdictions) and half responses to them.
 */
export function syntheticTimelineRecords(eventCount: number): TimelineRecords {
  const random = seededRandom(eventCount)
  const incidentCount = Math.max(1, Math.ceil(eventCount / 2))
  const incidents: Incident[] = []
  for (let index = 0; index < incidentCount; index += 1) {
    const day = FIRST_DAY + Math.floor(random() * SPAN_DAYS)
    const jurisdictionIds = [`J${Math.floor(random() * 30)}`, ...(random() < 0.2 ? [`J${Math.floor(random() * 30)}`] : [])] as JurisdictionId[]
    incidents.push({
      id: `inc-${index}` as IncidentId,
      title: `Synthetic incident ${index}`,
      summary: '',
      categories: [random() < 0.5 ? 'breach' : 'profiling'],
      dataCategories: [],
      occurredOn: dateAt(day, random()),
      status: 'alleged',
      tags: [],
      jurisdictionIds: [...new Set(jurisdictionIds)],
      organisations: [{ organisationId: `org-${Math.floor(random() * 200)}` as OrganisationId, role: 'operator' }],
      implicatedProvisions: [],
      citations: [],
      ...BOOKKEEPING
    })
  }
  const responses: IncidentResponse[] = []
  for (let index = 0; index < eventCount - incidentCount; index += 1) {
    const incidentIndex = Math.floor(random() * incidentCount)
    const day = FIRST_DAY + Math.floor(random() * SPAN_DAYS)
    responses.push({
      id: `resp-${index}` as ResponseId,
      title: `Synthetic response ${index}`,
      kind: random() < 0.5 ? 'review' : 'fine',
      actorId: `org-${Math.floor(random() * 200)}` as OrganisationId,
      datedOn: dateAt(day, 1),
      stage: 'enacted',
      targetOrganisationIds: [],
      incidentIds: [`inc-${incidentIndex}` as IncidentId],
      legalBasis: [],
      citations: [],
      ...BOOKKEEPING
    })
  }
  return { incidents, responses, laws: [] }
}

/** Milliseconds each stage took for one run. */
export interface LayoutTimings {
  readonly eventCount: number
  readonly eventsMs: number
  readonly lanesMs: number
  /** Row packing and viewport culling for a 1,280 × 900 view of the whole period. */
  readonly layoutMs: number
}

/**
 * Times event extraction, lane assignment and layout of `eventCount` synthetic events, grouped by
 * jurisdiction, fitted to a 1,280-pixel view. `now` is the caller's clock (`performance.now`).
 */
export function layoutBenchmark(eventCount: number, now: () => number): LayoutTimings {
  const records = syntheticTimelineRecords(eventCount)
  const started = now()
  const content = timelineEvents(records, { today: '2026-01-01' })
  const eventsDone = now()
  const { lanes } = assignLanes(content.items, 'jurisdiction')
  const lanesDone = now()
  const scale = fitDays(FIRST_DAY, FIRST_DAY + SPAN_DAYS, 1_280)
  layoutTimeline(lanes, content.links, scale, { width: 1_280, top: 0, height: 900 }, { labelWidth: (item) => Math.min(estimateLabelWidth(item.title), 200) })
  const layoutDone = now()
  return { eventCount: content.items.length, eventsMs: eventsDone - started, lanesMs: lanesDone - eventsDone, layoutMs: layoutDone - lanesDone }
}
