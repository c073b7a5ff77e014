import { addDuplicateFields } from './005-duplicate-keys'
import type { Migration } from './migration'

/**
 * Version 6 recomputes the organisations' stored duplicate-search fields, because placeholder
 * names ("Unnamed", "Jane (Surname Withheld)", as AIID lists people it does not name) stopped
 * counting as names: the stored forms and blocking keys of version 5 still held them. No index
 * changes. The likely pairs are recomputed by the duplicates worker, whose pair version moved too.
 */
export const placeholderNames: Migration = {
  version: 6,
  description: "Organisations' duplicate-search fields recomputed without placeholder names.",
  stores: {},
  async upgrade(tx) {
    await addDuplicateFields(tx, 'organisations', 'organisation')
  }
}
