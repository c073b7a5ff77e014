import { linksOf } from '@shared/domain/linkFields'
import type { RecordType, TypedRecord } from '@shared/domain/recordTypes'

/** One link field of a record: where it is, and the record (type and id) it must point to. */
export interface LinkTarget {
  /** e.g. `organisations[1].organisationId`, `actorId`. */
  readonly path: string
  readonly targetType: RecordType
  readonly targetId: string
}

/** Every link a record holds, with the type its target must have (read from `LINK_FIELDS`). */
export function linkTargetsOf(typed: TypedRecord): LinkTarget[] {
  return linksOf(typed).map(({ path, targetType, targetId }) => ({ path, targetType, targetId }))
}
