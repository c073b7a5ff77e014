import type { Migration } from './migration'

/**
 * Version 3 adds the `briefings` an analyst composes (title, sections, running order of records,
 * headings and commentary; see `shared/briefing/briefing.ts`), keyed by id and listed newest first
 * by `updatedAt`. No existing table changes, so there is no upgrade step.
 */
export const briefings: Migration = {
  version: 3,
  description: 'Briefings: composed running orders of records, headings and commentary.',
  stores: {
    briefings: 'id, updatedAt'
  }
}
