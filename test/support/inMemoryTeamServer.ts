import { isSameValue } from '@shared/domain/recordHistory'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import type { RecordType } from '@shared/domain/recordTypes'
import {
  conflictsRequestSchema,
  currentRecordsRequestSchema,
  MAX_PUSH_CHANGES,
  pullRequestSchema,
  pushedChangeSchema,
  resolveConflictRequestSchema,
  saveBriefingRequestSchema,
  TeamError,
  type CurrentRecordsPage,
  type PulledChange,
  type PulledRevision,
  type PushedChange,
  type PushedRevision,
  type PushOutcome,
  type PushResult,
  type ServerRecordState,
  type TeamBriefing,
  type TeamConflict,
  type TeamRole,
  type TeamServer
} from '@shared/team/teamProtocol'

// A team's server held in memory: the test double of the PostgreSQL one (src/node/team), following
// the push rules written in teamProtocol.ts to the letter, so the client's sync can be tested, and
// its properties explored, without a database. One shared state; one `TeamServer` per analyst.

/** Compared when telling whether a pushed version equals the current one (rule 2). */
const IGNORED_IN_COMPARISON = ['createdAt', 'updatedAt', 'revision']

interface CurrentRecord {
  readonly recordType: RecordType
  readonly recordId: string
  readonly revision: number
  readonly snapshot?: { readonly id: string }
  readonly revisionId: string
  readonly author: string
  readonly at: string
}

interface KeptConflict {
  conflict: TeamConflict
  /** Every pushed revision the conflict took in (its first `mine` and those that joined it). */
  readonly taken: PushedRevision[]
  /** The state `mine` leads to: a revision based on it joins the conflict. */
  mineState: { revision: number; exists: boolean }
}

/** Everything the server holds; shared by every analyst's `TeamServer`. */
export interface InMemoryTeamState {
  readonly records: Map<string, CurrentRecord>
  /** The log of accepted changes; a change's `seq` is its position from 1. */
  readonly log: PulledChange[]
  /** Every revision id held (accepted, or kept in a conflict). */
  readonly revisionIds: Set<string>
  /** Every version each record has had, for the common version of a conflict. */
  readonly history: Map<string, { readonly revision: number; readonly snapshot?: { readonly id: string } }[]>
  readonly conflicts: KeptConflict[]
  readonly redirects: Map<string, { readonly fromId: string; readonly toId: string; readonly mergeId: string }>
  readonly briefings: Map<string, TeamBriefing>
  readonly now: () => string
}

export interface InMemoryTeam {
  readonly state: InMemoryTeamState
  /** The server as `user` sees it, with the strongest role granted (`editor` by default). */
  serverFor(user: string, role?: TeamRole): TeamServer
  /** Every revision id the server ever took in: accepted into the log or kept in a conflict. */
  heldRevisionIds(): Set<string>
}

const keyOf = (recordType: string, recordId: string): string => `${recordType}\u0000${recordId}`
const copy = <T>(value: T): T => structuredClone(value)

function withoutBookkeeping(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([field]) => !IGNORED_IN_COMPARISON.includes(field)))
}

function stateOf(current: CurrentRecord | undefined, recordType: RecordType, recordId: string): ServerRecordState {
  if (current === undefined) return { recordType, recordId, revision: 0 }
  return {
    recordType,
    recordId,
    revision: current.revision,
    ...(current.snapshot === undefined ? {} : { snapshot: copy(current.snapshot) }),
    revisionId: current.revisionId
  }
}

/** The refusal of a change that breaks the record rules, naming the record and field. */
function refusalOf(change: PushedChange, index: number): TeamError | undefined {
  if (change.kind === 'redirect') return undefined
  if (change.snapshot === undefined) return undefined
  const where = `${change.recordType} ${change.recordId}`
  if (change.snapshot.id !== change.recordId)
    return new TeamError('refused', `refused: ${where}: the snapshot's id is "${change.snapshot.id}" (change ${index + 1})`)
  const parsed = RECORD_SCHEMAS[change.recordType].safeParse(change.snapshot)
  if (parsed.success) return undefined
  const issue = parsed.error.issues[0]
  return new TeamError('refused', `refused: ${where}: ${issue?.path.join('.') || 'record'}: ${issue?.message ?? 'invalid'} (change ${index + 1})`)
}

const asTeamError = (error: unknown): TeamError =>
  error instanceof TeamError ? error : new TeamError('failed', `failed: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`)

/** Runs one request: every failure is a `TeamError`, as the protocol says of every method. */
function answer<T>(work: () => T): Promise<T> {
  try {
    return Promise.resolve(work())
  } catch (error) {
    return Promise.reject(asTeamError(error))
  }
}

/** A team's server in memory; `now` stamps what it accepts (a fixed clock makes tests repeatable). */
export function createInMemoryTeam(options: { now?: () => string } = {}): InMemoryTeam {
  const state: InMemoryTeamState = {
    records: new Map(),
    log: [],
    revisionIds: new Set(),
    history: new Map(),
    conflicts: [],
    redirects: new Map(),
    briefings: new Map(),
    now: options.now ?? (() => new Date().toISOString())
  }
  return {
    state,
    serverFor: (user, role = 'editor') => new InMemoryTeamServer(state, user, role),
    heldRevisionIds: () => new Set(state.revisionIds)
  }
}

class InMemoryTeamServer implements TeamServer {
  constructor(
    private readonly state: InMemoryTeamState,
    private readonly user: string,
    private readonly role: TeamRole
  ) {}

  private assertMayWrite(): void {
    if (this.role === 'reader') throw new TeamError('permission-denied', `permission denied: ${this.user} is a reader`)
  }

  status() {
    const state = this.state
    return Promise.resolve({
      user: this.user,
      role: this.role,
      schemaVersion: 1,
      headSeq: state.log.length,
      openConflicts: state.conflicts.filter((kept) => kept.conflict.resolvedAt === undefined).length,
      records: [...state.records.values()].filter((record) => record.snapshot !== undefined).length
    })
  }

  push(changes: readonly PushedChange[]): Promise<PushResult> {
    try {
      this.assertMayWrite()
      if (changes.length > MAX_PUSH_CHANGES)
        throw new TeamError('refused', `refused: a push carries at most ${MAX_PUSH_CHANGES} changes, not ${changes.length}`)
      const parsed = changes.map((change, index) => {
        const result = pushedChangeSchema.safeParse(change)
        if (!result.success)
          throw new TeamError(
            'refused',
            `refused: change ${index + 1}: ${result.error.issues[0]?.path.join('.') ?? ''}: ${result.error.issues[0]?.message ?? 'invalid'}`
          )
        return copy(result.data)
      })
      // Checked whole before anything is applied: a refused push applies nothing.
      parsed.forEach((change, index) => {
        const refusal = refusalOf(change, index)
        if (refusal !== undefined) throw refusal
      })
      const outcomes = parsed.map((change) => (change.kind === 'redirect' ? this.pushRedirect(change) : this.pushRevision(change)))
      return Promise.resolve({ outcomes, headSeq: this.state.log.length })
    } catch (error) {
      return Promise.reject(asTeamError(error))
    }
  }

  private pushRedirect(change: Extract<PushedChange, { kind: 'redirect' }>): PushOutcome {
    const held = this.state.redirects.get(change.fromId)
    if (held !== undefined && held.toId === change.toId && held.mergeId === change.mergeId) return { outcome: 'already', id: change.fromId }
    this.state.redirects.set(change.fromId, { fromId: change.fromId, toId: change.toId, mergeId: change.mergeId })
    const seq = this.state.log.length + 1
    this.state.log.push({ kind: 'redirect', seq, fromId: change.fromId, toId: change.toId, mergeId: change.mergeId, author: this.user, at: this.state.now() })
    return { outcome: 'accepted', id: change.fromId, seq }
  }

  private pushRevision(change: PushedRevision): PushOutcome {
    const { state } = this
    // 1. Held already (a retried push).
    if (state.revisionIds.has(change.id)) return { outcome: 'already', id: change.id }
    const key = keyOf(change.recordType, change.recordId)
    const current = state.records.get(key)
    const currentState = stateOf(current, change.recordType, change.recordId)
    const exists = current?.snapshot !== undefined
    // 2. Equal to the current version, or deleting what does not exist: nothing logged.
    if (change.snapshot !== undefined && exists && isSameValue(withoutBookkeeping(change.snapshot), withoutBookkeeping(current.snapshot as object))) {
      return { outcome: 'unchanged', id: change.id, current: currentState }
    }
    if (change.snapshot === undefined && !exists) return { outcome: 'unchanged', id: change.id, current: currentState }
    // 3. Based on the current state, or the first version of a record the server has never seen.
    const isBasedOnCurrent = change.base.revision === currentState.revision && change.base.exists === exists
    if (isBasedOnCurrent || (current === undefined && change.snapshot !== undefined)) return this.accept(change)
    // 4. A conflict: a new one, or the next `mine` of this author's open one on the record.
    const joined = state.conflicts.find(
      (kept) =>
        kept.conflict.resolvedAt === undefined &&
        kept.conflict.recordType === change.recordType &&
        kept.conflict.recordId === change.recordId &&
        kept.conflict.mine.author === this.user &&
        kept.mineState.revision === change.base.revision &&
        kept.mineState.exists === change.base.exists
    )
    const mine = {
      revisionId: change.id,
      ...(change.snapshot === undefined ? {} : { snapshot: copy(change.snapshot) }),
      author: this.user,
      clientAt: change.clientAt
    }
    const mineState = { revision: change.snapshot === undefined ? change.base.revision : change.base.revision + 1, exists: change.snapshot !== undefined }
    state.revisionIds.add(change.id)
    if (joined !== undefined) {
      joined.conflict = { ...joined.conflict, mine }
      joined.taken.push(copy(change))
      joined.mineState = mineState
      return { outcome: 'conflict', id: change.id, conflictId: joined.conflict.conflictId, current: currentState }
    }
    const baseVersion = change.base.exists
      ? state.history.get(key)?.find((version) => version.revision === change.base.revision && version.snapshot !== undefined)
      : undefined
    const conflict: TeamConflict = {
      conflictId: `conflict-${state.conflicts.length + 1}-${crypto.randomUUID()}`,
      recordType: change.recordType,
      recordId: change.recordId,
      base: { revision: change.base.revision, ...(baseVersion?.snapshot === undefined ? {} : { snapshot: copy(baseVersion.snapshot) }) },
      theirs: { ...currentState, ...(current === undefined ? {} : { author: current.author }) },
      mine,
      openedAt: state.now()
    }
    state.conflicts.push({ conflict, taken: [copy(change)], mineState })
    return { outcome: 'conflict', id: change.id, conflictId: conflict.conflictId, current: currentState }
  }

  /** Makes a revision current and logs it; returns its outcome. */
  private accept(change: PushedRevision): PushOutcome & { outcome: 'accepted' } {
    const { state } = this
    const key = keyOf(change.recordType, change.recordId)
    const revision = change.snapshot === undefined ? change.base.revision : change.base.revision + 1
    const at = state.now()
    const seq = state.log.length + 1
    state.records.set(key, {
      recordType: change.recordType,
      recordId: change.recordId,
      revision,
      ...(change.snapshot === undefined ? {} : { snapshot: copy(change.snapshot) }),
      revisionId: change.id,
      author: this.user,
      at
    })
    const versions = state.history.get(key) ?? state.history.set(key, []).get(key)
    versions?.push({ revision, ...(change.snapshot === undefined ? {} : { snapshot: copy(change.snapshot) }) })
    const logged: PulledRevision = {
      kind: 'revision',
      seq,
      id: change.id,
      recordType: change.recordType,
      recordId: change.recordId,
      revision,
      action: change.action,
      changes: copy(change.changes),
      ...(change.snapshot === undefined ? {} : { snapshot: copy(change.snapshot) }),
      ...(change.note === undefined ? {} : { note: change.note }),
      author: this.user,
      at
    }
    state.log.push(logged)
    state.revisionIds.add(change.id)
    return { outcome: 'accepted', id: change.id, seq }
  }

  pull(request: { since: number; limit: number }) {
    return answer(() => this.pullNow(request))
  }

  private pullNow(request: { since: number; limit: number }) {
    const { since, limit } = pullRequestSchema.parse(request)
    const after = this.state.log.filter((change) => change.seq > since)
    return { changes: copy(after.slice(0, limit)), headSeq: this.state.log.length, more: after.length > limit }
  }

  currentRecords(request: { after?: { recordType: RecordType; recordId: string }; limit: number }): Promise<CurrentRecordsPage> {
    return answer(() => this.currentRecordsNow(request))
  }

  private currentRecordsNow(request: { after?: { recordType: RecordType; recordId: string }; limit: number }): CurrentRecordsPage {
    const { after, limit } = currentRecordsRequestSchema.parse(request)
    const compare = (a: { recordType: string; recordId: string }, b: { recordType: string; recordId: string }) =>
      a.recordType !== b.recordType ? (a.recordType < b.recordType ? -1 : 1) : a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0
    const existing = [...this.state.records.values()].filter((record) => record.snapshot !== undefined).sort(compare)
    const following = after === undefined ? existing : existing.filter((record) => compare(record, after) > 0)
    const page = following.slice(0, limit).map((record) => ({ ...stateOf(record, record.recordType, record.recordId), author: record.author, at: record.at }))
    return { records: page, headSeq: this.state.log.length, more: following.length > limit }
  }

  conflicts(request: { includeResolved: boolean }): Promise<TeamConflict[]> {
    return answer(() => {
      const { includeResolved } = conflictsRequestSchema.parse(request)
      return copy(this.state.conflicts.map((kept) => kept.conflict).filter((conflict) => includeResolved || conflict.resolvedAt === undefined))
    })
  }

  resolveConflict(request: { conflictId: string; revision?: PushedRevision }) {
    try {
      this.assertMayWrite()
      const { conflictId, revision } = resolveConflictRequestSchema.parse(request)
      const kept = this.state.conflicts.find((candidate) => candidate.conflict.conflictId === conflictId)
      if (kept === undefined) throw new TeamError('failed', `no conflict "${conflictId}" on the team's server`)
      if (kept.conflict.resolvedAt !== undefined) return Promise.resolve({ outcome: 'closed' as const })
      let seq: number | undefined
      if (revision !== undefined) {
        if (revision.recordType !== kept.conflict.recordType || revision.recordId !== kept.conflict.recordId) {
          throw new TeamError(
            'refused',
            `refused: the resolution of conflict "${conflictId}" is of ${revision.recordType} ${revision.recordId}, not of ${kept.conflict.recordType} ${kept.conflict.recordId}`
          )
        }
        const refusal = refusalOf(revision, 0)
        if (refusal !== undefined) throw refusal
        const current = this.state.records.get(keyOf(revision.recordType, revision.recordId))
        const currentState = stateOf(current, revision.recordType, revision.recordId)
        const exists = current?.snapshot !== undefined
        if (revision.base.revision !== currentState.revision || revision.base.exists !== exists) {
          return Promise.resolve({ outcome: 'stale' as const, current: currentState })
        }
        seq = this.accept(revision).seq
      }
      kept.conflict = { ...kept.conflict, resolvedAt: this.state.now(), resolvedBy: this.user }
      return Promise.resolve(seq === undefined ? { outcome: 'resolved' as const } : { outcome: 'resolved' as const, seq })
    } catch (error) {
      return Promise.reject(asTeamError(error))
    }
  }

  briefings(): Promise<TeamBriefing[]> {
    return Promise.resolve(copy([...this.state.briefings.values()].filter((kept) => kept.shared || kept.owner === this.user)))
  }

  saveBriefing(request: { briefing: TeamBriefing['briefing']; shared: boolean }): Promise<TeamBriefing> {
    try {
      this.assertMayWrite()
      const { briefing, shared } = saveBriefingRequestSchema.parse(request)
      const held = this.state.briefings.get(briefing.id)
      if (held !== undefined && held.owner !== this.user)
        throw new TeamError('permission-denied', `permission denied: the briefing "${briefing.id}" belongs to ${held.owner}`)
      const saved: TeamBriefing = { briefing: copy(briefing), shared, owner: this.user, updatedAt: this.state.now() }
      this.state.briefings.set(briefing.id, saved)
      return Promise.resolve(copy(saved))
    } catch (error) {
      return Promise.reject(asTeamError(error))
    }
  }
}
