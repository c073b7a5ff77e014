import { formatPartialDate, parsePartialDate } from '@shared/domain/partialDate'
import type { RecordRevision } from '@shared/domain/recordHistory'
import { readRevisionNote } from '@shared/domain/revisionNotes'
import { dateWords, domainLabel, formatCount, formatMoment, i18n, translateMessage } from '@renderer/i18n'

// The stored records' fields by name, in the interface language (a field not listed is named from its code, in English).
const FIELD_KEYS: Readonly<Record<string, string>> = {
  accessedOn: 'history.fields.accessedOn',
  actorId: 'history.fields.actorId',
  adoptedOn: 'history.fields.adoptedOn',
  affectedUsers: 'history.fields.affectedUsers',
  aliases: 'history.fields.aliases',
  alpha3: 'history.fields.alpha3',
  amendedOn: 'history.fields.amendedOn',
  amount: 'history.fields.amount',
  appliesFromOn: 'history.fields.appliesFromOn',
  author: 'history.fields.author',
  categories: 'history.fields.categories',
  citations: 'history.fields.citations',
  code: 'history.fields.code',
  count: 'history.fields.count',
  currency: 'history.fields.currency',
  dataCategories: 'history.fields.dataCategories',
  datedOn: 'history.fields.datedOn',
  description: 'history.fields.description',
  disclosedOn: 'history.fields.disclosedOn',
  draftOn: 'history.fields.draftOn',
  heading: 'history.fields.heading',
  headquartersCity: 'history.fields.headquartersCity',
  headquartersJurisdictionId: 'history.fields.headquartersJurisdictionId',
  identifier: 'history.fields.identifier',
  implicatedProvisions: 'history.fields.implicatedProvisions',
  inForceOn: 'history.fields.inForceOn',
  incidentIds: 'history.fields.incidentIds',
  isEstimate: 'history.fields.isEstimate',
  jurisdictionId: 'history.fields.jurisdictionId',
  jurisdictionIds: 'history.fields.jurisdictionIds',
  kind: 'history.fields.kind',
  language: 'history.fields.language',
  lawId: 'history.fields.lawId',
  legalBasis: 'history.fields.legalBasis',
  links: 'history.fields.links',
  locator: 'history.fields.locator',
  matterEffect: 'history.fields.matterEffect',
  name: 'history.fields.name',
  nameZh: 'history.fields.nameZh',
  nativeLanguage: 'history.fields.nativeLanguage',
  nativeTitle: 'history.fields.nativeTitle',
  notes: 'history.fields.notes',
  number: 'history.fields.number',
  numericCode: 'history.fields.numericCode',
  occurredOn: 'history.fields.occurredOn',
  organisationId: 'history.fields.organisationId',
  organisations: 'history.fields.organisations',
  original: 'history.fields.original',
  outcome: 'history.fields.outcome',
  parentId: 'history.fields.parentId',
  passage: 'history.fields.passage',
  penalty: 'history.fields.penalty',
  provisionNumber: 'history.fields.provisionNumber',
  provisions: 'history.fields.provisions',
  publishedOn: 'history.fields.publishedOn',
  publisher: 'history.fields.publisher',
  quotedPassage: 'history.fields.quotedPassage',
  region: 'history.fields.region',
  relation: 'history.fields.relation',
  relations: 'history.fields.relations',
  repealedOn: 'history.fields.repealedOn',
  reportedOn: 'history.fields.reportedOn',
  role: 'history.fields.role',
  shortName: 'history.fields.shortName',
  sourceId: 'history.fields.sourceId',
  stage: 'history.fields.stage',
  status: 'history.fields.status',
  summary: 'history.fields.summary',
  tags: 'history.fields.tags',
  targetOrganisationIds: 'history.fields.targetOrganisationIds',
  text: 'history.fields.text',
  title: 'history.fields.title',
  unit: 'history.fields.unit',
  url: 'history.fields.url'
}

/** "occurredOn" → "Occurred on", "jurisdictionIds" → "Jurisdictions": a field's name for people. */
export function fieldLabel(field: string): string {
  const key = Object.hasOwn(FIELD_KEYS, field) ? FIELD_KEYS[field] : undefined
  if (key !== undefined) return i18n.global.t(key)
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
  const t = i18n.global.t
  if (value === undefined || value === null) return t('history.value.none')
  if (typeof value === 'string') {
    if (value === '') return t('history.value.empty')
    if (isLinkField(field)) return nameOf(value) ?? value
    if (isDateField(field)) {
      const date = parsePartialDate(value)
      if (date.ok) return formatPartialDate(date.value, dateWords())
    }
    return value
  }
  if (typeof value === 'number') return formatCount(value)
  if (typeof value === 'boolean') return value ? t('history.value.yes') : t('history.value.no')
  if (Array.isArray(value))
    return value.length === 0 ? t('history.value.none') : value.map((item) => fieldValueText(item, field, nameOf)).join(t('history.value.listSeparator'))
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => t('history.value.part', { field: fieldLabel(key).toLowerCase(), value: fieldValueText(inner, key, nameOf) }))
      .join(t('history.value.partSeparator'))
  }
  return String(value)
}

/** What a change did, in a few words: "edited title", "edited title, summary and 2 more fields". */
export function revisionSummary(revision: RecordRevision): string {
  const t = i18n.global.t
  switch (revision.action) {
    case 'update': {
      const fields = revision.changes.map((change) => fieldLabel(change.field).toLowerCase())
      const separator = t('history.summary.fieldSeparator')
      if (fields.length === 0) return t('history.summary.noChanges')
      if (fields.length <= 3) return t('history.summary.edited', { fields: fields.join(separator) })
      const more = fields.length - 2
      return t('history.summary.editedMore', { fields: fields.slice(0, 2).join(separator), count: formatCount(more) }, more)
    }
    case 'restore':
      return revision.note === undefined ? t('history.summary.restored') : revisionNoteText(revision).toLowerCase()
    case 'undo':
      return t('history.summary.undo')
    case 'create':
    case 'delete':
    case 'merge':
    case 'unmerge':
    case 'import':
      return domainLabel('revisionAction', revision.action).toLowerCase()
  }
}

/**
 * A change's note in the interface language: from the message Precedent stored with its own
 * notes, else, for a note stored in English only (before the messages, or from a backup file or
 * the team), recognised by its English (`readRevisionNote`); any other note is shown as written.
 */
export function revisionNoteText(revision: Pick<RecordRevision, 'note' | 'noteMessage'>): string {
  if (revision.noteMessage !== undefined) return translateMessage(revision.noteMessage)
  return revision.note === undefined ? '' : noteText(revision.note)
}

/** A note stored in English only, in the interface language when Precedent wrote it. */
export function noteText(note: string): string {
  const known = readRevisionNote(note)
  return known === undefined ? note : translateMessage(known)
}

/** "3 January 2018, 09:00" in the person's own time zone, in the interface language. */
export function formatTimestamp(timestamp: string): string {
  return formatMoment(timestamp, { dateStyle: 'long', timeStyle: 'short' })
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
  return date.ok ? formatPartialDate(date.value, dateWords()) : day
}
