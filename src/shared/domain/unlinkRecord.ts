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
  return withoutReferencesWhere(typed, (target) => target === id)
}

/**
 * `typed` with every removable link whose target `isDropped` refuses taken out (see
 * `withoutReferencesTo`); a bundle of a selection uses it to leave out links to records it does
 * not carry. Required links are never touched.
 */
export function withoutReferencesWhere(typed: TypedRecord, isDropped: (id: string) => boolean): TypedRecord {
  const kept = (id: string): boolean => !isDropped(id)
  const citations = <C extends { readonly sourceId: string }>(list: readonly C[]): C[] =>
    list.filter((citation) => kept(citation.sourceId))
  switch (typed.type) {
    case 'incident': {
      const r = typed.record
      return {
        type: 'incident',
        record: {
          ...r,
          jurisdictionIds: r.jurisdictionIds.filter(kept),
          organisations: r.organisations.filter((link) => kept(link.organisationId)),
          implicatedProvisions: r.implicatedProvisions.filter((ref) => kept(ref.lawId)),
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
          ...(headquartersJurisdictionId !== undefined && kept(headquartersJurisdictionId) ? { headquartersJurisdictionId } : {}),
          links: rest.links.filter((link) => kept(link.organisationId)),
          citations: citations(rest.citations)
        }
      }
    }
    case 'jurisdiction': {
      const { parentId, ...rest } = typed.record
      const keepsParent = parentId !== undefined && (kept(parentId) || rest.kind === 'subdivision')
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
          relations: typed.record.relations.filter((link) => kept(link.lawId)),
          citations: citations(typed.record.citations)
        }
      }
    case 'response': {
      const r = typed.record
      return {
        type: 'response',
        record: {
          ...r,
          targetOrganisationIds: r.targetOrganisationIds.filter(kept),
          incidentIds: r.incidentIds.filter(kept),
          legalBasis: r.legalBasis.filter((ref) => kept(ref.lawId)),
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
