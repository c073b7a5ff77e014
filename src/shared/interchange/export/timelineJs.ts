import type { Incident } from '../../domain/incident'
import type { IncidentResponse } from '../../domain/incidentResponse'
import type { Law } from '../../domain/law'
import { parseKnownPartialDate, type DatePoint } from '../../domain/partialDate'
import { RECORD_TYPE_LABELS } from '../../domain/recordTypes'
import { timelineEvents, type TimelineItem } from '../../timeline/timelineEvents'
import type { RecordSet } from '../recordSet'
import { escapeHtml } from '../../lib/escapeHtml'
import { datedRecordsOf } from './datedRecords'

/** A TimelineJS3 date: only the parts known (a year-only date is `{ year }`). */
export interface TimelineJsDate {
  readonly year: number
  readonly month?: number
  readonly day?: number
}

export interface TimelineJsEvent {
  readonly unique_id: string
  readonly start_date: TimelineJsDate
  /** Only for a recorded range ("2017-08-21/2017-08-22"). */
  readonly end_date?: TimelineJsDate
  /** The date as the app says it ("c. May 2015"), so TimelineJS never shows a precision it was not given. */
  readonly display_date: string
  readonly text: { readonly headline: string; readonly text: string }
  /** "Incidents", "Responses" or "Laws": TimelineJS draws each group in its own rows. */
  readonly group: string
}

/** The JSON TimelineJS3 reads (`new TL.Timeline(element, data)`). */
export interface TimelineJsData {
  readonly events: readonly TimelineJsEvent[]
}

/** Paragraphs of escaped text; line breaks inside a paragraph become <br>. */
function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('')
}

function dateOf(point: DatePoint): TimelineJsDate {
  return { year: point.year, ...(point.month === undefined ? {} : { month: point.month }), ...(point.day === undefined ? {} : { day: point.day }) }
}

/**
 * TimelineJS uses unique_id in the page address and as an element id: letters, digits and hyphens
 * are kept, anything else becomes `_<hex>_`, so distinct keys stay distinct.
 */
function uniqueIdOf(key: string): string {
  return key.replace(/[^A-Za-z0-9-]/g, (character) => `_${character.codePointAt(0)!.toString(16)}_`)
}

function detailsOf(record: Incident | IncidentResponse | Law | undefined): string {
  if (record === undefined) return ''
  if ('summary' in record && typeof record.summary === 'string') return record.summary
  if ('description' in record && typeof record.description === 'string') return record.description
  return ''
}

/**
 * The chosen incidents, responses and laws as TimelineJS3 data: one slide per recorded date (the
 * timeline's events), dates carrying only their known parts, grouped by record type. Ranges the
 * app draws up to "today" (a law still in force) are left out: they would date the file.
 */
export function exportTimelineJs(set: RecordSet): TimelineJsData {
  const { incidents, responses, laws, byId: records } = datedRecordsOf(set.selected)
  // `today` only bounds open-ended ranges, which are dropped below; any fixed day gives the same events.
  const { items } = timelineEvents({ incidents, responses, laws }, { today: '2000-01-01' })
  return {
    events: items
      .filter((item): item is TimelineItem & { date: NonNullable<TimelineItem['date']> } => item.shape === 'event' && item.date !== undefined)
      .map((item) => {
        const { start, end } = parseKnownPartialDate(item.date)
        return {
          unique_id: uniqueIdOf(item.key),
          start_date: dateOf(start),
          ...(end === undefined ? {} : { end_date: dateOf(end) }),
          display_date: item.dateLabel,
          text: {
            headline: escapeHtml(item.title),
            text: `<p>${escapeHtml(item.kindLabel)} — ${escapeHtml(item.dateLabel)}</p>${paragraphs(detailsOf(records.get(item.recordId)))}`
          },
          group: RECORD_TYPE_LABELS[item.recordType].plural
        }
      })
  }
}
