import {
  incidentSchema,
  type Incident,
  type IncidentCategory,
  type IncidentRole,
  type IncidentStatus
} from '@shared/domain/incident'
import { formatIssuePath } from '@shared/domain/bundle'
import { validationProblem } from '@shared/domain/validationProblem'
import { translateMessage } from '@renderer/i18n'
import {
  citationDraftFrom,
  citationInputFrom,
  provisionReferenceDraftFrom,
  provisionReferenceInputFrom,
  type CitationDraft,
  type ProvisionReferenceDraft
} from '../records'

/**
 * What the incident form edits: every field as the person typed it, so that a failed save keeps
 * their input exactly, and invalid text (a date like "2015-13") can be shown back with its error.
 */
export interface IncidentDraft {
  title: string
  summary: string
  status: IncidentStatus
  categories: IncidentCategory[]
  dataCategories: string
  occurredOn: string
  disclosedOn: string
  reportedOn: string
  affectedCount: string
  affectedIsEstimate: boolean
  tags: string
  jurisdictionIds: string[]
  organisations: { organisationId: string; role: IncidentRole }[]
  implicatedProvisions: ProvisionReferenceDraft[]
  citations: CitationDraft[]
  originalLanguage: string
  originalTitle: string
  originalSummary: string
}

export type DraftField = keyof IncidentDraft

export function emptyIncidentDraft(): IncidentDraft {
  return {
    title: '',
    summary: '',
    status: 'alleged',
    categories: [],
    dataCategories: '',
    occurredOn: '',
    disclosedOn: '',
    reportedOn: '',
    affectedCount: '',
    affectedIsEstimate: false,
    tags: '',
    jurisdictionIds: [],
    organisations: [],
    implicatedProvisions: [],
    citations: [],
    originalLanguage: '',
    originalTitle: '',
    originalSummary: ''
  }
}

export function draftFromIncident(incident: Incident): IncidentDraft {
  return {
    title: incident.title,
    summary: incident.summary,
    status: incident.status,
    categories: [...incident.categories],
    dataCategories: incident.dataCategories.join(', '),
    occurredOn: incident.occurredOn ?? '',
    disclosedOn: incident.disclosedOn ?? '',
    reportedOn: incident.reportedOn ?? '',
    affectedCount: incident.affectedUsers === undefined ? '' : String(incident.affectedUsers.count),
    affectedIsEstimate: incident.affectedUsers?.isEstimate ?? false,
    tags: incident.tags.join(', '),
    jurisdictionIds: [...incident.jurisdictionIds],
    organisations: incident.organisations.map((link) => ({ ...link })),
    implicatedProvisions: incident.implicatedProvisions.map(provisionReferenceDraftFrom),
    citations: incident.citations.map(citationDraftFrom),
    originalLanguage: incident.original?.language ?? '',
    originalTitle: incident.original?.title ?? '',
    originalSummary: incident.original?.summary ?? ''
  }
}

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')

const optional = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim())

/** The draft as record input (unvalidated); with `base`, the record's id is kept. */
export function inputFromDraft(draft: IncidentDraft, base?: Incident): Record<string, unknown> {
  const count = draft.affectedCount.trim()
  const hasOriginal = [draft.originalLanguage, draft.originalTitle, draft.originalSummary].some((text) => text.trim() !== '')
  return {
    ...(base === undefined ? {} : { id: base.id }),
    title: draft.title,
    summary: draft.summary,
    status: draft.status,
    categories: draft.categories,
    dataCategories: splitList(draft.dataCategories),
    occurredOn: optional(draft.occurredOn),
    disclosedOn: optional(draft.disclosedOn),
    reportedOn: optional(draft.reportedOn),
    affectedUsers: count === '' ? undefined : { count: Number(count.replaceAll(/[\s,]/g, '')), isEstimate: draft.affectedIsEstimate },
    tags: splitList(draft.tags),
    jurisdictionIds: draft.jurisdictionIds,
    organisations: draft.organisations.filter((link) => link.organisationId !== ''),
    implicatedProvisions: draft.implicatedProvisions.map(provisionReferenceInputFrom),
    citations: draft.citations.map(citationInputFrom),
    original: hasOriginal
      ? { language: draft.originalLanguage.trim(), title: optional(draft.originalTitle), summary: optional(draft.originalSummary) }
      : undefined
  }
}

const editableSchema = incidentSchema.omit({ id: true, createdAt: true, updatedAt: true, revision: true })

/** Maps a problem's path in the record to the form field that shows it. */
export function fieldOfPath(path: string): DraftField | undefined {
  if (path.startsWith('affectedUsers')) return 'affectedCount'
  if (path.startsWith('original.language')) return 'originalLanguage'
  if (path.startsWith('original.title')) return 'originalTitle'
  if (path.startsWith('original.summary')) return 'originalSummary'
  if (path.startsWith('original')) return 'originalLanguage'
  const head = path.split(/[.[]/)[0] ?? ''
  return head in emptyIncidentDraft() ? (head as DraftField) : undefined
}

/** Validates the draft as the store will, and returns one message per field (the first problem of each). */
export function validateIncidentDraft(draft: IncidentDraft): Partial<Record<DraftField, string>> {
  const result = editableSchema.safeParse(inputFromDraft(draft))
  if (result.success) return {}
  return problemsByField(result.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: translateMessage(validationProblem(issue)) })))
}

export function problemsByField(problems: readonly { path: string; message: string }[]): Partial<Record<DraftField, string>> {
  const errors: Partial<Record<DraftField, string>> = {}
  for (const problem of problems) {
    const field = fieldOfPath(problem.path)
    if (field !== undefined && errors[field] === undefined) errors[field] = problem.message
  }
  return errors
}
