import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseBundle, type Bundle } from '../../src/shared/domain/bundle'
import { teamConflictSchema, type TeamConnection } from '../../src/shared/team/teamProtocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceRecords } from '../../src/cli/referenceRecords'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres'

/**
 * The team commands as a person runs them: the built `bin/precedent.mjs` (npm run build:cli) in a
 * child process, against a throwaway PostgreSQL cluster of this file's own (test/support), through
 * the real Node adapter and the schema `precedent team init` creates.
 */
const SAMPLE = 'resources/sample-knowledge-base.json'
const knownIds = new Set(referenceRecords().map((typed) => typed.record.id as string))
const sample = (() => {
  const parsed = parseBundle(JSON.parse(readFileSync(SAMPLE, 'utf8')), knownIds)
  if (!parsed.ok) throw new Error('the sample knowledge base is not a valid bundle')
  return parsed.bundle
})()
const sampleCount = Object.values(sample.records).reduce((sum, list) => sum + list.length, 0)

let postgres: ThrowawayPostgres
let folder = ''
let admin = ''
let alice = ''
let bob = ''
let rita = ''
/** What the first and second `team init` printed (run in beforeAll: every test needs the schema). */
let inits: ReturnType<typeof precedent>[] = []

/** The connection as a URL; without its password when `withPassword` is false (then it comes from PGPASSWORD). */
const urlOf = (connection: TeamConnection, withPassword = true) =>
  `postgres://${encodeURIComponent(connection.user)}${withPassword && connection.password !== undefined ? `:${encodeURIComponent(connection.password)}` : ''}@${connection.host}:${connection.port}/${connection.database}`

function precedent(args: string[], environment: Record<string, string> = {}) {
  const env = { ...process.env, ...environment }
  if (environment['PGPASSWORD'] === undefined) delete env['PGPASSWORD']
  const result = spawnSync(process.execPath, ['bin/precedent.mjs', ...args], { encoding: 'utf8', env, timeout: 60_000 })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, lines: result.stdout.split('\n').filter((line) => line !== '') }
}

/** A one-line failure: status 1, exactly one line on stderr, no stack trace. */
function expectOneLineFailure(result: ReturnType<typeof precedent>): string {
  expect(result.status, result.stderr).toBe(1)
  const lines = result.stderr.trim().split('\n')
  expect(lines, result.stderr).toHaveLength(1)
  expect(result.stderr).not.toMatch(/\bat .+:\d+:\d+/)
  return lines[0]!
}

function writeBundle(name: string, bundle: Bundle): string {
  const path = join(folder, name)
  writeFileSync(path, JSON.stringify(bundle))
  return path
}

function pulled(url: string, name: string): Bundle {
  const out = join(folder, name)
  const result = precedent(['team', 'pull', '--server', url, '-o', out])
  expect(result.status, result.stderr).toBe(0)
  const parsed = parseBundle(JSON.parse(readFileSync(out, 'utf8')), knownIds)
  if (!parsed.ok) throw new Error(`the pulled bundle is invalid: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`)
  return parsed.bundle
}

const byId = (list: readonly { readonly id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'precedent-team-'))
  postgres = await startThrowawayPostgres()
  admin = urlOf(postgres.superuser)
  inits = [precedent(['team', 'init', admin]), precedent(['team', 'init', admin])]
  alice = urlOf(await postgres.createAnalyst('alice', 'editor'))
  bob = urlOf(await postgres.createAnalyst('bob', 'editor'))
  rita = urlOf(await postgres.createAnalyst('rita', 'reader'))
}, 120_000)

afterAll(async () => {
  await postgres?.stop()
})

describe('precedent team, against a real PostgreSQL', () => {
  it('init creates the schema, and a second init changes nothing', () => {
    const [first, second] = inits
    expect(first!.status, first!.stderr).toBe(0)
    expect(first!.lines).toEqual([expect.stringMatching(/^schema at version \d+ \(created\)$/)])
    const version = /version (\d+)/.exec(first!.lines[0]!)![1]
    expect(second!.status, second!.stderr).toBe(0)
    expect(second!.lines).toEqual([`already at version ${version}`])
  })

  it('pushes a bundle, then nothing twice', () => {
    const first = precedent(['team', 'push', SAMPLE, '--server', alice])
    expect(first.status, first.stderr).toBe(0)
    expect(first.lines).toEqual([`${sampleCount} accepted, 0 conflicts, 0 unchanged, 0 already pushed`])

    const again = precedent(['team', 'push', SAMPLE, '--server', alice])
    expect(again.status, again.stderr).toBe(0)
    expect(again.lines).toEqual([`0 accepted, 0 conflicts, 0 unchanged, ${sampleCount} already pushed`])
  })

  it('pulls the team knowledge base as a bundle equal to what was pushed', () => {
    const bundle = pulled(bob, 'bob.json')
    for (const [collection, records] of Object.entries(sample.records)) {
      expect(byId(bundle.records[collection as keyof Bundle['records']]), collection).toEqual(byId(records))
    }
  })

  it('accepts an edit of the pulled bundle (revision + 1), and pulls it back', () => {
    const bundle = pulled(bob, 'bob.json')
    const incident = bundle.records.incidents[0]!
    incident.summary = 'Bob added what the regulator said.'
    incident.revision += 1
    const pushed = precedent(['team', 'push', writeBundle('bob-edit.json', bundle), '--server', bob])

    expect(pushed.status, pushed.stderr).toBe(0)
    expect(pushed.lines).toHaveLength(1)
    expect(pushed.lines[0]).toMatch(/^1 accepted, 0 conflicts, \d+ unchanged, \d+ already pushed$/)
    const [, unchanged, already] = /(\d+) unchanged, (\d+) already/.exec(pushed.lines[0]!)!.map(Number)
    expect(1 + unchanged! + already!).toBe(sampleCount)
    expect(pulled(alice, 'alice.json').records.incidents.find((record) => record.id === incident.id)).toMatchObject({
      summary: incident.summary,
      revision: incident.revision
    })
  })

  it('prints one line per conflict for an edit of a version the server has moved on from, and lists it', () => {
    const mine = structuredClone(sample)
    const incident = mine.records.incidents[0]!
    incident.title = 'Alice renamed it offline'
    incident.revision += 1
    const pushed = precedent(['team', 'push', writeBundle('alice-edit.json', mine), '--server', alice])

    expect(pushed.status, pushed.stderr).toBe(0)
    expect(pushed.lines[0]).toMatch(/^0 accepted, 1 conflict, \d+ unchanged, \d+ already pushed$/)
    expect(pushed.lines.slice(1)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^conflict: incident ${incident.id} "Alice renamed it offline" \\(based on revision ${incident.revision - 1}; the server is at revision ${incident.revision}; conflict \\S+\\)$`
        )
      )
    ])

    const listed = precedent(['team', 'conflicts', '--server', bob])
    expect(listed.status, listed.stderr).toBe(0)
    expect(listed.lines).toHaveLength(1)
    const conflict = teamConflictSchema.parse(JSON.parse(listed.lines[0]!))
    expect(conflict).toMatchObject({
      recordType: 'incident',
      recordId: incident.id,
      theirs: { author: 'bob', snapshot: { summary: 'Bob added what the regulator said.' } },
      mine: { author: 'alice', snapshot: { title: 'Alice renamed it offline' } }
    })
  })

  it('prints who is connected and where the server stands, the password taken from PGPASSWORD', async () => {
    const connection = { ...postgres.superuser, user: 'alice', password: 'alice-secret' }
    const status = precedent(['team', 'status', '--server', urlOf(connection, false)], { PGPASSWORD: 'alice-secret' })

    expect(status.status, status.stderr).toBe(0)
    expect(status.lines).toEqual([
      `server: ${urlOf(connection, false)}`,
      'user: alice',
      'role: editor',
      expect.stringMatching(/^schema version: \d+$/),
      `head sequence: ${sampleCount + 1}`,
      `records: ${sampleCount}`,
      'open conflicts: 1'
    ])
  })

  it('refuses a reader pushing, in one line', () => {
    expect(precedent(['team', 'pull', '--server', rita, '-o', join(folder, 'rita.json')]).status).toBe(0)
    const line = expectOneLineFailure(precedent(['team', 'push', SAMPLE, '--server', rita]))
    expect(line).toMatch(/^precedent: permission denied: rita is a reader/)
  })

  it('says a wrong password, an unreachable server and a database without the schema in one line each', async () => {
    const wrong = expectOneLineFailure(precedent(['team', 'status', '--server', alice.replace('alice-secret', 'wrong')]))
    expect(wrong).toMatch(/^precedent: .*refused the user name or password for alice/)
    expect(wrong).not.toContain('wrong')

    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number }
        server.close(() => resolve(port))
      })
    })
    expect(expectOneLineFailure(precedent(['team', 'status', '--server', `postgres://alice:x@127.0.0.1:${port}/precedent`]))).toBe(
      `precedent: cannot connect to 127.0.0.1:${port}`
    )

    const empty = await postgres.createDatabase('empty')
    const missing = expectOneLineFailure(precedent(['team', 'status', '--server', urlOf({ ...empty, user: 'alice', password: 'alice-secret' })]))
    expect(missing).toMatch(/^precedent: .*has no Precedent schema.*precedent team init/)
  })
})
