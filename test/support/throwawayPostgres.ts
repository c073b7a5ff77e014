import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, chown, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import type { TeamConnection, TeamRole } from '../../src/shared/team/teamProtocol'

// A PostgreSQL cluster of its own for one test file (issue 13): initdb in a temporary folder as the
// `postgres` user (PostgreSQL refuses to run as root), SCRAM passwords, a free port on 127.0.0.1,
// started with `pg_ctl start -w` and stopped by its process id in afterAll. Nothing depends on a
// server already running; CI installs Debian's `postgresql` (.ci/run).

const run = promisify(execFile)

export interface ThrowawayPostgres {
  readonly host: string
  readonly port: number
  /** The superuser `postgres` on the database `precedent`, with its password. */
  readonly superuser: TeamConnection
  /** Runs SQL as the superuser on the `precedent` database (or another one). */
  query<Row extends pg.QueryResultRow = pg.QueryResultRow>(sql: string, params?: unknown[], database?: string): Promise<pg.QueryResult<Row>>
  /** A login role with a password, granted the team role (none: a role that is no member of the team). */
  createAnalyst(user: string, role: TeamRole | 'none'): Promise<TeamConnection>
  /** A new empty database owned by the superuser; its connection. */
  createDatabase(name: string): Promise<TeamConnection>
  /** The server process's id (from postmaster.pid). */
  readonly pid: number
  stop(): Promise<void>
}

const SUPERUSER_PASSWORD = 'throwaway-superuser-secret'

/** Where Debian (or PATH) keeps initdb; the newest major version when several are installed. */
export function findPostgresBin(): string | undefined {
  const debianRoot = '/usr/lib/postgresql'
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((name) => existsSync(path.join(debianRoot, name, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0] !== undefined) return path.join(debianRoot, versions[0], 'bin')
  }
  for (const folder of (process.env['PATH'] ?? '').split(path.delimiter)) {
    if (folder !== '' && existsSync(path.join(folder, 'initdb')) && existsSync(path.join(folder, 'pg_ctl'))) return folder
  }
  return undefined
}

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
async function asPostgres(program: string, args: string[]): Promise<string> {
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((candidate) => existsSync(candidate))
  const quoted = [program, ...args].map((word) => `'${word.replace(/'/g, `'\\''`)}'`).join(' ')
  const [file, fileArgs] = !isRoot
    ? [program, args]
    : runuser !== undefined
      ? [runuser, ['-u', 'postgres', '--', program, ...args]]
      : ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]]
  try {
    const { stdout } = await run(file, fileArgs, { timeout: 120_000 })
    return stdout
  } catch (error) {
    const detail = error as { stderr?: string; message: string }
    throw new Error(`${path.basename(program)} failed: ${(detail.stderr ?? detail.message).trim()}`, { cause: error })
  }
}

/** Starts a cluster for one test file: call in beforeAll (allow ~30 s) and `stop()` in afterAll. */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = findPostgresBin()
  if (bin === undefined) {
    throw new Error('PostgreSQL is not installed (no initdb under /usr/lib/postgresql/*/bin or on PATH): apt-get install postgresql')
  }
  const folder = await mkdtemp(path.join(tmpdir(), 'precedent-pg-'))
  const dataDir = path.join(folder, 'data')
  const passwordFile = path.join(folder, 'superuser-password')
  await writeFile(passwordFile, `${SUPERUSER_PASSWORD}\n`, { mode: 0o600 })
  if (isRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim())
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim())
    await chown(folder, uid, gid)
    await chown(passwordFile, uid, gid)
  }
  await chmod(folder, 0o700)
  const port = await freePort()
  await asPostgres(path.join(bin, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
    '--no-instructions'
  ])
  // Speed over durability (a throwaway cluster); the socket in our folder, TCP on loopback only.
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`
  await asPostgres(path.join(bin, 'pg_ctl'), ['start', '-w', '-t', '60', '-D', dataDir, '-l', path.join(folder, 'server.log'), '-o', options])
  const pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0])

  const connectionTo = (database: string, user = 'postgres', password = SUPERUSER_PASSWORD): TeamConnection => ({
    host: '127.0.0.1',
    port,
    database,
    user,
    password
  })
  // One superuser connection per database, kept until stop(): SCRAM makes every new connection cost.
  const clients = new Map<string, Promise<pg.Client>>()
  const clientFor = (database: string): Promise<pg.Client> => {
    let client = clients.get(database)
    if (client === undefined) {
      const opened = new pg.Client(connectionTo(database))
      opened.on('error', () => undefined)
      client = opened.connect().then(() => opened)
      clients.set(database, client)
    }
    return client
  }
  const query = async <Row extends pg.QueryResultRow>(sql: string, params: unknown[] = [], database = 'precedent'): Promise<pg.QueryResult<Row>> =>
    await (await clientFor(database)).query<Row>(sql, params)
  await query('CREATE DATABASE precedent', [], 'postgres')

  let stopped = false
  // Should the test process end without afterAll (a crash), the server does not outlive it.
  const stopOnExit = (): void => {
    try {
      process.kill(pid, 'SIGQUIT')
    } catch {
      // already gone
    }
  }
  process.once('exit', stopOnExit)
  return {
    host: '127.0.0.1',
    port,
    pid,
    superuser: connectionTo('precedent'),
    query,
    async createAnalyst(user, role) {
      const password = `${user}-secret`
      await query(`CREATE ROLE ${pg.escapeIdentifier(user)} LOGIN PASSWORD ${pg.escapeLiteral(password)}`)
      if (role !== 'none') await query(`GRANT precedent_${role} TO ${pg.escapeIdentifier(user)}`)
      return connectionTo('precedent', user, password)
    },
    async createDatabase(name) {
      await query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
      return connectionTo(name)
    },
    async stop() {
      if (stopped) return
      stopped = true
      process.removeListener('exit', stopOnExit)
      await Promise.all([...clients.values()].map(async (client) => (await client.catch(() => undefined))?.end().catch(() => undefined)))
      try {
        await asPostgres(path.join(bin, 'pg_ctl'), ['stop', '-m', 'immediate', '-w', '-D', dataDir])
      } catch {
        // pg_ctl could not stop it: end the server by its own process id.
        try {
          process.kill(pid, 'SIGQUIT')
        } catch {
          // already gone
        }
      }
      await rm(folder, { recursive: true, force: true })
    }
  }
}
