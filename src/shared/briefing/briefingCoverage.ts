import type { Citation } from '../domain/citation'
import type { Incident } from '../domain/incident'
import type { IncidentResponse } from '../domain/incidentResponse'
import type { Law } from '../domain/law'
import type { RecordType, TypedRecord } from '../domain/recordTypes'
import type { Source } from '../domain/source'
import type { RecordSet } from '../interchange/recordSet'
import type { Briefing } from './briefing'

/** A record the briefing lists that the record set does not hold (deleted since, or of another type now). */
export interface MissingBriefingRecord {
  readonly recordType: RecordType
  readonly recordId: string
}

/**
 * The records a briefing is about, each once, in the order they are first met: the records it lists,
 * the responses to its incidents that the record set's selection holds, and the laws its incidents
 * and responses rely on.
 */
export interface BriefingCoverage {
  /** The briefing's own record items, resolved, in the briefing's order. */
  readonly listed: readonly TypedRecord[]
  readonly missing: readonly MissingBriefingRecord[]
  readonly incidents: readonly Incident[]
  readonly responses: readonly IncidentResponse[]
  readonly laws: readonly Law[]
  /** Every source cited by a covered record or listed itself. */
  readonly sources: readonly Source[]
}

function citationsOf(typed: TypedRecord): readonly Citation[] {
  return typed.type === 'source' ? [] : typed.record.citations
}

/**
 * Works out what a briefing covers. Responses to a covered incident are included when `set.selected`
 * holds them, so the app can hand over an incident's responses without the author listing each one.
 */
export function coverageOf(briefing: Briefing, set: RecordSet): BriefingCoverage {
  const listed: TypedRecord[] = []
  const missing: MissingBriefingRecord[] = []
  for (const item of briefing.items) {
    if (item.kind !== 'record') continue
    const typed = set.get(item.recordId)
    if (typed === undefined || typed.type !== item.recordType) missing.push({ recordType: item.recordType, recordId: item.recordId })
    else if (!listed.some((already) => already.record.id === typed.record.id)) listed.push(typed)
  }

  const incidents = listed.flatMap((typed) => (typed.type === 'incident' ? [typed.record] : []))
  const incidentIds = new Set<string>(incidents.map((incident) => incident.id))
  const responses = listed.flatMap((typed) => (typed.type === 'response' ? [typed.record] : []))
  const responseIds = new Set<string>(responses.map((response) => response.id))
  for (const typed of set.selected) {
    if (typed.type !== 'response' || responseIds.has(typed.record.id)) continue
    if (typed.record.incidentIds.some((id) => incidentIds.has(id))) {
      responses.push(typed.record)
      responseIds.add(typed.record.id)
    }
  }

  const laws: Law[] = []
  const addLaw = (law: Law): void => {
    if (!laws.some((known) => known.id === law.id)) laws.push(law)
  }
  for (const typed of listed) if (typed.type === 'law') addLaw(typed.record)
  const references = [...incidents.flatMap((incident) => incident.implicatedProvisions), ...responses.flatMap((response) => response.legalBasis)]
  for (const reference of references) {
    const typed = set.get(reference.lawId)
    if (typed?.type === 'law') addLaw(typed.record)
  }

  const sources: Source[] = []
  const addSource = (source: Source): void => {
    if (!sources.some((known) => known.id === source.id)) sources.push(source)
  }
  const citing: TypedRecord[] = [
    ...listed,
    ...responses.map((record) => ({ type: 'response' as const, record })),
    ...laws.map((record) => ({ type: 'law' as const, record }))
  ]
  for (const typed of citing) {
    if (typed.type === 'source') addSource(typed.record)
    for (const citation of citationsOf(typed)) {
      const source = set.get(citation.sourceId)
      if (source?.type === 'source') addSource(source.record)
    }
  }

  return { listed, missing, incidents, responses, laws, sources }
}
