import { INCIDENT_STATUSES, incidentSchema, type Incident, type IncidentCategory, type IncidentRole } from '@shared/domain/incident'
import {
  citationDraftFrom,
  citationInputFrom,
  emptyPlainDraft,
  field,
  headOfPath,
  originalDraftFrom,
  originalFieldOfPath,
  originalInputFrom,
  plainDraftFrom,
  plainInputFrom,
  provisionReferenceDraftFrom,
  provisionReferenceInputFrom,
  validateInput,
  type CitationDraft,
  type FieldTableOf,
  type OriginalTextDraft,
  type PlainDraft,
  type ProvisionReferenceDraft
} from '@renderer/recordKit'

/** An incident's plain fields; the others have editors of their own. */
export const INCIDENT_FIELDS = {
  title: field.text('incidents.common.title'),
  summary: field.text('incidents.form.summary'),
  status: field.choice('incidents.common.status', INCIDENT_STATUSES, 'incidentStatus', 'alleged'),
  occurredOn: field.partialDate('incidents.common.occurred'),
  disclosedOn: field.partialDate('incidents.common.disclosed'),
  reportedOn: field.partialDate('incidents.common.reported'),
  dataCategories: field.list('incidents.common.dataInvolved'),
  tags: field.list('incidents.common.tags')
} as const satisfies FieldTableOf<Incident>

/**
 * What the incident form edits: every field as the person typed it, so that a failed save keeps
 * their input exactly, and invalid text (a date like "2015-13") can be shown back with its error.
 */
export interface IncidentDraft extends PlainDraft<typeof INCIDENT_FIELDS>, OriginalTextDraft {
  categories: IncidentCategory[]
  affectedCount: string
  affectedIsEstimate: boolean
  jurisdictionIds: string[]
  organisations: { organisationId: string; role: IncidentRole }[]
  implicatedProvisions: ProvisionReferenceDraft[]
  citations: CitationDraft[]
}

export type DraftField = keyof IncidentDraft

export function emptyIncidentDraft(): IncidentDraft {
  return {
    ...emptyPlainDraft(INCIDENT_FIELDS),
    ...originalDraftFrom(undefined),
    categories: [],
    affectedCount: '',
    affectedIsEstimate: false,
    jurisdictionIds: [],
    organisations: [],
    implicatedProvisions: [],
    citations: []
  }
}

export function draftFromIncident(incident: Incident): IncidentDraft {
  return {
    ...plainDraftFrom(INCIDENT_FIELDS, incident),
    ...originalDraftFrom(incident.original),
    categories: [...incident.categories],
    affectedCount: incident.affectedUsers === undefined ? '' : String(incident.affectedUsers.count),
    affectedIsEstimate: incident.affectedUsers?.isEstimate ?? false,
    jurisdictionIds: [...incident.jurisdictionIds],
    organisations: incident.organisations.map((link) => ({ ...link })),
    implicatedProvisions: incident.implicatedProvisions.map(provisionReferenceDraftFrom),
    citations: incident.citations.map(citationDraftFrom)
  }
}

/** The draft as record input (unvalidated); with `base`, the record's id is kept. */
export function inputFromDraft(draft: IncidentDraft, base?: Incident): Record<string, unknown> {
  const count = draft.affectedCount.trim()
  return {
    ...(base === undefined ? {} : { id: base.id }),
    ...plainInputFrom(INCIDENT_FIELDS, draft),
    categories: draft.categories,
    // Absent fields are left out, not stored as undefined (a backup read back must equal what was stored).
    ...(count === '' ? {} : { affectedUsers: { count: Number(count.replaceAll(/[\s,]/g, '')), isEstimate: draft.affectedIsEstimate } }),
    jurisdictionIds: draft.jurisdictionIds,
    organisations: draft.organisations.filter((link) => link.organisationId !== ''),
    implicatedProvisions: draft.implicatedProvisions.map(provisionReferenceInputFrom),
    citations: draft.citations.map(citationInputFrom),
    ...withDefined('original', originalInputFrom(draft))
  }
}

/** Maps a problem's path in the record to the form field that shows it. */
export function fieldOfPath(path: string): DraftField | undefined {
  if (path.startsWith('affectedUsers')) return 'affectedCount'
  const head = headOfPath(path)
  return originalFieldOfPath(path) ?? (head in emptyIncidentDraft() ? (head as DraftField) : undefined)
}

/** Validates the draft as the store will, and returns one message per field (the first problem of each). */
export function validateIncidentDraft(draft: IncidentDraft): Partial<Record<DraftField, string>> {
  return validateInput(incidentSchema, inputFromDraft(draft), fieldOfPath)
}

const withDefined = <Name extends string, Value>(name: Name, value: Value | undefined): Partial<Record<Name, Value>> =>
  value === undefined ? {} : ({ [name]: value } as Record<Name, Value>)
