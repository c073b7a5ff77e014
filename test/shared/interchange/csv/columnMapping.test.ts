import { describe, expect, it } from 'vitest'
import {
  guessColumnMapping,
  mappingProblems,
  mappingSignature,
  organisationIdForName,
  readMappedCsv,
  unmappedRequiredFields,
  type ColumnMapping
} from '@shared/interchange/csv/columnMapping'
import { exportRecordsCsv } from '@shared/interchange/csv/exportRecordsCsv'
import { recordCsvHeaders } from '@shared/interchange/csv/recordCsvColumns'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { recordSetOf } from '@shared/interchange/recordSet'
import { anIncident } from '../../../builders/domain'
import { IMPORTED_AT } from './recordArbitraries'
import { describedInEnglish as describeImportProblem, inEnglishThroughout, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const context = { file: 'list.csv', importedAt: IMPORTED_AT, jurisdictionIds: new Set(['CN', 'IN', 'US']) }

function read(text: string, mapping?: ColumnMapping) {
  const table = parseCsvTable(text, 'list.csv')
  return readMappedCsv(table, mapping ?? guessColumnMapping(table.headers, 'incident'), context)
}

const records = (reading: ReturnType<typeof read>) => reading.candidates.map((candidate) => candidate.typed)
const described = (reading: ReturnType<typeof read>) => reading.rejected.map(describeImportProblem)

describe('guessColumnMapping', () => {
  it('maps headers by normalised names and synonyms, each single field to one column', () => {
    const mapping = guessColumnMapping(['Title', 'Date of Breach', 'country', 'Description', 'Date', 'Company', 'Tags', 'Keywords', 'Extra'], 'incident')
    expect(mapping).toEqual({
      layout: 'columns',
      recordType: 'incident',
      columns: {
        Title: 'title',
        'Date of Breach': 'occurredOn',
        country: 'jurisdictionIds',
        Description: 'summary',
        Date: null,
        Company: 'organisations',
        Tags: 'tags',
        Keywords: 'tags',
        Extra: null
      }
    })
  })

  it('recognises a field named as the record names it ("occurredOn") and the same words in another type', () => {
    expect(guessColumnMapping(['occurredOn', 'title'], 'incident').columns).toEqual({ occurredOn: 'occurredOn', title: 'title' })
    expect(guessColumnMapping(['Name', 'Country'], 'organisation').columns).toEqual({ Name: 'name', Country: 'headquartersJurisdictionId' })
  })

  it('recognises our own export by its header row, whatever type was asked for', () => {
    expect(guessColumnMapping(recordCsvHeaders('law'), 'incident')).toMatchObject({ layout: 'precedent-export', recordType: 'law' })
    expect(guessColumnMapping(recordCsvHeaders('law').slice(1), 'incident').layout).toBe('columns')
  })
})

describe('mappingSignature', () => {
  it('is the same for the same headers in any order and differs for other headers', () => {
    expect(mappingSignature(['a', 'b', 'Date'])).toBe(mappingSignature(['Date', 'a', 'b ']))
    expect(mappingSignature(['a', 'b', 'Date'])).not.toBe(mappingSignature(['a', 'b', 'date']))
    expect(mappingSignature(['a,b'])).not.toBe(mappingSignature(['a', 'b']))
    expect(mappingSignature(['a'])).toMatch(/^csv-columns:1:[0-9a-f]{16}$/)
  })
})

describe('mappingProblems and unmappedRequiredFields', () => {
  it('names required fields with no column and single fields given two', () => {
    const mapping: ColumnMapping = { layout: 'columns', recordType: 'law', columns: { A: 'title', B: 'adoptedOn', C: 'adoptedOn', D: 'shortName' } }
    expect(unmappedRequiredFields(mapping).map((target) => target.key)).toEqual(['jurisdictionId', 'kind', 'status'])
    expect(inEnglishThroughout(mappingProblems(mapping))).toEqual([
      'Date adopted can come from one column only, but "B" and "C" both map to it',
      'Jurisdiction (code) is required: choose the column that gives it',
      'Kind is required: choose the column that gives it',
      'Status is required: choose the column that gives it'
    ])
  })

  it('lets an incident take its title from its organisations', () => {
    expect(unmappedRequiredFields({ layout: 'columns', recordType: 'incident', columns: { Entity: 'organisations' } })).toEqual([])
    expect(unmappedRequiredFields({ layout: 'columns', recordType: 'incident', columns: { Summary: 'summary' } }).map((target) => target.key)).toEqual([
      'title'
    ])
  })

  it('refuses to read through a mapping with problems', () => {
    expect(thrownInEnglish(() => read('a\n1\n', { layout: 'columns', recordType: 'incident', columns: { a: 'summary' } }))).toContain('Title is required')
  })
})

describe('readMappedCsv on a foreign table', () => {
  it('reads text, dates at their own precision, counts, lists and links', () => {
    const reading = read(
      'Title,Date,Country,Affected,Category,Tags,Company,URL\n' +
        'Alipay opt-in,2018-01,CN,"~1,200",Consent dark pattern,"opt-in, default",Alipay; Ant Financial,https://example.org/a\n'
    )
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    const [alipay, ant, source, incident] = records(reading)
    expect([alipay, ant, source].map((typed) => typed!.type)).toEqual(['organisation', 'organisation', 'source'])
    expect(incident).toMatchObject({
      type: 'incident',
      record: {
        title: 'Alipay opt-in',
        occurredOn: '2018-01',
        status: 'alleged',
        jurisdictionIds: ['CN'],
        affectedUsers: { count: 1200, isEstimate: true },
        categories: ['consent-dark-pattern'],
        tags: ['opt-in', 'default'],
        organisations: [
          { organisationId: organisationIdForName('Alipay'), role: 'involved' },
          { organisationId: organisationIdForName('Ant Financial'), role: 'involved' }
        ],
        citations: [{ sourceId: source!.record.id }]
      }
    })
    expect(source!.record).toMatchObject({ title: 'https://example.org/a', url: 'https://example.org/a' })
    expect(reading.notices.map(describeImportProblem)).toEqual(['list.csv: No column gives the status: the incidents are imported as Alleged'])
  })

  it('imports a formula cell as the text it is, neither stripped nor evaluated', () => {
    const reading = read('Title,Summary\n=HYPERLINK("http://evil";"x"),+SUM(1;2)\n\'kept,-1\n')
    expect(records(reading).map((typed) => typed.type === 'incident' && [typed.record.title, typed.record.summary])).toEqual([
      ['=HYPERLINK("http://evil";"x")', '+SUM(1;2)'],
      ["'kept", '-1']
    ])
  })

  it('reads slash dates in the order the column shows, and refuses one it cannot tell, naming row and column', () => {
    expect(records(read('Title,Date\nA,03/04/2012\nB,25/12/2012\n')).map((typed) => typed.type === 'incident' && typed.record.occurredOn)).toEqual([
      '2012-04-03',
      '2012-12-25'
    ])
    expect(records(read('Title,Date\nA,03/04/2012\nB,12/25/2012\n')).map((typed) => typed.type === 'incident' && typed.record.occurredOn)).toEqual([
      '2012-03-04',
      '2012-12-25'
    ])
    const unclear = read('Title,Date\nA,03/04/2012\nB,05/05/2012\n')
    expect(described(unclear)).toEqual([
      'list.csv, row 2, field "Date": "03/04/2012" could be 2012-03-04 or 2012-04-03, and no other date in the column says which: write it as YYYY-MM-DD'
    ])
    expect(records(unclear).map((typed) => typed.type === 'incident' && typed.record.occurredOn)).toEqual(['2012-05-05'])
  })

  it('reads ranges as intervals, a one-day range as that day, and timestamps as their day', () => {
    const reading = read('Title,Date\nA,2015 - 2017\nB,05/13/2012 to 05/13/2012\nC,2014-06-30T10:00:00Z\nD,2017-08~\n')
    expect(records(reading).map((typed) => typed.type === 'incident' && typed.record.occurredOn)).toEqual(['2015/2017', '2012-05-13', '2014-06-30', '2017-08~'])
  })

  it('refuses bad cells by row and source column, keeping the other rows', () => {
    const reading = read('Title,Country,Affected,Date\nA,XX,10,2015\nB,IN,many,2015\nC,CN,5,2015-13\n,IN,1,2016\nE,in,3,2017\n')
    expect(described(reading)).toEqual([
      'list.csv, row 2, field "Country": "XX" is not a known jurisdiction code: use ISO 3166 codes such as CN, IN, US or CN-ZJ',
      'list.csv, row 3, field "Affected": "many" is not a whole number: write e.g. 1250000, 1,250,000 or 1.25 million',
      'list.csv, row 4, field "Date": "2015-13": month 13 does not exist (01 to 12)',
      'list.csv, row 5, field "Title": Title is required'
    ])
    expect(records(reading).map((typed) => typed.type === 'incident' && typed.record.jurisdictionIds)).toEqual([['IN']])
  })

  it('derives ids from the mapped cells, so the same file gives the same ids and another row another id', () => {
    const text = 'Title,Date,Row number\nA,2015,1\nB,2015,2\nA,2015,3\n'
    const first = read(text)
    const ids = records(first).map((typed) => typed.record.id)
    expect(ids).toHaveLength(2)
    expect(ids[0]).toMatch(/^csv-incident-[0-9a-f]{16}$/)
    expect(ids[0]).not.toBe(ids[1])
    expect(records(read(text)).map((typed) => typed.record.id)).toEqual(ids)
    expect(first.notices.map(describeImportProblem)).toContain('list.csv, row 4: The row repeats row 2 exactly; it was imported once')
  })

  it('keeps ids from an id column and refuses an id used twice', () => {
    const reading = read('id,Title\ninc-a,A\ninc-a,B\nnot an id,C\n')
    expect(records(reading).map((typed) => typed.record.id)).toEqual(['inc-a'])
    expect(described(reading)).toEqual([
      'list.csv, row 3, field "id": The id "inc-a" is also used by row 2',
      'list.csv, row 4, field "id": An id is 1 to 100 letters, digits or -_.: and starts with a letter or digit'
    ])
  })

  it('titles an incident with its organisations when no column gives a title, and names that column when it is empty', () => {
    const reading = read('Entity\tDate\nAlipay; Ant Financial\t2018\n\t2019\n')
    expect(
      records(reading)
        .filter((typed) => typed.type === 'incident')
        .map((typed) => typed.type === 'incident' && typed.record.title)
    ).toEqual(['Alipay, Ant Financial'])
    expect(described(reading)).toEqual(['list.csv, row 3, field "Entity": Title is required'])
  })

  it('makes one record of an organisation named in many rows, from the first row imported', () => {
    const reading = read('Title,Entity,Date\nA,Alipay,2015-13\nB,Alipay,2016\nC,alipay ,2017\n')
    const organisations = reading.candidates.filter((candidate) => candidate.typed.type === 'organisation')
    expect(organisations.map((candidate) => [candidate.typed.record.id, candidate.origin.row])).toEqual([[organisationIdForName('Alipay'), 3]])
    expect(
      records(reading)
        .filter((typed) => typed.type === 'incident')
        .map((typed) => typed.type === 'incident' && typed.record.organisations)
    ).toEqual([
      [{ organisationId: organisationIdForName('Alipay'), role: 'involved' }],
      [{ organisationId: organisationIdForName('Alipay'), role: 'involved' }]
    ])
  })

  it('removes a control character from a cell and says so on the row, instead of refusing it', () => {
    const reading = read('Title,Entity\nA,Bad\u0019Name\n')
    expect(described(reading)).toEqual([])
    expect(records(reading).map((typed) => (typed.type === 'organisation' ? typed.record.name : typed.record.id))).toContain('BadName')
    expect(reading.notices.map(describeImportProblem)).toContainEqual(expect.stringMatching(/^list\.csv, row 2, field "Entity": .*control/i))
  })

  it('names an organisation the schema refuses under its source column', () => {
    const reading = read(`Title,Entity\nA,${'x'.repeat(400)}\n`)
    expect(described(reading)).toEqual([expect.stringMatching(/^list\.csv, row 2, field "Entity": /)])
    expect(reading.candidates).toEqual([])
  })

  it('makes a response actor an organisation by name and checks the amount', () => {
    const table = parseCsvTable('Title,Type,Authority,Fine,Currency\nFine for X,fine,CNIL,"1,250,000",eur\nOther,fine,,12x,EUR\n', 'fines.csv')
    const mapping = guessColumnMapping(table.headers, 'response')
    expect(inEnglishThroughout(mappingProblems(mapping))).toEqual([])
    const reading = readMappedCsv(table, mapping, { ...context, file: 'fines.csv' })
    expect(records(reading).map((typed) => typed.record)).toMatchObject([
      { name: 'CNIL', kind: 'other' },
      { title: 'Fine for X', kind: 'fine', actorId: organisationIdForName('cnil'), penalty: { amount: 1250000, currency: 'EUR' } }
    ])
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'fines.csv, row 3, field "Authority": Who responded (name) is required',
      'fines.csv, row 3, field "Fine": "12x" is not an amount: write e.g. 1250000, 1,250,000.50, 1.250.000,50, €1.25m or EUR 1250000'
    ])
  })
})

describe('readMappedCsv on our own export', () => {
  const exported = exportRecordsCsv(recordSetOf([{ type: 'incident', record: anIncident({ id: 'inc-1', title: '=1+1' }) }]), 'incident')
  const tableOf = (text: string) => parseCsvTable(decodeImportText(new TextEncoder().encode(text), 'incidents.csv'), 'incidents.csv')

  it('undoes the formula escaping exactly', () => {
    const table = tableOf(exported)
    const reading = readMappedCsv(table, guessColumnMapping(table.headers, 'incident'), context)
    expect(reading.candidates.map((candidate) => candidate.typed.type === 'incident' && candidate.typed.record.title)).toEqual(['=1+1'])
  })

  it('reports a cell edited into something unreadable by row and column', () => {
    const edited = exported.replace('"inc-1"', '"inc-1"').replace(/"alleged","",""/, '"alleged","many",""')
    const table = tableOf(edited)
    const reading = readMappedCsv(table, guessColumnMapping(table.headers, 'incident'), context)
    expect(reading.rejected.map(describeImportProblem)).toEqual(['incidents.csv, row 2, field "affectedUsers.count": "many" is not a number'])
  })

  it('refuses a JSON cell that carries a __proto__ key, naming row and column', () => {
    const table = tableOf(exported)
    const row = table.rows[0]!
    const hostile = { ...table, rows: [{ row: row.row, cells: { ...row.cells, 'citations (JSON)': '[{"sourceId":"s","__proto__":{"polluted":true}}]' } }] }
    const reading = readMappedCsv(hostile, guessColumnMapping(table.headers, 'incident'), context)
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'incidents.csv, row 2, field "citations (JSON)": The cell contains a "__proto__" or "constructor.prototype" key, which is never imported'
    ])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses a table whose headers are not the export the mapping names', () => {
    const table = tableOf(exported)
    const reading = readMappedCsv(table, { layout: 'precedent-export', recordType: 'law', columns: {} }, context)
    expect(reading.rejected.map(describeImportProblem)[0]).toMatch(/^incidents\.csv, row 1: The header row is not that of a Precedent export of law records/)
  })
})
