import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anOrganisation } from '../../builders/domain'
import type { TeamConnection } from '../../../src/shared/team/teamProtocol'
import { initTeamSchema, openPgTeamServer, type PgTeamServer } from '../../../src/node/team/pgTeamServer'
import { catchError } from '../../support/catchError'
import { aPushedRevision } from '../../support/teamServerContract'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../support/throwawayPostgres'

// Roles and row-level security, against real PostgreSQL: what each analyst may do is decided by
// the server, so these also go around the adapter and call the schema's functions and tables directly.
let server: ThrowawayPostgres
const connections: Record<string, TeamConnection> = {}
const teams: Record<string, PgTeamServer> = {}
const NEW = { revision: 0, exists: false }

/** Runs SQL as an analyst on a connection of its own, outside the adapter. */
async function asAnalyst(user: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client(connections[user]!)
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

beforeAll(async () => {
  server = await startThrowawayPostgres()
  await initTeamSchema(server.superuser)
  for (const [user, role] of [
    ['alice', 'editor'],
    ['bob', 'editor'],
    ['carol', 'reader'],
    ['dana', 'admin'],
    ['erin', 'editor'],
    ['mallory', 'none']
  ] as const) {
    connections[user] = await server.createAnalyst(user, role)
    teams[user] = openPgTeamServer(connections[user])
  }
}, 120_000)

afterAll(async () => {
  await Promise.all(Object.values(teams).map((team) => team.close()))
  await server?.stop()
})

describe('team roles in PostgreSQL', () => {
  it('a reader cannot push, through the adapter or by calling the function itself', async () => {
    const viaAdapter = await catchError(teams['carol']!.push([aPushedRevision('organisation', anOrganisation(), NEW)]))
    const direct = await catchError(
      asAnalyst('carol', 'SELECT precedent.push($1::jsonb)', [JSON.stringify([aPushedRevision('organisation', anOrganisation(), NEW)])])
    )

    expect(viaAdapter).toMatchObject({ code: 'permission-denied', message: 'permission denied: carol is a reader' })
    expect(direct).toMatchObject({ code: '42501', message: 'permission denied: carol is a reader' })
  })

  it('the author is always the login role: a payload naming another is refused, and what is accepted is logged as its pusher', async () => {
    const organisation = anOrganisation()
    const forged = { ...aPushedRevision('organisation', organisation, NEW), author: 'alice' }

    const viaAdapter = await catchError(teams['bob']!.push([forged]))
    const direct = await catchError(asAnalyst('bob', 'SELECT precedent.push($1::jsonb)', [JSON.stringify([forged])]))
    await asAnalyst('bob', 'SELECT precedent.push($1::jsonb)', [JSON.stringify([aPushedRevision('organisation', organisation, NEW)])])

    expect(viaAdapter).toMatchObject({ code: 'refused' })
    expect(direct).toMatchObject({ code: 'PT422' })
    expect((direct as Error).message).toContain("unknown field 'author'")
    const { rows } = await server.query('SELECT author FROM precedent.changes WHERE record_id = $1', [organisation.id])
    expect(rows).toEqual([{ author: 'bob' }])
  })

  it('an editor or an administrator cannot call the functions that take an author, nor write any table directly', async () => {
    const change = aPushedRevision('organisation', anOrganisation(), NEW)
    const attempts = [
      ['SELECT precedent.accept_revision($1::jsonb, 1, $2, NULL)', [JSON.stringify(change), 'alice']],
      ['SELECT precedent.push_revision($1::jsonb, $2)', [JSON.stringify(change), 'alice']],
      [
        "INSERT INTO precedent.changes (kind, revision_id, record_type, record_id, revision, action, changes, author, client_at) VALUES ('revision', 'r-x', 'organisation', 'org-x', 1, 'create', '[]', 'alice', now())",
        []
      ],
      ["UPDATE precedent.records SET author = 'alice'", []],
      ["INSERT INTO precedent.briefings (briefing_id, owner, shared, body) VALUES ('b-x', 'alice', true, '{}')", []],
      ['UPDATE precedent.conflicts SET resolved_at = now()', []],
      ['DELETE FROM precedent.schema_version', []]
    ] as const

    const errors = await Promise.all(['bob', 'dana'].flatMap((user) => attempts.map(([sql, params]) => catchError(asAnalyst(user, sql, [...params])))))

    expect(errors).toHaveLength(14)
    for (const error of errors) expect(error).toMatchObject({ code: '42501' })
    expect((await server.query("SELECT count(*)::int AS n FROM precedent.changes WHERE author = 'alice'")).rows[0]!['n']).toBe(0)
  })

  it('an editor cannot change the schema, the roles or the history', async () => {
    const attempts = [
      'CREATE TABLE precedent.extra (id int)',
      'ALTER TABLE precedent.changes DISABLE ROW LEVEL SECURITY',
      'DROP FUNCTION precedent.push(jsonb)',
      'GRANT precedent_admin TO bob',
      'DELETE FROM precedent.changes',
      "UPDATE precedent.record_rules SET rules = '{}'",
      'TRUNCATE precedent.conflicts'
    ]

    const errors = await Promise.all(attempts.map((sql) => catchError(asAnalyst('bob', sql))))

    expect(errors.map((error) => (error as { code?: string }).code)).toEqual(attempts.map(() => '42501'))
    expect((await server.query("SELECT pg_has_role('bob', 'precedent_admin', 'MEMBER') AS admin")).rows[0]!['admin']).toBe(false)
  })

  it('every table has row-level security', async () => {
    const { rows } = await server.query<{ relname: string; relrowsecurity: boolean }>(
      "SELECT c.relname, c.relrowsecurity FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'precedent' AND c.relkind = 'r' ORDER BY 1"
    )

    expect(rows.length).toBe(7)
    for (const row of rows) expect(row.relrowsecurity, row.relname).toBe(true)
  })

  it('a reader sees shared briefings and never another analyst’s private ones, even reading the table', async () => {
    const base = {
      subtitle: '',
      asOf: '2026-03-01',
      sections: ['summary'],
      includeTimelineImage: true,
      items: [],
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      revision: 1
    }
    await teams['alice']!.saveBriefing({ briefing: { ...base, id: 'alice-private', title: 'Private' } as never, shared: false })
    await teams['alice']!.saveBriefing({ briefing: { ...base, id: 'alice-shared', title: 'Shared' } as never, shared: true })

    const viaAdapter = await teams['carol']!.briefings()
    const { rows } = await asAnalyst('carol', 'SELECT briefing_id FROM precedent.briefings ORDER BY briefing_id')
    const bobOverwrites = await catchError(teams['bob']!.saveBriefing({ briefing: { ...base, id: 'alice-private', title: 'Mine now' } as never, shared: true }))

    expect(viaAdapter.map((entry) => entry.briefing.id)).toEqual(['alice-shared'])
    expect(rows).toEqual([{ briefing_id: 'alice-shared' }])
    expect(bobOverwrites).toMatchObject({ code: 'permission-denied' })
    expect((await teams['alice']!.briefings()).map((entry) => entry.briefing.title).sort()).toEqual(['Private', 'Shared'])
  })

  it('a login role that is no member of the team can do nothing', async () => {
    const mallory = teams['mallory']!

    const attempts = await Promise.all([
      catchError(mallory.status()),
      catchError(mallory.pull({ since: 0, limit: 10 })),
      catchError(mallory.push([aPushedRevision('organisation', anOrganisation(), NEW)])),
      catchError(mallory.briefings()),
      catchError(asAnalyst('mallory', 'SELECT * FROM precedent.records'))
    ])

    for (const error of attempts.slice(0, 4)) {
      expect(error).toMatchObject({ code: 'permission-denied' })
      expect((error as Error).message).toBe(
        'permission denied: mallory is not a member of the team (the administrator grants precedent_reader or precedent_editor)'
      )
    }
    expect(attempts[4]).toMatchObject({ code: '42501' })
  })

  it('only those whose changes conflict, or an administrator, resolve a conflict', async () => {
    const organisation = anOrganisation()
    await teams['alice']!.push([aPushedRevision('organisation', organisation, NEW)])
    await teams['alice']!.push([aPushedRevision('organisation', { ...organisation, name: 'Alice', revision: 2 }, { revision: 1, exists: true })])
    const result = await teams['bob']!.push([aPushedRevision('organisation', { ...organisation, name: 'Bob', revision: 2 }, { revision: 1, exists: true })])
    const conflictId = result.outcomes[0]!.outcome === 'conflict' ? result.outcomes[0]!.conflictId : ''

    const byStranger = await catchError(teams['erin']!.resolveConflict({ conflictId }))
    const byReader = await catchError(teams['carol']!.resolveConflict({ conflictId }))
    const byAdmin = await teams['dana']!.resolveConflict({ conflictId })

    expect(byStranger).toMatchObject({ code: 'permission-denied' })
    expect(byReader).toMatchObject({ code: 'permission-denied', message: 'permission denied: carol is a reader' })
    expect(byAdmin).toEqual({ outcome: 'resolved' })
  })

  it('every SECURITY DEFINER function has a fixed search_path and nothing is executable by PUBLIC', async () => {
    const { rows } = await server.query<{ name: string; config: string[] | null; public_can: boolean }>(
      `SELECT p.proname AS name, p.proconfig AS config, has_function_privilege('public', p.oid, 'EXECUTE') AS public_can
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'precedent'`
    )
    const definers = await server.query<{ name: string }>(
      "SELECT p.proname AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'precedent' AND p.prosecdef ORDER BY 1"
    )

    expect(definers.rows.map((row) => row.name)).toEqual(['push', 'resolve_conflict', 'save_briefing'])
    for (const row of rows) {
      expect(row.config, row.name).toContain('search_path=pg_catalog, pg_temp')
      expect(row.public_can, row.name).toBe(false)
    }
  })

  it('a wrong password is bad credentials, in one line', async () => {
    const team = openPgTeamServer({ ...connections['alice']!, password: 'not-her-password' })

    const error = await catchError(team.status())
    await team.close()

    expect(error).toMatchObject({ code: 'bad-credentials' })
    expect((error as Error).message).toBe(`the server refused the user name or password for alice at 127.0.0.1:${server.port}`)
  })
})
