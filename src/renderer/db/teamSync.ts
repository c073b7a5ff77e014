import { diffRecords, type RecordRevision } from '@shared/domain/recordHistory'
import { REVISION_NOTES, type RevisionNote } from '@shared/domain/revisionNotes'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import { typedRecord, type AnyRecord, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { pushedRevisionOf } from '@shared/team/pushedRevision'
import {
  MAX_PULL_PAGE,
  MAX_PUSH_CHANGES,
  TeamError,
  type CurrentRecordsPage,
  type PulledChange,
  type PulledRevision,
  type PushedChange,
  type PushedRevision,
  type PushOutcome,
  type PushResult,
  type RecordBase,
  type ResolveOutcome,
  type ServerRecordState,
  type TeamConflict,
  type TeamServer
} from '@shared/team/teamProtocol'
import { appliesPulledRevision, isAtServerState, orderForPush, serverStatesAfterPush, type LocalRecordState } from '@shared/team/teamSyncPlan'
import { REVISION_OVERLAP_MS } from './changeFeed'
import { withExclusiveWriteLock } from './exclusiveWriteLock'
import { HeldChangeNotices } from './heldChangeNotices'
import { IMPORT_CHUNK_SIZE } from './importWriter'
import type { PrecedentDatabase } from './precedentDatabase'
import { RECORD_TABLE_NAMES } from './recordTables'
import { rowOf, writeRecordChanges, type RecordChange } from './recordChanges'
import { redirectTable, type RedirectRow } from './recordMerger'
import { revisionTable } from './revisionLog'
import { fromRow, type StoredRow } from './storedRow'

// The client side of team sync (issue 13): push this knowledge base's own revisions the team's
// server has not acknowledged, then pull what the server's log holds after the last sequence
// number applied, both through the one write path (`writeRecordChanges`).
//
// What is pending is read from the revision log itself, so a knowledge base that is not connected
// to a team pays nothing on any write, and pending survives restarts: a revision made here (no
// `origin`) is pending until the server acknowledges it, when `pushedAt` is set on it. To find
// pending revisions without reading the whole log, the last complete push leaves a mark (the newest
// `at` it had seen): only revisions after it, and those in an overlap before it when a slow
// transaction committed an older `at` since (counted, as the change feed does), are read.

/** The `meta` key of where this knowledge base stands with its team (`TeamSyncMarker`); never in a backup. */
export const TEAM_SYNC_KEY = 'team:sync'
/** A server whose log is longer than this is first pulled as its current records, not replayed change by change. */
export const FIRST_PULL_FROM_LOG_UP_TO = MAX_PULL_PAGE

export interface TeamSyncProgress {
  readonly phase: 'pushing' | 'pulling'
  readonly done: number
  readonly total?: number
}

export interface TeamSyncResult {
  /** This client's revisions the server took in (accepted, or already held from a retried push). */
  readonly pushed: number
  /** Pushed revisions kept as conflicts: each is in the conflicts inbox until a person resolves it. */
  readonly conflicts: number
  /** Changes from the team applied here. */
  readonly pulled: number
  readonly headSeq: number
  /** When the sync finished. */
  readonly at: string
}

export interface TeamSyncState {
  /** When the last complete sync finished; absent before the first. */
  readonly lastSyncAt?: string
  /** The last server sequence number applied here (0: never pulled). */
  readonly lastSeq: number
  /** This knowledge base's own revisions the server has not acknowledged yet. */
  readonly pending: number
}

export interface TeamSyncOptions {
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: TeamSyncProgress) => void
  readonly now?: () => string
  /** Changes per push (at most `MAX_PUSH_CHANGES`; tests use small ones). */
  readonly pushBatch?: number
  /** Changes or records per page asked of the server (at most `MAX_PULL_PAGE`). */
  readonly pageSize?: number
  /** Records written per transaction by a first pull of current records. */
  readonly chunkSize?: number
  /** A log longer than this is first pulled as current records (`FIRST_PULL_FROM_LOG_UP_TO`). */
  readonly firstPullFromLogUpTo?: number
}

/** The sync was cancelled between two transactions; everything committed before stays, consistent. */
export class TeamSyncCancelledError extends Error {
  override readonly name = 'TeamSyncCancelledError'
  constructor(readonly partial: Omit<TeamSyncResult, 'at'>) {
    super('Sync cancelled; what was synced so far is kept')
  }
}

/** Where the last complete push stopped: every revision made here dated before `at` less the overlap was acknowledged. */
interface PushMark {
  readonly at: string
  /** Revisions dated in the overlap before `at` (and at it) when the mark was set: more later means a late commit. */
  readonly overlapCount: number
}

/** The value under `TEAM_SYNC_KEY`. */
interface TeamSyncMarker {
  readonly lastSeq?: number
  readonly lastSyncAt?: string
  readonly pushMark?: PushMark
  /** A first pull of current records under way: the log's head it started at and the last record written. */
  readonly firstPull?: { readonly headSeq: number; readonly after?: { readonly recordType: RecordType; readonly recordId: string } }
}

type Revision = RecordRevision

const isAborted = (signal: AbortSignal | undefined): boolean => signal?.aborted === true
const isOwnPending = (revision: Revision): boolean => revision.origin === undefined && revision.pushedAt === undefined
const shifted = (at: string, milliseconds: number): string => {
  const time = Date.parse(at)
  return Number.isNaN(time) ? '' : new Date(time + milliseconds).toISOString()
}

function writeTables(db: PrecedentDatabase) {
  return [...RECORD_TABLE_NAMES.map((name) => db[name]), revisionTable(db), redirectTable(db), db.meta]
}

async function readMarker(db: PrecedentDatabase): Promise<TeamSyncMarker> {
  const value = (await db.meta.get(TEAM_SYNC_KEY))?.value
  return typeof value === 'object' && value !== null ? (value as TeamSyncMarker) : {}
}

async function updateMarker(db: PrecedentDatabase, change: (marker: TeamSyncMarker) => TeamSyncMarker): Promise<void> {
  await db.meta.put({ key: TEAM_SYNC_KEY, value: change(await readMarker(db)) })
}

/** The log's newest `at` and how many revisions fall in the overlap up to it: where a new push mark stands. */
async function markNow(db: PrecedentDatabase): Promise<PushMark | undefined> {
  const newest = await revisionTable(db).orderBy('at').last()
  if (newest === undefined) return undefined
  const overlapCount = await revisionTable(db).where('at').between(shifted(newest.at, -REVISION_OVERLAP_MS), newest.at, true, true).count()
  return { at: newest.at, overlapCount }
}

/**
 * This knowledge base's own revisions not yet acknowledged by the team, in log order, and the mark a
 * push of all of them would leave. Reads only the revisions after the last push mark (and its
 * overlap when a slow transaction committed an older change since). Runs in the caller's
 * transaction if there is one.
 */
async function readPending(db: PrecedentDatabase): Promise<{ readonly pending: Revision[]; readonly mark: PushMark | undefined }> {
  const { pushMark } = await readMarker(db)
  const revisions = revisionTable(db)
  let rows: Revision[]
  if (pushMark === undefined) {
    rows = await revisions.toArray()
  } else {
    const since = shifted(pushMark.at, -REVISION_OVERLAP_MS)
    const inOverlap = await revisions.where('at').between(since, pushMark.at, true, true).count()
    rows =
      inOverlap === pushMark.overlapCount ? await revisions.where('at').above(pushMark.at).toArray() : await revisions.where('at').aboveOrEqual(since).toArray()
  }
  return { pending: orderForPush(rows.filter(isOwnPending)), mark: await markNow(db) }
}

/**
 * Own pending revisions dated outside this sync's own stamps after `since`: edits made while the
 * sync runs. Their records are left alone by the pull (the next push makes the conflict). Each gap
 * between two stamps is read on its own (an index range holding few rows, if any); with `from`,
 * only the gaps ending after it (those a chunk's own check has not read yet).
 */
async function recordsEditedMeanwhile(db: PrecedentDatabase, since: string, ownStamps: ReadonlySet<string>, from?: string): Promise<Set<string>> {
  const stamps = [...ownStamps].filter((stamp) => stamp > since).sort()
  const bounds = [since, ...stamps]
  const edited = new Set<string>()
  for (const [index, lower] of bounds.entries()) {
    const upper = bounds[index + 1]
    if (from !== undefined && upper !== undefined && upper <= from) continue
    const range = upper === undefined ? revisionTable(db).where('at').above(lower) : revisionTable(db).where('at').between(lower, upper, false, false)
    for (const revision of await range.toArray()) if (isOwnPending(revision)) edited.add(revision.recordId)
  }
  return edited
}

/** The edits made meanwhile a chunk or page must leave alone: those found before, and those since the previous one's check. */
async function editedDuringSync(run: SyncRun): Promise<ReadonlySet<string>> {
  const stamps = [...run.stamps.used].sort()
  for (const id of await recordsEditedMeanwhile(run.db, run.editedSince, run.stamps.used, stamps.at(-2))) run.editedMeanwhile.add(id)
  return run.editedMeanwhile
}

/** The records here that `changes` are of, by id, read in one request per type. */
async function readLocals(
  db: PrecedentDatabase,
  changes: readonly { readonly recordType: RecordType; readonly recordId: string }[]
): Promise<Map<string, TypedRecord>> {
  const idsByType = new Map<RecordType, Set<string>>()
  for (const change of changes) (idsByType.get(change.recordType) ?? idsByType.set(change.recordType, new Set()).get(change.recordType))?.add(change.recordId)
  const locals = new Map<string, TypedRecord>()
  for (const [type, ids] of idsByType) {
    for (const row of await db.recordTable(type).bulkGet([...ids])) if (row !== undefined) locals.set(row.id, typedRecord(type, fromRow(row)))
  }
  return locals
}

async function readLocal(db: PrecedentDatabase, type: RecordType, id: string): Promise<TypedRecord | undefined> {
  const row = await db.recordTable(type).get(id)
  return row === undefined ? undefined : typedRecord(type, fromRow(row))
}

const localStateOf = (typed: TypedRecord | undefined): LocalRecordState | undefined =>
  typed === undefined ? undefined : { revision: typed.record.revision, record: typed.record }

/** The newest team sequence number each record's log here holds (records with none are absent). Runs in the caller's transaction. */
async function newestSeqsHere(db: PrecedentDatabase, recordIds: readonly string[]): Promise<Map<string, number>> {
  const newest = new Map<string, number>()
  if (recordIds.length === 0) return newest
  for (const revision of await revisionTable(db)
    .where('recordId')
    .anyOf([...new Set(recordIds)])
    .toArray()) {
    if (revision.teamSeq !== undefined) newest.set(revision.recordId, Math.max(newest.get(revision.recordId) ?? 0, revision.teamSeq))
  }
  return newest
}

/**
 * A record from the team as this client stores it: checked against its schema (defaults filled in)
 * at the server's revision number.
 *
 * @throws TeamError naming the record and field when the server's version breaks the record rules
 */
function teamRecord(type: RecordType, snapshot: object, revision: number): TypedRecord {
  const parsed = RECORD_SCHEMAS[type].safeParse({ ...snapshot, revision })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const id = (snapshot as { id?: unknown }).id
    throw new TeamError(
      'failed',
      `The team's ${type} "${String(id)}" breaks the record rules at ${issue?.path.join('.') || 'the record'}: ${issue?.message ?? 'invalid'}`
    )
  }
  return typedRecord(type, parsed.data as AnyRecord)
}

/** A pushed snapshot as the current schema has it (defaults filled); an old one it refuses goes as it is, and the server says why. */
function pushable(revision: PushedRevision): PushedRevision {
  if (revision.snapshot === undefined) return revision
  const parsed = RECORD_SCHEMAS[revision.recordType].safeParse(revision.snapshot)
  return parsed.success ? { ...revision, snapshot: parsed.data as PushedRevision['snapshot'] & object } : revision
}

/** A stamp for this sync's writes, one per transaction, kept so edits made meanwhile can be told apart. */
class SyncStamps {
  readonly used = new Set<string>()
  constructor(private readonly now: () => string) {}
  next(): string {
    const stamp = this.now()
    this.used.add(stamp)
    return stamp
  }
}

interface SyncRun {
  readonly db: PrecedentDatabase
  readonly server: TeamServer
  readonly options: TeamSyncOptions
  readonly now: () => string
  readonly stamps: SyncStamps
  readonly notices: HeldChangeNotices
  /**
   * The overlap before the sync began: an edit dated later (outside the sync's own stamps) and not
   * acknowledged was made while it ran, or committed late, so the pull leaves its record alone and
   * the push mark does not move past it.
   */
  readonly editedSince: string
  /** Records this sync's pull changed: an own change of theirs met later in the log is applied again. */
  readonly pulledRecords: Set<string>
  /** Records edited here while the sync ran, found so far (see `editedDuringSync`). */
  readonly editedMeanwhile: Set<string>
  pushed: number
  conflicts: number
  pulled: number
  headSeq: number
}

/**
 * Syncs this knowledge base with its team: pushes its pending revisions (with the redirects of its
 * merges) in log order, in batches of at most `MAX_PUSH_CHANGES`, each answer committed with the
 * acknowledgement it brings; then pulls the server's log from the last sequence number applied, a
 * page per transaction that also stores the new `lastSeq`. A first pull of a large team reads its
 * current records instead, in chunks like an import, then the log from where that began. Runs under
 * the exclusive write lock; live queries and the workers hear of the changes once, at the end.
 *
 * @throws TeamError the server refused or could not be reached (what was committed before stays)
 * @throws TeamSyncCancelledError `signal` fired; it stops between two transactions
 */
export async function syncWithTeam(db: PrecedentDatabase, server: TeamServer, options: TeamSyncOptions = {}): Promise<TeamSyncResult> {
  const now = options.now ?? (() => new Date().toISOString())
  return withExclusiveWriteLock(async () => {
    const run: SyncRun = {
      db,
      server,
      options,
      now,
      stamps: new SyncStamps(now),
      notices: new HeldChangeNotices(),
      editedSince: shifted(now(), -REVISION_OVERLAP_MS),
      pulledRecords: new Set(),
      editedMeanwhile: new Set(),
      pushed: 0,
      conflicts: 0,
      pulled: 0,
      headSeq: 0
    }
    try {
      // A reader may not push: its edits stay pending on this device, and it still receives the team's.
      if ((await server.status()).role !== 'reader') await pushPending(run)
      await pullFromTeam(run)
      const at = now()
      await db.transaction('rw', writeTables(db), async () => {
        // Everything this sync wrote is acknowledged or from the team: the mark moves past it, unless an edit came meanwhile.
        const meanwhile = await recordsEditedMeanwhile(db, run.editedSince, run.stamps.used)
        const mark = meanwhile.size === 0 ? await markNow(db) : undefined
        await updateMarker(db, (marker) => ({ ...marker, lastSyncAt: at, ...(mark === undefined ? {} : { pushMark: mark }) }))
      })
      return { pushed: run.pushed, conflicts: run.conflicts, pulled: run.pulled, headSeq: run.headSeq, at }
    } finally {
      run.notices.release()
    }
  })
}

function assertNotCancelled(run: SyncRun): void {
  if (isAborted(run.options.signal))
    throw new TeamSyncCancelledError({ pushed: run.pushed, conflicts: run.conflicts, pulled: run.pulled, headSeq: run.headSeq })
}

/** The redirects this knowledge base's merges left, by the old id, for the merges among `pending`. */
async function redirectsOfMerges(db: PrecedentDatabase, pending: readonly Revision[]): Promise<Map<string, RedirectRow>> {
  const merged = pending.filter(isMergeRemoval).map((revision) => revision.recordId)
  return new Map((await redirectTable(db).bulkGet(merged)).flatMap((row) => (row === undefined ? [] : [[row.fromId, row] as const])))
}

const isMergeRemoval = (revision: Revision): boolean => revision.action === 'merge' && revision.snapshot === undefined
const isSameBase = (a: RecordBase, b: RecordBase): boolean => a.revision === b.revision && a.exists === b.exists

/**
 * Where a record's next revision stands on the server, once an earlier one of this push was
 * answered: the local state it left (`local`) and the server's state to base the next one on
 * (`server`). They differ after `unchanged` (the server's number is taken), so the record's later
 * revisions, numbered on from the local one, are based on the server's state instead.
 */
interface Rebase {
  readonly local: RecordBase
  readonly server: RecordBase
}

function rebaseAfter(change: PushedRevision, revision: Revision, outcome: PushOutcome | undefined): Rebase {
  const local = { revision: revision.revision, exists: revision.snapshot !== undefined }
  if (outcome?.outcome === 'unchanged') return { local, server: { revision: outcome.current.revision, exists: outcome.current.snapshot !== undefined } }
  // Accepted, kept as a conflict's `mine` (a later revision based on it joins the conflict), or already held.
  return { local, server: { revision: change.snapshot === undefined ? change.base.revision : change.base.revision + 1, exists: change.snapshot !== undefined } }
}

/**
 * The next push: revisions in log order from `from`, each followed by its merge's redirect, at most
 * `batchSize` changes, and at most one revision per record, so that a record's next revision is
 * based on what the server answered for the one before (see `Rebase`).
 */
function nextBatch(
  pending: readonly Revision[],
  from: number,
  batchSize: number,
  redirects: ReadonlyMap<string, RedirectRow>,
  rebases: ReadonlyMap<string, Rebase>,
  previousOf: Map<string, Revision>
) {
  const changes: PushedChange[] = []
  const revisions: { readonly change: PushedRevision; readonly revision: Revision }[] = []
  const inBatch = new Set<string>()
  let next = from
  for (; next < pending.length; next += 1) {
    const revision = pending[next] as Revision
    const redirect = isMergeRemoval(revision) ? redirects.get(revision.recordId) : undefined
    if (inBatch.has(revision.recordId) || (changes.length > 0 && changes.length + (redirect === undefined ? 1 : 2) > batchSize)) break
    let change = pushable(pushedRevisionOf(revision, previousOf.get(revision.recordId)))
    const rebase = rebases.get(revision.recordId)
    if (rebase !== undefined && isSameBase(change.base, rebase.local) && !isSameBase(rebase.local, rebase.server)) {
      const base = rebase.server
      change = { ...change, base, ...(change.snapshot === undefined ? {} : { snapshot: { ...change.snapshot, revision: base.revision + 1 } }) }
    }
    changes.push(change)
    revisions.push({ change, revision })
    inBatch.add(revision.recordId)
    previousOf.set(revision.recordId, revision)
    if (redirect !== undefined)
      changes.push({ kind: 'redirect', fromId: redirect.fromId, toId: redirect.toId, mergeId: redirect.mergeId, clientAt: revision.at })
  }
  return { changes, revisions, next }
}

async function pushPending(run: SyncRun): Promise<void> {
  const { db, server, options } = run
  const batchSize = Math.max(2, Math.min(MAX_PUSH_CHANGES, options.pushBatch ?? MAX_PUSH_CHANGES))
  const { pending, mark } = await db.transaction('r', [revisionTable(db), db.meta], () => readPending(db))
  const redirects = await db.transaction('r', [redirectTable(db)], () => redirectsOfMerges(db, pending))
  const rebases = new Map<string, Rebase>()
  const previousOf = new Map<string, Revision>()
  options.onProgress?.({ phase: 'pushing', done: 0, total: pending.length })
  for (let from = 0; from < pending.length;) {
    assertNotCancelled(run)
    const batch = nextBatch(pending, from, batchSize, redirects, rebases, previousOf)
    const result = await server.push(batch.changes)
    const conflictsOfRetried = result.outcomes.some((outcome) => outcome.outcome === 'already') ? await server.conflicts({ includeResolved: false }) : []
    await db.transaction('rw', writeTables(db), async () => {
      await storePushAnswer(run, batch.changes, result, conflictsOfRetried)
      run.notices.keep(HeldChangeNotices.takeFromCurrentTransaction())
    })
    const outcomeOf = new Map(result.outcomes.map((outcome) => [outcome.id, outcome]))
    for (const { change, revision } of batch.revisions) rebases.set(revision.recordId, rebaseAfter(change, revision, outcomeOf.get(change.id)))
    run.headSeq = Math.max(run.headSeq, result.headSeq)
    from = batch.next
    options.onProgress?.({ phase: 'pushing', done: from, total: pending.length })
  }
  // Every revision up to the mark is acknowledged now; one made meanwhile is still found after it.
  if (mark !== undefined) await db.transaction('rw', [db.meta], () => updateMarker(db, (marker) => ({ ...marker, pushMark: mark })))
}

/**
 * Commits what the server said of one push: each revision acknowledged (`pushedAt`), and each record
 * whose last outcome left the server elsewhere than here (a conflict, an unchanged version at the
 * server's number) taken as the server has it, unless it has been edited here since.
 */
async function storePushAnswer(run: SyncRun, batch: readonly PushedChange[], result: PushResult, openConflicts: readonly TeamConflict[]): Promise<void> {
  const { db } = run
  const at = run.stamps.next()
  // The marker exists from the first acknowledgement on: until then every revision here counts as pending (see readTeamSyncState).
  await updateMarker(db, (marker) => marker)
  const revisionIds = batch.flatMap((change) => (change.kind === 'revision' ? [change.id] : []))
  const stored = await revisionTable(db).bulkGet(revisionIds)
  const acceptedSeq = new Map(result.outcomes.flatMap((outcome) => (outcome.outcome === 'accepted' ? [[outcome.id, outcome.seq] as const] : [])))
  await revisionTable(db).bulkPut(
    stored.flatMap((revision) => {
      if (revision === undefined) return []
      const seq = acceptedSeq.get(revision.id)
      return [{ ...revision, pushedAt: at, ...(seq === undefined ? {} : { teamSeq: seq }) }]
    })
  )
  const pushedIds = new Set(revisionIds)
  for (const outcome of result.outcomes) {
    if ((outcome.outcome === 'accepted' || outcome.outcome === 'already') && pushedIds.has(outcome.id)) run.pushed += 1
    if (outcome.outcome === 'conflict') run.conflicts += 1
  }
  const states = serverStatesAfterPush(batch, result.outcomes)
  // A retried push's `already` does not say where the record stands: if the revision is in an open conflict, the team kept theirs.
  for (const [recordId, state] of states) {
    if (state !== undefined) continue
    const conflict = openConflicts.find((candidate) => candidate.recordId === recordId && pushedIds.has(candidate.mine.revisionId))
    if (conflict !== undefined) states.set(recordId, conflict.theirs)
  }
  const outcomeOf = new Map(result.outcomes.map((outcome) => [outcome.id, outcome.outcome]))
  const lastPushedOf = new Map(batch.flatMap((change) => (change.kind === 'revision' ? [[change.recordId, change] as const] : [])))
  const known = [...states].flatMap(([recordId, state]) => (state === undefined ? [] : [{ recordId, recordType: state.recordType }]))
  // Records with a change of their own still pending (a later push carries it) keep theirs here until then.
  const editedSince = new Set(
    (
      await revisionTable(db)
        .where('recordId')
        .anyOf(known.map((record) => record.recordId))
        .toArray()
    )
      .filter(isOwnPending)
      .map((revision) => revision.recordId)
  )
  const locals = await readLocals(db, known)
  const changes: RecordChange[] = []
  for (const [recordId, state] of states) {
    if (state === undefined || editedSince.has(recordId)) continue
    const local = locals.get(recordId)
    if (isAtServerState(localStateOf(local), state)) continue
    const lastPushed = lastPushedOf.get(recordId)
    const outcome = lastPushed === undefined ? undefined : outcomeOf.get(lastPushed.id)
    changes.push(changeTo(local, state, outcome === 'conflict' || outcome === 'already' ? REVISION_NOTES.keptTeamVersion : REVISION_NOTES.teamVersion))
  }
  if (changes.length > 0) await writeRecordChanges(db, changes, { at })
}

/**
 * The record as a removal from the team names it: at the server's revision, which the history
 * entry of a delete keeps (a later pull compares with it: see `appliesPulledRevision`).
 */
function removedAt(local: TypedRecord | undefined, revision: number): TypedRecord | undefined {
  return local === undefined ? undefined : ({ type: local.type, record: { ...local.record, revision } } as TypedRecord)
}

/** The change that brings a record here to the server's state, as a revision from the team. */
function changeTo(local: TypedRecord | undefined, state: ServerRecordState, note: RevisionNote): RecordChange {
  const after = state.snapshot === undefined ? undefined : teamRecord(state.recordType, state.snapshot, state.revision)
  return {
    action: after === undefined ? 'delete' : local === undefined ? 'restore' : 'update',
    before: after === undefined ? removedAt(local, state.revision) : local,
    after,
    note,
    fromTeam: { author: '' }
  }
}

async function pullFromTeam(run: SyncRun): Promise<void> {
  const { db, server, options } = run
  const marker = await db.transaction('r', [db.meta], () => readMarker(db))
  if (marker.lastSeq === undefined) {
    const status = await server.status()
    run.headSeq = Math.max(run.headSeq, status.headSeq)
    if (marker.firstPull !== undefined || status.headSeq > (options.firstPullFromLogUpTo ?? FIRST_PULL_FROM_LOG_UP_TO))
      await pullCurrentRecords(run, status.records)
  }
  const limit = Math.max(1, Math.min(MAX_PULL_PAGE, options.pageSize ?? MAX_PULL_PAGE))
  let since = (await db.transaction('r', [db.meta], () => readMarker(db))).lastSeq ?? 0
  let done = 0
  for (;;) {
    assertNotCancelled(run)
    const page = await server.pull({ since, limit })
    run.headSeq = Math.max(run.headSeq, page.headSeq)
    const total = done + Math.max(0, page.headSeq - since)
    await db.transaction('rw', writeTables(db), async () => {
      run.pulled += await applyPulledChanges(run, page.changes)
      const lastSeq = Math.max(since, ...page.changes.map((change) => change.seq))
      await updateMarker(db, (stored) => ({ ...stored, lastSeq }))
      since = lastSeq
      run.notices.keep(HeldChangeNotices.takeFromCurrentTransaction())
    })
    done += page.changes.length
    options.onProgress?.({ phase: 'pulling', done, total })
    if (!page.more || page.changes.length === 0) return
  }
}

/** Applies a page of the server's log here, in order; returns how many changes were applied. Runs in the page's transaction. */
async function applyPulledChanges(run: SyncRun, changes: readonly PulledChange[]): Promise<number> {
  const { db } = run
  const at = run.stamps.next()
  const editedHere = await editedDuringSync(run)
  const revisions = changes.filter((change): change is PulledRevision => change.kind === 'revision')
  const held = new Set(
    (await revisionTable(db).bulkGet(revisions.map((change) => change.id))).flatMap((revision) => (revision === undefined ? [] : [revision.id]))
  )
  const seqs = await newestSeqsHere(
    db,
    revisions.map((change) => change.recordId)
  )
  const locals = await readLocals(db, revisions)
  const current = new Map<string, TypedRecord | undefined>()
  let queued: RecordChange[] = []
  const queuedIds = new Set<string>()
  const flush = async () => {
    if (queued.length > 0) await writeRecordChanges(db, queued, { at })
    queued = []
    queuedIds.clear()
  }
  let applied = 0
  for (const change of changes) {
    if (change.kind === 'redirect') {
      await redirectTable(db).put({ fromId: change.fromId, toId: change.toId, mergeId: change.mergeId })
      applied += 1
      continue
    }
    // A record edited here waits for the next push (which makes the conflict, if any).
    if (editedHere.has(change.recordId)) continue
    // This client's own change, in its log already; unless this pull changed the record before reaching it (the push's answer was lost, so its place in the log was not known).
    const isOwn = held.has(change.id)
    if (isOwn && !run.pulledRecords.has(change.recordId)) {
      seqs.set(change.recordId, Math.max(seqs.get(change.recordId) ?? 0, change.seq))
      continue
    }
    if (queuedIds.has(change.recordId)) await flush()
    const local = current.has(change.recordId) ? current.get(change.recordId) : locals.get(change.recordId)
    if (!appliesPulledRevision(localStateOf(local), seqs.get(change.recordId), change)) continue
    const after = change.snapshot === undefined ? undefined : teamRecord(change.recordType, change.snapshot, change.revision)
    queued.push({
      action: change.action,
      before: after === undefined ? removedAt(local, change.revision) : local,
      after,
      note: REVISION_NOTES.fromTeam,
      fromTeam: { ...(isOwn ? {} : { revisionId: change.id }), author: change.author, at: change.at, seq: change.seq }
    })
    queuedIds.add(change.recordId)
    current.set(change.recordId, after)
    seqs.set(change.recordId, change.seq)
    run.pulledRecords.add(change.recordId)
    held.add(change.id)
    applied += 1
  }
  await flush()
  return applied
}

/**
 * The first pull of a large team: its current records, page by page, written in chunks (one
 * transaction each, like an import), each storing how far it got, so a cancelled or failed first
 * pull goes on from there. The log is pulled afterwards from the head the first page was read at.
 */
async function pullCurrentRecords(run: SyncRun, total: number): Promise<void> {
  const { db, server, options } = run
  const limit = Math.max(1, Math.min(MAX_PULL_PAGE, options.pageSize ?? MAX_PULL_PAGE))
  const chunkSize = Math.max(1, options.chunkSize ?? IMPORT_CHUNK_SIZE)
  let { firstPull } = await db.transaction('r', [db.meta], () => readMarker(db))
  let done = 0
  for (;;) {
    assertNotCancelled(run)
    const page: CurrentRecordsPage = await server.currentRecords({ ...(firstPull?.after === undefined ? {} : { after: firstPull.after }), limit })
    const headSeq = firstPull?.headSeq ?? page.headSeq
    const isLastPage = !page.more || page.records.length === 0
    // Parsed and turned into rows before the transactions: inside one, awaiting anything but IndexedDB would commit it.
    const prepared = page.records.map((record) => ({
      state: record,
      typed: record.snapshot === undefined ? undefined : teamRecord(record.recordType, record.snapshot, record.revision)
    }))
    for (let start = 0; start === 0 || start < prepared.length; start += chunkSize) {
      assertNotCancelled(run)
      const chunk = prepared.slice(start, start + chunkSize)
      const isLast = isLastPage && start + chunkSize >= prepared.length
      const lastRecord = chunk.at(-1)?.state
      await db.transaction('rw', writeTables(db), async () => {
        run.pulled += await applyCurrentRecords(run, headSeq, chunk)
        const next = lastRecord === undefined ? firstPull?.after : { recordType: lastRecord.recordType, recordId: lastRecord.recordId }
        await updateMarker(db, (stored) => {
          const { firstPull: _done, ...rest } = stored
          return isLast ? { ...rest, lastSeq: headSeq } : { ...rest, firstPull: { headSeq, ...(next === undefined ? {} : { after: next }) } }
        })
        run.notices.keep(HeldChangeNotices.takeFromCurrentTransaction())
      })
      firstPull = {
        headSeq,
        ...(lastRecord === undefined
          ? firstPull?.after === undefined
            ? {}
            : { after: firstPull.after }
          : { after: { recordType: lastRecord.recordType, recordId: lastRecord.recordId } })
      }
      done += chunk.length
      options.onProgress?.({ phase: 'pulling', done, total })
    }
    if (isLastPage) return
  }
}

async function applyCurrentRecords(
  run: SyncRun,
  headSeq: number,
  chunk: readonly { state: CurrentRecordsPage['records'][number]; typed: TypedRecord | undefined }[]
): Promise<number> {
  const { db } = run
  const at = run.stamps.next()
  const editedHere = await editedDuringSync(run)
  const held = new Set(
    (await revisionTable(db).bulkGet(chunk.flatMap(({ state }) => (state.revisionId === undefined ? [] : [state.revisionId])))).flatMap((revision) =>
      revision === undefined ? [] : [revision.id]
    )
  )
  const byType = new Map<RecordType, (typeof chunk)[number][]>()
  for (const entry of chunk) (byType.get(entry.state.recordType) ?? byType.set(entry.state.recordType, []).get(entry.state.recordType))?.push(entry)
  const changes: RecordChange[] = []
  for (const [type, entries] of byType) {
    const rows = await db.recordTable(type).bulkGet(entries.map(({ state }) => state.recordId))
    entries.forEach(({ state, typed }, index) => {
      const row = rows[index] as StoredRow<RecordType> | undefined
      const local = row === undefined ? undefined : typedRecord(type, fromRow(row))
      if (typed === undefined || editedHere.has(state.recordId) || (state.revisionId !== undefined && held.has(state.revisionId))) return
      if (!appliesPulledRevision(localStateOf(local), undefined, { seq: headSeq, revision: state.revision, snapshot: typed.record })) return
      changes.push({
        action: local === undefined ? 'import' : 'update',
        before: local,
        after: typed,
        note: REVISION_NOTES.fromTeam,
        // A new id: the log, pulled from `headSeq` next, holds the change that made this state, maybe after older ones of the record.
        fromTeam: { author: state.author, at: state.at, seq: headSeq },
        prepared: { row: rowOf(typed), ...(local === undefined ? { changes: diffRecords(undefined, typed.record) } : {}) }
      })
    })
  }
  if (changes.length > 0) await writeRecordChanges(db, changes, { at })
  return changes.length
}

/** Where this knowledge base stands with its team: the last sync, the last sequence applied, and what is pending. */
export async function readTeamSyncState(db: PrecedentDatabase): Promise<TeamSyncState> {
  return db.transaction('r', [revisionTable(db), db.meta], async () => {
    // Never synced (no marker at all): every revision is this knowledge base's own and pending, counted by the index alone.
    if ((await db.meta.get(TEAM_SYNC_KEY)) === undefined) return { lastSeq: 0, pending: await revisionTable(db).count() }
    const marker = await readMarker(db)
    const { pending } = await readPending(db)
    return { ...(marker.lastSyncAt === undefined ? {} : { lastSyncAt: marker.lastSyncAt }), lastSeq: marker.lastSeq ?? 0, pending: pending.length }
  })
}

export interface ResolveTeamConflictOptions {
  readonly now?: () => string
  /** Who resolves it, as set in the preferences (the server names its login role as the author). */
  readonly author?: string
}

/**
 * Resolves a conflict on the team's server and applies the result here. `resolved` is the record
 * as the person wants it (its id must be the conflict's): it becomes a new revision on top of the
 * team's version (`conflict.theirs`); `null` resolves it to deleted; `undefined` keeps theirs as it
 * is. `stale` (the record moved on since the conflict was read) and `closed` (someone resolved it
 * first) are returned as they are, nothing changed here: read the conflict again.
 *
 * @throws TeamError the server refused or could not be reached; or `resolved` breaks the record rules (code `refused`)
 */
export async function resolveTeamConflict(
  db: PrecedentDatabase,
  server: TeamServer,
  conflict: TeamConflict,
  resolved: object | null | undefined,
  options: ResolveTeamConflictOptions = {}
): Promise<ResolveOutcome> {
  const now = options.now ?? (() => new Date().toISOString())
  const at = now()
  const theirs = conflict.theirs
  const base = { revision: theirs.revision, exists: theirs.snapshot !== undefined }
  let revision: PushedRevision | undefined
  let record: TypedRecord | undefined
  if (resolved !== undefined) {
    if (resolved !== null) {
      const createdAt = (theirs.snapshot as { createdAt?: unknown } | undefined)?.createdAt ?? (resolved as { createdAt?: unknown }).createdAt ?? at
      const parsed = RECORD_SCHEMAS[conflict.recordType].safeParse({
        ...resolved,
        id: conflict.recordId,
        createdAt,
        updatedAt: at,
        revision: base.revision + 1
      })
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        throw new TeamError(
          'refused',
          `The resolved ${conflict.recordType} "${conflict.recordId}" breaks the record rules at ${issue?.path.join('.') || 'the record'}: ${issue?.message ?? 'invalid'}`
        )
      }
      record = typedRecord(conflict.recordType, parsed.data as AnyRecord)
    }
    revision = {
      kind: 'revision',
      id: crypto.randomUUID(),
      recordType: conflict.recordType,
      recordId: conflict.recordId,
      base,
      action: record === undefined ? 'delete' : base.exists ? 'update' : 'restore',
      changes: diffRecords(theirs.snapshot, record?.record).map((change) => ({ field: change.field, before: change.before, after: change.after })),
      ...(record === undefined ? {} : { snapshot: record.record as PushedRevision['snapshot'] & object }),
      note: REVISION_NOTES.teamConflict.text,
      clientAt: at
    }
  }
  const outcome = await server.resolveConflict({ conflictId: conflict.conflictId, ...(revision === undefined ? {} : { revision }) })
  // Theirs kept: this client took the team's version when the push met the conflict, and pulls what came after.
  if (outcome.outcome !== 'resolved' || revision === undefined) return outcome
  await withExclusiveWriteLock(() =>
    db.transaction('rw', writeTables(db), async () => {
      const editedHere = (await revisionTable(db).where('recordId').equals(conflict.recordId).toArray()).some(isOwnPending)
      if (editedHere) return
      const local = await readLocal(db, conflict.recordType, conflict.recordId)
      if (record === undefined && local === undefined) return
      const [written] = await writeRecordChanges(
        db,
        [{ action: revision.action, before: local, after: record, note: REVISION_NOTES.teamConflict, fromTeam: undefined }],
        { at, author: options.author ?? '', newRevisionId: () => revision.id }
      )
      // Already on the server: acknowledged, so it is never pushed again, and the pull skips it by its id.
      if (written !== undefined) await revisionTable(db).put({ ...written, pushedAt: at, ...(outcome.seq === undefined ? {} : { teamSeq: outcome.seq }) })
    })
  )
  return outcome
}
