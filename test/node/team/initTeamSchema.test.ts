import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TeamError } from '../../../src/shared/team/teamProtocol'
import { initTeamSchema, openPgTeamServer, TEAM_SCHEMA_VERSION } from '../../../src/node/team/pgTeamServer'
import { recordRules } from '../../../src/node/team/recordRules'
import { catchError } from '../../support/catchError'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../support/throwawayPostgres'

let server: ThrowawayPostgres

beforeAll(async () => {
  server = await startThrowawayPostgres()
}, 120_000)

afterAll(async () => {
  await server?.stop()
})

describe('initTeamSchema', () => {
  it('creates the schema on an empty database, then changes nothing when run again', async () => {
    expect(await initTeamSchema(server.superuser)).toEqual({ from: 0, to: TEAM_SCHEMA_VERSION })
    const before = await server.query('SELECT version, applied_at FROM precedent.schema_version ORDER BY version')
    const rulesBefore = await server.query('SELECT record_type, updated_at FROM precedent.record_rules ORDER BY record_type')

    expect(await initTeamSchema(server.superuser)).toEqual({ from: TEAM_SCHEMA_VERSION, to: TEAM_SCHEMA_VERSION })

    expect((await server.query('SELECT version, applied_at FROM precedent.schema_version ORDER BY version')).rows).toEqual(before.rows)
    expect((await server.query('SELECT record_type, updated_at FROM precedent.record_rules ORDER BY record_type')).rows).toEqual(rulesBefore.rows)
    expect(before.rows.map((row) => row['version'])).toEqual([1])
  })

  it('creates the three group roles without login', async () => {
    const { rows } = await server.query(
      "SELECT rolname, rolcanlogin FROM pg_roles WHERE rolname IN ('precedent_reader', 'precedent_editor', 'precedent_admin') ORDER BY rolname"
    )
    expect(rows).toEqual([
      { rolname: 'precedent_admin', rolcanlogin: false },
      { rolname: 'precedent_editor', rolcanlogin: false },
      { rolname: 'precedent_reader', rolcanlogin: false }
    ])
  })

  it('stores exactly the rules the shared record schemas give now', async () => {
    const { rows } = await server.query<{ record_type: string; rules: unknown }>('SELECT record_type, rules FROM precedent.record_rules ORDER BY record_type')
    const stored = Object.fromEntries(rows.map((row) => [row.record_type, row.rules]))
    expect(stored).toEqual(recordRules())
    expect(Object.keys(stored).sort()).toEqual(['briefing', 'incident', 'jurisdiction', 'law', 'organisation', 'response', 'source'])
  })

  it('runs concurrent inits of a fresh database one after the other, applying each migration once', async () => {
    const fresh = await server.createDatabase('concurrent_init')

    const results = await Promise.all([initTeamSchema(fresh), initTeamSchema(fresh), initTeamSchema(fresh)])

    expect(results.map((result) => result.from).sort()).toEqual([0, TEAM_SCHEMA_VERSION, TEAM_SCHEMA_VERSION])
    const { rows } = await server.query('SELECT count(*)::int AS applied FROM precedent.schema_version', [], 'concurrent_init')
    expect(rows[0]!['applied']).toBe(TEAM_SCHEMA_VERSION)
  })

  it('refuses a schema newer than this code, both at init and when opening the server', async () => {
    const newer = await server.createDatabase('newer_schema')
    await initTeamSchema(newer)
    await server.query("INSERT INTO precedent.schema_version (version, name) VALUES ($1, 'from the future')", [TEAM_SCHEMA_VERSION + 1], 'newer_schema')

    const atInit = await catchError(initTeamSchema(newer))
    const team = openPgTeamServer(newer)
    const atUse = await catchError(team.status())
    await team.close()

    expect(atInit).toBeInstanceOf(TeamError)
    expect(atInit).toMatchObject({ code: 'schema-newer' })
    expect(atUse).toMatchObject({ code: 'schema-newer' })
    expect((atUse as Error).message).toContain(`version ${TEAM_SCHEMA_VERSION + 1}`)
  })

  it('says to run init when the database has no schema', async () => {
    const empty = await server.createDatabase('no_schema')
    const team = openPgTeamServer(empty)

    const error = await catchError(team.pull({ since: 0, limit: 10 }))
    await team.close()

    expect(error).toMatchObject({ code: 'schema-missing' })
    expect((error as Error).message).toContain('precedent team init')
  })
})
