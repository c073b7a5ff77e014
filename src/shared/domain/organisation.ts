import { z } from '../lib/zod'
import { message } from '../locale/message'
import { bookkeepingShape } from './bookkeeping'
import { citationsSchema } from './citation'
import { jurisdictionIdSchema, organisationIdSchema } from './ids'
import { languageTagSchema, requiredTextSchema, textSchema } from './text'

export const ORGANISATION_KINDS = [
  'company',
  'product',
  'regulator',
  'ministry',
  'government-body',
  'court',
  'research-group',
  'civil-society',
  'other'
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  company: 'Company',
  product: 'Product or service',
  regulator: 'Regulator',
  ministry: 'Ministry',
  'government-body': 'Government body',
  court: 'Court',
  'research-group': 'Research group',
  'civil-society': 'Civil society',
  other: 'Other'
}

/**
 * How this organisation relates to another, read as "the other is my …":
 * `parent` (it owns or contains me), `affiliate` (related company, not owned),
 * `operator` (it runs me, e.g. Ant Financial is Alipay's operator).
 */
export const ORGANISATION_RELATIONS = ['parent', 'affiliate', 'operator'] as const
export type OrganisationRelation = (typeof ORGANISATION_RELATIONS)[number]

/** Labels for a relation seen from this end and from the other end. */
export const ORGANISATION_RELATION_LABELS: Record<OrganisationRelation, { readonly forward: string; readonly inverse: string }> = {
  parent: { forward: 'Parent', inverse: 'Subsidiary or unit' },
  affiliate: { forward: 'Affiliate of', inverse: 'Affiliate' },
  operator: { forward: 'Operated by', inverse: 'Operates' }
}

export const organisationAliasSchema = z.strictObject({
  name: requiredTextSchema('Alias', 200),
  language: languageTagSchema.optional()
})
export type OrganisationAlias = z.infer<typeof organisationAliasSchema>

export const organisationLinkSchema = z.strictObject({
  relation: z.enum(ORGANISATION_RELATIONS, 'Relation must be parent, affiliate or operator'),
  organisationId: organisationIdSchema
})
export type OrganisationLink = z.infer<typeof organisationLinkSchema>

export const organisationSchema = z
  .strictObject({
    id: organisationIdSchema,
    name: requiredTextSchema('Name', 300),
    aliases: z.array(organisationAliasSchema).max(100, 'At most 100 aliases').default([]),
    kind: z.enum(ORGANISATION_KINDS, `Kind must be one of: ${ORGANISATION_KINDS.join(', ')}`),
    headquartersJurisdictionId: jurisdictionIdSchema.optional(),
    headquartersCity: textSchema('City', 200).optional(),
    description: textSchema('Description', 20000).optional(),
    links: z.array(organisationLinkSchema).max(200).default([]),
    citations: citationsSchema.default([]),
    ...bookkeepingShape
  })
  .refine((o) => o.links.every((link) => link.organisationId !== o.id), {
    message: 'An organisation cannot be linked to itself',
    params: { problem: message('problems.organisation.linkedToItself') },
    path: ['links']
  })
export type Organisation = z.infer<typeof organisationSchema>
