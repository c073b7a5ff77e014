import type { TeamAccess, TeamSession } from '../teamAccess'

/** Opens the team's server for one command and closes the connection however the command ends. */
export async function withTeamSession<T>(access: TeamAccess, url: string, use: (session: TeamSession) => Promise<T>): Promise<T> {
  const session = access.open(url)
  try {
    return await use(session)
  } finally {
    // A close that fails after the work is done must not hide the work's own outcome or error.
    await session.close().catch(() => undefined)
  }
}
