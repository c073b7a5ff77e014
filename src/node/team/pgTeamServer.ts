import pg from 'pg'
import { z } from '../../shared/lib/zod'
import {
  conflictsRequestSchema,
  currentRecordsPageSchema,
  currentRecordsRequestSchema,
  MAX_PUSH_CHANGES,
  pullPageSchema,
  pullRequestSchema,
  pushedChangeSchema,
  pushResultSchema,
  resolveConflictRequestSchema,
  resolveOutcomeSchema,
  saveBriefingRequestSchema,
  TeamError,
  teamBriefingSchema,
  teamConflictSchema,
  teamConnectionSchema,
  teamStatusSchema,
  type TeamConnection,
  type TeamServer
} from '../../shared/team/teamProtocol'
import { TEAM_SCHEMA_VERSION } from './migrations/teamMigrations'
import { pgClientConfig, toTeamError, type PgConnectOptions } from './pgConnection'

export { initTeamSchema } from './initTeamSchema'
export { TEAM_SCHEMA_VERSION } from './migrations/teamMigrations'
export { teamConnectionFromUrl, toTeamError, type PgConnectOptions } from './pgConnection'

/** The team's server over PostgreSQL; `close()` ends its connections. */
export interface PgTeamServer extends TeamServer {
  close(): Promise<void>
}

export interface PgTeamServerOptions extends PgConnectOptions {
  /** Connections kept open at most (default 2: one client syncs one thing at a time). */
  readonly maxConnections?: number
}

/** A request the client itself got wrong: refused before it reaches the server, naming where. */
function checkedRequest<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new TeamError('refused', `refused, nothing of it was applied: ${what} at ${issue?.path.join('.') || 'top'}: ${issue?.message ?? 'invalid'}`)
}

/** The server's answer, checked: an answer of the wrong shape is a failure, never trusted. */
function checkedAnswer<T>(schema: z.ZodType<T>, value: unknown, what: string, connection: TeamConnection): T {
  const result = schema.safeParse(value)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  throw new TeamError(
    'failed',
    `${connection.host} answered ${what} with an unexpected shape at ${issue?.path.join('.') || 'top'}: ${issue?.message ?? 'invalid'}`
  )
}

/**
 * The team's server in PostgreSQL (src/node/team/migrations): each method calls one function of
 * the `precedent` schema in one statement, so each is one transaction; every answer is checked with
 * the protocol's zod schemas and every failure is a one-line TeamError. The schema version is
 * checked once, on first use.
 */
export function openPgTeamServer(connection: TeamConnection, options: PgTeamServerOptions = {}): PgTeamServer {
  const checkedConnection = teamConnectionSchema.safeParse(connection)
  if (!checkedConnection.success) {
    const issue = checkedConnection.error.issues[0]
    throw new TeamError('failed', `the connection's ${issue?.path.join('.') || 'details'} is not usable: ${issue?.message ?? 'invalid'}`)
  }
  // allowExitOnIdle: a command line that is done exits without waiting for idle connections to time out.
  const pool = new pg.Pool({ ...pgClientConfig(connection, options), max: options.maxConnections ?? 2, idleTimeoutMillis: 30_000, allowExitOnIdle: true })
  // An idle connection the server dropped: the pool forgets it; the next request opens another.
  pool.on('error', () => undefined)
  let schemaChecked: Promise<void> | undefined

  const checkSchema = async (): Promise<void> => {
    const { rows } = await pool.query<{ version: number | null }>('SELECT max(version) AS version FROM precedent.schema_version')
    const version = rows[0]?.version ?? 0
    if (version > TEAM_SCHEMA_VERSION) {
      throw new TeamError(
        'schema-newer',
        `the team's schema is at version ${version}, newer than this Precedent knows (${TEAM_SCHEMA_VERSION}): update Precedent`
      )
    }
    if (version < TEAM_SCHEMA_VERSION) {
      throw new TeamError(
        'schema-missing',
        `the team's schema is at version ${version}, this Precedent needs ${TEAM_SCHEMA_VERSION}: run \`precedent team init\``
      )
    }
  }

  /** Calls one function of the schema and returns its jsonb answer. */
  const call = async (what: string, sql: string, params: unknown[]): Promise<unknown> => {
    try {
      schemaChecked ??= checkSchema().catch((error: unknown) => {
        schemaChecked = undefined // checked again next time: the administrator may run init meanwhile
        throw error
      })
      await schemaChecked
      const { rows } = await pool.query<{ answer: unknown }>(sql, params)
      return rows[0]?.answer
    } catch (error) {
      throw toTeamError(error, connection, what)
    }
  }

  return {
    async status() {
      return checkedAnswer(teamStatusSchema, await call('status', 'SELECT precedent.status() AS answer', []), 'status', connection)
    },
    async push(changes) {
      if (changes.length > MAX_PUSH_CHANGES) {
        throw new TeamError('refused', `refused, nothing of it was applied: a push holds at most ${MAX_PUSH_CHANGES} changes, not ${changes.length}`)
      }
      const checked = checkedRequest(z.array(pushedChangeSchema), changes, 'push')
      const answer = checkedAnswer(
        pushResultSchema,
        await call('the push', 'SELECT precedent.push($1::jsonb) AS answer', [JSON.stringify(checked)]),
        'the push',
        connection
      )
      if (answer.outcomes.length !== checked.length)
        throw new TeamError('failed', `${connection.host} answered ${checked.length} changes with ${answer.outcomes.length} outcomes`)
      return answer
    },
    async pull(request) {
      const { since, limit } = checkedRequest(pullRequestSchema, request, 'pull')
      return checkedAnswer(pullPageSchema, await call('the pull', 'SELECT precedent.pull($1, $2) AS answer', [since, limit]), 'the pull', connection)
    },
    async currentRecords(request) {
      const { after, limit } = checkedRequest(currentRecordsRequestSchema, request, 'current records')
      const answer = await call('the pull', 'SELECT precedent.current_records($1, $2, $3) AS answer', [
        after?.recordType ?? null,
        after?.recordId ?? null,
        limit
      ])
      return checkedAnswer(currentRecordsPageSchema, answer, 'current records', connection)
    },
    async conflicts(request) {
      const { includeResolved } = checkedRequest(conflictsRequestSchema, request, 'conflicts')
      return checkedAnswer(
        z.array(teamConflictSchema),
        await call('reading conflicts', 'SELECT precedent.conflict_list($1) AS answer', [includeResolved]),
        'conflicts',
        connection
      )
    },
    async resolveConflict(request) {
      const checked = checkedRequest(resolveConflictRequestSchema, request, 'resolving a conflict')
      const answer = await call('resolving a conflict', 'SELECT precedent.resolve_conflict($1::jsonb) AS answer', [JSON.stringify(checked)])
      return checkedAnswer(resolveOutcomeSchema, answer, 'resolving a conflict', connection)
    },
    async briefings() {
      return checkedAnswer(
        z.array(teamBriefingSchema),
        await call('reading briefings', 'SELECT precedent.visible_briefings() AS answer', []),
        'briefings',
        connection
      )
    },
    async saveBriefing(request) {
      const checked = checkedRequest(saveBriefingRequestSchema, request, 'saving a briefing')
      const answer = await call('saving a briefing', 'SELECT precedent.save_briefing($1::jsonb) AS answer', [JSON.stringify(checked)])
      return checkedAnswer(teamBriefingSchema, answer, 'saving a briefing', connection)
    },
    async close() {
      await pool.end()
    }
  }
}
