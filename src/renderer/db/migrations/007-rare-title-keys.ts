import { addDuplicateFields } from './005-duplicate-keys'
import type { Migration } from './migration'

/**
 * Version 7 recomputes the incidents' stored duplicate-search keys: a title's loose keys are now
 * its rarest character pairs, enough of them to find every pair that can reach the reporting
 * threshold (prefix filtering, see `titleBlockingKeys`), not every pair, so an imported incident
 * writes about 37 index entries instead of 60. No index changes. The likely pairs are recomputed by
 * the duplicates worker, whose pair version moved too.
 */
export const rareTitleKeys: Migration = {
  version: 7,
  description: "Incidents' duplicate-search keys recomputed: the rarest character pairs of each title.",
  stores: {},
  async upgrade(tx) {
    await addDuplicateFields(tx, 'incidents', 'incident')
  }
}
