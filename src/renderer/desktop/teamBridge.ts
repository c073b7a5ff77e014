import type { z } from '@shared/lib/zod'
import type { KeptTeamConnection } from '../../shared/ipc/contract'
import type { DesktopApi, TeamMethod } from '../../shared/ipc/desktopApi'
import type { IpcResult } from '../../shared/ipc/ipcResult'
import {
  currentRecordsPageSchema,
  pullPageSchema,
  pushResultSchema,
  resolveOutcomeSchema,
  TEAM_ERROR_CODES,
  teamBriefingSchema,
  teamConflictSchema,
  TeamError,
  teamConnectionSchema,
  teamStatusSchema,
  type TeamConnection,
  type TeamErrorCode,
  type TeamServer,
  type TeamStatus
} from '../../shared/team/teamProtocol'

/**
 * The team's server as the page reaches it in the desktop app: a `TeamServer` whose every call
 * goes to main, which holds the one connection (and its password) and the PostgreSQL adapter.
 * Main's answers are checked with the protocol's own schemas before the page uses them, and every
 * failure rejects with a `TeamError` whose message is one line for the person.
 */
export interface DesktopTeam extends TeamServer {
  /** Checks the connection by reading the server's status; main keeps it (the password encrypted). */
  connect(connection: TeamConnection): Promise<TeamStatus>
  /** Forgets the kept connection and its password. */
  disconnect(): Promise<void>
  /** The kept connection, without its password; null when none is kept. */
  keptConnection(): Promise<KeptTeamConnection | null>
}

/** The methods of `window.desktop` the team bridge uses. */
export type DesktopTeamApi = Pick<DesktopApi, TeamMethod>

const TEAM_METHODS: readonly TeamMethod[] = [
  'teamConnect',
  'teamDisconnect',
  'teamConnection',
  'teamStatus',
  'teamPush',
  'teamPull',
  'teamCurrentRecords',
  'teamConflicts',
  'teamResolveConflict',
  'teamBriefings',
  'teamSaveBriefing'
]

/** Whether `bridge` offers every team method (the preload does; so does the end-to-end harness). */
export function hasTeamMethods(bridge: Partial<DesktopApi> | undefined): bridge is DesktopTeamApi {
  return bridge !== undefined && TEAM_METHODS.every((method) => typeof bridge[method] === 'function')
}

const keptConnectionSchema = teamConnectionSchema.omit({ password: true })

export function createTeamBridge(bridge: DesktopTeamApi): DesktopTeam {
  return {
    async connect(connection) {
      return answer(await bridge.teamConnect(connection), teamStatusSchema)
    },
    async disconnect() {
      await bridge.teamDisconnect().then((result) => answerOf(result))
    },
    async keptConnection() {
      const { connection } = answerOf(await bridge.teamConnection())
      return connection === null ? null : parsed(connection, keptConnectionSchema)
    },
    async status() {
      return answer(await bridge.teamStatus(), teamStatusSchema)
    },
    async push(changes) {
      return answer(await bridge.teamPush({ changes: [...changes] }), pushResultSchema)
    },
    async pull(request) {
      return answer(await bridge.teamPull(request), pullPageSchema)
    },
    async currentRecords(request) {
      return answer(await bridge.teamCurrentRecords(request), currentRecordsPageSchema)
    },
    async conflicts(request) {
      return answerOf(await bridge.teamConflicts(request)).conflicts.map((conflict) => parsed(conflict, teamConflictSchema))
    },
    async resolveConflict(request) {
      return answer(await bridge.teamResolveConflict(request), resolveOutcomeSchema)
    },
    async briefings() {
      return answerOf(await bridge.teamBriefings()).briefings.map((briefing) => parsed(briefing, teamBriefingSchema))
    },
    async saveBriefing(request) {
      return answer(await bridge.teamSaveBriefing(request), teamBriefingSchema)
    }
  }
}

function answer<S extends z.ZodType>(result: IpcResult<unknown>, schema: S): z.output<S> {
  return parsed(answerOf(result), schema)
}

/** A failed request as a TeamError: the server's own codes as they are, the bridge's own as `failed`. */
function answerOf<T>(result: IpcResult<T>): T {
  if (result.ok) return result.value
  const code: TeamErrorCode = (TEAM_ERROR_CODES as readonly string[]).includes(result.code) ? (result.code as TeamErrorCode) : 'failed'
  throw new TeamError(code, result.message)
}

function parsed<S extends z.ZodType>(value: unknown, schema: S): z.output<S> {
  const checked = schema.safeParse(value)
  if (!checked.success)
    throw new TeamError(
      'failed',
      `The desktop app's answer did not match the team protocol (${checked.error.issues[0]?.path.join('.') || 'answer'}): update Precedent.`
    )
  return checked.data
}
