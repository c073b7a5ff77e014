import { z } from '../lib/zod'
import { bookkeepingShape } from './bookkeeping'
import { citationsSchema } from './citation'
import { incidentIdSchema, jurisdictionIdSchema, organisationIdSchema } from './ids'
import { partialDateSchema } from './partialDate'
import { provisionReferenceSchema } from './provisionReference'
import { originalTextSchema } from './originalText'
import { labelListSchema, requiredTextSchema, textSchema } from './text'

export { originalTextSchema, type OriginalText } from './originalText'

/** The controlled vocabulary of what went wrong. */
export const INCIDENT_CATEGORIES = [
  'consent-dark-pattern',
  'unauthorised-sharing',
  'undisclosed-transmission',
  'breach',
  'cross-border-transfer',
  'security-vulnerability',
  'excessive-collection',
  'surveillance',
  'profiling',
  'other'
] as const
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number]

export const INCIDENT_CATEGORY_LABELS: Record<IncidentCategory, string> = {
  'consent-dark-pattern': 'Consent dark pattern',
  'unauthorised-sharing': 'Unauthorised sharing',
  'undisclosed-transmission': 'Undisclosed transmission',
  breach: 'Breach',
  'cross-border-transfer': 'Cross-border transfer',
  'security-vulnerability': 'Security vulnerability',
  'excessive-collection': 'Excessive collection',
  surveillance: 'Surveillance',
  profiling: 'Profiling',
  other: 'Other'
}

export const INCIDENT_STATUSES = ['alleged', 'under-review', 'confirmed', 'disputed', 'resolved'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const INCIDENT_STATUS_LABELS: Record<IncidentStatus, string> = {
  alleged: 'Alleged',
  'under-review': 'Under review',
  confirmed: 'Confirmed',
  disputed: 'Disputed',
  resolved: 'Resolved'
}

/** The part an organisation played in an incident. */
export const INCIDENT_ROLES = ['operator', 'parent', 'data-recipient', 'reporter', 'involved'] as const
export type IncidentRole = (typeof INCIDENT_ROLES)[number]

export const INCIDENT_ROLE_LABELS: Record<IncidentRole, string> = {
  operator: 'Operator',
  parent: 'Parent company',
  'data-recipient': 'Data recipient',
  reporter: 'Reporter',
  involved: 'Involved'
}

export const incidentOrganisationSchema = z.strictObject({
  organisationId: organisationIdSchema,
  role: z.enum(INCIDENT_ROLES, `Role must be one of: ${INCIDENT_ROLES.join(', ')}`)
})
export type IncidentOrganisation = z.infer<typeof incidentOrganisationSchema>

export const affectedUsersSchema = z.strictObject({
  count: z.number().int('Affected users must be a whole number').min(0, 'Affected users cannot be negative'),
  isEstimate: z.boolean()
})
export type AffectedUsers = z.infer<typeof affectedUsersSchema>

export const incidentSchema = z.strictObject({
  id: incidentIdSchema,
  title: requiredTextSchema('Title', 500),
  summary: textSchema('Summary', 20000).default(''),
  original: originalTextSchema.optional(),
  categories: z.array(z.enum(INCIDENT_CATEGORIES, `Category must be one of: ${INCIDENT_CATEGORIES.join(', ')}`)).default([]),
  dataCategories: labelListSchema('Data category').default([]),
  occurredOn: partialDateSchema.optional(),
  disclosedOn: partialDateSchema.optional(),
  reportedOn: partialDateSchema.optional(),
  status: z.enum(INCIDENT_STATUSES, `Status must be one of: ${INCIDENT_STATUSES.join(', ')}`),
  affectedUsers: affectedUsersSchema.optional(),
  tags: labelListSchema('Tag').default([]),
  jurisdictionIds: z.array(jurisdictionIdSchema).max(100).default([]),
  organisations: z.array(incidentOrganisationSchema).max(200).default([]),
  implicatedProvisions: z.array(provisionReferenceSchema).max(200).default([]),
  citations: citationsSchema.default([]),
  ...bookkeepingShape
})
export type Incident = z.infer<typeof incidentSchema>

/** The date an incident is placed at in lists and timelines: when it happened, else when it came out. */
export function incidentKeyDate(incident: Pick<Incident, 'occurredOn' | 'disclosedOn' | 'reportedOn'>) {
  return incident.occurredOn ?? incident.disclosedOn ?? incident.reportedOn
}
