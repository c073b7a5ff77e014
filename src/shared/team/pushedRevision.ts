import { isCreation, type RecordRevision } from '../domain/recordHistory'
import type { RecordBase, PushedRevision } from './teamProtocol'

/**
 * The state of the record a local revision was based on, as the server counts it: a creation
 * (created, imported or restored where no record had the id) is based on "no record" at the number
 * before it (0 for a new id, the deleted revision for one created again); a delete keeps the number
 * of the version it deleted, so it is based on that version; every other change on the version one
 * below it. `previous`, the revision before it in the record's own log when known, settles a
 * change whose action cannot tell: one following a delete brings the record back.
 */
export function baseOf(revision: RecordRevision<object>, previous?: RecordRevision<object>): RecordBase {
  if (revision.snapshot === undefined) return { revision: revision.revision, exists: true }
  const afterDelete = previous !== undefined && previous.snapshot === undefined && previous.recordId === revision.recordId
  if (isCreation(revision) || afterDelete) return { revision: Math.max(0, revision.revision - 1), exists: false }
  return { revision: Math.max(0, revision.revision - 1), exists: true }
}

/** A revision of this client's log as it is pushed to the team (see `pushedRevisionSchema`). */
export function pushedRevisionOf(revision: RecordRevision<object>, previous?: RecordRevision<object>): PushedRevision {
  return {
    kind: 'revision',
    id: revision.id,
    recordType: revision.recordType,
    recordId: revision.recordId,
    base: baseOf(revision, previous),
    action: revision.action,
    changes: revision.changes.map((change) => ({ field: change.field, before: change.before, after: change.after })),
    ...(revision.snapshot === undefined ? {} : { snapshot: revision.snapshot as PushedRevision['snapshot'] & object }),
    ...(revision.note === undefined ? {} : { note: revision.note.slice(0, 2000) }),
    clientAt: revision.at
  }
}
