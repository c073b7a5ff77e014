import { z } from '../lib/zod'
import { bookkeepingShape } from './bookkeeping'
import { citationsSchema } from './citation'
import { incidentIdSchema, organisationIdSchema, responseIdSchema } from './ids'
import { partialDateSchema } from './partialDate'
import { provisionReferenceSchema } from './provisionReference'
import { originalTextSchema } from './originalText'
import { requiredTextSchema, textSchema } from './text'

export const RESPONSE_KINDS = [
  'statement',
  'apology',
  'policy-change',
  'review',
  'investigation',
  'notice',
  'summons',
  'rectification-order',
  'warning',
  'fine',
  'block-or-ban',
  'court-ruling',
  'appeal',
  'settlement',
  'other'
] as const
export type ResponseKind = (typeof RESPONSE_KINDS)[number]

export const RESPONSE_KIND_LABELS: Record<ResponseKind, string> = {
  statement: 'Statement',
  apology: 'Apology',
  'policy-change': 'Policy change',
  review: 'Review',
  investigation: 'Investigation',
  notice: 'Notice',
  summons: 'Summons',
  'rectification-order': 'Rectification order',
  warning: 'Warning',
  fine: 'Fine',
  'block-or-ban': 'Block or ban',
  'court-ruling': 'Court ruling',
  appeal: 'Appeal',
  settlement: 'Settlement',
  other: 'Other'
}

/**
 * Whether a measure was only proposed or threatened (an official says an app "may be banned"), or
 * was actually taken. Proposed measures never change the state of the matter.
 */
export const RESPONSE_STAGES = ['proposed', 'enacted'] as const
export type ResponseStage = (typeof RESPONSE_STAGES)[number]

/**
 * What a response does to the matter it belongs to: opens it (a review), advances it (a summons),
 * concludes it (a fine, a ban) or reverses an earlier conclusion (a court quashing a fine).
 */
export const MATTER_EFFECTS = ['opens', 'advances', 'concludes', 'reverses'] as const
export type MatterEffect = (typeof MATTER_EFFECTS)[number]

/** ISO 4217 currency code. */
const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'A currency is an ISO 4217 code such as EUR, CNY or INR')

/**
 * A penalty. `amount` absent means the amount is unknown (never zero: "Unknown" in a source
 * stays unknown).
 */
export const penaltySchema = z.strictObject({
  amount: z.number().finite().min(0, 'A penalty amount cannot be negative').optional(),
  currency: currencySchema.optional(),
  description: textSchema('Penalty description', 2000).optional()
})
export type Penalty = z.infer<typeof penaltySchema>

/** What a government body or a company did about one or more incidents (named so as not to shadow the DOM's Response). */
export const incidentResponseSchema = z.strictObject({
  id: responseIdSchema,
  title: requiredTextSchema('Title', 500),
  kind: z.enum(RESPONSE_KINDS, `Kind must be one of: ${RESPONSE_KINDS.join(', ')}`),
  actorId: organisationIdSchema,
  datedOn: partialDateSchema.optional(),
  stage: z.enum(RESPONSE_STAGES, 'Stage must be proposed or enacted').default('enacted'),
  /** Overrides the effect implied by the kind (see responseLifecycle.ts), e.g. an appeal that concludes. */
  matterEffect: z.enum(MATTER_EFFECTS, `Effect must be one of: ${MATTER_EFFECTS.join(', ')}`).optional(),
  description: textSchema('Description', 20000).optional(),
  original: originalTextSchema.optional(),
  targetOrganisationIds: z.array(organisationIdSchema).max(200).default([]),
  incidentIds: z.array(incidentIdSchema).max(200).default([]),
  legalBasis: z.array(provisionReferenceSchema).max(100).default([]),
  outcome: textSchema('Outcome', 5000).optional(),
  penalty: penaltySchema.optional(),
  citations: citationsSchema.default([]),
  ...bookkeepingShape
})
export type IncidentResponse = z.infer<typeof incidentResponseSchema>
