import { linksOf, withoutReferencesWhere } from './linkFields'
import type { TypedRecord } from './recordTypes'

/**
 * The fields of `typed` that link to `id` and cannot lose that link (required in `LINK_FIELDS`): a
 * response's actor, a law's jurisdiction, a subdivision's country. While any remain, `id` cannot be deleted.
 */
export function requiredLinksTo(typed: TypedRecord, id: string): string[] {
  return linksOf(typed)
    .filter((link) => link.isRequired && link.targetId === id)
    .map((link) => link.path)
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

export { withoutReferencesWhere } from './linkFields'
