import type { Incident } from '../../domain/incident'
import type { IncidentResponse } from '../../domain/incidentResponse'
import type { Law } from '../../domain/law'
import { isRange, precisionOf } from '../../domain/partialDate'
import { RECORD_TYPE_LABELS } from '../../domain/recordTypes'
import { dayKeyOf } from '../../timeline/dayNumber'
import { timelineEvents, type TimelineItem } from '../../timeline/timelineEvents'
import type { RecordSet } from '../recordSet'
import { datedRecordsOf } from './datedRecords'

export interface ICalendarExportOptions {
  /** The export time (ISO 8601), written as every event's DTSTAMP. */
  readonly now: string
}

/** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, a line break becomes `\n`. */
export function escapeICalendarText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n')
}

function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/**
 * RFC 5545 §3.1: a content line longer than 75 octets is split, each continuation starting with a
 * space (which counts towards its 75). Splits fall between characters, never inside one's UTF-8
 * bytes or between the halves of a surrogate pair, so each physical line is valid UTF-8 on its own.
 */
export function foldICalendarLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = 75
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = 74 // the leading space of a continuation line is one of its 75 octets
    }
    current += character
    octets += size
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** `20180103` for the day a day number names. */
function dateValue(day: number): string {
  return dayKeyOf(day).replace(/-/g, '')
}

/** `20261129T100000Z`, the UTC date-time form DTSTAMP requires. */
function utcDateTime(iso: string): string {
  return new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** "(month precision)", "(approximate, year precision)": what the whole-day span stands for. */
function precisionNote(item: TimelineItem): string {
  const notes: string[] = []
  if (item.isApproximate) notes.push('approximate')
  if (item.date !== undefined) {
    if (isRange(item.date)) notes.push('date range')
    const precision = precisionOf(item.date)
    if (precision !== 'day') notes.push(`${precision} precision`)
  }
  return notes.length === 0 ? '' : ` (${notes.join(', ')})`
}

function detailsOf(records: ReadonlyMap<string, Incident | IncidentResponse | Law>, item: TimelineItem): string | undefined {
  const record = records.get(item.recordId)
  if (record === undefined) return undefined
  if ('summary' in record && typeof record.summary === 'string' && record.summary !== '') return record.summary
  if ('description' in record && typeof record.description === 'string') return record.description
  return undefined
}

/**
 * The chosen records' dates as an RFC 5545 calendar: one all-day event per date an incident,
 * response or law carries (the same events the timeline draws). A date known to the month spans the
 * whole month (DTEND is the exclusive day after), to the year the whole year, and its summary says
 * so: "Incident occurred: … (month precision)". UIDs come from the record id and the kind of date,
 * so re-importing the file into a calendar updates the events instead of duplicating them.
 */
export function exportICalendar(set: RecordSet, options: ICalendarExportOptions): string {
  const { incidents, responses, laws, byId: records } = datedRecordsOf(set.selected)
  const { items } = timelineEvents({ incidents, responses, laws }, { today: options.now.slice(0, 10) })
  const stamp = utcDateTime(options.now)
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Precedent//Precedent knowledge base//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const item of items) {
    if (item.shape !== 'event') continue
    const details = detailsOf(records, item)
    lines.push(
      'BEGIN:VEVENT',
      `UID:${item.key}@precedent`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${dateValue(item.startDay)}`,
      `DTEND;VALUE=DATE:${dateValue(item.endDay)}`,
      `SUMMARY:${escapeICalendarText(`${item.kindLabel}: ${item.title}${precisionNote(item)}`)}`,
      `DESCRIPTION:${escapeICalendarText([`Date as recorded: ${item.dateLabel}.`, details].filter((part) => part !== undefined).join('\n\n'))}`,
      `CATEGORIES:${escapeICalendarText(RECORD_TYPE_LABELS[item.recordType].singular)}`,
      // A measure only proposed or threatened may never happen.
      ...(item.isProposed ? ['STATUS:TENTATIVE'] : []),
      'TRANSP:TRANSPARENT',
      'END:VEVENT'
    )
  }
  // RFC 5545 wants at least one component; a calendar of nothing would also tell the person nothing.
  if (!lines.includes('BEGIN:VEVENT')) {
    throw new Error('None of the chosen records has a date, so there is nothing to put in a calendar')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldICalendarLine).join('\r\n')}\r\n`
}
