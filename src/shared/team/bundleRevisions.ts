import { bundleRecordsInOrder, type BundleRecords } from '../domain/bundle'
import { diffRecords, type RecordRevision } from '../domain/recordHistory'
import type { TypedRecord } from '../domain/recordTypes'
import { uuidV5 } from '../interchange/stix/uuidV5'
import { pushedRevisionOf } from './pushedRevision'
import { MAX_PUSH_CHANGES, type PushedRevision } from './teamProtocol'
import { orderForPush } from './teamSyncPlan'

// A bundle pushed to the team's server (`precedent team push`, issue 13): each record becomes one
// pushed revision. A bundle holds only each record's latest version and its revision number, so a
// record at revision r + 1 reads as an edit based on revision r (revision 1: a create). The
// revision's id is derived from the record itself, so pushing the same bundle again is answered
// `already` and creates nothing twice, from any machine. The base and the push order are the sync
// engine's own rules (`pushedRevisionOf`, `orderForPush`): a bundle record is read as the revision
// the app's log would hold for it.

/** The namespace of bundle revision ids (a fixed UUID: changing it would make every id new). */
export const BUNDLE_REVISION_NAMESPACE = '0d9c3f7e-6a52-4b8e-9a51-5f3e1c2b7d40'

// Key order is not meaning: `{a, b}` and `{b, a}` are the same content.
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner === null || typeof inner !== 'object' || Array.isArray(inner)) return inner
    return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

/**
 * The id of the revision a bundle record stands for: a name-based UUID (version 5) of its type, id,
 * revision number and content. The same record always gives the same id; any change to it, a
 * timestamp included, gives another.
 */
export function bundleRevisionId(typed: TypedRecord): string {
  const { record } = typed
  return uuidV5(BUNDLE_REVISION_NAMESPACE, `${typed.type}\n${record.id}\n${record.revision}\n${canonicalJson(record)}`)
}

/** What a bundle says about how and when its records were pushed. */
export interface BundlePushOptions {
  /** When the push was made (the pushed revisions' `clientAt`). */
  readonly clientAt: string
  /** Kept in each revision's history entry, e.g. which file it came from. */
  readonly note?: string
}

/**
 * A bundle record as the app's log would hold it: an import at the record's revision. At revision
 * 1 it creates the record, every field changed from nothing (so the base is "no record yet"); at
 * revision r + 1 it is an edit of revision r whose changes are not known (the bundle does not hold
 * the version before it), so none are listed.
 */
function bundleRecordAsRevision(typed: TypedRecord, options: BundlePushOptions): RecordRevision<object> {
  const { record } = typed
  return {
    id: bundleRevisionId(typed),
    recordType: typed.type,
    recordId: record.id,
    revision: record.revision,
    at: options.clientAt,
    author: '',
    action: 'import',
    changes: record.revision <= 1 ? diffRecords(undefined, record) : [],
    snapshot: record,
    ...(options.note === undefined ? {} : { note: options.note })
  }
}

/** The pushed revision a bundle record stands for: based on revision r for a record at r + 1, on "no record" at revision 1. */
export function bundleRecordRevision(typed: TypedRecord, options: BundlePushOptions): PushedRevision {
  return pushedRevisionOf(bundleRecordAsRevision(typed, options))
}

/**
 * A bundle's records as pushes: one revision per record, the records linked to before those that
 * link to them (`orderForPush`), in batches of at most `MAX_PUSH_CHANGES` (each batch is one
 * transaction on the server).
 */
export function bundlePushBatches(records: BundleRecords, options: BundlePushOptions, batchSize: number = MAX_PUSH_CHANGES): PushedRevision[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_PUSH_CHANGES)
    throw new RangeError(`A push holds 1 to ${MAX_PUSH_CHANGES} changes, not ${batchSize}`)
  const revisions = orderForPush(bundleRecordsInOrder(records).map((typed) => bundleRecordAsRevision(typed, options))).map((revision) =>
    pushedRevisionOf(revision)
  )
  const batches: PushedRevision[][] = []
  for (let start = 0; start < revisions.length; start += batchSize) batches.push(revisions.slice(start, start + batchSize))
  return batches
}
