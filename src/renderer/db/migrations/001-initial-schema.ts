import type { Migration } from './migration'

/**
 * Every record table is keyed by its string id and carries two derived index fields:
 * `*refs` (every id the record links to, for backlinks and mending links on delete) and
 * `sortKey` (earliest day of its key date, or its lower-cased name). `updatedAt` feeds the
 * search snapshot's watermark.
 */
export const initialSchema: Migration = {
  version: 1,
  description: 'Record tables with refs and sort key indexes, and a meta table for markers.',
  stores: {
    incidents: 'id, sortKey, *refs, updatedAt',
    organisations: 'id, sortKey, *refs, updatedAt',
    jurisdictions: 'id, sortKey, *refs, updatedAt',
    laws: 'id, sortKey, *refs, updatedAt',
    responses: 'id, sortKey, *refs, updatedAt',
    sources: 'id, sortKey, *refs, updatedAt',
    meta: 'key'
  }
}
