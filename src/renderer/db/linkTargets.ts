import { assertNever } from '@shared/lib/assertNever'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'

/** One link field of a record: where it is, and the record (type and id) it must point to. */
export interface LinkTarget {
  /** e.g. `organisations[1].organisationId`, `actorId`. */
  readonly path: string
  readonly targetType: RecordType
  readonly targetId: string
}

/** Every link a record holds, with the type its target must have. */
export function linkTargetsOf(typed: TypedRecord): LinkTarget[] {
  const citations = (list: readonly { readonly sourceId: string }[]): LinkTarget[] =>
    list.map((c, i) => ({ path: `citations[${i}].sourceId`, targetType: 'source', targetId: c.sourceId }))
  switch (typed.type) {
    case 'incident': {
      const r = typed.record
      return [
        ...r.jurisdictionIds.map((targetId, i): LinkTarget => ({ path: `jurisdictionIds[${i}]`, targetType: 'jurisdiction', targetId })),
        ...r.organisations.map((link, i): LinkTarget => ({
          path: `organisations[${i}].organisationId`,
          targetType: 'organisation',
          targetId: link.organisationId
        })),
        ...r.implicatedProvisions.map((ref, i): LinkTarget => ({
          path: `implicatedProvisions[${i}].lawId`,
          targetType: 'law',
          targetId: ref.lawId
        })),
        ...citations(r.citations)
      ]
    }
    case 'organisation': {
      const r = typed.record
      return [
        ...(r.headquartersJurisdictionId === undefined
          ? []
          : [{ path: 'headquartersJurisdictionId', targetType: 'jurisdiction', targetId: r.headquartersJurisdictionId } as const]),
        ...r.links.map((link, i): LinkTarget => ({
          path: `links[${i}].organisationId`,
          targetType: 'organisation',
          targetId: link.organisationId
        })),
        ...citations(r.citations)
      ]
    }
    case 'jurisdiction': {
      const r = typed.record
      return [
        ...(r.parentId === undefined ? [] : [{ path: 'parentId', targetType: 'jurisdiction', targetId: r.parentId } as const]),
        ...citations(r.citations)
      ]
    }
    case 'law':
      return [
        { path: 'jurisdictionId', targetType: 'jurisdiction', targetId: typed.record.jurisdictionId },
        ...citations(typed.record.citations)
      ]
    case 'response': {
      const r = typed.record
      return [
        { path: 'actorId', targetType: 'organisation', targetId: r.actorId },
        ...r.targetOrganisationIds.map((targetId, i): LinkTarget => ({
          path: `targetOrganisationIds[${i}]`,
          targetType: 'organisation',
          targetId
        })),
        ...r.incidentIds.map((targetId, i): LinkTarget => ({ path: `incidentIds[${i}]`, targetType: 'incident', targetId })),
        ...r.legalBasis.map((ref, i): LinkTarget => ({ path: `legalBasis[${i}].lawId`, targetType: 'law', targetId: ref.lawId })),
        ...citations(r.citations)
      ]
    }
    case 'source':
      return []
    default:
      return assertNever(typed)
  }
}
