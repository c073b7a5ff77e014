import type { BundleRecords } from '../domain/bundle'
import { bundleRecordsInOrder } from '../domain/bundle'
import { forEachLink } from '../domain/linkFields'
import { diffRecords } from '../domain/recordHistory'
import type { RecordType, TypedRecord } from '../domain/recordTypes'
import { uuidV5 } from '../interchange/stix/uuidV5'
import { MAX_PUSH_CHANGES, type PushedRevision } from './teamProtocol'

// A bundle pushed to the team's server (`precedent team push`, issue 13): each record becomes one
// pushed revision. A bundle holds only each record's latest version and its revision number, so a
// record at revision r + 1 reads as an edit based on revision r (revision 1: a create). The
// revision's id is derived from the record itself, so pushing the same bundle again is answered
// `already` and creates nothing twice, from any machine.

/** The namespace of bundle revision ids (a fixed UUID: changing it would make every id new). */
export const BUNDLE_REVISION_NAMESPACE = '0d9c3f7e-6a52-4b8e-9a51-5f3e1c2b7d40'

/**
 * Types whose records others link to come first, so a server that checks links finds their
 * targets: sources (everything cites them), then jurisdictions, organisations, laws, incidents,
 * responses (`LINK_FIELDS` in domain/linkFields.ts).
 */
const PUSH_TYPE_ORDER: readonly RecordType[] = ['source', 'jurisdiction', 'organisation', 'law', 'incident', 'response']

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

/**
 * The records in the order they are pushed: by type (PUSH_TYPE_ORDER), and every record after the
 * records of the bundle it links to (a jurisdiction after its parent, an organisation after those
 * it links to). Links in a cycle cannot all point backwards; the cycle keeps the bundle's order.
 */
export function pushOrder(records: BundleRecords): TypedRecord[] {
  const all = bundleRecordsInOrder(records)
  const byId = new Map<string, TypedRecord>(all.map((typed) => [typed.record.id, typed]))
  const rank = (typed: TypedRecord) => PUSH_TYPE_ORDER.indexOf(typed.type)
  const ordered: TypedRecord[] = []
  const placed = new Set<string>()
  const visiting = new Set<string>()
  // Iterative depth-first walk: a long chain of links must not overflow the stack.
  const place = (start: TypedRecord) => {
    const stack: { typed: TypedRecord; targets: string[] }[] = []
    const enter = (typed: TypedRecord) => {
      visiting.add(typed.record.id)
      const targets: string[] = []
      forEachLink(typed, (_field, targetId) => targets.push(targetId))
      stack.push({ typed, targets: targets.reverse() })
    }
    enter(start)
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!
      const targetId = top.targets.pop()
      if (targetId === undefined) {
        stack.pop()
        visiting.delete(top.typed.record.id)
        placed.add(top.typed.record.id)
        ordered.push(top.typed)
        continue
      }
      const target = byId.get(targetId)
      if (target !== undefined && !placed.has(targetId) && !visiting.has(targetId)) enter(target)
    }
  }
  const byType = [...all].sort((a, b) => rank(a) - rank(b))
  for (const typed of byType) if (!placed.has(typed.record.id)) place(typed)
  return ordered
}

/**
 * The pushed revision a bundle record stands for. Revision r + 1 is based on the record at
 * revision r; revision 1 is a create (no record yet). A create lists every field as changed, as the
 * app's own log does; an edit lists none, since the bundle does not hold the version before it.
 */
export function bundleRecordRevision(typed: TypedRecord, options: { readonly clientAt: string; readonly note?: string }): PushedRevision {
  const { record } = typed
  const based = record.revision - 1
  return {
    kind: 'revision',
    id: bundleRevisionId(typed),
    recordType: typed.type,
    recordId: record.id,
    base: { revision: based, exists: based > 0 },
    action: 'import',
    changes: based === 0 ? diffRecords(undefined, record).map((change) => ({ field: change.field, after: change.after })) : [],
    snapshot: record,
    ...(options.note === undefined ? {} : { note: options.note }),
    clientAt: options.clientAt
  }
}

/**
 * A bundle's records as pushes: one revision per record in push order, split into batches of at
 * most `MAX_PUSH_CHANGES` (each batch is one transaction on the server).
 */
export function bundlePushBatches(records: BundleRecords, options: { readonly clientAt: string; readonly note?: string }, batchSize: number = MAX_PUSH_CHANGES): PushedRevision[][] {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_PUSH_CHANGES) throw new RangeError(`A push holds 1 to ${MAX_PUSH_CHANGES} changes, not ${batchSize}`)
  const revisions = pushOrder(records).map((typed) => bundleRecordRevision(typed, options))
  const batches: PushedRevision[][] = []
  for (let start = 0; start < revisions.length; start += batchSize) batches.push(revisions.slice(start, start + batchSize))
  return batches
}
