import { TeamError, type PushedChange, type TeamRole, type TeamServer } from '@shared/team/teamProtocol'
import type { TeamAccess, TeamSession } from '../../src/cli/teamAccess'
import { createInMemoryTeam } from '../support/inMemoryTeamServer'

const AT = '2026-12-07T08:00:00.000Z'

/**
 * The team commands' access for unit tests: the in-memory team server (test/support, the push
 * rules of the protocol) behind a `TeamAccess` that also has a schema to `init` (none until then:
 * every request is `schema-missing`, as the adapter says), records the pushes and the sessions
 * opened and closed, and can make every request fail as the adapter would (`state.failure`). The
 * real PostgreSQL is exercised by test/commandLine/teamCommands.e2e.test.ts.
 */
export function teamAccessDouble(options: { user?: string; role?: TeamRole } = {}) {
  const team = createInMemoryTeam({ now: () => AT })
  const state = { failure: undefined as TeamError | undefined, schemaVersion: 0 }
  const pushes: PushedChange[][] = []
  const opened: string[] = []
  let closed = 0
  const guarded = <T>(work: () => Promise<T>): Promise<T> => {
    if (state.failure !== undefined) return Promise.reject(state.failure)
    if (state.schemaVersion === 0)
      return Promise.reject(new TeamError('schema-missing', 'the database precedent at 127.0.0.1:5433 has no Precedent schema: run `precedent team init`'))
    return work()
  }
  const guardedServer = (server: TeamServer): TeamServer => ({
    status: () => guarded(() => server.status()),
    push: (changes) =>
      guarded(() => {
        pushes.push([...changes])
        return server.push(changes)
      }),
    pull: (request) => guarded(() => server.pull(request)),
    currentRecords: (request) => guarded(() => server.currentRecords(request)),
    conflicts: (request) => guarded(() => server.conflicts(request)),
    resolveConflict: (request) => guarded(() => server.resolveConflict(request)),
    briefings: () => guarded(() => server.briefings()),
    saveBriefing: (request) => guarded(() => server.saveBriefing(request))
  })

  const access: TeamAccess = {
    open(url): TeamSession {
      opened.push(url)
      return {
        ...guardedServer(team.serverFor(options.user ?? 'alice', options.role ?? 'editor')),
        async close() {
          closed += 1
        }
      }
    },
    async init() {
      if (state.failure !== undefined) throw state.failure
      const from = state.schemaVersion
      state.schemaVersion = 1
      return { from, to: state.schemaVersion }
    }
  }

  let edits = 0
  return {
    access,
    state,
    pushes,
    opened,
    get closed() {
      return closed
    },
    /** Bob edits a record on the server: its next revision there, based on the current one. */
    async editOnServer(
      recordType: PushedChange extends infer C ? (C extends { recordType: infer T } ? T : never) : never,
      recordId: string,
      change: Record<string, unknown>
    ) {
      const current = (await team.serverFor('bob').currentRecords({ limit: 5000 })).records.find(
        (record) => record.recordType === recordType && record.recordId === recordId
      )
      if (current?.snapshot === undefined) throw new Error(`${recordId} is not on the server`)
      edits += 1
      const result = await team.serverFor('bob').push([
        {
          kind: 'revision',
          id: `bob-edit-${edits}`,
          recordType,
          recordId,
          base: { revision: current.revision, exists: true },
          action: 'update',
          changes: [],
          snapshot: { ...current.snapshot, ...change, revision: current.revision + 1 },
          clientAt: AT
        }
      ])
      if (result.outcomes[0]?.outcome !== 'accepted') throw new Error(`Bob's edit of ${recordId} was not accepted`)
    }
  }
}
