import type { RecordId } from './ids'
import { forEachLink, relationOf } from './linkFields'
import type { TypedRecord } from './recordTypes'

/** One outgoing link from a record, named by what the link means. */
export interface RecordReference {
  readonly targetId: RecordId
  /** e.g. `organisation:operator`, `jurisdiction`, `legal-basis`, `citation`. */
  readonly relation: string
}

/**
 * Every record another record points to, read from the link table (`LINK_FIELDS`). Stored (as ids)
 * in a multi-entry index beside each row, so "what links here?" is one index lookup per table, and
 * deleting a record can find and mend every link to it.
 */
export function referencesOf(typed: TypedRecord): RecordReference[] {
  const references: RecordReference[] = []
  forEachLink(typed, (field, targetId, item) => references.push({ targetId: targetId as RecordId, relation: relationOf(field, item) }))
  return references
}

/** The distinct ids a record points to: the value of its `refs` index. */
export function referencedIds(typed: TypedRecord): RecordId[] {
  return [...new Set(referencesOf(typed).map((reference) => reference.targetId))]
}
