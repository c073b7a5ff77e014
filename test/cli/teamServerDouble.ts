import { isSameValue } from '@shared/domain/recordHistory'
import {
  TeamError,
  type CurrentRecordsPage,
  type PushOutcome,
  type PushedChange,
  type ServerRecordState,
  type TeamConflict,
  type TeamRole,
  type TeamServer
} from '@shared/team/teamProtocol'
import type { TeamAccess, TeamSession } from '../../src/cli/teamAccess'

const AT = '2026-12-07T08:00:00.000Z'
const BOOKKEEPING = ['createdAt', 'updatedAt', 'revision']
const withoutBookkeeping = (record: object) => Object.fromEntries(Object.entries(record).filter(([key]) => !BOOKKEEPING.includes(key)))

interface StoredRecord extends ServerRecordState {
  readonly author: string
}

/**
 * An in-memory team server for the command line's unit tests: the push rules of teamProtocol.ts
 * (already, unchanged, accepted, conflict; a refused push applies nothing), a reader refused, and
 * every request failing as the adapter would when `failure` is set. Not the adapter: the real
 * PostgreSQL is exercised by test/commandLine/teamCommands.e2e.test.ts.
 */
export function teamServerDouble(options: { user?: string; role?: TeamRole } = {}) {
  const records = new Map<string, StoredRecord>()
  const revisionIds = new Set<string>()
  const conflicts: TeamConflict[] = []
  const pushes: PushedChange[][] = []
  let headSeq = 0
  let schemaVersion = 0
  let closed = 0
  const state = { user: options.user ?? 'alice', role: options.role ?? ('editor' as TeamRole), failure: undefined as TeamError | undefined }
  const key = (recordType: string, recordId: string) => `${recordType}\u0000${recordId}`
  const check = () => {
    if (state.failure !== undefined) throw state.failure
    if (schemaVersion === 0) throw new TeamError('schema-missing', 'the database has no Precedent schema')
  }

  const server: TeamServer = {
    async status() {
      check()
      return { user: state.user, role: state.role, schemaVersion, headSeq, openConflicts: conflicts.length, records: [...records.values()].filter((record) => record.snapshot !== undefined).length }
    },
    async push(changes) {
      check()
      if (state.role === 'reader') throw new TeamError('permission-denied', `permission denied: ${state.user} is a reader`)
      for (const change of changes) {
        if (change.kind === 'revision' && change.snapshot !== undefined && change.snapshot.id !== change.recordId) {
          throw new TeamError('refused', `${change.recordType} ${change.recordId}: the snapshot's id is ${change.snapshot.id}`)
        }
      }
      pushes.push([...changes])
      const outcomes: PushOutcome[] = changes.map((change) => {
        if (change.kind === 'redirect') return { outcome: 'accepted', id: change.fromId, seq: ++headSeq }
        if (revisionIds.has(change.id)) return { outcome: 'already', id: change.id }
        const stored = records.get(key(change.recordType, change.recordId))
        const current: ServerRecordState = stored ?? { recordType: change.recordType, recordId: change.recordId, revision: 0 }
        const { author: _author, ...currentState } = stored ?? { ...current, author: '' }
        const same = change.snapshot === undefined ? current.snapshot === undefined : current.snapshot !== undefined && isSameValue(withoutBookkeeping(current.snapshot), withoutBookkeeping(change.snapshot))
        if (same) return { outcome: 'unchanged', id: change.id, current: currentState }
        revisionIds.add(change.id)
        const basedOnCurrent = change.base.revision === current.revision && change.base.exists === (current.snapshot !== undefined)
        if (basedOnCurrent || (stored === undefined && change.snapshot !== undefined)) {
          const revision = change.snapshot === undefined ? change.base.revision : change.base.revision + 1
          records.set(key(change.recordType, change.recordId), { recordType: change.recordType, recordId: change.recordId, revision, ...(change.snapshot === undefined ? {} : { snapshot: change.snapshot }), revisionId: change.id, author: state.user })
          return { outcome: 'accepted', id: change.id, seq: ++headSeq }
        }
        const conflictId = `conflict-${conflicts.length + 1}`
        conflicts.push({
          conflictId,
          recordType: change.recordType,
          recordId: change.recordId,
          base: { revision: change.base.revision },
          theirs: { ...currentState, author: stored?.author ?? '' },
          mine: { revisionId: change.id, ...(change.snapshot === undefined ? {} : { snapshot: change.snapshot }), author: state.user, clientAt: change.clientAt },
          openedAt: AT
        })
        return { outcome: 'conflict', id: change.id, conflictId, current: currentState }
      })
      return { outcomes, headSeq }
    },
    async pull() {
      check()
      return { changes: [], headSeq, more: false }
    },
    async currentRecords(request) {
      check()
      const sorted = [...records.values()].filter((record) => record.snapshot !== undefined).sort((a, b) => (key(a.recordType, a.recordId) < key(b.recordType, b.recordId) ? -1 : 1))
      const after = request.after === undefined ? undefined : key(request.after.recordType, request.after.recordId)
      const rest = after === undefined ? sorted : sorted.filter((record) => key(record.recordType, record.recordId) > after)
      const page: CurrentRecordsPage['records'] = rest.slice(0, request.limit).map(({ author, ...record }) => ({ ...record, author, at: AT }))
      return { records: page, headSeq, more: rest.length > request.limit }
    },
    async conflicts() {
      check()
      return conflicts.map((conflict) => structuredClone(conflict))
    },
    async resolveConflict() {
      throw new TeamError('failed', 'not in the double')
    },
    async briefings() {
      return []
    },
    async saveBriefing() {
      throw new TeamError('failed', 'not in the double')
    }
  }

  const opened: string[] = []
  const access: TeamAccess = {
    open(url): TeamSession {
      opened.push(url)
      return {
        ...server,
        async close() {
          closed += 1
        }
      }
    },
    async init() {
      if (state.failure !== undefined) throw state.failure
      const from = schemaVersion
      schemaVersion = 1
      return { from, to: schemaVersion }
    }
  }

  return {
    access,
    state,
    pushes,
    opened,
    get closed() {
      return closed
    },
    /** Another analyst's edit made on the server directly: the record's next revision there. */
    editOnServer(recordType: ServerRecordState['recordType'], recordId: string, change: Record<string, unknown>) {
      const stored = records.get(key(recordType, recordId))
      if (stored?.snapshot === undefined) throw new Error(`${recordId} is not on the server`)
      records.set(key(recordType, recordId), { ...stored, revision: stored.revision + 1, snapshot: { ...stored.snapshot, ...change }, revisionId: `server-${headSeq + 1}`, author: 'bob' })
      headSeq += 1
    }
  }
}
