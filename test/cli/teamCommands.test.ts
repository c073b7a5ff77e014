import { readFileSync } from 'node:fs'
import { parseBundle, type Bundle } from '@shared/domain/bundle'
import { linksOf } from '@shared/domain/linkFields'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { MAX_PUSH_CHANGES, TeamError, teamConflictSchema, type PushedChange } from '@shared/team/teamProtocol'
import { describe, expect, it } from 'vitest'
import { referenceRecords } from '../../src/cli/referenceRecords'
import { describeSchemaChange } from '../../src/cli/commands/teamInitCommand'
import { runCli } from '../../src/cli/runCli'
import { serverLabel } from '../../src/cli/teamAccess'
import { aBundle, aSource } from '../builders/domain'
import { memoryCliIo } from './memoryCliIo'
import { teamAccessDouble } from './teamAccessDouble'

const SAMPLE = 'resources/sample-knowledge-base.json'
const URL = 'postgres://alice:s3cret@127.0.0.1:5433/team'
const reference = referenceRecords()
const knownIds = new Set(reference.map((typed) => typed.record.id as string))
const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as Bundle
/** The sample as the app reads it (schema defaults filled in): what a pull gives back. */
const sampleAsRead = (() => {
  const parsed = parseBundle(sample, knownIds)
  if (!parsed.ok) throw new Error('the sample knowledge base is not a valid bundle')
  return parsed.bundle
})()
const sampleCount = Object.values(sample.records).reduce((sum, list) => sum + list.length, 0)

function team(options: Parameters<typeof teamAccessDouble>[0] = {}) {
  const double = teamAccessDouble(options)
  const run = async (argv: string[], fs = memoryCliIo()) => {
    const status = await runCli(
      argv,
      fs.io,
      () => reference,
      () => double.access
    )
    return { status, ...fs }
  }
  return { double, run }
}

async function initialised(options: Parameters<typeof teamAccessDouble>[0] = {}) {
  const world = team(options)
  expect((await world.run(['team', 'init', URL])).status).toBe(0)
  return world
}

describe('precedent team init', () => {
  it.each([
    [{ from: 0, to: 1 }, 'schema at version 1 (created)'],
    [{ from: 1, to: 2 }, 'schema at version 2 (was 1)'],
    [{ from: 2, to: 2 }, 'already at version 2']
  ])('says what it did: %j', (change, line) => {
    expect(describeSchemaChange(change)).toBe(line)
  })

  it('creates the schema, then says it is already at that version', async () => {
    const { run } = team()
    const first = await run(['team', 'init', URL])
    const second = await run(['team', 'init', '--server', URL])

    expect(first).toMatchObject({ status: 0, out: ['schema at version 1 (created)'], err: [] })
    expect(second).toMatchObject({ status: 0, out: ['already at version 1'], err: [] })
  })
})

describe('precedent team push', () => {
  it('pushes every record of a bundle, then nothing twice', async () => {
    const { run, double } = await initialised()
    const first = await run(['team', 'push', SAMPLE, '--server', URL])
    const again = await run(['team', 'push', SAMPLE, '--server', URL])

    expect(first).toMatchObject({ status: 0, out: [`${sampleCount} accepted, 0 conflicts, 0 unchanged, 0 already pushed`], err: [] })
    expect(again).toMatchObject({ status: 0, out: [`0 accepted, 0 conflicts, 0 unchanged, ${sampleCount} already pushed`] })
    // The same ids both times: the second push is the first one retried.
    expect(double.pushes[1]!.map((change) => (change.kind === 'revision' ? change.id : ''))).toEqual(
      double.pushes[0]!.map((change) => (change.kind === 'revision' ? change.id : ''))
    )
    // init does not open a session; each push opens one and closes it.
    expect(double.opened).toEqual([URL, URL])
    expect(double.closed).toBe(2)
  })

  it('sends records linked to before their referrers, in pushes of at most MAX_PUSH_CHANGES, with progress on stderr', async () => {
    const { run, double } = await initialised()
    const sources = Array.from({ length: MAX_PUSH_CHANGES + 2 }, (_, index) => aSource({ id: `src-${index}` }))
    const fs = memoryCliIo({ 'big.json': JSON.stringify(aBundle({ sources })) })
    const pushed = await run(['team', 'push', 'big.json', '--server', URL], fs)

    expect(pushed.status).toBe(0)
    expect(double.pushes.map((batch) => batch.length)).toEqual([MAX_PUSH_CHANGES, 2])
    expect(pushed.err).toEqual([
      `pushed ${MAX_PUSH_CHANGES} of ${MAX_PUSH_CHANGES + 2} records`,
      `pushed ${MAX_PUSH_CHANGES + 2} of ${MAX_PUSH_CHANGES + 2} records`
    ])
    const sampleRun = await run(['team', 'push', SAMPLE, '--server', URL])
    expect(sampleRun.status).toBe(0)
    const order = double.pushes[2]!.flatMap((change) => (change.kind === 'revision' ? [change] : []))
    const position = new Map(order.map((change, index) => [change.recordId, index]))
    let links = 0
    for (const [index, change] of order.entries()) {
      for (const link of linksOf({ type: change.recordType, record: change.snapshot } as TypedRecord)) {
        if (!position.has(link.targetId)) continue
        links += 1
        expect(position.get(link.targetId), `${change.recordId} → ${link.targetId}`).toBeLessThan(index)
      }
    }
    expect(links).toBeGreaterThan(20)
  })

  it('accepts an edit (revision + 1) of the server version and reports a record equal to it as unchanged', async () => {
    const { run } = await initialised()
    await run(['team', 'push', SAMPLE, '--server', URL])
    const edited = structuredClone(sample)
    edited.records.incidents[0]!.title = 'Alipay annual statement exposed personal data'
    edited.records.incidents[0]!.revision += 1
    // Bookkeeping alone is not a change: the server has this record already.
    edited.records.sources[0]!.updatedAt = '2026-12-01T00:00:00.000Z'
    const fs = memoryCliIo({ 'edited.json': JSON.stringify(edited) })
    const pushed = await run(['team', 'push', 'edited.json', '--server', URL], fs)

    expect(pushed).toMatchObject({ status: 0, out: [`1 accepted, 0 conflicts, 1 unchanged, ${sampleCount - 2} already pushed`] })
  })

  it('prints one line per conflict with the record type, id and title, and still exits 0', async () => {
    const { run, double } = await initialised()
    await run(['team', 'push', SAMPLE, '--server', URL])
    const incident = sample.records.incidents[0]!
    await double.editOnServer('incident', incident.id, { summary: 'Bob changed this on the server' })
    const mine = structuredClone(sample)
    mine.records.incidents[0]!.title = 'My title'
    mine.records.incidents[0]!.revision += 1
    const pushed = await run(['team', 'push', 'mine.json', '--server', URL], memoryCliIo({ 'mine.json': JSON.stringify(mine) }))

    expect(pushed.status).toBe(0)
    expect(pushed.out).toEqual([
      `0 accepted, 1 conflict, 0 unchanged, ${sampleCount - 1} already pushed`,
      expect.stringMatching(
        new RegExp(
          `^conflict: incident ${incident.id} "My title" \\(based on revision ${incident.revision}; the server is at revision ${incident.revision + 1}; conflict \\S+\\)$`
        )
      )
    ])
  })

  it('refuses a reader in one line, status 1', async () => {
    const { run } = await initialised({ user: 'rita', role: 'reader' })
    const pushed = await run(['team', 'push', SAMPLE, '--server', URL])

    expect(pushed).toMatchObject({ status: 1, out: [], err: ['precedent: permission denied: rita is a reader'] })
  })

  it('reads and checks the bundle before connecting', async () => {
    const { run, double } = await initialised()
    const pushed = await run(['team', 'push', 'broken.json', '--server', URL], memoryCliIo({ 'broken.json': '{"format": "precedent-bundle"}' }))

    expect(pushed.status).toBe(1)
    expect(pushed.err).toHaveLength(1)
    expect(pushed.err[0]).toMatch(/^precedent: broken\.json, field "version": /)
    expect(double.opened).toEqual([])
  })

  it('says which records were pushed when a later push is refused', async () => {
    const { double } = await initialised()
    const sources = Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, index) => aSource({ id: `src-${index}` }))
    const fs = memoryCliIo({ 'big.json': JSON.stringify(aBundle({ sources })) })
    const access = double.access
    let calls = 0
    const refusingSecond = {
      ...access,
      open: (url: string) => ({
        ...access.open(url),
        push: async (changes: readonly PushedChange[]) => {
          calls += 1
          if (calls === 2) throw new TeamError('refused', 'source src-1000: title is required')
          return access.open(url).push(changes)
        }
      })
    }
    const status = await runCli(
      ['team', 'push', 'big.json', '--server', URL],
      fs.io,
      () => reference,
      () => refusingSecond
    )

    expect(status).toBe(1)
    expect(fs.err.at(-1)).toBe(
      `precedent: source src-1000: title is required (the first ${MAX_PUSH_CHANGES} of ${MAX_PUSH_CHANGES + 1} records were pushed; pushing the bundle again is safe)`
    )
  })
})

describe('precedent team pull', () => {
  it('writes the team knowledge base as a valid bundle holding what was pushed', async () => {
    const { run } = await initialised()
    await run(['team', 'push', SAMPLE, '--server', URL])
    const pulled = await run(['team', 'pull', '--server', URL, '-o', 'team.json'])

    expect(pulled.status).toBe(0)
    expect(pulled.err).toEqual([`Wrote ${sampleCount} records from postgres://alice@127.0.0.1:5433/team (sequence ${sampleCount}) to team.json`])
    const parsed = parseBundle(JSON.parse(pulled.text('team.json')), knownIds)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    for (const [collection, records] of Object.entries(sampleAsRead.records)) {
      const byId = (list: readonly { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id))
      expect(byId(parsed.bundle.records[collection as keyof Bundle['records']]), collection).toEqual(byId(records))
    }
    expect(pulled.text('team.json')).not.toContain('s3cret')
  })

  it('reads every page of a large knowledge base', async () => {
    const { run } = await initialised()
    const sources = Array.from({ length: 5001 }, (_, index) => aSource({ id: `src-${String(index).padStart(5, '0')}` }))
    await run(['team', 'push', 'big.json', '--server', URL], memoryCliIo({ 'big.json': JSON.stringify(aBundle({ sources })) }))
    const pulled = await run(['team', 'pull', '--server', URL, '-o', 'team.json'])

    expect(pulled.status).toBe(0)
    expect((JSON.parse(pulled.text('team.json')) as Bundle).records.sources.map((source) => source.id)).toEqual(sources.map((source) => source.id))
  })
})

describe('precedent team conflicts and status', () => {
  it('prints each open conflict as one JSON line with both versions', async () => {
    const { run, double } = await initialised()
    await run(['team', 'push', SAMPLE, '--server', URL])
    const incident = sample.records.incidents[0]!
    await double.editOnServer('incident', incident.id, { summary: 'theirs' })
    const mine = structuredClone(sample)
    mine.records.incidents[0]!.summary = 'mine'
    mine.records.incidents[0]!.revision += 1
    await run(['team', 'push', 'mine.json', '--server', URL], memoryCliIo({ 'mine.json': JSON.stringify(mine) }))
    const listed = await run(['team', 'conflicts', '--server', URL])

    expect(listed.status).toBe(0)
    expect(listed.out).toHaveLength(1)
    const conflict = teamConflictSchema.parse(JSON.parse(listed.out[0]!))
    expect(conflict).toMatchObject({
      recordType: 'incident',
      recordId: incident.id,
      theirs: { snapshot: { summary: 'theirs' } },
      mine: { snapshot: { summary: 'mine' } }
    })
    expect(listed.err).toEqual(['1 open conflict'])
  })

  it('prints who is connected and where the server stands', async () => {
    const { run } = await initialised()
    await run(['team', 'push', SAMPLE, '--server', URL])
    const status = await run(['team', 'status', '--server', URL])

    expect(status).toMatchObject({ status: 0, err: [] })
    expect(status.out.join('\n').split('\n')).toEqual([
      'server: postgres://alice@127.0.0.1:5433/team',
      'user: alice',
      'role: editor',
      'schema version: 1',
      `head sequence: ${sampleCount}`,
      `records: ${sampleCount}`,
      'open conflicts: 0'
    ])
  })
})

describe('precedent team errors', () => {
  it.each([
    ['bad-credentials', 'password authentication failed for user "alice"'],
    ['unreachable', 'cannot connect to 127.0.0.1:5433: connection refused'],
    ['tls', 'cannot set up TLS with db.example.org: certificate has expired']
  ] as const)('a %s error is one line, status 1', async (code, message) => {
    const { run, double } = await initialised()
    double.state.failure = new TeamError(code, `${message}\n    at Connection.parseE (node_modules/pg/lib/connection.js:1:1)`)
    for (const argv of [
      ['team', 'status', '--server', URL],
      ['team', 'pull', '--server', URL, '-o', 'x.json'],
      ['team', 'push', SAMPLE, '--server', URL],
      ['team', 'conflicts', '--server', URL]
    ]) {
      const result = await run(argv)
      expect(result.status, argv.join(' ')).toBe(1)
      expect(result.err, argv.join(' ')).toEqual([`precedent: ${message}`])
      expect(result.written.has('x.json')).toBe(false)
    }
  })

  it('suggests team init when the database has no schema', async () => {
    const { run, double } = team()
    const result = await run(['team', 'status', '--server', URL])
    expect(result).toMatchObject({ status: 1, err: ['precedent: the database precedent at 127.0.0.1:5433 has no Precedent schema: run `precedent team init`'] })

    // Said once, whoever words the message.
    double.state.failure = new TeamError('schema-missing', 'no Precedent schema in this database')
    const worded = await run(['team', 'status', '--server', URL])
    expect(worded).toMatchObject({ status: 1, err: ['precedent: no Precedent schema in this database; run precedent team init URL first'] })
  })

  it.each([
    [['team'], 'precedent: A team command (init, push, pull, conflicts, status) is required. See precedent --help'],
    [['team', 'sync', '--server', URL], 'precedent: The team command must be one of init, push, pull, conflicts, status (got "sync"). See precedent --help'],
    [['team', 'push', SAMPLE], 'precedent: --server URL is required. See precedent --help'],
    [['team', 'push', '--server', URL], 'precedent: Give exactly one bundle to push. See precedent --help'],
    [['team', 'pull', '--server', URL], 'precedent: -o BUNDLE is required. See precedent --help'],
    [['team', 'init'], 'precedent: Give exactly one server URL. See precedent --help'],
    [['team', 'init', URL, '--server', URL], 'precedent: Give the server URL once: team init URL. See precedent --help'],
    [['team', 'status', 'extra', '--server', URL], 'precedent: team status takes no file. See precedent --help']
  ])('explains a usage mistake in one line: %j', async (argv, message) => {
    const { run } = team()
    const result = await run(argv)
    expect(result.status).toBe(1)
    expect(result.err).toEqual([message])
  })

  it('lists the team commands in --help', async () => {
    const { run } = team()
    const help = (await run(['--help'])).out.join('')
    for (const command of [
      'team init URL',
      'team push BUNDLE --server URL',
      'team pull --server URL -o BUNDLE',
      'team conflicts --server URL',
      'team status --server URL'
    ])
      expect(help).toContain(command)
  })

  it('never shows the password of a server URL', () => {
    expect(serverLabel('postgres://alice:s3cret@db.example.org/team')).toBe('postgres://alice@db.example.org/team')
    expect(serverLabel('postgres://alice:s3cret@[::1/team')).not.toContain('s3cret')
  })
})
