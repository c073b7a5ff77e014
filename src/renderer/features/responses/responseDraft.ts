import { i18n } from '@renderer/i18n'
import { incidentResponseSchema, MATTER_EFFECTS, RESPONSE_KINDS, type IncidentResponse } from '@shared/domain/incidentResponse'
import {
  citationDraftFrom,
  citationInputFrom,
  emptyPlainDraft,
  field,
  headOfPath,
  optionalText,
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

/** The words of a matter effect, as an option and inside "As the kind implies (…)". */
export const EFFECT_KEYS = {
  opens: 'responses.form.effects.opens',
  advances: 'responses.form.effects.advances',
  concludes: 'responses.form.effects.concludes',
  reverses: 'responses.form.effects.reverses'
} as const

/** A response's plain fields; the others have editors of their own. */
export const RESPONSE_FIELDS = {
  title: field.text('responses.common.title'),
  kind: field.choice('responses.common.kind', RESPONSE_KINDS, 'responseKind', 'statement'),
  // Enacted first: it is the usual case, and the one a new response starts with.
  stage: field.choice('responses.common.stage', ['enacted', 'proposed'], { enacted: 'responses.form.enacted', proposed: 'responses.form.proposed' }, 'enacted'),
  /** None chosen means the effect the kind implies. */
  matterEffect: field.optionalChoice('responses.form.effect', MATTER_EFFECTS, EFFECT_KEYS),
  actorId: field.text('responses.form.takenByRequired'),
  datedOn: field.partialDate('responses.common.date'),
  description: field.optionalText('responses.form.description'),
  outcome: field.optionalText('responses.common.outcome')
} as const satisfies FieldTableOf<IncidentResponse>

/** What the response form edits, as typed. */
export interface ResponseDraft extends PlainDraft<typeof RESPONSE_FIELDS>, OriginalTextDraft {
  targetOrganisationIds: string[]
  incidentIds: string[]
  legalBasis: ProvisionReferenceDraft[]
  /** Empty means the amount is unknown, never zero. */
  penaltyAmount: string
  penaltyCurrency: string
  penaltyDescription: string
  citations: CitationDraft[]
}

export type ResponseField = keyof ResponseDraft

export function emptyResponseDraft(): ResponseDraft {
  return {
    ...emptyPlainDraft(RESPONSE_FIELDS),
    ...originalDraftFrom(undefined),
    targetOrganisationIds: [],
    incidentIds: [],
    legalBasis: [],
    penaltyAmount: '',
    penaltyCurrency: '',
    penaltyDescription: '',
    citations: []
  }
}

export function draftFromResponse(response: IncidentResponse): ResponseDraft {
  return {
    ...plainDraftFrom(RESPONSE_FIELDS, response),
    ...originalDraftFrom(response.original),
    targetOrganisationIds: [...response.targetOrganisationIds],
    incidentIds: [...response.incidentIds],
    legalBasis: response.legalBasis.map(provisionReferenceDraftFrom),
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
  return {
    ...(base === undefined ? {} : { id: base.id }),
    ...plainInputFrom(RESPONSE_FIELDS, draft),
    original: originalInputFrom(draft),
    targetOrganisationIds: draft.targetOrganisationIds,
    incidentIds: draft.incidentIds,
    legalBasis: draft.legalBasis.map(provisionReferenceInputFrom),
    penalty: penaltyInput(draft),
    citations: draft.citations.map(citationInputFrom)
  }
}

export function responseFieldOfPath(path: string): ResponseField | undefined {
  if (path.startsWith('penalty.amount')) return 'penaltyAmount'
  if (path.startsWith('penalty.currency')) return 'penaltyCurrency'
  if (path.startsWith('penalty')) return 'penaltyDescription'
  const head = headOfPath(path)
  return originalFieldOfPath(path) ?? (head in emptyResponseDraft() ? (head as ResponseField) : undefined)
}

export function validateResponseDraft(draft: ResponseDraft): Partial<Record<ResponseField, string>> {
  const errors = validateInput(incidentResponseSchema, inputFromResponseDraft(draft), responseFieldOfPath)
  if (draft.actorId === '') errors.actorId = i18n.global.t('responses.form.chooseActor')
  if (draft.penaltyAmount.trim() !== '' && Number.isNaN(Number(draft.penaltyAmount.trim().replaceAll(/[\s,]/g, '')))) {
    errors.penaltyAmount = i18n.global.t('responses.form.amountNotNumber')
  }
  return errors
}
