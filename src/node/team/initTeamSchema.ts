import pg from 'pg'
import { TeamError, type TeamConnection } from '../../shared/team/teamProtocol'
import { TEAM_MIGRATIONS, TEAM_SCHEMA_VERSION } from './migrations/teamMigrations'
import { pgClientConfig, toTeamError, type PgConnectOptions } from './pgConnection'
import { recordRules } from './recordRules'

/** Held for the whole of an init: two inits of one database run one after the other, never interleaved. */
const INIT_LOCK_KEY = 7301946612

/**
 * Creates or upgrades the team's schema in the database (`precedent team init`): the migrations
 * not yet applied, then the record rules derived from this version's record schemas, in one
 * transaction under an advisory lock. Running it again changes nothing. Needs a role that may
 * create schemas in the database and create roles (the database owner with CREATEROLE, or a
 * superuser). `schema-newer` when the database was set up by a newer Precedent.
 */
export async function initTeamSchema(connection: TeamConnection, options: PgConnectOptions = {}): Promise<{ from: number; to: number }> {
  const client = new pg.Client(pgClientConfig(connection, options))
  client.on('error', () => undefined) // a dropped connection rejects the pending query; nothing else to do
  try {
    await client.connect()
  } catch (error) {
    throw toTeamError(error, connection, 'init')
  }
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [INIT_LOCK_KEY])
    await client.query(`
      CREATE SCHEMA IF NOT EXISTS precedent;
      CREATE TABLE IF NOT EXISTS precedent.schema_version (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now(),
        applied_by text NOT NULL DEFAULT session_user
      )`)
    const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM precedent.schema_version')
    const from = rows[0]?.version ?? 0
    if (from > TEAM_SCHEMA_VERSION) {
      throw new TeamError('schema-newer', `the team's schema is at version ${from}, newer than this Precedent knows (${TEAM_SCHEMA_VERSION}): update Precedent`)
    }
    for (const migration of TEAM_MIGRATIONS) {
      if (migration.version <= from) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO precedent.schema_version (version, name) VALUES ($1, $2)', [migration.version, migration.name])
    }
    // Only rules that differ are written: a second init leaves every row as it was.
    for (const [recordType, rules] of Object.entries(recordRules())) {
      await client.query(
        `INSERT INTO precedent.record_rules AS r (record_type, rules) VALUES ($1, $2::jsonb)
         ON CONFLICT (record_type) DO UPDATE SET rules = EXCLUDED.rules, updated_at = now() WHERE r.rules IS DISTINCT FROM EXCLUDED.rules`,
        [recordType, JSON.stringify(rules)]
      )
    }
    await client.query('COMMIT')
    return { from, to: Math.max(from, TEAM_SCHEMA_VERSION) }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw toTeamError(error, connection, 'init')
  } finally {
    await client.end().catch(() => undefined)
  }
}
