import { i18n } from '@renderer/i18n'
import {
  incidentResponseSchema,
  type IncidentResponse,
  type MatterEffect,
  type ResponseKind,
  type ResponseStage
} from '@shared/domain/incidentResponse'
import {
  citationDraftFrom,
  citationInputFrom,
  headOfPath,
  optionalText,
  provisionReferenceDraftFrom,
  provisionReferenceInputFrom,
  validateInput,
  type CitationDraft,
  type ProvisionReferenceDraft
} from '../records'

/** What the response form edits, as typed. */
export interface ResponseDraft {
  title: string
  kind: ResponseKind
  stage: ResponseStage
  /** '' means the effect the kind implies. */
  matterEffect: MatterEffect | ''
  actorId: string
  datedOn: string
  description: string
  originalLanguage: string
  originalTitle: string
  originalSummary: string
  targetOrganisationIds: string[]
  incidentIds: string[]
  legalBasis: ProvisionReferenceDraft[]
  outcome: string
  /** Empty means the amount is unknown, never zero. */
  penaltyAmount: string
  penaltyCurrency: string
  penaltyDescription: string
  citations: CitationDraft[]
}

export type ResponseField = keyof ResponseDraft

export function emptyResponseDraft(): ResponseDraft {
  return {
    title: '',
    kind: 'statement',
    stage: 'enacted',
    matterEffect: '',
    actorId: '',
    datedOn: '',
    description: '',
    originalLanguage: '',
    originalTitle: '',
    originalSummary: '',
    targetOrganisationIds: [],
    incidentIds: [],
    legalBasis: [],
    outcome: '',
    penaltyAmount: '',
    penaltyCurrency: '',
    penaltyDescription: '',
    citations: []
  }
}

export function draftFromResponse(response: IncidentResponse): ResponseDraft {
  return {
    title: response.title,
    kind: response.kind,
    stage: response.stage,
    matterEffect: response.matterEffect ?? '',
    actorId: response.actorId,
    datedOn: response.datedOn ?? '',
    description: response.description ?? '',
    originalLanguage: response.original?.language ?? '',
    originalTitle: response.original?.title ?? '',
    originalSummary: response.original?.summary ?? '',
    targetOrganisationIds: [...response.targetOrganisationIds],
    incidentIds: [...response.incidentIds],
    legalBasis: response.legalBasis.map(provisionReferenceDraftFrom),
    outcome: response.outcome ?? '',
    penaltyAmount: response.penalty?.amount === undefined ? '' : String(response.penalty.amount),
    penaltyCurrency: response.penalty?.currency ?? '',
    penaltyDescription: response.penalty?.description ?? '',
    citations: response.citations.map(citationDraftFrom)
  }
}

function penaltyInput(draft: ResponseDraft): Record<string, unknown> | undefined {
  const amount = draft.penaltyAmount.trim().replaceAll(/[\s,]/g, '')
  if ([amount, draft.penaltyCurrency, draft.penaltyDescription].every((text) => text.trim() === '')) return undefined
  return {
    amount: amount === '' ? undefined : Number(amount),
    currency: optionalText(draft.penaltyCurrency)?.toUpperCase(),
    description: optionalText(draft.penaltyDescription)
  }
}

/** The draft as record input (unvalidated); with `base`, the response's id is kept. */
export function inputFromResponseDraft(draft: ResponseDraft, base?: IncidentResponse): Record<string, unknown> {
  const hasOriginal = [draft.originalLanguage, draft.originalTitle, draft.originalSummary].some((text) => text.trim() !== '')
  return {
    ...(base === undefined ? {} : { id: base.id }),
    title: draft.title,
    kind: draft.kind,
    stage: draft.stage,
    matterEffect: draft.matterEffect === '' ? undefined : draft.matterEffect,
    actorId: draft.actorId,
    datedOn: optionalText(draft.datedOn),
    description: optionalText(draft.description),
    original: hasOriginal
      ? { language: draft.originalLanguage.trim(), title: optionalText(draft.originalTitle), summary: optionalText(draft.originalSummary) }
      : undefined,
    targetOrganisationIds: draft.targetOrganisationIds,
    incidentIds: draft.incidentIds,
    legalBasis: draft.legalBasis.map(provisionReferenceInputFrom),
    outcome: optionalText(draft.outcome),
    penalty: penaltyInput(draft),
    citations: draft.citations.map(citationInputFrom)
  }
}

export function responseFieldOfPath(path: string): ResponseField | undefined {
  if (path.startsWith('penalty.amount')) return 'penaltyAmount'
  if (path.startsWith('penalty.currency')) return 'penaltyCurrency'
  if (path.startsWith('penalty')) return 'penaltyDescription'
  if (path.startsWith('original.title')) return 'originalTitle'
  if (path.startsWith('original.summary')) return 'originalSummary'
  if (path.startsWith('original')) return 'originalLanguage'
  const head = headOfPath(path)
  return head in emptyResponseDraft() ? (head as ResponseField) : undefined
}


export function validateResponseDraft(draft: ResponseDraft): Partial<Record<ResponseField, string>> {
  const errors = validateInput(incidentResponseSchema, inputFromResponseDraft(draft), responseFieldOfPath)
  if (draft.actorId === '') errors.actorId = i18n.global.t('responses.form.chooseActor')
  if (draft.penaltyAmount.trim() !== '' && Number.isNaN(Number(draft.penaltyAmount.trim().replaceAll(/[\s,]/g, '')))) {
    errors.penaltyAmount = i18n.global.t('responses.form.amountNotNumber')
  }
  return errors
}
