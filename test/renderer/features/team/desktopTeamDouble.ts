import { vi } from 'vitest'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import type { DesktopTeam } from '@renderer/desktop/teamBridge'
import type { KeptTeamConnection } from '@shared/ipc/contract'
import type { TeamServer } from '@shared/team/teamProtocol'

/** The desktop bridge's team side over any TeamServer (the in-memory team in these tests), with main's kept connection faked. */
export function desktopTeamOver(server: TeamServer, kept: KeptTeamConnection | null = null) {
  let connection = kept
  return {
    status: () => server.status(),
    push: (changes) => server.push(changes),
    pull: (request) => server.pull(request),
    currentRecords: (request) => server.currentRecords(request),
    conflicts: (request) => server.conflicts(request),
    resolveConflict: vi.fn((request: Parameters<TeamServer['resolveConflict']>[0]) => server.resolveConflict(request)),
    briefings: () => server.briefings(),
    saveBriefing: (request) => server.saveBriefing(request),
    connect: vi.fn(async (details: Parameters<DesktopTeam['connect']>[0]) => {
      const status = await server.status()
      connection = { host: details.host, port: details.port, database: details.database, user: details.user }
      return status
    }),
    disconnect: vi.fn(async () => {
      connection = null
    }),
    keptConnection: async () => connection
  } satisfies DesktopTeam
}

/** Makes the app's desktop client offer `team` (undefined: web mode), as the preload or the e2e harness would. */
export function givenDesktopTeam(team: DesktopTeam | undefined): void {
  Object.defineProperty(getDesktopClient(), 'team', { value: team, configurable: true, writable: true })
}

export const KEPT: KeptTeamConnection = { host: 'localhost', port: 5432, database: 'precedent', user: 'bob' }
