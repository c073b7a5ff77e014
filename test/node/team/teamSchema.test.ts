import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RECORD_SCHEMAS } from '@shared/domain/recordSchemas'
import type { RecordType } from '@shared/domain/recordTypes'
import { knowledgeBaseWorld } from '../../builders/knowledgeBaseWorld'
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

  it('can be run by the database’s owner with CREATEROLE, and row-level security still holds for analysts', async () => {
    await server.query("CREATE ROLE kb_owner LOGIN CREATEROLE PASSWORD 'owner-secret'")
    await server.query('CREATE DATABASE owned_kb OWNER kb_owner')
    const owner = { ...server.superuser, database: 'owned_kb', user: 'kb_owner', password: 'owner-secret' }
    const olga = { ...(await server.createAnalyst('olga', 'editor')), database: 'owned_kb' }
    const pavel = { ...(await server.createAnalyst('pavel', 'editor')), database: 'owned_kb' }

    expect(await initTeamSchema(owner)).toEqual({ from: 0, to: TEAM_SCHEMA_VERSION })
    const asOlga = openPgTeamServer(olga)
    const asPavel = openPgTeamServer(pavel)
    const briefing = {
      id: 'olga-notes',
      title: 'Notes',
      subtitle: '',
      asOf: '2026-03-01',
      sections: ['summary'],
      includeTimelineImage: true,
      items: [],
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      revision: 1
    }
    await asOlga.saveBriefing({ briefing: briefing as never, shared: false })
    const seenByOlga = await asOlga.briefings()
    const seenByPavel = await asPavel.briefings()
    await Promise.all([asOlga.close(), asPavel.close()])

    expect(seenByOlga.map((entry) => entry.owner)).toEqual(['olga'])
    expect(seenByPavel).toEqual([])
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

/** What the server's checker says of a record: null when it passes, else the reason. */
async function serverVerdicts(records: readonly { type: string; record: unknown }[]): Promise<(string | null)[]> {
  const { rows } = await server.query<{ verdict: string | null }>(
    `SELECT precedent.rule_violation(r.rules, entry->'record', '') AS verdict
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS list(entry, n)
     JOIN precedent.record_rules r ON r.record_type = entry->>'type' ORDER BY n`,
    [JSON.stringify(records)]
  )
  return rows.map((row) => row.verdict)
}

const BUNDLE_KEYS: Record<string, RecordType> = {
  organisations: 'organisation',
  sources: 'source',
  laws: 'law',
  incidents: 'incident',
  responses: 'response',
  jurisdictions: 'jurisdiction'
}

describe('the record rules in PostgreSQL', () => {
  it('accept every record of the sample knowledge base, as the app does', async () => {
    const bundle = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/sample-knowledge-base.json'), 'utf8')) as {
      records: Record<string, unknown[]>
    }
    const records = Object.entries(bundle.records).flatMap(([key, list]) =>
      list.map((record) => ({ type: BUNDLE_KEYS[key]!, record: RECORD_SCHEMAS[BUNDLE_KEYS[key]!].parse(record) }))
    )

    expect(records.length).toBeGreaterThan(30)
    expect(await serverVerdicts(records)).toEqual(records.map(() => null))
  })

  it('accept every record the app accepts, and are never stricter than the app (generated worlds and mutations)', async () => {
    await fc.assert(
      fc.asyncProperty(knowledgeBaseWorld, fc.jsonValue({ maxDepth: 2 }), fc.nat(), async (world, replacement, pick) => {
        const verdicts = await serverVerdicts(world)
        expect(verdicts).toEqual(world.map(() => null))
        // One field of one record replaced by any JSON value: when the server refuses it, so does the app.
        const target = world[pick % world.length]!
        const fields = Object.keys(target.record)
        const mutated = { ...target.record, [fields[pick % fields.length]!]: replacement }
        const [serverVerdict] = await serverVerdicts([{ type: target.type, record: mutated }])
        if (serverVerdict !== null) expect(RECORD_SCHEMAS[target.type].safeParse(mutated).success).toBe(false)
      }),
      { numRuns: 25 }
    )
  })

  it('refuse what the app refuses, naming the field: wrong type, unknown value, missing, extra, wrong form, too many', async () => {
    const [incident] = JSON.parse(readFileSync(path.resolve(__dirname, '../../../resources/sample-knowledge-base.json'), 'utf8')).records.incidents as Record<
      string,
      unknown
    >[]
    const valid = RECORD_SCHEMAS.incident.parse(incident) as Record<string, unknown>
    const { title: _title, ...untitled } = valid
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, title: 42 }, "field 'title' must be text, not number"],
      [{ ...valid, status: 'rumoured' }, 'field \'status\' must be one of alleged, under-review, confirmed, disputed, resolved, not "rumoured"'],
      [untitled, "field 'title' is required"],
      [{ ...valid, colour: 'red' }, "field 'colour' is not a field of this record type"],
      [{ ...valid, organisations: [{ organisationId: 'org-a', role: 'bystander' }] }, "field 'organisations[0].role' must be one of"],
      [{ ...valid, jurisdictionIds: ['not an id!'] }, "field 'jurisdictionIds[0]' is not in the expected form"],
      [{ ...valid, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }, "field 'tags' must hold at most 50 entries"],
      [{ ...valid, revision: 0 }, "field 'revision' must be at least 1"],
      [{ ...valid, revision: 1.5 }, "field 'revision' must be a whole number, not number"]
    ]

    const verdicts = await serverVerdicts(cases.map(([record]) => ({ type: 'incident', record })))

    cases.forEach(([record, reason], index) => {
      expect(verdicts[index], reason).toContain(reason)
      expect(RECORD_SCHEMAS.incident.safeParse(record).success, reason).toBe(false)
    })
  })
})
