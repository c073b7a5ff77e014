import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { compareJurisdictions, type ComparisonData, type ComparisonSubject } from '@shared/analytics/jurisdictionComparison'
import { repositories } from '../records'

const EMPTY: ComparisonData = { incidents: [], responses: [], laws: [], organisations: [], jurisdictions: [] }

/**
 * The comparison of a subject across jurisdictions, kept live: the five tables are read together
 * and re-read when any window writes to them, then compared by the pure `compareJurisdictions`.
 * `organisationNames` names actors and the subject.
 */
export function useJurisdictionComparison(subject: Ref<ComparisonSubject | undefined>) {
  const query = useLiveQuery<ComparisonData>(async () => {
    const [incidents, responses, laws, organisations, jurisdictions] = await Promise.all([
      repositories.incident.list(),
      repositories.response.list(),
      repositories.law.list(),
      repositories.organisation.list(),
      repositories.jurisdiction.list()
    ])
    return { incidents, responses, laws, organisations, jurisdictions }
  }, EMPTY)
  const comparison = computed(() => (subject.value === undefined ? undefined : compareJurisdictions(subject.value, query.data.value)))
  const organisationNames = computed(() => new Map<string, string>(query.data.value.organisations.map((organisation) => [organisation.id, organisation.name])))
  return { comparison, organisationNames, isLoading: query.isLoading, error: query.error }
}
