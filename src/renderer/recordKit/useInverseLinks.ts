import type { RecordOfType } from '@shared/domain/recordTypes'
import { repositories } from './knowledgeBase'
import { amendmentOf, type RecordAmendment } from './recordsStore'
import { endLinksOf, linkChanges, storedLinksOf, TWO_ENDED_LINKS, type EndLink, type RelationOf, type TwoEndedType } from './twoEndedLinks'

/**
 * The links to a record that other records of its type hold ("Amended by", "Operated by"), which
 * its form edits beside its own: `load` reads them when the record is opened, `amendments` turns
 * what the form now holds into changes to those other records, saved in the same transaction.
 */
export function useInverseLinks<T extends TwoEndedType>(type: T) {
  /** The inverse links as loaded: only what differs from them is written to the other records. */
  let loaded: EndLink<RelationOf<T>>[] = []

  /** Reads the inverse links of `record`; returns a copy for the draft to edit. */
  async function load(record: RecordOfType[T]): Promise<EndLink<RelationOf<T>>[]> {
    const referring = (await repositories[type].listReferencing(record.id)) as RecordOfType[T][]
    loaded = referring.flatMap((other) =>
      endLinksOf(type, other)
        .filter((link) => link.otherId === record.id)
        .map((link) => ({ relation: link.relation, otherId: other.id as string }))
    )
    return loaded.map((link) => ({ ...link }))
  }

  /** The other records to change when record `id` is saved holding `inverseLinks`. */
  function amendments(id: string, inverseLinks: readonly EndLink<RelationOf<T>>[]): RecordAmendment[] {
    const { added, removed } = linkChanges(loaded, inverseLinks)
    const touched = new Set([...added, ...removed].map((link) => link.otherId))
    return [...touched].map((otherId) =>
      amendmentOf(type, otherId, (other) => {
        const kept = endLinksOf(type, other).filter(
          (link) => !(link.otherId === id && removed.some((gone) => gone.otherId === otherId && gone.relation === link.relation))
        )
        const extra = added
          .filter((link) => link.otherId === otherId && !kept.some((existing) => existing.otherId === id && existing.relation === link.relation))
          .map((link) => ({ relation: link.relation, otherId: id }))
        return { ...other, [TWO_ENDED_LINKS[type].list]: storedLinksOf(type, [...kept, ...extra]) }
      })
    )
  }

  return { load, amendments }
}
