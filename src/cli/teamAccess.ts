import type { TeamServer } from '../shared/team/teamProtocol'

/** A connection to the team's server that the command closes when it is done. */
export interface TeamSession extends TeamServer {
  close(): Promise<void>
}

/**
 * How the team commands reach the team's PostgreSQL: the Node adapter (src/node/team) on the real
 * command line, a double in tests. `url` is a `postgres://user[:password]@host[:port]/database`
 * URL; the password may come from PGPASSWORD instead. Every method rejects with `TeamError`.
 */
export interface TeamAccess {
  /** Opens the server at `url`; nothing is sent until the first request. */
  open(url: string): TeamSession
  /** Creates or upgrades the Precedent schema in the database at `url`: the version before and after. */
  init(url: string): Promise<{ readonly from: number; readonly to: number }>
}

/** The server as it may be shown: the URL without its password (messages and logs never hold one). */
export function serverLabel(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password !== '') parsed.password = ''
    return parsed.toString()
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, '//$1@')
  }
}
