import { compareRevisions, diffRecords, type RecordRevision } from '../domain/recordHistory'
import { referencedIds } from '../domain/recordReferences'
import type { RecordType, TypedRecord } from '../domain/recordTypes'
import type { PulledRevision, PushedChange, PushOutcome, ServerRecordState } from './teamProtocol'

// The decisions of a sync that need no database: in what order a client's revisions go to the
// team, where each record stands on the server after a push, and whether a pulled change applies.

/** Link targets first: the order the tables are listed in (`RECORD_TABLE_NAMES`). */
const DEPENDENCY_ORDER: readonly RecordType[] = ['jurisdiction', 'organisation', 'source', 'law', 'incident', 'response']

/**
 * A client's revisions in the order its log made them. Revisions of different writes are ordered
 * by their time; one write dates all its revisions alike (an import, a merge, a delete and the
 * links it mended), and the log does not keep their order, so within one time the records whose
 * changes leave them existing go first, link targets before the records that link to them (by
 * type, then by the links themselves), then the removed ones, referrers first. A record's own
 * revisions keep their order (`compareRevisions`).
 */
export function orderForPush<R extends RecordRevision<object>>(revisions: readonly R[]): R[] {
  const byTime = new Map<string, R[]>()
  for (const revision of revisions) (byTime.get(revision.at) ?? byTime.set(revision.at, []).get(revision.at))?.push(revision)
  const ordered: R[] = []
  for (const at of [...byTime.keys()].sort()) ordered.push(...orderOneWrite(byTime.get(at) ?? []))
  return ordered
}

function orderOneWrite<R extends RecordRevision<object>>(revisions: readonly R[]): R[] {
  const perRecord = new Map<string, R[]>()
  for (const revision of revisions) (perRecord.get(revision.recordId) ?? perRecord.set(revision.recordId, []).get(revision.recordId))?.push(revision)
  const groups = [...perRecord.values()].map((group) => group.sort(compareRevisions))
  const rank = (group: readonly R[]) => DEPENDENCY_ORDER.indexOf((group[0] as R).recordType)
  const kept = groups.filter((group) => group.some((revision) => revision.snapshot !== undefined)).sort((a, b) => rank(a) - rank(b))
  const removed = groups.filter((group) => group.every((revision) => revision.snapshot === undefined)).sort((a, b) => rank(b) - rank(a))
  // A depth-first walk puts each record after the ones it links to within the same write.
  const keptById = new Map(kept.map((group) => [(group[0] as R).recordId, group]))
  const placed = new Set<string>()
  const ordered: R[] = []
  const place = (group: readonly R[]): void => {
    const id = (group[0] as R).recordId
    if (placed.has(id)) return
    placed.add(id)
    const last = [...group].reverse().find((revision) => revision.snapshot !== undefined)
    if (last !== undefined) {
      for (const target of referencedIds({ type: last.recordType, record: last.snapshot } as TypedRecord)) {
        const linked = keptById.get(target)
        if (linked !== undefined) place(linked)
      }
    }
    ordered.push(...group)
  }
  for (const group of kept) place(group)
  for (const group of removed) ordered.push(...group)
  return ordered
}

/**
 * Where each record a push touched stands on the server after it, from the last outcome for that
 * record: the pushed revision itself when accepted, the server's `current` when unchanged or in
 * conflict. `undefined` when only `already` answered for it: the server held the revision from an
 * earlier push whose answer was lost, and its state is not told again.
 */
export function serverStatesAfterPush(changes: readonly PushedChange[], outcomes: readonly PushOutcome[]): Map<string, ServerRecordState | undefined> {
  const states = new Map<string, ServerRecordState | undefined>()
  changes.forEach((change, index) => {
    const outcome = outcomes[index]
    if (change.kind !== 'revision' || outcome === undefined) return
    if (outcome.outcome === 'accepted') {
      states.set(change.recordId, {
        recordType: change.recordType,
        recordId: change.recordId,
        revision: change.snapshot === undefined ? change.base.revision : change.base.revision + 1,
        ...(change.snapshot === undefined ? {} : { snapshot: change.snapshot }),
        revisionId: change.id
      })
    } else if (outcome.outcome === 'already') {
      states.set(change.recordId, undefined)
    } else {
      states.set(change.recordId, outcome.current)
    }
  })
  return states
}

/**
 * A record as this client holds it: its revision and fields, or, when it was deleted here (the
 * newest change in its log removed it), no `record` and the revision deleted. `undefined`: the
 * record has never been here.
 */
export interface LocalRecordState {
  readonly revision: number
  readonly record?: object | undefined
}

/** Whether the local record already is the server's state: same existence, and if it exists, same revision and fields (bookkeeping aside). */
export function isAtServerState(local: LocalRecordState | undefined, state: Pick<ServerRecordState, 'revision' | 'snapshot'>): boolean {
  if (local?.record === undefined || state.snapshot === undefined) return local?.record === undefined && state.snapshot === undefined
  return local.revision === state.revision && diffRecords(local.record, state.snapshot).length === 0
}

/**
 * Whether a pulled change (of a record with no pending change here, from another client) is to be
 * applied. The server's log orders a record's changes: one at or before `seqHere`, the newest
 * sequence number the record's log here holds (pulled, or this client's own accepted change), is
 * older than what the record already is here (the log is pulled from before this client's own
 * later change, which the pull skips as its own), and is skipped. Otherwise a version is applied
 * unless the record here already is it, and a delete when the record is here.
 */
export function appliesPulledRevision(
  local: LocalRecordState | undefined,
  seqHere: number | undefined,
  pulled: Pick<PulledRevision, 'seq' | 'revision' | 'snapshot'>
): boolean {
  if (seqHere !== undefined && pulled.seq <= seqHere) return false
  if (pulled.snapshot === undefined) return local?.record !== undefined
  return local?.record === undefined || local.revision !== pulled.revision || diffRecords(local.record, pulled.snapshot).length > 0
}
