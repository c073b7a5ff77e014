import { formatPartialDate, parsePartialDate } from '@shared/domain/partialDate'
import { REVISION_ACTION_LABELS, type RecordRevision } from '@shared/domain/recordHistory'

/** "occurredOn" → "Occurred on", "jurisdictionIds" → "Jurisdictions": a field's name for people. */
export function fieldLabel(field: string): string {
  const base = field.replace(/Ids$/, 's').replace(/Id$/, '')
  const words = base.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

// A field whose name ends in "On" holds a partial date (`occurredOn`, `inForceOn`): show it at its precision.
function isDateField(field: string | undefined): boolean {
  return field !== undefined && /On$/.test(field)
}

/** Whether a field holds ids of linked records: `actorId`, `jurisdictionIds`, a link's `organisationId`. */
export function isLinkField(field: string | undefined): boolean {
  return field !== undefined && field !== 'id' && /Ids?$/.test(field)
}

/** Every id of a linked record in a stored value, however deep (a link inside a list inside a change). */
export function linkedIdsIn(value: unknown, field?: string): string[] {
  if (typeof value === 'string') return isLinkField(field) ? [value] : []
  if (Array.isArray(value)) return value.flatMap((item) => linkedIdsIn(item, field))
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => linkedIdsIn(inner, key))
  return []
}

/** A linked record's name by its id, when it is known. */
export type RecordNameOf = (id: string) => string | undefined

/**
 * A stored value as one line of text, for a history entry: dates at their own precision, lists
 * joined, linked records by name when `nameOf` knows it (else by id). `field` is the value's field
 * name, used to recognise dates and links.
 */
export function fieldValueText(value: unknown, field?: string, nameOf: RecordNameOf = () => undefined): string {
  if (value === undefined || value === null) return '(none)'
  if (typeof value === 'string') {
    if (value === '') return '(empty)'
    if (isLinkField(field)) return nameOf(value) ?? value
    if (isDateField(field)) {
      const date = parsePartialDate(value)
      if (date.ok) return formatPartialDate(date.value)
    }
    return value
  }
  if (typeof value === 'number') return value.toLocaleString('en')
  if (typeof value === 'boolean') return value ? 'yes' : 'no'
  if (Array.isArray(value)) return value.length === 0 ? '(none)' : value.map((item) => fieldValueText(item, field, nameOf)).join('; ')
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${fieldLabel(key).toLowerCase()}: ${fieldValueText(inner, key, nameOf)}`)
      .join(', ')
  }
  return String(value)
}

/** What a change did, in a few words: "edited title", "edited title, summary and 2 more fields". */
export function revisionSummary(revision: RecordRevision): string {
  switch (revision.action) {
    case 'update': {
      const fields = revision.changes.map((change) => fieldLabel(change.field).toLowerCase())
      if (fields.length === 0) return 'saved without changes'
      if (fields.length <= 3) return `edited ${fields.join(', ')}`
      return `edited ${fields.slice(0, 2).join(', ')} and ${fields.length - 2} more fields`
    }
    case 'restore':
      return revision.note === undefined ? 'restored an earlier version' : revision.note.toLowerCase()
    case 'undo':
      return 'an undo'
    case 'create':
    case 'delete':
    case 'merge':
    case 'unmerge':
    case 'import':
      return REVISION_ACTION_LABELS[revision.action].toLowerCase()
  }
}

const timestampFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })

/** "3 January 2018, 09:00" in the person's own time zone. */
export function formatTimestamp(timestamp: string): string {
  return timestampFormat.format(new Date(timestamp))
}

/** The calendar day (`YYYY-MM-DD`) of a timestamp in the person's own time zone. */
export function localDayOf(timestamp: string): string {
  const date = new Date(timestamp)
  const pad = (part: number) => String(part).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/** "2018-01-03" → "3 January 2018". */
export function formatDay(day: string): string {
  const date = parsePartialDate(day)
  return date.ok ? formatPartialDate(date.value) : day
}
