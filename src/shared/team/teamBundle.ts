import { BUNDLE_COLLECTION, BUNDLE_FORMAT, BUNDLE_VERSION, type BundleRecords } from '../domain/bundle'
import type { ServerRecordState } from './teamProtocol'

/** What a bundle of the team's knowledge base says about itself. */
export interface TeamBundleInfo {
  /** The log's head the records were read at (the bundle's revision: it grows with the team's knowledge base). */
  readonly headSeq: number
  readonly createdAt: string
  readonly title: string
}

/**
 * The team's current records (`TeamServer.currentRecords`, every page) as a Precedent bundle, not
 * yet validated: the server's snapshots are checked as any bundle is read (`parseBundle`). Each
 * record carries the server's revision number, so an edit of it in the bundle (revision + 1) is
 * pushed as based on the server's version. Deleted records (no snapshot) are left out.
 */
export function teamBundleOf(records: Iterable<ServerRecordState>, info: TeamBundleInfo): unknown {
  const collections: Record<keyof BundleRecords, unknown[]> = { jurisdictions: [], organisations: [], sources: [], laws: [], incidents: [], responses: [] }
  for (const state of records) {
    if (state.snapshot === undefined) continue
    collections[BUNDLE_COLLECTION[state.recordType]].push({ ...state.snapshot, revision: state.revision })
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'precedent-team',
    revision: Math.max(1, info.headSeq),
    title: info.title,
    createdAt: info.createdAt,
    records: collections
  }
}
