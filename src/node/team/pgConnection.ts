import { isIP } from 'node:net'
import type { ConnectionOptions } from 'node:tls'
import type pg from 'pg'
import { isLocalHost, TeamError, teamConnectionSchema, type TeamConnection } from '../../shared/team/teamProtocol'

/** How the adapter reaches the server, beyond the connection itself. */
export interface PgConnectOptions {
  /** Give up connecting after this long (default 10 s): an unreachable server says so promptly. */
  readonly connectTimeoutMs?: number
  /** Certificates of the authority that signed the server's (PEM), when not one Node already trusts. */
  readonly ca?: string
  /** Shown in pg_stat_activity. */
  readonly applicationName?: string
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000

/**
 * A `postgres://user:password@host:port/database` URL as a connection. The password comes from the
 * URL or, when the URL has none, from the PGPASSWORD environment variable (so it need not be typed
 * on a command line other users can see).
 */
export function teamConnectionFromUrl(url: string, environment: NodeJS.ProcessEnv = process.env): TeamConnection {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    throw new TeamError('failed', `not a server URL: ${url.replace(/:[^:@/]*@/, ':***@')} (expected postgres://user@host:5432/database)`)
  }
  const shown = `${parsed.protocol}//${parsed.username === '' ? '' : `${decodeURIComponent(parsed.username)}@`}${parsed.host}${parsed.pathname}`
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new TeamError('failed', `not a PostgreSQL URL: ${shown} (expected postgres://user@host:5432/database)`)
  }
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''))
  const user = decodeURIComponent(parsed.username)
  if (parsed.hostname === '' || database === '' || user === '') {
    throw new TeamError('failed', `the server URL needs a user, a host and a database: ${shown} (postgres://user@host:5432/database)`)
  }
  const password = parsed.password !== '' ? decodeURIComponent(parsed.password) : environment['PGPASSWORD']
  const candidate = {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 5432 : Number(parsed.port),
    database,
    user,
    ...(password !== undefined && password !== '' ? { password } : {})
  }
  const checked = teamConnectionSchema.safeParse(candidate)
  if (!checked.success)
    throw new TeamError('failed', `the server URL is not usable: ${shown} (${checked.error.issues[0]?.path.join('.') ?? 'value'} is out of range)`)
  return checked.data
}

/**
 * node-postgres settings for a connection: TLS with the certificate and host name verified
 * (`sslmode=verify-full`) unless the host is this machine.
 */
export function pgClientConfig(connection: TeamConnection, options: PgConnectOptions = {}): pg.ClientConfig {
  const ssl: ConnectionOptions | false = isLocalHost(connection.host)
    ? false
    : {
        rejectUnauthorized: true,
        // The name the certificate must carry; for an address, Node checks the address itself (TLS allows no address as server name).
        ...(isIP(connection.host) === 0 ? { servername: connection.host } : {}),
        ...(options.ca !== undefined ? { ca: options.ca } : {})
      }
  return {
    host: connection.host,
    port: connection.port,
    database: connection.database,
    user: connection.user,
    // Without a password a SCRAM server refuses, which reads as bad credentials below.
    password: connection.password ?? '',
    ssl,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    keepAlive: true,
    application_name: options.applicationName ?? 'precedent'
  }
}

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET', 'EPIPE'])
const TLS_CODES = /^(ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_|CERT_|ERR_OSSL)/

/** The first line of a message, trimmed: every TeamError is one line. */
const oneLine = (text: string): string => text.split('\n')[0]!.trim()

/**
 * Any failure of a request to the team's server as a TeamError with a one-line message a person can
 * act on. `during` names what was being done ("push"), for the lost-connection case.
 */
export function toTeamError(error: unknown, connection: TeamConnection, during = 'the request'): TeamError {
  if (error instanceof TeamError) return error
  const where = `${connection.host}:${connection.port}`
  const detail = error as { code?: unknown; message?: unknown } | null
  const code = typeof detail?.code === 'string' ? detail.code : ''
  const message = typeof detail?.message === 'string' ? oneLine(detail.message) : String(error)
  if (code === '28P01' || /SASL|client password must be a string/i.test(message)) {
    return new TeamError('bad-credentials', `the server refused the user name or password for ${connection.user} at ${where}`)
  }
  if (code === '28000') return new TeamError('bad-credentials', `the server refused ${connection.user} at ${where}: ${message}`)
  if (code === '42501') {
    if (message.startsWith('permission denied: ')) return new TeamError('permission-denied', message)
    return new TeamError(
      'permission-denied',
      `permission denied: ${connection.user} is not a member of the team (the administrator grants precedent_reader or precedent_editor)`
    )
  }
  if (code === 'PT422') {
    // The whole reason, on one line (it may quote a pushed value that holds line breaks).
    const reason = typeof detail?.message === 'string' ? detail.message.replace(/\s+/g, ' ').trim() : message
    return new TeamError('refused', `refused, nothing of it was applied: ${reason}`)
  }
  if (code === '3F000' || code === '42P01' || code === '42883') {
    return new TeamError('schema-missing', `the database ${connection.database} at ${where} has no Precedent schema: run \`precedent team init\``)
  }
  if (code === '3D000') return new TeamError('failed', `the database ${connection.database} does not exist at ${where}`)
  if (TLS_CODES.test(code) || /does not support SSL|certificate|self[- ]signed|Hostname\/IP does not match|\bTLS\b|\bSSL\b/i.test(message)) {
    return new TeamError('tls', `cannot set up a verified TLS connection to ${where}: ${message}`)
  }
  if (UNREACHABLE_CODES.has(code) || /timeout|timed out/i.test(message)) {
    return new TeamError('unreachable', `cannot connect to ${where}`)
  }
  if (code === '57P01' || code === '57P02' || code === '57P03' || /Connection terminated|connection.*(lost|closed|ended)/i.test(message)) {
    return new TeamError('unreachable', `the connection to ${where} was lost during ${during}; it is safe to try again`)
  }
  return new TeamError('failed', `${connection.host}: ${message}`)
}
