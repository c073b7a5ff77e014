import { BUNDLE_FORMAT, BUNDLE_VERSION, bundleRecordsOf, type Bundle } from '../../domain/bundle'
import { referencesOf } from '../../domain/recordReferences'
import type { TypedRecord } from '../../domain/recordTypes'
import { withoutReferencesWhere } from '../../domain/unlinkRecord'
import type { RecordSet } from '../recordSet'

/**
 * Which records a bundle of a selection holds, and which links it had to leave out.
 *
 * The rule, so that the bundle always passes `parseBundle` on its own (no known ids needed):
 * - the selected records;
 * - records a link REQUIRES (a law's jurisdiction, a response's actor, a jurisdiction's parent),
 *   and, in turn, what those require;
 * - jurisdictions and sources that any included record links to: they are reference records
 *   (a jurisdiction names a place, a source a publication) without which a record loses its
 *   place or its evidence, and they pull in nothing but a parent jurisdiction and their own sources;
 * - every other optional link (an incident's organisations, a provision it implicates, a response's
 *   incidents or targets, relations between organisations or laws) is kept only when its target is
 *   in the bundle anyway, and otherwise dropped from the exported copy. The stored record is
 *   untouched; `droppedLinks` says what was left out, so the app can tell the person.
 */
export interface SelectionClosure {
  readonly records: readonly TypedRecord[]
  /** Ids of records included though not selected, in the order they were reached. */
  readonly added: readonly string[]
  readonly droppedLinks: readonly { readonly fromId: string; readonly toId: string; readonly relation: string }[]
}

/** Links whose target must be in the bundle for the record to be valid at all. */
const REQUIRED_RELATIONS = new Set(['jurisdiction:law', 'actor', 'parent'])

function isRequired(typed: TypedRecord, relation: string): boolean {
  return REQUIRED_RELATIONS.has(relation === 'jurisdiction' && typed.type === 'law' ? 'jurisdiction:law' : relation)
}

/**
 * @throws Error when a required link points at a record the set does not have: no valid bundle can
 * be made then, and leaving the record out silently would export less than was chosen
 */
export function selectionClosure(set: RecordSet): SelectionClosure {
  const included = new Map<string, TypedRecord>()
  const added: string[] = []
  for (const typed of set.selected) if (!included.has(typed.record.id)) included.set(typed.record.id, typed)
  const queue = [...included.values()]
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    for (const reference of referencesOf(next)) {
      if (included.has(reference.targetId)) continue
      const target = set.get(reference.targetId)
      const required = isRequired(next, reference.relation)
      if (target === undefined) {
        if (required) throw new Error(`"${next.record.id}" needs "${reference.targetId}" (${reference.relation}), which is not available to export`)
        continue
      }
      if (required || target.type === 'jurisdiction' || target.type === 'source') {
        included.set(target.record.id, target)
        added.push(target.record.id)
        queue.push(target)
      }
    }
  }
  const droppedLinks: { fromId: string; toId: string; relation: string }[] = []
  const records = [...included.values()].map((typed) => {
    const kept = withLinksTo(typed, (id) => included.has(id))
    for (const reference of referencesOf(typed)) {
      if (!included.has(reference.targetId)) droppedLinks.push({ fromId: typed.record.id, toId: reference.targetId, relation: reference.relation })
    }
    return kept
  })
  return { records, added, droppedLinks }
}

/** A copy of the record without its optional links to ids `isIncluded` refuses. Required links are never touched here. */
function withLinksTo(typed: TypedRecord, isIncluded: (id: string) => boolean): TypedRecord {
  return withoutReferencesWhere(typed, (id) => !isIncluded(id))
}

/**
 * A Precedent bundle of the selected records and what they need (see `SelectionClosure` for the
 * rule). It passes `parseBundle` with no known ids; exporting every record of a knowledge base and
 * parsing the bundle gives back the same records.
 */
export function exportSelectionBundle(set: RecordSet, options: { readonly id: string; readonly title: string; readonly createdAt: string }): Bundle {
  const records = bundleRecordsOf(selectionClosure(set).records)
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, id: options.id, revision: 1, title: options.title, createdAt: options.createdAt, records }
}
