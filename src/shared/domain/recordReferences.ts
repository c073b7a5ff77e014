import { assertNever } from '../lib/assertNever'
import type { RecordId } from './ids'
import type { TypedRecord } from './recordTypes'

/** One outgoing link from a record, named by what the link means. */
export interface RecordReference {
  readonly targetId: RecordId
  /** e.g. `organisation:operator`, `jurisdiction`, `legal-basis`, `citation`. */
  readonly relation: string
}

/**
 * Every record another record points to. Stored (as ids) in a multi-entry index beside each row,
 * so "what links here?" is one index lookup per table, and deleting a record can find and mend
 * every link to it.
 */
export function referencesOf(typed: TypedRecord): RecordReference[] {
  switch (typed.type) {
    case 'incident': {
      const r = typed.record
      return [
        ...r.jurisdictionIds.map((targetId) => ({ targetId, relation: 'jurisdiction' })),
        ...r.organisations.map((link) => ({ targetId: link.organisationId, relation: `organisation:${link.role}` })),
        ...r.implicatedProvisions.map((ref) => ({ targetId: ref.lawId, relation: 'implicates' })),
        ...r.citations.map((c) => ({ targetId: c.sourceId, relation: 'citation' }))
      ]
    }
    case 'organisation': {
      const r = typed.record
      return [
        ...(r.headquartersJurisdictionId ? [{ targetId: r.headquartersJurisdictionId, relation: 'headquarters' }] : []),
        ...r.links.map((link) => ({ targetId: link.organisationId, relation: `organisation:${link.relation}` })),
        ...r.citations.map((c) => ({ targetId: c.sourceId, relation: 'citation' }))
      ]
    }
    case 'jurisdiction': {
      const r = typed.record
      return [
        ...(r.parentId ? [{ targetId: r.parentId, relation: 'parent' }] : []),
        ...r.citations.map((c) => ({ targetId: c.sourceId, relation: 'citation' }))
      ]
    }
    case 'law': {
      const r = typed.record
      return [
        { targetId: r.jurisdictionId, relation: 'jurisdiction' },
        ...r.relations.map((link) => ({ targetId: link.lawId, relation: `law:${link.relation}` })),
        ...r.citations.map((c) => ({ targetId: c.sourceId, relation: 'citation' }))
      ]
    }
    case 'response': {
      const r = typed.record
      return [
        { targetId: r.actorId, relation: 'actor' },
        ...r.targetOrganisationIds.map((targetId) => ({ targetId, relation: 'target' })),
        ...r.incidentIds.map((targetId) => ({ targetId, relation: 'answers' })),
        ...r.legalBasis.map((ref) => ({ targetId: ref.lawId, relation: 'legal-basis' })),
        ...r.citations.map((c) => ({ targetId: c.sourceId, relation: 'citation' }))
      ]
    }
    case 'source':
      return []
    default:
      return assertNever(typed)
  }
}

/** The distinct ids a record points to: the value of its `refs` index. */
export function referencedIds(typed: TypedRecord): RecordId[] {
  return [...new Set(referencesOf(typed).map((reference) => reference.targetId))]
}
