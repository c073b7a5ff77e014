import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../support/words'
import type { z } from 'zod'
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '@shared/domain/bundle'
import { incidentSchema } from '@shared/domain/incident'
import { incidentResponseSchema } from '@shared/domain/incidentResponse'
import { jurisdictionSchema } from '@shared/domain/jurisdiction'
import { lawSchema } from '@shared/domain/law'
import { organisationSchema } from '@shared/domain/organisation'
import { sourceSchema } from '@shared/domain/source'

/**
 * Builders for the shared domain's schema tests. The `…Input` builders return raw, unparsed data as
 * it would arrive from a file or over IPC (the smallest valid record, with overrides); the others
 * parse that input, so they return records with their defaults filled in.
 */

type IncidentInput = z.input<typeof incidentSchema>
type OrganisationInput = z.input<typeof organisationSchema>
type JurisdictionInput = z.input<typeof jurisdictionSchema>
type LawInput = z.input<typeof lawSchema>
type ResponseInput = z.input<typeof incidentResponseSchema>
type SourceInput = z.input<typeof sourceSchema>

export const bookkeepingInput = {
  createdAt: '2026-01-31T12:00:00.000Z',
  updatedAt: '2026-01-31T12:00:00.000Z',
  revision: 1
}

export function anIncidentInput(overrides: Partial<IncidentInput> = {}): IncidentInput {
  return { id: 'inc-alipay-2018', title: 'Alipay annual statement opt-in', status: 'confirmed', ...bookkeepingInput, ...overrides }
}

export function anOrganisationInput(overrides: Partial<OrganisationInput> = {}): OrganisationInput {
  return { id: 'org-alipay', name: 'Alipay', kind: 'product', ...bookkeepingInput, ...overrides }
}

export function aJurisdictionInput(overrides: Partial<JurisdictionInput> = {}): JurisdictionInput {
  return { id: 'CN', kind: 'country', code: 'CN', name: 'China', ...bookkeepingInput, ...overrides }
}

export function aLawInput(overrides: Partial<LawInput> = {}): LawInput {
  return {
    id: 'law-pipl',
    title: 'Personal Information Protection Law',
    jurisdictionId: 'CN',
    kind: 'statute',
    status: 'in-force',
    ...bookkeepingInput,
    ...overrides
  }
}

export function aResponseInput(overrides: Partial<ResponseInput> = {}): ResponseInput {
  return {
    id: 'resp-cac-summons',
    title: 'CAC summons Alipay',
    kind: 'summons',
    actorId: 'org-cac',
    ...bookkeepingInput,
    ...overrides
  }
}

export function aSourceInput(overrides: Partial<SourceInput> = {}): SourceInput {
  return { id: 'src-reuters-2018', title: 'Alipay apologises over annual statement', ...bookkeepingInput, ...overrides }
}

export const anIncident = (overrides: Partial<IncidentInput> = {}) => incidentSchema.parse(anIncidentInput(overrides))
export const anOrganisation = (overrides: Partial<OrganisationInput> = {}) => organisationSchema.parse(anOrganisationInput(overrides))
export const aJurisdiction = (overrides: Partial<JurisdictionInput> = {}) => jurisdictionSchema.parse(aJurisdictionInput(overrides))
export const aLaw = (overrides: Partial<LawInput> = {}) => lawSchema.parse(aLawInput(overrides))
export const aResponse = (overrides: Partial<ResponseInput> = {}) => incidentResponseSchema.parse(aResponseInput(overrides))
export const aSource = (overrides: Partial<SourceInput> = {}) => sourceSchema.parse(aSourceInput(overrides))

export interface BundleRecordsInput {
  jurisdictions?: JurisdictionInput[]
  organisations?: OrganisationInput[]
  sources?: SourceInput[]
  laws?: LawInput[]
  incidents?: IncidentInput[]
  responses?: ResponseInput[]
}

/** A bundle as it would be read from a JSON file. */
export function aBundleInput(records: BundleRecordsInput = {}, overrides: Record<string, unknown> = {}) {
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'precedent-test',
    revision: 1,
    createdAt: '2026-01-31T12:00:00.000Z',
    records,
    ...overrides
  }
}

/**
 * The problems of a failed `safeParse` as a person reads them in English (`validationProblem`, put
 * into words as the page and the command line do), or an empty list when it succeeded.
 */
export function issueMessages(result: { readonly error?: { readonly issues: readonly z.core.$ZodIssue[] } }): string[] {
  return result.error?.issues.map((issue) => inEnglish(validationProblem(issue))) ?? []
}
