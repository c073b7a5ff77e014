import { readFile, rm } from 'node:fs/promises'
import { z } from '../../shared/lib/zod'
import type { KeptTeamConnection } from '../../shared/ipc/contract'
import { teamConnectionSchema, TeamError, type TeamConnection, type TeamServer, type TeamStatus } from '../../shared/team/teamProtocol'
import { ShownIpcError } from '../ipc/shownIpcError'
import { writeFileAtomically } from '../../node/writeFileAtomically'

/** A team server main opened and must close when the connection changes. */
export interface ClosableTeamServer extends TeamServer {
  close(): Promise<void>
}

/** The part of Electron's `safeStorage` the store uses (the operating system's keychain or keyring). */
export interface PasswordVault {
  isEncryptionAvailable(): boolean
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export interface TeamConnectionStoreOptions {
  /** Where the connection is kept: a file under the user-data folder, outside the browser profile. */
  readonly filePath: () => string
  readonly vault: PasswordVault
  /** Opens the PostgreSQL adapter (`openPgTeamServer`) on a connection; it connects when first asked. */
  readonly openServer: (connection: TeamConnection) => ClosableTeamServer
}

const KEPT_CONNECTION_FORMAT = 'precedent-team-connection'

/** The kept file: where the server is, and the password only as the vault encrypted it (base64). */
const keptFileSchema = z.strictObject({
  format: z.literal(KEPT_CONNECTION_FORMAT),
  version: z.literal(1),
  connection: teamConnectionSchema.omit({ password: true }),
  encryptedPassword: z.base64().optional()
})

/** Why a password is not kept when the system offers no encryption; said to the person as it is. */
export const NO_SAFE_STORAGE_MESSAGE =
  'Precedent will not keep the password: this system offers no encrypted storage for it (on Linux, start a keyring such as GNOME Keyring or KWallet), so nothing was kept.'

/**
 * The one connection to the team's server main keeps (issue 13). Connecting checks the details by
 * reading the server's status, then keeps them in a file written atomically, the password
 * encrypted with Electron's `safeStorage` (never written in plain text, and refused when the
 * system cannot encrypt). The password never leaves main: callers get the status, or the
 * connection without it. Errors from the server keep their `TeamError` code; the password is
 * blotted out of their messages in case a driver echoes it.
 */
export class TeamConnectionStore {
  private server: ClosableTeamServer | undefined
  private password: string | undefined
  private keptConnection: KeptTeamConnection | undefined
  private loaded = false
  /** Connect, disconnect and the first load run one at a time, so two connects never cross. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly options: TeamConnectionStoreOptions) {}

  /** Checks `connection` by reading the server's status, keeps it, and makes it the one in use. */
  connect(connection: TeamConnection): Promise<TeamStatus> {
    return this.serially(async () => {
      const { password } = connection
      const hasPassword = password !== undefined && password !== ''
      if (hasPassword && !this.options.vault.isEncryptionAvailable()) throw new ShownIpcError('failed', NO_SAFE_STORAGE_MESSAGE)
      const candidate = this.options.openServer(connection)
      let status: TeamStatus
      try {
        status = await candidate.status()
      } catch (error) {
        await candidate.close().catch(() => undefined)
        throw blotted(error, password)
      }
      try {
        await this.keep(connection, hasPassword ? password : undefined)
      } catch (error) {
        await candidate.close().catch(() => undefined)
        throw error
      }
      await this.server?.close().catch(() => undefined)
      this.server = candidate
      this.password = password
      this.loaded = true
      return status
    })
  }

  /** Closes the connection and forgets it and its password; `false` when none was kept. */
  disconnect(): Promise<{ disconnected: boolean }> {
    return this.serially(async () => {
      await this.load()
      const had = this.server !== undefined
      await this.server?.close().catch(() => undefined)
      this.server = undefined
      this.password = undefined
      this.keptConnection = undefined
      await rm(this.options.filePath(), { force: true })
      return { disconnected: had }
    })
  }

  /** The kept connection without its password, or null. */
  async connection(): Promise<KeptTeamConnection | null> {
    await this.serially(() => this.load())
    return this.keptConnection ?? null
  }

  /** Runs `request` on the kept connection's server; `not-connected` when none is kept. */
  async use<T>(request: (server: TeamServer) => Promise<T>): Promise<T> {
    await this.serially(() => this.load())
    const server = this.server
    if (server === undefined) throw new ShownIpcError('not-connected', 'Not connected to a team server: connect on the Team page.')
    try {
      return await request(server)
    } catch (error) {
      throw blotted(error, this.password)
    }
  }

  /** Closes the connection without forgetting it (the app is quitting). */
  async close(): Promise<void> {
    await this.server?.close().catch(() => undefined)
    this.server = undefined
    this.loaded = false
  }

  private async keep(connection: TeamConnection, password: string | undefined): Promise<void> {
    const { host, port, database, user } = connection
    const encryptedPassword = password === undefined ? undefined : this.options.vault.encryptString(password).toString('base64')
    const file = { format: KEPT_CONNECTION_FORMAT, version: 1, connection: { host, port, database, user }, encryptedPassword }
    await writeFileAtomically(this.options.filePath(), `${JSON.stringify(file, null, 2)}\n`)
    this.keptConnection = { host, port, database, user }
  }

  /** Reads the kept file once; a missing, unreadable or undecryptable one counts as none kept. */
  private async load(): Promise<void> {
    if (this.loaded) return
    this.loaded = true
    let text: string
    try {
      text = await readFile(this.options.filePath(), 'utf8')
    } catch {
      return
    }
    try {
      const kept = keptFileSchema.parse(JSON.parse(text))
      const password = kept.encryptedPassword === undefined ? undefined : this.options.vault.decryptString(Buffer.from(kept.encryptedPassword, 'base64'))
      this.keptConnection = kept.connection
      this.password = password
      this.server = this.options.openServer({ ...kept.connection, ...(password === undefined ? {} : { password }) })
    } catch (error) {
      console.warn('[team] the kept team connection could not be read; connect again on the Team page', error instanceof Error ? error.message : error)
    }
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work)
    this.queue = run.catch(() => undefined)
    return run
  }
}

/** The same error with the password replaced wherever its message repeats it. */
function blotted(error: unknown, password: string | undefined): unknown {
  if (password === undefined || password === '' || !(error instanceof Error) || !error.message.includes(password)) return error
  const message = error.message.split(password).join('•••')
  return error instanceof TeamError ? new TeamError(error.code, message) : new Error(message)
}
