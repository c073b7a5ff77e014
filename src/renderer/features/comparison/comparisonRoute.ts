import type { LocationQuery, LocationQueryRaw } from 'vue-router'
import type { ComparisonSubject } from '@shared/analytics/jurisdictionComparison'
import { INCIDENT_CATEGORIES, type IncidentCategory } from '@shared/domain/incident'
import type { OrganisationId } from '@shared/domain/ids'

const isCategory = (value: unknown): value is IncidentCategory => typeof value === 'string' && (INCIDENT_CATEGORIES as readonly string[]).includes(value)

/**
 * The subject named by the comparison page's address: `?org=<id>` or `?category=<slug>`
 * (an organisation wins when both are given); undefined when neither names anything usable.
 */
export function comparisonSubjectFrom(query: LocationQuery): ComparisonSubject | undefined {
  if (typeof query.org === 'string' && query.org !== '') return { kind: 'organisation', organisationId: query.org as OrganisationId }
  if (isCategory(query.category)) return { kind: 'category', category: query.category }
  return undefined
}

/** The address query for a subject, so a comparison can be bookmarked. */
export function comparisonQueryOf(subject: ComparisonSubject): LocationQueryRaw {
  return subject.kind === 'organisation' ? { org: subject.organisationId } : { category: subject.category }
}
