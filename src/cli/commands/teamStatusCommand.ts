import type { CliIo } from '../cliIo'
import { serverLabel, type TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

/** `precedent team status --server URL`: who is connected with which role, and where the server stands. */
export async function teamStatusCommand(io: CliIo, access: TeamAccess, url: string): Promise<void> {
  const status = await withTeamSession(access, url, (session) => session.status())
  io.out(
    [
      `server: ${serverLabel(url)}`,
      `user: ${status.user}`,
      `role: ${status.role}`,
      `schema version: ${status.schemaVersion}`,
      `head sequence: ${status.headSeq}`,
      `records: ${status.records}`,
      `open conflicts: ${status.openConflicts}`
    ].join('\n')
  )
}
