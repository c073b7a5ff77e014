import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { sharedData } from '../support/sharedData'
import { fixturePath } from '../support/testFixtures'

/**
 * The command line as a person runs it: the built `bin/precedent.mjs` (npm run build:cli) in a
 * child process, with real files. The commands' logic is unit-tested in test/cli; this checks the
 * built artifact, its exit codes and that failures are one line without a stack trace.
 */
const gdprFile = sharedData('gdpr-text-en/gdpr.json')
let folder = ''

function precedent(...args: string[]) {
  const result = spawnSync(process.execPath, ['bin/precedent.mjs', ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'precedent-bin-'))
})

describe('npx precedent', () => {
  it('counts a bundle', () => {
    const { status, stdout } = precedent('stats', 'resources/sample-knowledge-base.json')
    expect(status).toBe(0)
    expect(JSON.parse(stdout)).toMatchObject({ records: { incidents: 2, responses: 12 } })
  })

  it('imports an excerpt of the GDPR text, and the bundle it writes validates and counts', () => {
    const out = join(folder, 'gdpr-excerpt.json')
    const imported = precedent('import', '--from', 'law-text', fixturePath('gdpr-text-en-excerpt/gdpr.json'), '-o', out)
    expect(imported.status, imported.stderr).toBe(0)
    // The excerpt's law is the built-in GDPR with 90 of its 99 articles left out, so it reads as an update of it.
    expect(imported.stderr).toMatch(/^Read gdpr\.json: 0 new, 1 updates, 0 rejected; wrote 1 records to /)

    const stats = precedent('stats', out)
    expect(JSON.parse(stats.stdout)).toMatchObject({ records: { laws: 1 }, total: 1 })
    expect(precedent('validate', out).status).toBe(0)
  })

  it.skipIf(!gdprFile.present)('imports the GDPR text and the bundle it writes validates and counts', () => {
    const out = join(folder, 'gdpr.json')
    const imported = precedent('import', '--from', 'law-text', gdprFile.path, '-o', out)
    expect(imported.status, imported.stderr).toBe(0)
    expect(imported.stderr).toMatch(/^Read gdpr\.json: 0 new, 1 identical to built-in records, 0 rejected; wrote 1 records to /)

    const stats = precedent('stats', out)
    expect(JSON.parse(stats.stdout)).toMatchObject({ records: { laws: 1 }, total: 1 })
    expect(precedent('validate', out).status).toBe(0)
  })

  it('imports a CSV of decisions with --map and --set, and JSON records with a saved --mapping', () => {
    const csv = join(folder, 'decisions.csv')
    writeFileSync(csv, ['Case,Authority,Decided,Party', 'Decision 12/2021,CNIL,2021-06-02,Contoso SA'].join('\n'))
    const fromCsv = join(folder, 'decisions.json')
    const mapped = precedent(
      'import',
      '--from',
      'csv',
      '--type',
      'response',
      csv,
      '-o',
      fromCsv,
      '--map',
      'title=Case,actorId (names)=Authority,datedOn=Decided,targetOrganisationIds (names)=Party',
      '--set',
      'kind=fine'
    )
    expect(mapped.status, mapped.stderr).toBe(0)
    expect(JSON.parse(precedent('stats', fromCsv).stdout)).toMatchObject({ records: { responses: 1, organisations: 2 } })

    const records = join(folder, 'records.json')
    writeFileSync(records, JSON.stringify([{ headline: 'Northwind app sent contacts abroad', when: { year: 2022 } }]))
    const mapping = join(folder, 'mapping.json')
    writeFileSync(mapping, JSON.stringify({ layout: 'columns', recordType: 'incident', columns: { headline: 'title', 'when.year': 'occurredOn' } }))
    const fromJson = join(folder, 'records-bundle.json')
    const saved = precedent('import', '--from', 'json', records, '--mapping', mapping, '-o', fromJson)
    expect(saved.status, saved.stderr).toBe(0)
    expect(JSON.parse(precedent('stats', fromJson).stdout)).toMatchObject({ records: { incidents: 1 } })
  })

  it('exports a DOCX briefing of one incident by query', () => {
    const out = join(folder, 'alipay.docx')
    const { status, stderr } = precedent('export', 'resources/sample-knowledge-base.json', '--format', 'docx', '--query', 'alipay type:incident', '-o', out)
    expect(status, stderr).toBe(0)
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it.each([
    ['a __proto__ key', 'proto.json', '{"__proto__": {"polluted": true}}', 'precedent: proto.json: The file contains a "__proto__"'],
    [
      'invalid UTF-8',
      'latin1.json',
      Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]),
      'precedent: latin1.json: The file is not valid UTF-8: invalid byte sequence at byte offset 2'
    ],
    ['a NUL byte', 'nul.csv', 'title,date\nA\u0000,2018\n', 'precedent: nul.csv, row 2: The file contains a NUL character'],
    ['duplicate headers', 'dup.csv', 'title,Title,title\nA,B,C\n', 'precedent: dup.csv, row 1, field "title": The column "title" appears more than once']
  ])('refuses a file with %s: status 1, one line, no stack trace', (_what, name, content, message) => {
    const path = join(folder, name)
    writeFileSync(path, content)

    const { status, stderr } = precedent('import', '--from', name.endsWith('.csv') ? 'csv' : 'bundle', path, '-o', join(folder, 'never.json'))

    expect(status).toBe(1)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toContain(message)
    expect(stderr).not.toMatch(/\bat .+:\d+:\d+/)
  })

  it('refuses a 200 MB file before reading it', () => {
    const path = join(folder, 'huge.json')
    writeFileSync(path, '')
    truncateSync(path, 200 * 1024 * 1024)

    const { status, stderr } = precedent('validate', path)

    expect(status).toBe(1)
    expect(stderr.trim()).toBe('precedent: huge.json: The file is 200 MB; files over 64 MB are not imported')
  })
})
