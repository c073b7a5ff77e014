import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { exportRecordsCsv, recordTypesInSelection } from '@shared/interchange/csv/exportRecordsCsv'
import { recordCsvHeaders } from '@shared/interchange/csv/recordCsvColumns'
import { escapeSpreadsheetCell, unescapeSpreadsheetCell } from '@shared/interchange/csv/spreadsheetCellEscaping'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aJurisdiction, anIncident, anOrganisation, aResponse, aLaw } from '../../../builders/domain'

/** The cells of an exported file as a spreadsheet reads them (BOM dropped, quotes undone, CRLF rows). */
function cellsOf(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true)
  return Papa.parse<string[]>(csv.slice(1), { header: false, newline: '\r\n', skipEmptyLines: true }).data
}

function cell(csv: string, header: string, row = 1): string {
  const rows = cellsOf(csv)
  const column = rows[0]!.indexOf(header)
  expect(column).toBeGreaterThanOrEqual(0)
  return rows[row]![column]!
}

describe('exportRecordsCsv', () => {
  it('writes a UTF-8 BOM, CRLF line ends and every cell quoted, one row per selected record of the type', () => {
    const incident = anIncident({ title: 'Alipay "annual statement"' })
    const organisation = anOrganisation()
    const csv = exportRecordsCsv(
      recordSetOf([
        { type: 'incident', record: incident },
        { type: 'organisation', record: organisation }
      ]),
      'incident'
    )
    const lines = csv.slice(1).split('\r\n')
    expect(lines[0]).toBe(
      recordCsvHeaders('incident')
        .map((header) => `"${header}"`)
        .join(',')
    )
    expect(lines[1]!.startsWith(`"${incident.id}","Alipay ""annual statement"""`)).toBe(true)
    expect(lines.slice(2)).toEqual([''])
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })

  it('names the types a selection holds, one table each', () => {
    const set = recordSetOf([
      { type: 'response', record: aResponse() },
      { type: 'incident', record: anIncident() },
      { type: 'response', record: aResponse() }
    ])
    expect(recordTypesInSelection(set)).toEqual(['incident', 'response'])
    expect(recordTypesInSelection(recordSetOf([]))).toEqual([])
  })

  it('keeps partial dates verbatim, never adding a month or a day', () => {
    const incident = anIncident({ occurredOn: '2015-05', disclosedOn: '2017-08~', reportedOn: '2017-08-21/2017-08-22' })
    const csv = exportRecordsCsv(recordSetOf([{ type: 'incident', record: incident }]), 'incident')
    expect([cell(csv, 'occurredOn'), cell(csv, 'disclosedOn'), cell(csv, 'reportedOn')]).toEqual(['2015-05', '2017-08~', '2017-08-21/2017-08-22'])
  })

  it('writes links as ids with roles and, beside them, the linked records names for people', () => {
    const china = aJurisdiction({ id: 'CN', name: 'China' })
    const alipay = anOrganisation({ id: 'org-alipay', name: 'Alipay' })
    const incident = anIncident({
      jurisdictionIds: ['CN', 'IN'],
      organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
      implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }, { lawId: 'law-csl' }],
      tags: ['opt-in; default', 'a\\b']
    })
    const set = recordSetOf(
      [{ type: 'incident', record: incident }],
      [
        { type: 'jurisdiction', record: china },
        { type: 'organisation', record: alipay }
      ]
    )
    const csv = exportRecordsCsv(set, 'incident')
    expect(cell(csv, 'jurisdictionIds')).toBe('CN; IN')
    expect(cell(csv, 'jurisdictionIds (names)')).toBe('China; (IN not exported)')
    expect(cell(csv, 'organisations')).toBe('org-alipay (operator)')
    expect(cell(csv, 'organisations (names)')).toBe('Alipay')
    expect(cell(csv, 'implicatedProvisions')).toBe('law-csl#41; law-csl')
    expect(cell(csv, 'tags')).toBe('opt-in\\; default; a\\\\b')
  })

  it('puts a quote before every cell a spreadsheet would evaluate, and before one that starts with a quote', () => {
    const titles = ['=HYPERLINK("http://evil","x")', '+1', '-2', '@SUM(A1)', "'quoted", 'plain = text']
    const records = titles.map((title) => ({ type: 'organisation' as const, record: anOrganisation({ name: title }) }))
    const csv = exportRecordsCsv(recordSetOf(records), 'organisation')
    expect(titles.map((_, index) => cell(csv, 'name', index + 1))).toEqual([
      `'=HYPERLINK("http://evil","x")`,
      "'+1",
      "'-2",
      "'@SUM(A1)",
      "''quoted",
      'plain = text'
    ])
  })

  it('writes a penalty of unknown amount as "unknown" and no penalty as an empty cell', () => {
    const records = [aResponse({ penalty: { currency: 'EUR' } }), aResponse({ penalty: { amount: 1250000.5, currency: 'EUR' } }), aResponse()]
    const csv = exportRecordsCsv(recordSetOf(records.map((record) => ({ type: 'response', record }))), 'response')
    expect([1, 2, 3].map((row) => cell(csv, 'penalty.amount', row))).toEqual(['unknown', '1250000.5', ''])
  })

  it('writes structures a cell cannot show plainly as JSON', () => {
    const law = aLaw({ provisions: [{ unit: 'article', number: '41', heading: 'Consent' }] })
    const csv = exportRecordsCsv(recordSetOf([{ type: 'law', record: law }]), 'law')
    expect(JSON.parse(cell(csv, 'provisions (JSON)'))).toEqual([{ unit: 'article', number: '41', heading: 'Consent' }])
  })
})

describe('spreadsheet cell escaping', () => {
  it('survives quoting and re-parsing for any text, and no escaped cell starts with a formula character', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 30 }), { minLength: 1, maxLength: 4 }), (texts) => {
        const escaped = texts.map(escapeSpreadsheetCell)
        const csv = Papa.unparse({ fields: texts.map((_, index) => `c${index}`), data: [escaped] }, { quotes: true, newline: '\r\n' })
        const parsed = Papa.parse<string[]>(csv, { header: false, newline: '\r\n' }).data[1]!
        expect(parsed).toEqual(escaped)
        for (const text of parsed) expect(text).not.toMatch(/^[=+\-@\t\r\n]/)
        expect(parsed.map(unescapeSpreadsheetCell)).toEqual(texts)
      }),
      { numRuns: 300 }
    )
  }, 30_000)
})
