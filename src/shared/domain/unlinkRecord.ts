import { assertNever } from '../lib/assertNever'
import type { TypedRecord } from './recordTypes'

/**
 * The fields of `typed` that link to `id` and cannot lose that link: a response's actor, a law's
 * jurisdiction, a subdivision's country. While any remain, `id` cannot be deleted.
 */
export function requiredLinksTo(typed: TypedRecord, id: string): string[] {
  switch (typed.type) {
    case 'response':
      return typed.record.actorId === id ? ['actorId'] : []
    case 'law':
      return typed.record.jurisdictionId === id ? ['jurisdictionId'] : []
    case 'jurisdiction':
      return typed.record.kind === 'subdivision' && typed.record.parentId === id ? ['parentId'] : []
    case 'incident':
    case 'organisation':
    case 'source':
      return []
    default:
      return assertNever(typed)
  }
}

/**
 * `typed` with every removable link to `id` taken out: ids from id lists, organisation roles and
 * links, provision references and citations naming it, and an optional single link (headquarters,
 * parent). Required links (`requiredLinksTo`) are left as they are. Bookkeeping is unchanged;
 * the caller bumps it when it stores the result.
 */
export function withoutReferencesTo(typed: TypedRecord, id: string): TypedRecord {
  const citations = <C extends { readonly sourceId: string }>(list: readonly C[]): C[] =>
    list.filter((citation) => citation.sourceId !== id)
  switch (typed.type) {
    case 'incident': {
      const r = typed.record
      return {
        type: 'incident',
        record: {
          ...r,
          jurisdictionIds: r.jurisdictionIds.filter((target) => target !== id),
          organisations: r.organisations.filter((link) => link.organisationId !== id),
          implicatedProvisions: r.implicatedProvisions.filter((ref) => ref.lawId !== id),
          citations: citations(r.citations)
        }
      }
    }
    case 'organisation': {
      const { headquartersJurisdictionId, ...rest } = typed.record
      return {
        type: 'organisation',
        record: {
          ...rest,
          ...(headquartersJurisdictionId !== undefined && headquartersJurisdictionId !== id ? { headquartersJurisdictionId } : {}),
          links: rest.links.filter((link) => link.organisationId !== id),
          citations: citations(rest.citations)
        }
      }
    }
    case 'jurisdiction': {
      const { parentId, ...rest } = typed.record
      const keepsParent = parentId !== undefined && (parentId !== id || rest.kind === 'subdivision')
      return {
        type: 'jurisdiction',
        record: { ...rest, ...(keepsParent ? { parentId } : {}), citations: citations(rest.citations) }
      }
    }
    case 'law':
      return {
        type: 'law',
        record: {
          ...typed.record,
          relations: typed.record.relations.filter((link) => link.lawId !== id),
          citations: citations(typed.record.citations)
        }
      }
    case 'response': {
      const r = typed.record
      return {
        type: 'response',
        record: {
          ...r,
          targetOrganisationIds: r.targetOrganisationIds.filter((target) => target !== id),
          incidentIds: r.incidentIds.filter((target) => target !== id),
          legalBasis: r.legalBasis.filter((ref) => ref.lawId !== id),
          citations: citations(r.citations)
        }
      }
    }
    case 'source':
      return typed
    default:
      return assertNever(typed)
  }
}
