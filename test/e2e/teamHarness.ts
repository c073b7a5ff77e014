import type { BrowserContext } from 'playwright-core'
import { openPgTeamServer, type PgTeamServer } from '../../src/node/team/pgTeamServer'
import { IpcChannel } from '../../src/shared/ipc/channels'
import { ipcContract } from '../../src/shared/ipc/contract'
import type { TeamMethod } from '../../src/shared/ipc/desktopApi'
import { TeamError, type TeamConnection, type TeamServer } from '../../src/shared/team/teamProtocol'

/** The name of the one binding the harness exposes; the page's `window.desktop` team methods call it. */
const BINDING = '__precedentTeamHarness'

const TEAM_METHODS = Object.keys(IpcChannel).filter((method): method is TeamMethod => method.startsWith('team'))

/**
 * Gives a browser profile the desktop bridge's team methods, as the preload would (issue 13), backed
 * by the real PostgreSQL adapter (`openPgTeamServer`) in this Node process: each request is checked
 * with its channel's schema and each answer with its response schema, as main does, and failures
 * travel as `{ ok: false, code, message }`. Only the team methods are supplied: the rest of the page
 * stays in web mode. Returns the function that closes the connection.
 */
export async function installTeamBridge(context: BrowserContext): Promise<() => Promise<void>> {
  let server: PgTeamServer | undefined
  let kept: Omit<TeamConnection, 'password'> | null = null

  const serve = async (method: TeamMethod, request: unknown): Promise<unknown> => {
    switch (method) {
      case 'teamConnect': {
        const connection = request as TeamConnection
        const candidate = openPgTeamServer(connection)
        try {
          const status = await candidate.status()
          await server?.close()
          server = candidate
          kept = { host: connection.host, port: connection.port, database: connection.database, user: connection.user }
          return status
        } catch (error) {
          await candidate.close()
          throw error
        }
      }
      case 'teamDisconnect': {
        const had = server !== undefined
        await server?.close()
        server = undefined
        kept = null
        return { disconnected: had }
      }
      case 'teamConnection':
        return { connection: kept }
      default:
        return answerFromServer(method, request)
    }
  }

  const answerFromServer = async (method: TeamMethod, request: unknown): Promise<unknown> => {
    const team: TeamServer | undefined = server
    if (team === undefined) throw new TeamError('failed', 'Not connected to a team server: connect on the Team page.')
    switch (method) {
      case 'teamStatus':
        return team.status()
      case 'teamPush':
        return team.push((request as { changes: Parameters<TeamServer['push']>[0] }).changes)
      case 'teamPull':
        return team.pull(request as Parameters<TeamServer['pull']>[0])
      case 'teamCurrentRecords':
        return team.currentRecords(request as Parameters<TeamServer['currentRecords']>[0])
      case 'teamConflicts':
        return { conflicts: await team.conflicts(request as Parameters<TeamServer['conflicts']>[0]) }
      case 'teamResolveConflict':
        return team.resolveConflict(request as Parameters<TeamServer['resolveConflict']>[0])
      case 'teamBriefings':
        return { briefings: await team.briefings() }
      case 'teamSaveBriefing':
        return team.saveBriefing(request as Parameters<TeamServer['saveBriefing']>[0])
      default:
        throw new TeamError('failed', `no such team method: ${method}`)
    }
  }

  await context.exposeBinding(BINDING, async (_source, method: unknown, request: unknown) => {
    if (!(TEAM_METHODS as unknown[]).includes(method)) return { ok: false, code: 'invalid-request', message: 'no such method' }
    const schemas = ipcContract[IpcChannel[method as TeamMethod]]
    const parsed = schemas.request.safeParse(request ?? undefined)
    if (!parsed.success) return { ok: false, code: 'invalid-request', message: parsed.error.issues[0]?.message ?? 'invalid' }
    try {
      return { ok: true, value: schemas.response.parse(await serve(method as TeamMethod, parsed.data)) }
    } catch (error) {
      if (error instanceof TeamError) return { ok: false, code: error.code, message: error.message.split('\n')[0] }
      return { ok: false, code: 'failed', message: error instanceof Error ? error.message.split('\n')[0] : String(error) }
    }
  })
  await context.addInitScript(
    ({ binding, methods }) => {
      // The binding is looked up at each call: it is installed on the window by Playwright, not by this script.
      const call = (method: string, request: unknown): Promise<unknown> =>
        (window as unknown as Record<string, (method: string, request: unknown) => Promise<unknown>>)[binding]!(method, request)
      const desktop = Object.fromEntries(methods.map((method) => [method, (request?: unknown) => call(method, request === undefined ? null : request)]))
      Object.defineProperty(window, 'desktop', { value: Object.freeze(desktop), configurable: false })
    },
    { binding: BINDING, methods: TEAM_METHODS }
  )
  return async () => {
    await server?.close()
    server = undefined
  }
}
