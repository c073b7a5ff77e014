import type { Incident } from '../../domain/incident'
import type { IncidentResponse } from '../../domain/incidentResponse'
import type { Law } from '../../domain/law'
import type { TypedRecord } from '../../domain/recordTypes'

/** The chosen records that carry dates the timeline draws, by kind, and all of them by id. */
export interface DatedRecords {
  readonly incidents: Incident[]
  readonly responses: IncidentResponse[]
  readonly laws: Law[]
  readonly byId: ReadonlyMap<string, Incident | IncidentResponse | Law>
}

/** Sorts a selection into what `timelineEvents` takes, for the exports made of dated events. */
export function datedRecordsOf(selected: readonly TypedRecord[]): DatedRecords {
  const incidents: Incident[] = []
  const responses: IncidentResponse[] = []
  const laws: Law[] = []
  for (const typed of selected) {
    if (typed.type === 'incident') incidents.push(typed.record)
    else if (typed.type === 'response') responses.push(typed.record)
    else if (typed.type === 'law') laws.push(typed.record)
  }
  const byId = new Map<string, Incident | IncidentResponse | Law>([...incidents, ...responses, ...laws].map((record) => [record.id, record]))
  return { incidents, responses, laws, byId }
}
