import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referenceRecords } from '../../src/cli/referenceRecords'
import { runCli } from '../../src/cli/runCli'
import { memoryCliIo } from './memoryCliIo'

const SAMPLE = 'resources/sample-knowledge-base.json'
const reference = referenceRecords()
// None of these commands reaches a team's server: asking for one fails the test.
const noTeam = () => {
  throw new Error('a command other than team asked for the team server')
}
const run = (argv: string[], fs = memoryCliIo()) => runCli(argv, fs.io, () => reference, noTeam).then((status) => ({ status, ...fs }))

describe('precedent stats', () => {
  it('prints the counts of each record type as JSON', async () => {
    const { status, out } = await run(['stats', SAMPLE])

    expect(status).toBe(0)
    const stats = JSON.parse(out.join('')) as { records: Record<string, number>; total: number }
    const sample = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { records: Record<string, unknown[]> }
    expect(stats.records).toEqual({ jurisdictions: 0, ...Object.fromEntries(Object.entries(sample.records).map(([name, list]) => [name, list.length])) })
    expect(stats.total).toBe(Object.values(sample.records).reduce((sum, list) => sum + list.length, 0))
  })

  it('names the file and the field of an invalid bundle in one line, status 1', async () => {
    const broken = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { records: { incidents: { occurredOn?: string }[] } }
    broken.records.incidents[0]!.occurredOn = '2018-13'
    const { status, err } = await run(['stats', 'broken.json'], memoryCliIo({ 'broken.json': JSON.stringify(broken) }))

    expect(status).toBe(1)
    expect(err).toHaveLength(1)
    expect(err[0]).toMatch(/^precedent: broken\.json, field "records\.incidents\[0\]\.occurredOn": /)
  })

  it.each([
    ['a __proto__ key', '{"__proto__": {"x": 1}}', 'evil.json: The file contains a "__proto__"'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0x7d]), 'evil.json: The file is not valid UTF-8: invalid byte sequence at byte offset 1'],
    ['a NUL byte', '{"a":\u0000}', 'evil.json, row 1: The file contains a NUL character']
  ])('refuses a file with %s', async (_name, content, message) => {
    const { status, err } = await run(['stats', 'evil.json'], memoryCliIo({ 'evil.json': content }))

    expect(status).toBe(1)
    expect(err.join('\n')).toContain(message)
    expect(err.join('\n')).not.toMatch(/\n\s+at /)
  })
})

describe('precedent usage', () => {
  it('prints help with status 0', async () => {
    const { status, out } = await run(['--help'])
    expect(status).toBe(0)
    expect(out.join('')).toContain('precedent export BUNDLE --format FORMAT')
  })

  it.each([
    [['frobnicate'], 'precedent: Unknown command "frobnicate". See precedent --help'],
    [
      ['export', SAMPLE, '--format', 'pdf', '-o', 'x'],
      'precedent: --format must be one of bundle, csv, stix, csl, ics, timelinejs, md, html, docx (got "pdf"). See precedent --help'
    ],
    [['export', SAMPLE, '--format', 'md'], 'precedent: -o OUT is required. See precedent --help'],
    [['stats'], 'precedent: Give exactly one bundle. See precedent --help']
  ])('explains a usage mistake in one line: %j', async (argv, message) => {
    const { status, err } = await run(argv)
    expect(status).toBe(1)
    expect(err).toEqual([message])
  })

  it('reports an unknown option in one line', async () => {
    const { status, err } = await run(['stats', SAMPLE, '--colour'])
    expect(status).toBe(1)
    expect(err[0]).toMatch(/^precedent: Unknown option '--colour'.*See precedent --help$/)
  })
})

describe('precedent export', () => {
  it('exports only the records matching --query, searched as the app searches', async () => {
    const { status, text, err } = await run(['export', SAMPLE, '--format', 'csv', '--type', 'incident', '--query', 'alipay type:incident', '-o', 'out.csv'])

    expect(status).toBe(0)
    const csv = text('out.csv')
    expect(csv).toContain('Alipay')
    expect(csv).not.toContain('UC Browser')
    expect(err[0]).toMatch(/^Exported 1 of \d+ records to out\.csv/)
  })

  it('exports a Markdown briefing of the whole bundle', async () => {
    const { status, text } = await run(['export', SAMPLE, '--format', 'md', '-o', 'brief.md'])

    expect(status).toBe(0)
    expect(text('brief.md')).toContain('Alipay')
  })
})

describe('precedent export to documents', () => {
  it('writes a DOCX briefing whose XML holds the chronology and footnoted sources', async () => {
    const { status, written } = await run(['export', SAMPLE, '--format', 'docx', '--query', 'alipay', '-o', 'alipay.docx'])

    expect(status).toBe(0)
    const path = join(mkdtempSync(join(tmpdir(), 'precedent-cli-')), 'alipay.docx')
    writeFileSync(path, written.get('alipay.docx') as Uint8Array)
    const documentXml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' })
    const footnotesXml = execFileSync('unzip', ['-p', path, 'word/footnotes.xml'], { encoding: 'utf8' })
    expect(documentXml).toContain('Chronology')
    expect(documentXml).toContain('3 January 2018')
    expect(documentXml).toContain('w:footnoteReference')
    expect(footnotesXml).toContain('Xinhua')
  })

  it('writes a standalone HTML briefing without scripts', async () => {
    const { status, text } = await run(['export', SAMPLE, '--format', 'html', '-o', 'brief.html'])

    expect(status).toBe(0)
    expect(text('brief.html')).toContain('Alipay')
    expect(text('brief.html')).not.toMatch(/<script/i)
  })
})

describe('precedent export to interchange formats', () => {
  it.each([
    ['bundle', (text: string) => expect(JSON.parse(text)).toMatchObject({ format: 'precedent-bundle', version: 2 })],
    ['stix', (text: string) => expect(JSON.parse(text)).toMatchObject({ type: 'bundle' })],
    ['csl', (text: string) => expect(Array.isArray(JSON.parse(text))).toBe(true)],
    ['ics', (text: string) => expect(text).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/)],
    ['timelinejs', (text: string) => expect(JSON.parse(text)).toHaveProperty('events')]
  ])('writes %s', async (format, check) => {
    const { status, text } = await run(['export', SAMPLE, '--format', format, '-o', `out.${format}`])

    expect(status).toBe(0)
    check(text(`out.${format}`))
    expect(text(`out.${format}`)).toContain('Alipay')
  })

  it('round-trips a bundle: export, then stats, gives the same counts plus the jurisdictions it needs to stand alone', async () => {
    const fs = memoryCliIo()
    await run(['export', SAMPLE, '--format', 'bundle', '-o', 'copy.json'], fs)
    fs.out.length = 0
    await run(['stats', 'copy.json'], fs)
    const original = memoryCliIo()
    await run(['stats', SAMPLE], original)

    const { jurisdictions, ...copied } = JSON.parse(fs.out.join('')).records as Record<string, number>
    const { jurisdictions: none, ...sample } = JSON.parse(original.out.join('')).records as Record<string, number>
    expect(copied).toEqual(sample)
    expect(none).toBe(0)
    expect(jurisdictions).toBeGreaterThanOrEqual(3)
  })
})

describe('precedent import --from hibp', () => {
  const breach = (name: string, fields: Record<string, unknown> = {}) => ({
    Name: name,
    Title: name,
    Domain: `${name.toLowerCase()}.test`,
    BreachDate: '2019-06-14',
    AddedDate: '2019-08-02T10:11:12Z',
    ModifiedDate: '2019-08-02T10:11:12Z',
    PwnCount: 1000,
    Description: `In June 2019, ${name} suffered a data breach.`,
    DataClasses: ['Email addresses'],
    IsVerified: true,
    IsFabricated: false,
    IsSensitive: false,
    IsRetired: false,
    IsSpamList: false,
    ...fields
  })

  it('writes each breach as an incident with its organisation and listing, and names a refused row and field in one line', async () => {
    const list = JSON.stringify([breach('ShopOne'), breach('ShopTwo', { PwnCount: 'many' })])
    const { status, err, text } = await run(['import', '--from', 'hibp', 'breaches.json', '-o', 'out.json'], memoryCliIo({ 'breaches.json': list }))

    expect(status).toBe(0)
    expect(err.join('')).toContain('breaches.json, row 2, field "PwnCount": The number of accounts must be a whole number, not "many"')
    const written = JSON.parse(text('out.json')) as { records: { incidents: { id: string }[]; organisations: { id: string }[]; sources: { id: string }[] } }
    expect(written.records.incidents.map((incident) => incident.id)).toEqual(['inc-hibp-shopone'])
    expect(written.records.organisations.map((organisation) => organisation.id)).toEqual(['org-hibp-shopone-test'])
    expect(written.records.sources.map((source) => source.id)).toEqual(['src-hibp-shopone'])
  })
})

describe('precedent import with --map, --set and --mapping', () => {
  // GDPRhub-style decisions: no column is named after a response's fields.
  const decisions = [
    'Case,Authority,Decided,Party,Sum',
    'Decision 12/2021,CNIL,2021-06-02,Contoso SA,"€ 250.000"',
    'Decision 13/2021,AEPD,2021-07-14,Fabrikam SL,n/a'
  ].join('\n')

  it('says which fields no column gives and how to give them', async () => {
    const { status, err } = await run(
      ['import', '--from', 'csv', '--type', 'response', 'decisions.csv', '-o', 'out.json'],
      memoryCliIo({ 'decisions.csv': decisions })
    )
    expect(status).toBe(1)
    expect(err.join('')).toMatch(
      /^precedent: decisions\.csv, row 1: No column maps to "Title", "Kind"; name one with --map FIELD=COLUMN, give a value with --set FIELD=VALUE, or use --type\n?$/
    )
  })

  it('maps columns by the export’s field names and sets a constant kind for every row', async () => {
    const { status, err, text } = await run(
      [
        'import',
        '--from',
        'csv',
        '--type',
        'response',
        'decisions.csv',
        '-o',
        'out.json',
        '--map',
        'title=Case,actorId (names)=Authority,datedOn=Decided',
        '--map',
        'targetOrganisationIds (names)=Party,penalty.amount=Sum',
        '--set',
        'kind=fine,penalty.currency=EUR'
      ],
      memoryCliIo({ 'decisions.csv': decisions })
    )
    expect(err.join(''), err.join('')).toMatch(/^Read decisions\.csv: /)
    expect(status).toBe(0)
    const written = JSON.parse(text('out.json')) as {
      records: {
        responses: { title: string; kind: string; datedOn: string; penalty?: { amount?: number; currency?: string } }[]
        organisations: { name: string }[]
      }
    }
    expect(written.records.responses.map(({ title, kind, datedOn, penalty }) => ({ title, kind, datedOn, penalty }))).toEqual([
      { title: 'Decision 12/2021', kind: 'fine', datedOn: '2021-06-02', penalty: { amount: 250000, currency: 'EUR' } },
      { title: 'Decision 13/2021', kind: 'fine', datedOn: '2021-07-14', penalty: { currency: 'EUR' } }
    ])
    expect(written.records.organisations.map((organisation) => organisation.name).sort()).toEqual(['AEPD', 'CNIL', 'Contoso SA', 'Fabrikam SL'])
  })

  it('reads JSON records through a saved mapping file, nested fields by path', async () => {
    const records = JSON.stringify([{ headline: 'Northwind app sent contacts abroad', when: { year: 2022 }, company: { name: 'Northwind Traders' } }])
    const mapping = JSON.stringify({
      layout: 'columns',
      recordType: 'incident',
      columns: { headline: 'title', 'when.year': 'occurredOn', 'company.name': 'organisations' },
      constants: { status: 'alleged' }
    })
    const { status, err, text } = await run(
      ['import', '--from', 'json', 'records.json', '--mapping', 'mapping.json', '-o', 'out.json'],
      memoryCliIo({ 'records.json': records, 'mapping.json': mapping })
    )
    expect(status, err.join('')).toBe(0)
    const written = JSON.parse(text('out.json')) as { records: { incidents: { title: string; occurredOn: string; status: string }[] } }
    expect(written.records.incidents).toMatchObject([{ title: 'Northwind app sent contacts abroad', occurredOn: '2022', status: 'alleged' }])
  })

  it('refuses an unknown field, a missing column and a mapping for a named format in one line each', async () => {
    const files = { 'decisions.csv': decisions }
    await expect(
      run(['import', '--from', 'csv', 'decisions.csv', '-o', 'o.json', '--map', 'nonsense=Case'], memoryCliIo(files)).then(({ err }) => err.join(''))
    ).resolves.toBe('precedent: --map: "nonsense" is not a field of a incident. See precedent --help')
    await expect(
      run(['import', '--from', 'csv', 'decisions.csv', '-o', 'o.json', '--map', 'title=Nope'], memoryCliIo(files)).then(({ err }) => err.join(''))
    ).resolves.toBe('precedent: decisions.csv: --map title=Nope: the file has no column "Nope"')
    await expect(
      run(['import', '--from', 'hibp', 'decisions.csv', '-o', 'o.json', '--set', 'kind=fine'], memoryCliIo(files)).then(({ err }) => err.join(''))
    ).resolves.toBe('precedent: --map, --set and --mapping are for --from csv or json, not hibp. See precedent --help')
  })
})

describe('the command line in Chinese (--lang zh-CN)', () => {
  it('validates a file that cannot be read with a one-line Chinese error naming file, row and field', async () => {
    const { status, err, out } = await run(['validate', 'dup.csv', '--from', 'csv', '--lang', 'zh-CN'], memoryCliIo({ 'dup.csv': 'Title,Title\nLeak,Leak\n' }))

    expect(status).toBe(1)
    expect(out).toEqual([])
    expect(err).toEqual(['precedent: dup.csv，第 1 行，字段“Title”：列“Title”在标题行中出现不止一次'])
  })

  it('lists each rejected row with its file, row and field in Chinese, after the counts', async () => {
    const { status, err } = await run(
      ['validate', 'list.csv', '--from', 'csv', '--lang=zh-CN'],
      memoryCliIo({ 'list.csv': 'Title,Date\nLeak,2015\n,2016-13\n' })
    )

    expect(status).toBe(1)
    expect(err).toEqual([
      'precedent: list.csv（CSV 或 TSV 电子表格）：1 条新记录，1 条被拒绝',
      '  被拒绝：list.csv，第 3 行，字段“Date”：“2016-13”：不存在第 13 月（01 至 12）'
    ])
  })

  it('says the same file is valid in English word for word without --lang', async () => {
    const { status, out } = await run(['validate', 'list.csv', '--from', 'csv'], memoryCliIo({ 'list.csv': 'Title,Date\nLeak,2015\n' }))

    expect(status).toBe(0)
    expect(out).toEqual(['list.csv is valid CSV or TSV spreadsheet: 1 new, 0 rejected'])
  })

  it('prints its help and its usage errors in Chinese', async () => {
    const help = await run(['--help', '--lang', 'zh-CN'])
    const unknown = await run(['frobnicate', '--lang', 'zh-CN'])

    expect(help.status).toBe(0)
    expect(help.out.join('')).toContain('用法：')
    expect(help.out.join('')).toContain('precedent export BUNDLE --format FORMAT')
    expect(help.out.join('')).toContain('postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE')
    expect(unknown.err).toEqual(['precedent: 未知命令“frobnicate”。请参阅 precedent --help'])
  })

  it('refuses a language it does not have in English, the language it cannot speak', async () => {
    const { status, err } = await run(['stats', SAMPLE, '--lang', 'fr'])

    expect(status).toBe(1)
    expect(err).toEqual(['precedent: --lang must be one of en, zh-CN (got "fr"). See precedent --help'])
  })
})
