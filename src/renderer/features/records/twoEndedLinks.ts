/** A link as seen from one end: what it means and the record at the other end. */
export interface EndLink<Relation extends string = string> {
  relation: Relation
  otherId: string
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
