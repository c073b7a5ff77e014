import { useLiveQuery } from '@renderer/db'
import { repositories } from '../records'
import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { Jurisdiction } from '@shared/domain/jurisdiction'
import type { Organisation } from '@shared/domain/organisation'

export interface ChartRecords {
  readonly incidents: readonly Incident[]
  readonly responses: readonly IncidentResponse[]
  readonly jurisdictions: readonly Jurisdiction[]
  readonly organisations: readonly Organisation[]
}

const EMPTY: ChartRecords = { incidents: [], responses: [], jurisdictions: [], organisations: [] }

/** The records the charts count, kept live: one read of the four tables, re-run when any window writes to them. */
export function useChartRecords() {
  const query = useLiveQuery<ChartRecords>(async () => {
    const [incidents, responses, jurisdictions, organisations] = await Promise.all([
      repositories.incident.list(),
      repositories.response.list(),
      repositories.jurisdiction.list(),
      repositories.organisation.list()
    ])
    return { incidents, responses, jurisdictions, organisations }
  }, EMPTY)
  return { records: query.data, isLoading: query.isLoading, error: query.error }
}
