import type { LawRelation } from '@shared/domain/law'
import type { OrganisationRelation } from '@shared/domain/organisation'
import type { RecordOfType } from '@shared/domain/recordTypes'

/** A link as seen from one end: what it means and the record at the other end. */
export interface EndLink<Relation extends string = string> {
  relation: Relation
  otherId: string
}

/**
 * The record types linked to their own kind, and where each keeps those links: a law's relations
 * to other laws, an organisation's links to other organisations. A form edits both ends.
 */
export const TWO_ENDED_LINKS = {
  law: { list: 'relations', idKey: 'lawId' },
  organisation: { list: 'links', idKey: 'organisationId' }
} as const

export type TwoEndedType = keyof typeof TWO_ENDED_LINKS
export type RelationOf<T extends TwoEndedType> = T extends 'law' ? LawRelation : OrganisationRelation

/** The links a record holds, each as an EndLink to the record it names. */
export function endLinksOf<T extends TwoEndedType>(type: T, record: RecordOfType[T]): EndLink<RelationOf<T>>[] {
  const { list, idKey } = TWO_ENDED_LINKS[type]
  const stored = (record as unknown as Record<string, readonly Record<string, string>[]>)[list] ?? []
  return stored.map((link) => ({ relation: link.relation as RelationOf<T>, otherId: link[idKey]! }))
}

/** EndLinks as the links the record stores (record input, unvalidated). */
export function storedLinksOf<T extends TwoEndedType>(type: T, links: readonly EndLink<RelationOf<T>>[]): Record<string, string>[] {
  const { idKey } = TWO_ENDED_LINKS[type]
  return links.map((link) => ({ relation: link.relation, [idKey]: link.otherId }))
}

const keyOf = (link: EndLink): string => `${link.relation}\u0000${link.otherId}`

/**
 * What changed between the links a form loaded and the links it now holds, ignoring order and
 * repeats: each added link is written on the other record, each removed one taken off it.
 */
export function linkChanges<Relation extends string>(
  before: readonly EndLink<Relation>[],
  after: readonly EndLink<Relation>[]
): { added: EndLink<Relation>[]; removed: EndLink<Relation>[] } {
  const beforeKeys = new Set(before.map(keyOf))
  const afterKeys = new Set(after.map(keyOf))
  const unique = (links: readonly EndLink<Relation>[]) => [...new Map(links.map((link) => [keyOf(link), link])).values()]
  return {
    added: unique(after.filter((link) => !beforeKeys.has(keyOf(link)))),
    removed: unique(before.filter((link) => !afterKeys.has(keyOf(link))))
  }
}
