import { readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import path from 'node:path'
import { TLSSocket } from 'node:tls'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { TeamError } from '../../../src/shared/team/teamProtocol'
import { openPgTeamServer, teamConnectionFromUrl, toTeamError } from '../../../src/node/team/pgTeamServer'
import { pgClientConfig } from '../../../src/node/team/pgConnection'
import { catchError } from '../../support/catchError'

// The adapter's connection handling without a PostgreSQL server: URLs, TLS settings, and the
// one-line errors for servers that cannot be reached or cannot be trusted (fake TCP servers).

const servers: Server[] = []
const sockets: Socket[] = []
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy()
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** A TCP server on a free loopback port doing `onConnection` with each client; its port. */
async function fakeServer(onConnection: (socket: Socket) => void): Promise<number> {
  const server = createServer((socket) => {
    sockets.push(socket)
    onConnection(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return (server.address() as { port: number }).port
}

const REMOTE = { host: 'db.example.org', port: 5432, database: 'team', user: 'alice', password: 'secret' }

describe('teamConnectionFromUrl', () => {
  it('reads user, password, host, port and database, decoding escapes', () => {
    expect(teamConnectionFromUrl('postgres://ana%20b:p%40ss@db.example.org:6543/team%2Dkb', {})).toEqual({
      host: 'db.example.org',
      port: 6543,
      database: 'team-kb',
      user: 'ana b',
      password: 'p@ss'
    })
  })

  it('takes the password from PGPASSWORD when the URL has none, and defaults the port to 5432', () => {
    expect(teamConnectionFromUrl('postgresql://alice@[::1]/team', { PGPASSWORD: 'from-env' })).toEqual({
      host: '::1',
      port: 5432,
      database: 'team',
      user: 'alice',
      password: 'from-env'
    })
    expect(teamConnectionFromUrl('postgres://alice@localhost/team', {})).toEqual({ host: 'localhost', port: 5432, database: 'team', user: 'alice' })
  })

  it('refuses what is not a usable PostgreSQL URL in one line, without showing the password', () => {
    for (const url of ['mysql://alice:secret@db/team', 'postgres://alice:secret@db.example.org', 'postgres://db.example.org/team', 'not a url at all']) {
      const error = (() => {
        try {
          teamConnectionFromUrl(url, {})
        } catch (caught) {
          return caught
        }
        throw new Error(`accepted ${url}`)
      })()
      expect(error, url).toBeInstanceOf(TeamError)
      expect((error as Error).message, url).not.toContain('secret')
      expect((error as Error).message.split('\n'), url).toHaveLength(1)
    }
  })
})

describe('pgClientConfig', () => {
  it('requires TLS with the certificate and host name verified for a remote host (verify-full)', () => {
    expect(pgClientConfig(REMOTE).ssl).toEqual({ rejectUnauthorized: true, servername: 'db.example.org' })
    expect(pgClientConfig(REMOTE, { ca: 'PEM' }).ssl).toEqual({ rejectUnauthorized: true, servername: 'db.example.org', ca: 'PEM' })
  })

  it('uses no TLS only for this machine', () => {
    for (const host of ['localhost', '127.0.0.1', '::1', '/var/run/postgresql']) expect(pgClientConfig({ ...REMOTE, host }).ssl, host).toBe(false)
    expect(pgClientConfig({ ...REMOTE, host: '10.0.0.5' }).ssl).toEqual({ rejectUnauthorized: true })
  })

  it('sets a connect timeout', () => {
    expect(pgClientConfig(REMOTE).connectionTimeoutMillis).toBe(10_000)
    expect(pgClientConfig(REMOTE, { connectTimeoutMs: 500 }).connectionTimeoutMillis).toBe(500)
  })
})

describe('errors reaching the server', () => {
  it('a closed port is "cannot connect to host:port"', async () => {
    const port = await fakeServer((socket) => socket.destroy())
    await new Promise((resolve) => servers.pop()!.close(resolve))
    const team = openPgTeamServer({ ...REMOTE, host: '127.0.0.1', port })

    const error = await catchError(team.status())
    await team.close()

    expect(error).toMatchObject({ code: 'unreachable', message: `cannot connect to 127.0.0.1:${port}` })
  })

  it('a server that never answers is "cannot connect" after the connect timeout', async () => {
    const port = await fakeServer(() => undefined)
    const team = openPgTeamServer({ ...REMOTE, host: '127.0.0.1', port }, { connectTimeoutMs: 300 })

    const started = Date.now()
    const error = await catchError(team.pull({ since: 0, limit: 1 }))
    await team.close()

    expect(error).toMatchObject({ code: 'unreachable', message: `cannot connect to 127.0.0.1:${port}` })
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('a remote server without TLS is refused as a TLS failure', async () => {
    // Answers PostgreSQL's SSLRequest with "N": no TLS here.
    const port = await fakeServer((socket) => socket.once('data', () => socket.write('N')))
    const client = new pg.Client({ ...pgClientConfig(REMOTE, { connectTimeoutMs: 2_000 }), host: '127.0.0.1', port })

    const error = toTeamError(await catchError(client.connect()), REMOTE)

    expect(error).toMatchObject({ code: 'tls' })
    expect(error.message).toMatch(/^cannot set up a verified TLS connection to db\.example\.org:5432: /)
  })

  it('a remote server whose certificate no trusted authority signed is refused as a TLS failure', async () => {
    const fixtures = path.resolve(__dirname, '../../fixtures/tls')
    const key = readFileSync(path.join(fixtures, 'self-signed-key.pem'))
    const cert = readFileSync(path.join(fixtures, 'self-signed-cert.pem'))
    // Answers the SSLRequest with "S" and then speaks TLS with a self-signed certificate.
    const port = await fakeServer((socket) =>
      socket.once('data', () => {
        socket.write('S')
        const secure = new TLSSocket(socket, { isServer: true, key, cert })
        secure.on('error', () => undefined)
      })
    )
    const client = new pg.Client({ ...pgClientConfig(REMOTE, { connectTimeoutMs: 2_000 }), host: '127.0.0.1', port })
    client.on('error', () => undefined)

    const error = toTeamError(await catchError(client.connect()), REMOTE)

    expect(error).toMatchObject({ code: 'tls' })
    expect(error.message.split('\n')).toHaveLength(1)
  })

  it('refuses connection details out of range before connecting', () => {
    expect(() => openPgTeamServer({ ...REMOTE, port: 70_000 })).toThrow(TeamError)
    expect(() => openPgTeamServer({ ...REMOTE, host: '' })).toThrow(/host/)
  })

  it('maps server error codes to TeamError codes with one-line messages', () => {
    const cases: [object, string, string][] = [
      [
        { code: '28P01', message: 'password authentication failed for user "alice"' },
        'bad-credentials',
        'the server refused the user name or password for alice at db.example.org:5432'
      ],
      [{ code: '42501', message: 'permission denied: alice is a reader' }, 'permission-denied', 'permission denied: alice is a reader'],
      [
        { code: 'PT422', message: "incident 'inc-1': field 'status' must be one of a, b" },
        'refused',
        "refused, nothing of it was applied: incident 'inc-1': field 'status' must be one of a, b"
      ],
      [
        { code: '3F000', message: 'schema "precedent" does not exist' },
        'schema-missing',
        'the database team at db.example.org:5432 has no Precedent schema: run `precedent team init`'
      ],
      [
        { code: '57P01', message: 'terminating connection due to administrator command' },
        'unreachable',
        'the connection to db.example.org:5432 was lost during the push; it is safe to try again'
      ],
      [{ code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND db.example.org' }, 'unreachable', 'cannot connect to db.example.org:5432'],
      [{ code: 'XX000', message: 'internal error\nwith a second line' }, 'failed', 'db.example.org: internal error']
    ]
    for (const [error, code, message] of cases) expect(toTeamError(error, REMOTE, 'the push'), code).toMatchObject({ code, message })
  })
})
