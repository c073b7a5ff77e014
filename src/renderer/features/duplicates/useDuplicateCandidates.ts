import { computed } from 'vue'
import { getDatabase, readDismissedDuplicatePairs, useLiveQuery } from '@renderer/db'
import { findDuplicateCandidates, type DuplicateCandidate } from '@shared/domain/duplicates'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import { repositories } from '../records'

interface DuplicateSearchInput {
  readonly organisations: readonly Organisation[]
  readonly incidents: readonly Incident[]
  readonly dismissedPairs: ReadonlySet<string>
}

/** Likely duplicate organisations and incidents, kept live as records change or pairs are dismissed. */
export function useDuplicateCandidates() {
  const query = useLiveQuery<DuplicateSearchInput>(
    async () => {
      const [organisations, incidents, dismissed] = await Promise.all([
        repositories.organisation.list(),
        repositories.incident.list(),
        readDismissedDuplicatePairs(getDatabase())
      ])
      return { organisations, incidents, dismissedPairs: new Set(dismissed) }
    },
    { organisations: [], incidents: [], dismissedPairs: new Set() }
  )
  const candidates = computed(() => findDuplicateCandidates(query.data.value, { dismissedPairs: query.data.value.dismissedPairs }))
  const organisationPairs = computed(() => candidates.value.filter((candidate): candidate is Extract<DuplicateCandidate, { type: 'organisation' }> => candidate.type === 'organisation'))
  const incidentPairs = computed(() => candidates.value.filter((candidate): candidate is Extract<DuplicateCandidate, { type: 'incident' }> => candidate.type === 'incident'))
  return { organisationPairs, incidentPairs, isLoading: query.isLoading, error: query.error }
}
