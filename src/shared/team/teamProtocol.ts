import { z } from '../lib/zod'
import { briefingSchema } from '../briefing/briefing'
import { REVISION_ACTIONS } from '../domain/recordHistory'
import { RECORD_TYPES } from '../domain/recordTypes'

// What a client and the team's PostgreSQL say to each other (issue 13). Every rule of sharing lives
// in PostgreSQL (src/node/team: schema, roles, row-level security, functions); this file is the one
// written-down shape of what crosses the wire, checked with zod wherever it arrives (main's IPC, the
// renderer reading main's answers, the command line reading the server's).
//
// The model: the revision log each client already keeps is what syncs. The server keeps, per
// record, its current state (revision number, and the record or "deleted") and a log of every
// accepted change numbered by a server sequence (`seq`). A client pushes its own revisions not yet
// on the server, each saying which state of the record it was based on; the server accepts one only
// if that base is the record's current state there, and otherwise keeps it as a conflict (both
// versions, never discarded) until a person resolves it. A client pulls what the log holds after the
// last `seq` it applied. Who made a change is set by the server from the login role, never taken
// from the client.

const idText = z.string().min(1).max(200)
const revisionNumber = z.number().int().min(0)
const sequenceNumber = z.number().int().min(0)
const isoTimestamp = z.iso.datetime({ offset: true })
/** A record as a snapshot holds it: checked as an object with an id here; the server validates it against the record rules. */
const recordBody = z.looseObject({ id: idText })
const fieldChange = z.looseObject({ field: z.string().min(1).max(300), before: z.unknown().optional(), after: z.unknown().optional() })

/** Largest number of changes one push carries; a bigger one is split by the client (one transaction per push). */
export const MAX_PUSH_CHANGES = 1000
/** Largest page a pull or a read of current records returns. */
export const MAX_PULL_PAGE = 5000

/**
 * The state of a record a change was based on. `exists: false` with revision 0 is "no such record
 * yet" (a create); `exists: false` with revision r is "deleted at revision r" (creating it again);
 * `exists: true` is "the record at revision r" (an edit or a delete of it). The server's state of a
 * record it has never seen counts as `{ revision: 0, exists: false }`.
 */
export const recordBaseSchema = z.strictObject({ revision: revisionNumber, exists: z.boolean() })
export type RecordBase = z.infer<typeof recordBaseSchema>

/**
 * One revision of a client's log, pushed. Its `id` is the client's revision id: the server keeps it,
 * so pushing the same revision again (a retried push) is answered `already` and changes nothing.
 * The revision number after the change is `base.revision + 1`, except for a delete (no `snapshot`),
 * which keeps the number of the version it deleted, as the local log does.
 */
export const pushedRevisionSchema = z.strictObject({
  kind: z.literal('revision'),
  id: idText,
  recordType: z.enum(RECORD_TYPES),
  recordId: idText,
  base: recordBaseSchema,
  action: z.enum(REVISION_ACTIONS),
  changes: z.array(fieldChange).max(2000),
  /** The record after the change; absent for a delete. Its `id` must be `recordId`. */
  snapshot: recordBody.optional(),
  note: z.string().max(2000).optional(),
  /** When the client made the change (kept beside the server's own time, which orders the log). */
  clientAt: isoTimestamp
})
export type PushedRevision = z.infer<typeof pushedRevisionSchema>

/** A merge's redirect: the old id now leads to the record it was merged into. Pushing one twice changes nothing. */
export const pushedRedirectSchema = z.strictObject({
  kind: z.literal('redirect'),
  fromId: idText,
  toId: idText,
  mergeId: idText,
  clientAt: isoTimestamp
})
export type PushedRedirect = z.infer<typeof pushedRedirectSchema>

export const pushedChangeSchema = z.discriminatedUnion('kind', [pushedRevisionSchema, pushedRedirectSchema])
export type PushedChange = z.infer<typeof pushedChangeSchema>

/** A record's current state on the server: its revision and the record, or deleted (no `snapshot`). */
export const serverRecordStateSchema = z.strictObject({
  recordType: z.enum(RECORD_TYPES),
  recordId: idText,
  revision: revisionNumber,
  snapshot: recordBody.optional(),
  /** The id of the revision that made this state (absent for a record the server has never seen). */
  revisionId: idText.optional()
})
export type ServerRecordState = z.infer<typeof serverRecordStateSchema>

/**
 * What the server did with one pushed change, in the order pushed. The rules, applied to each
 * revision in turn against the record's current state on the server (earlier changes of the same
 * push included):
 * 1. A revision whose `id` the server holds (accepted, or kept in a conflict) is `already`; nothing is done again.
 * 2. A revision equal to the current version (fields other than `createdAt`, `updatedAt`,
 *    `revision` compared as JSON values), or deleting a record that is deleted or was never on the
 *    server, is `unchanged`: nothing is logged, and `current` gives the server's state (whose
 *    revision number the client takes, so its next change is based on the server's).
 * 3. A revision based on the current state (`base` equals it, existence included) is `accepted`:
 *    it becomes current at revision `base.revision + 1` (a delete: `base.revision`), logged at `seq`.
 *    A record the server has never seen accepts any revision with a snapshot, whatever its base (the
 *    first client to share a record brings it), at revision `base.revision + 1`.
 * 4. Otherwise it is a `conflict`, kept with the server's current state as `theirs` and the pushed
 *    one as `mine`; the client should take `current` as its own version of the record. A revision
 *    based on the `mine` of an open conflict on the same record by the same author joins that
 *    conflict as its new `mine` (same `conflictId`; the conflict keeps every revision it took in, so
 *    none vanishes and a retry is `already`).
 * A redirect is `accepted` (logged) or `already`. A change that breaks the record rules (unknown
 * type, a snapshot whose id is not `recordId` or that fails the record's schema) refuses the whole
 * push with `TeamError('refused')` naming the record and field; nothing of it is applied.
 */
export const pushOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('accepted'), id: idText, seq: sequenceNumber }),
  z.strictObject({ outcome: z.literal('already'), id: idText }),
  z.strictObject({ outcome: z.literal('unchanged'), id: idText, current: serverRecordStateSchema }),
  z.strictObject({ outcome: z.literal('conflict'), id: idText, conflictId: idText, current: serverRecordStateSchema })
])
export type PushOutcome = z.infer<typeof pushOutcomeSchema>
/** Redirects are answered with `fromId` as their `id`. */
export const pushResultSchema = z.strictObject({ outcomes: z.array(pushOutcomeSchema), headSeq: sequenceNumber })
export type PushResult = z.infer<typeof pushResultSchema>

/** One accepted change as the server's log holds it; `author` is the login role that pushed it. */
export const pulledRevisionSchema = z.strictObject({
  kind: z.literal('revision'),
  seq: sequenceNumber,
  id: idText,
  recordType: z.enum(RECORD_TYPES),
  recordId: idText,
  /** The record's revision after the change (for a delete, the revision deleted). */
  revision: revisionNumber,
  action: z.enum(REVISION_ACTIONS),
  changes: z.array(fieldChange),
  snapshot: recordBody.optional(),
  note: z.string().max(2000).optional(),
  author: z.string().min(1).max(200),
  /** When the server accepted it. */
  at: isoTimestamp
})
export type PulledRevision = z.infer<typeof pulledRevisionSchema>

export const pulledRedirectSchema = z.strictObject({
  kind: z.literal('redirect'),
  seq: sequenceNumber,
  fromId: idText,
  toId: idText,
  mergeId: idText,
  author: z.string().min(1).max(200),
  at: isoTimestamp
})
export type PulledRedirect = z.infer<typeof pulledRedirectSchema>

export const pulledChangeSchema = z.discriminatedUnion('kind', [pulledRevisionSchema, pulledRedirectSchema])
export type PulledChange = z.infer<typeof pulledChangeSchema>

/** Changes after `since`, oldest first, at most `limit`; `more` when the log holds more after the last one. */
export const pullRequestSchema = z.strictObject({ since: sequenceNumber, limit: z.number().int().min(1).max(MAX_PULL_PAGE) })
export type PullRequest = z.infer<typeof pullRequestSchema>
export const pullPageSchema = z.strictObject({ changes: z.array(pulledChangeSchema), headSeq: sequenceNumber, more: z.boolean() })
export type PullPage = z.infer<typeof pullPageSchema>

/**
 * The records that exist on the server now (deleted ones left out), ordered by `(recordType,
 * recordId)`, after `after`, for a first pull of a large knowledge base without replaying its whole
 * log. `headSeq` is the log's head when the first page was read: pull from it afterwards (applying a
 * change twice is harmless, so changes made while paging are caught up).
 */
export const currentRecordsRequestSchema = z.strictObject({
  after: z.strictObject({ recordType: z.enum(RECORD_TYPES), recordId: idText }).optional(),
  limit: z.number().int().min(1).max(MAX_PULL_PAGE)
})
export type CurrentRecordsRequest = z.infer<typeof currentRecordsRequestSchema>
export const currentRecordsPageSchema = z.strictObject({
  records: z.array(serverRecordStateSchema.extend({ author: z.string().max(200), at: isoTimestamp })),
  headSeq: sequenceNumber,
  more: z.boolean()
})
export type CurrentRecordsPage = z.infer<typeof currentRecordsPageSchema>

/**
 * A pushed revision the server could not accept because the record had moved on: the common version
 * (`base`, when the server's history holds it), the server's version when the conflict was opened
 * (`theirs`) and the pushed one (`mine`, absent snapshot = deleted). Kept until a person resolves it.
 */
export const teamConflictSchema = z.strictObject({
  conflictId: idText,
  recordType: z.enum(RECORD_TYPES),
  recordId: idText,
  base: z.strictObject({ revision: revisionNumber, snapshot: recordBody.optional() }),
  theirs: serverRecordStateSchema.extend({ author: z.string().max(200).optional() }),
  mine: z.strictObject({ revisionId: idText, snapshot: recordBody.optional(), author: z.string().min(1).max(200), clientAt: isoTimestamp }),
  openedAt: isoTimestamp,
  resolvedAt: isoTimestamp.optional(),
  resolvedBy: z.string().max(200).optional()
})
export type TeamConflict = z.infer<typeof teamConflictSchema>

export const conflictsRequestSchema = z.strictObject({ includeResolved: z.boolean() })
export type ConflictsRequest = z.infer<typeof conflictsRequestSchema>

/**
 * Resolving a conflict: `revision` (based on the server's current state of the record) becomes
 * current and the conflict closes for everyone, in one transaction; without `revision` the server's
 * current version is kept as it is. `stale` when the record moved on again since (read the conflict
 * again); `closed` when someone resolved it first.
 */
export const resolveConflictRequestSchema = z.strictObject({ conflictId: idText, revision: pushedRevisionSchema.optional() })
export type ResolveConflictRequest = z.infer<typeof resolveConflictRequestSchema>
export const resolveOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('resolved'), seq: sequenceNumber.optional() }),
  z.strictObject({ outcome: z.literal('stale'), current: serverRecordStateSchema }),
  z.strictObject({ outcome: z.literal('closed') })
])
export type ResolveOutcome = z.infer<typeof resolveOutcomeSchema>

/** A briefing on the server: shared ones every member reads; private ones only their owner (row-level security). */
export const teamBriefingSchema = z.strictObject({ briefing: briefingSchema, shared: z.boolean(), owner: z.string().max(200), updatedAt: isoTimestamp })
export type TeamBriefing = z.infer<typeof teamBriefingSchema>
export const saveBriefingRequestSchema = z.strictObject({ briefing: briefingSchema, shared: z.boolean() })
export type SaveBriefingRequest = z.infer<typeof saveBriefingRequestSchema>

export const TEAM_ROLES = ['reader', 'editor', 'admin'] as const
export type TeamRole = (typeof TEAM_ROLES)[number]

/** Who is connected and where the server stands. */
export const teamStatusSchema = z.strictObject({
  /** The login role, as the server sees it (the author of everything this client pushes). */
  user: z.string().min(1).max(200),
  /** The strongest of `precedent_reader`/`editor`/`admin` the role is a member of. */
  role: z.enum(TEAM_ROLES),
  /** The server schema's version (its newest applied migration). */
  schemaVersion: z.number().int().min(1),
  headSeq: sequenceNumber,
  openConflicts: z.number().int().min(0),
  records: z.number().int().min(0)
})
export type TeamStatus = z.infer<typeof teamStatusSchema>

/**
 * Where the team's server is. The password is absent where it must not be kept (IndexedDB, the
 * page after connecting): the desktop app keeps it encrypted with Electron's `safeStorage`.
 */
export const teamConnectionSchema = z.strictObject({
  host: z.string().min(1).max(255),
  port: z.number().int().min(1).max(65535),
  database: z.string().min(1).max(63),
  user: z.string().min(1).max(63),
  password: z.string().max(1000).optional()
})
export type TeamConnection = z.infer<typeof teamConnectionSchema>

/** Hosts reached without leaving the machine: the only ones a connection may use without TLS. */
export function isLocalHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase()
  return bare === 'localhost' || bare === '::1' || bare.startsWith('127.') || bare.startsWith('/')
}

/** Why a request to the team's server failed; the message is one line a person can act on. */
export const TEAM_ERROR_CODES = [
  /** No answer from the server (down, wrong host or port, no network): everything stays pending. */
  'unreachable',
  /** The server refused the user name or password. */
  'bad-credentials',
  /** The role may not do this (a reader pushing: "permission denied: … is a reader"). */
  'permission-denied',
  /** The database has no Precedent schema: run `precedent team init`. */
  'schema-missing',
  /** The schema is newer than this version of Precedent understands. */
  'schema-newer',
  /** The server refused a push whose records break the record rules; nothing of it was applied. */
  'refused',
  /** TLS could not be set up or verified for a remote host. */
  'tls',
  /** Anything else the server reported. */
  'failed'
] as const
export type TeamErrorCode = (typeof TEAM_ERROR_CODES)[number]

export class TeamError extends Error {
  override readonly name = 'TeamError'
  constructor(
    readonly code: TeamErrorCode,
    message: string
  ) {
    super(message)
  }
}

/**
 * The team's server as every client sees it: the PostgreSQL adapter in Node (`src/node/team`), the
 * desktop bridge to it in the renderer, and an in-memory double in tests, all behaving alike (one
 * contract test suite runs against each). Every method rejects with `TeamError`.
 */
export interface TeamServer {
  status(): Promise<TeamStatus>
  /** At most `MAX_PUSH_CHANGES`, applied in order in one transaction: all outcomes, or none (`TeamError`). */
  push(changes: readonly PushedChange[]): Promise<PushResult>
  pull(request: PullRequest): Promise<PullPage>
  currentRecords(request: CurrentRecordsRequest): Promise<CurrentRecordsPage>
  conflicts(request: ConflictsRequest): Promise<TeamConflict[]>
  resolveConflict(request: ResolveConflictRequest): Promise<ResolveOutcome>
  /** Shared ones and the caller's own private ones. */
  briefings(): Promise<TeamBriefing[]>
  saveBriefing(request: SaveBriefingRequest): Promise<TeamBriefing>
}
