import { beforeAll, describe, expect, it } from 'vitest'
import type { Incident } from '@shared/domain/incident'
import { guessColumnMapping, type ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { detectImportFormat, mappingTableOf, readImport } from '@shared/interchange/importers'
import type { ImportReading } from '@shared/interchange/importReading'
import { readJsonRecordTable } from '@shared/interchange/json/jsonRecordTable'
import { JURISDICTION_IDS } from '../adapters/verisFixtures'
import { sharedData } from '../../../support/sharedData'
import { describedInEnglish as describeImportProblem, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const securityBreach = sharedData('securitybreach-catalog/breaches.ndjson')
const hibpList = sharedData('hibp-breaches-2025/breaches.json')

const cellsOf = (table: ReturnType<typeof readJsonRecordTable>) => table.rows.map((row) => ({ ...row.cells }))
const context = { importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds: JURISDICTION_IDS }
const incidentsOf = (reading: ImportReading) =>
  reading.candidates.filter((candidate) => candidate.typed.type === 'incident').map((candidate) => candidate.typed.record as Incident)

describe('readJsonRecordTable: records as rows, fields by path', () => {
  it('reads an array of objects, nested fields by dotted path, lists as list cells, in the order first met', () => {
    const table = readJsonRecordTable(
      JSON.stringify([
        { name: 'Shop', victim: { country: 'FR', size: 120 }, classes: ['Emails', 'Pass;words'], verified: true, note: null },
        { name: 'Bank', extra: 'only here' }
      ]),
      'list.json'
    )
    expect(table.headers).toEqual(['name', 'victim.country', 'victim.size', 'classes', 'verified', 'note', 'extra'])
    expect(cellsOf(table)).toEqual([
      { name: 'Shop', 'victim.country': 'FR', 'victim.size': '120', classes: 'Emails; Pass\\;words', verified: 'true', note: '' },
      { name: 'Bank', extra: 'only here' }
    ])
    expect(table.rows.map((row) => row.row)).toEqual([1, 2])
  })

  it('gives a list of objects a column per field, holding every item’s value', () => {
    const table = readJsonRecordTable(
      JSON.stringify([{ evidence: [{ title: 'Act', link: 'https://a.example/1' }, { link: 'https://b.example/2' }] }]),
      'gdb.json'
    )
    expect(table.headers).toEqual(['evidence[].title', 'evidence[].link'])
    expect(cellsOf(table)).toEqual([{ 'evidence[].title': 'Act', 'evidence[].link': 'https://a.example/1; https://b.example/2' }])
  })

  it('turns HTML text into plain text', () => {
    const table = readJsonRecordTable(
      JSON.stringify([{ Description: 'In 2015 <a href="https://x.example">the site</a> was breached &amp; sold.' }]),
      'hibp.json'
    )
    expect(cellsOf(table)).toEqual([{ Description: 'In 2015 the site was breached & sold.' }])
  })

  it('reads NDJSON line by line, numbering rows by line, and the largest list an object holds', () => {
    const ndjson = readJsonRecordTable('{"entity":"A","year":2019}\n\n{"entity":"B","year":2020}\n', 'breaches.ndjson')
    expect(cellsOf(ndjson)).toEqual([
      { entity: 'A', year: '2019' },
      { entity: 'B', year: '2020' }
    ])
    expect(ndjson.rows.map((row) => row.row)).toEqual([1, 3])
    const wrapped = readJsonRecordTable(JSON.stringify({ meta: [{ v: 1 }], breaches: [{ Name: 'A' }, { Name: 'B' }] }), 'wrapped.json')
    expect(cellsOf(wrapped)).toEqual([{ Name: 'A' }, { Name: 'B' }])
  })

  it('reports a record that is not an object by its row, and refuses a file with no records in one line', () => {
    const table = readJsonRecordTable(JSON.stringify([{ a: 1 }, 'text', [1]]), 'mixed.json')
    expect(table.problems.map(describeImportProblem)).toEqual([
      'mixed.json, row 2: The record is not an object with named fields; it was not imported',
      'mixed.json, row 3: The record is not an object with named fields; it was not imported'
    ])
    expect(thrownInEnglish(() => readJsonRecordTable('{"a": 1}', 'one.json'))).toContain('The file holds no list of records')
    expect(thrownInEnglish(() => readJsonRecordTable('{"a":1}\n{"a":', 'broken.ndjson'))).toMatch(/Line 2 is not a JSON record/)
  })

  it('refuses past the row and column limits, before mapping', () => {
    const limits = { maxFileBytes: 1e6, maxRows: 2, maxFieldChars: 10, maxColumns: 2 }
    expect(thrownInEnglish(() => readJsonRecordTable(JSON.stringify([{}, {}, {}]), 'rows.json', limits))).toContain(
      'The file has 3 records; at most 2 are imported'
    )
    expect(thrownInEnglish(() => readJsonRecordTable(JSON.stringify([{ a: 1, b: 2, c: 3 }]), 'cols.json', limits))).toContain(
      'The records have more than 2 fields'
    )
    expect(readJsonRecordTable(JSON.stringify([{ a: 'x'.repeat(11) }]), 'long.json', limits).problems.map(describeImportProblem)).toEqual([
      'long.json, row 1, field "a": The value is longer than 10 characters'
    ])
  })
})

describe('JSON records through the column mapping, as the Import page and the command line read them', () => {
  const file = {
    name: 'breaches.json',
    text: JSON.stringify([
      { Title: 'Shop breach', BreachDate: '2019-06-14', Company: { name: 'Shop Ltd' }, DataClasses: ['Emails', 'Passwords'] },
      { Title: '', BreachDate: '2019-07-01', Company: { name: 'Bank' } }
    ])
  }

  it('is recognised as JSON records when no named format fits', () => {
    expect(detectImportFormat([file])).toBe('json')
    expect(detectImportFormat([{ name: 'b.ndjson', text: '{"a":1}\n{"a":2}\n' }])).toBe('json')
    expect(detectImportFormat([{ name: 'wrapped.json', text: JSON.stringify({ breaches: [{ Name: 'A' }] }) }])).toBe('json')
    // A CMS download holds lists of cells, not objects: it stays the CMS format.
    expect(detectImportFormat([{ name: 'cms.json', text: '{"data": [["", "ETid-1"]]}' }])).toBe('cms')
  })

  it('guesses the mapping from the field names and imports each record, refusing a row by its record number and field', () => {
    const mapping = guessColumnMapping(mappingTableOf('json', file).headers, 'incident') as Extract<ColumnMapping, { layout: 'columns' }>
    expect(mapping.columns).toMatchObject({ Title: 'title', BreachDate: 'occurredOn', DataClasses: 'dataCategories' })
    const withCompany: ColumnMapping = { ...mapping, columns: { ...mapping.columns, 'Company.name': 'organisations' } }
    const reading = readImport('json', [file], { ...context, csvMappings: { [file.name]: withCompany } })
    expect(reading.format).toBe('json')
    expect(incidentsOf(reading)).toMatchObject([{ title: 'Shop breach', occurredOn: '2019-06-14', dataCategories: ['Emails', 'Passwords'] }])
    expect(reading.rejected.map(describeImportProblem)).toEqual([expect.stringMatching(/^breaches\.json, row 2, field "Title": /)])
  })
})

describe.skipIf(!securityBreach.present)('JSON records: the SecurityBreach catalogue (NDJSON, 899 breaches)', () => {
  let reading: ImportReading
  beforeAll(() => {
    const file = { name: 'breaches.ndjson', text: securityBreach.text() }
    const headers = mappingTableOf('json', file).headers
    expect(headers).toEqual(expect.arrayContaining(['entity', 'year', 'month', 'summary', 'links', 'tags.actor', 'tags.motive']))
    const guessed = guessColumnMapping(headers, 'incident') as Extract<ColumnMapping, { layout: 'columns' }>
    const mapping: ColumnMapping = {
      ...guessed,
      columns: { ...guessed.columns, entity: 'organisations', year: 'occurredOn', links: 'sourceUrl', 'tags.actor': 'tags' }
    }
    reading = readImport('json', [file], { ...context, csvMappings: { [file.name]: mapping } })
  })

  // An entity written with a comma ("…, WIRED") is read as two names, as a CSV organisations cell is.
  it('imports every breach as an incident linked to its entity, at the year written (where there is one)', () => {
    const incidents = incidentsOf(reading)
    expect(reading.rejected.map(describeImportProblem)).toEqual([])
    expect(incidents).toHaveLength(899)
    expect(incidents.every((incident) => incident.organisations.length >= 1)).toBe(true)
    // Two records keep their year inside tags (the catalogue's quirk), so they have no date here.
    expect(incidents.filter((incident) => incident.occurredOn === undefined)).toHaveLength(2)
    expect(incidents.filter((incident) => /^\d{4}$/.test(incident.occurredOn ?? ''))).toHaveLength(897)
  })
})

describe.skipIf(!hibpList.present)('JSON records: the Have I Been Pwned list read as plain JSON records (875 breaches)', () => {
  it('imports every breach through a guessed mapping, its HTML descriptions as text', () => {
    const file = { name: 'breaches.json', text: hibpList.text() }
    const mapping = guessColumnMapping(mappingTableOf('json', file).headers, 'incident')
    const reading = readImport('json', [file], { ...context, csvMappings: { [file.name]: mapping } })
    const incidents = incidentsOf(reading)
    expect(reading.rejected.map(describeImportProblem)).toEqual([])
    expect(incidents).toHaveLength(875)
    expect(incidents.some((incident) => /<a /.test(incident.summary))).toBe(false)
  })
})

const gdb = sharedData('gdb-2021-data-protection-law/dpl_by_country.ndjson')

describe.skipIf(!gdb.present)('JSON records: the Global Data Barometer data-protection indicator (NDJSON, 109 countries)', () => {
  it('reads every country as a row, nested fields by path and the lists of evidence and answers as list cells', () => {
    const table = readJsonRecordTable(gdb.text(), 'dpl_by_country.ndjson')
    expect(table.problems.map(withReasonInEnglish)).toEqual([])
    expect(table.rows).toHaveLength(109)
    expect(table.headers).toEqual(
      expect.arrayContaining([
        'country_info.iso',
        'country_info.country_name',
        'score',
        'justification',
        'evidence[].title',
        'evidence[].link',
        'responses[].varname',
        'responses[].response_text'
      ])
    )
    const angola = table.rows.find((row) => row.cells['country_info.iso'] === 'AGO')!
    expect(angola.cells['evidence[].link']).toBe(
      'https://2021-files.globaldatabarometer.org/167/Q3IH760-110617_lei_22-11_de_17_junho-proteccao_dados_pessoais.pdf; https://apd.ao/ao/'
    )
    expect(angola.cells['responses[].response_text']?.startsWith('A framework exists and has the force of law.; Yes')).toBe(true)
  })
})
