import { beforeAll, describe, expect, it } from 'vitest'
import { parsePartialDate } from '@shared/domain/partialDate'
import { guessColumnMapping, readMappedCsv, type ColumnMapping } from '@shared/interchange/csv/columnMapping'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import type { ImportReading } from '@shared/interchange/importReading'
import { parseCsvTable, type CsvTable } from '@shared/interchange/parseCsvTable'
import { sharedData } from '../../../support/sharedData'
import { IMPORTED_AT } from './recordArbitraries'
import { inEnglish, inEnglishThroughout, withReasonInEnglish } from '../../../support/words'

const hhsFile = sharedData('hhs-ocr-breaches-2014/breaches.csv')

function readHhs(bytes: Uint8Array) {
  const table = parseCsvTable(decodeImportText(bytes, 'breaches.csv'), 'breaches.csv')
  const mapping = guessColumnMapping(table.headers, 'incident')
  const reading = readMappedCsv(table, mapping, { file: 'breaches.csv', importedAt: IMPORTED_AT, jurisdictionIds: new Set(['US']) })
  return { table, mapping, reading }
}

const mappedColumns = (mapping: ColumnMapping) => (mapping.layout === 'columns' ? Object.entries(mapping.columns).filter(([, key]) => key !== null) : [])

/** The columns the HHS list's guessed mapping reads, in its column order. */
const HHS_MAPPED_COLUMNS = [
  ['Name_of_Covered_Entity', 'organisations'],
  ['Individuals_Affected', 'affectedUsers'],
  ['Date_of_Breach', 'occurredOn'],
  ['Type_of_Breach', 'tags'],
  ['Date_Posted_or_Updated', 'reportedOn'],
  ['Summary', 'summary']
]

// Made-up rows in the HHS OCR list's exact layout (its header row, its date styles and quirks), so
// the behaviour is checked without the real file; the suite below checks it on all 1,055 rows.
describe('a list in the HHS OCR layout through the guessed mapping', () => {
  const text = [
    'rownames,Number,Name_of_Covered_Entity,State,Business_Associate_Involved,Individuals_Affected,Date_of_Breach,Type_of_Breach,Location_of_Breached_Information,Date_Posted_or_Updated,Summary,breach_start,breach_end,year',
    '1,0,Riverside Clinic,TX,,1000,10/16/2009,Theft,Paper,2014-06-30,A binder was stolen from a car.,2009-10-16,,2009',
    '2,1,Lakeside\u0019 Dental Group,MO,,620,9/22/2009,Theft,Network Server,2014-05-30,,2009-09-22,,2009',
    '3,2,North Valley Health (Valley Hospital; Valley Clinic),CA,,4479,10/01/2011-11/31/2011,Loss,Paper,2014-01-23,,2011-10-01,2011-11-31,2011',
    '4,3,Riverside Clinic,TX,,700,09/20/2011 - 10/28/2011,Hacking/IT Incident,Network Server,2014-01-23,,2011-09-20,2011-10-28,2011',
    '5,4,Hilltop Pharmacy; Hilltop Labs,WI,,950,11/31/2011,Other,Laptop,2014-01-23,,2011-11-31,,2011'
  ].join('\n')
  const { table, mapping, reading } = readHhs(new TextEncoder().encode(`${text}\n`))
  const incidents = reading.candidates.filter((candidate) => candidate.typed.type === 'incident')
  const organisations = reading.candidates.filter((candidate) => candidate.typed.type === 'organisation')
  const occurredOn = (row: number) => {
    const typed = incidents.find((candidate) => candidate.origin.row === row)!.typed
    return typed.type === 'incident' ? typed.record.occurredOn : undefined
  }

  it('guesses the entity, count, dates, type and summary columns and leaves the rest to the person', () => {
    expect(mappedColumns(mapping)).toEqual(HHS_MAPPED_COLUMNS)
  })

  it('imports every row, removing a control character from an entity name and saying so on that row', () => {
    expect(table.rows).toHaveLength(5)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(incidents).toHaveLength(5)
    expect(inEnglishThroughout(reading.notices.filter((notice) => notice.row !== undefined))).toEqual([
      { file: 'breaches.csv', row: 3, field: 'Name_of_Covered_Entity', message: expect.stringMatching(/control/i) as string },
      { file: 'breaches.csv', row: 4, field: 'Date_of_Breach', message: '"11/31/2011" is not a real day; it was read as the month 2011-11' },
      { file: 'breaches.csv', row: 6, field: 'Date_of_Breach', message: '"11/31/2011" is not a real day; it was read as the month 2011-11' }
    ])
    const cleaned = organisations.find((candidate) => candidate.origin.row === 3)!.typed
    expect(cleaned.type === 'organisation' && cleaned.record.name).toBe('Lakeside Dental Group')
  })

  it('reads dates and ranges, a range ending on a day that never was to the coarser month', () => {
    expect([occurredOn(2), occurredOn(4), occurredOn(5), occurredOn(6)]).toEqual(['2009-10-16', '2011-10-01/2011-11', '2011-09-20/2011-10-28', '2011-11'])
  })

  it('links each incident to its entities, one organisation per name, splitting names at semicolons outside brackets', () => {
    expect(organisations.map((candidate) => candidate.typed.type === 'organisation' && candidate.typed.record.name)).toEqual([
      'Riverside Clinic',
      'Lakeside Dental Group',
      'North Valley Health (Valley Hospital; Valley Clinic)',
      'Hilltop Pharmacy',
      'Hilltop Labs'
    ])
    const linkCounts = incidents.map((candidate) => (candidate.typed.type === 'incident' ? candidate.typed.record.organisations.length : 0))
    expect(linkCounts).toEqual([1, 1, 1, 1, 2])
  })
})

describe.skipIf(!hhsFile.present)('the HHS OCR breach list (1,055 rows) through the guessed mapping', () => {
  let table: CsvTable
  let mapping: ColumnMapping
  let reading: ImportReading
  let incidents: ImportReading['candidates']
  let organisations: ImportReading['candidates']
  beforeAll(() => {
    ;({ table, mapping, reading } = readHhs(hhsFile.bytes()))
    incidents = reading.candidates.filter((candidate) => candidate.typed.type === 'incident')
    organisations = reading.candidates.filter((candidate) => candidate.typed.type === 'organisation')
  })

  it('guesses the entity, count, dates, type and summary columns and leaves the rest to the person', () => {
    expect(mappedColumns(mapping)).toEqual(HHS_MAPPED_COLUMNS)
  })

  it('imports every row, removing the U+0019 from the one entity name that holds it and saying so on that row', () => {
    console.info(
      `HHS: ${table.rows.length} rows, ${incidents.length} incidents, ${organisations.length} organisations, ${reading.rejected.length} rejected, ${reading.notices.length} notices`
    )
    expect(table.rows).toHaveLength(1055)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    const controlRow = table.rows.find((row) => row.cells.Name_of_Covered_Entity?.includes('\u0019'))!
    expect(incidents).toHaveLength(1055 - reading.notices.filter((notice) => inEnglish(notice.message).includes('repeats row')).length)
    expect(inEnglishThroughout(reading.notices.filter((notice) => notice.row !== undefined))).toEqual([
      { file: 'breaches.csv', row: controlRow.row, field: 'Name_of_Covered_Entity', message: expect.stringMatching(/control/i) },
      { file: 'breaches.csv', row: 782, field: 'Date_of_Breach', message: '"11/31/2011" is not a real day; it was read as the month 2011-11' }
    ])
    const cleaned = organisations.find((candidate) => candidate.origin.row === controlRow.row)!.typed
    expect(cleaned.type === 'organisation' && cleaned.record.name).not.toContain('\u0019')
  })

  it('reads a range ending on a day that never was ("10/01/2011-11/31/2011") to the honest coarser month', () => {
    const incident = incidents.find((candidate) => candidate.origin.row === 782)!.typed
    expect(incident.type === 'incident' && incident.record.occurredOn).toBe('2011-10-01/2011-11')
  })

  it('links each incident to its entity, one organisation record per name however often it is named', () => {
    const ids = new Set(organisations.map((candidate) => candidate.typed.record.id))
    expect(ids.size).toBe(organisations.length)
    const linkCounts = new Map<number, number>()
    for (const candidate of incidents) {
      if (candidate.typed.type !== 'incident') continue
      const links = candidate.typed.record.organisations
      linkCounts.set(links.length, (linkCounts.get(links.length) ?? 0) + 1)
      for (const link of links) expect(ids.has(link.organisationId)).toBe(true)
    }
    // One cell names three entities with semicolons; another has semicolons only inside brackets.
    expect([...linkCounts]).toEqual([
      [1, 1054],
      [3, 1]
    ])
    const sutter = incidents.find((candidate) => candidate.typed.type === 'incident' && candidate.typed.record.title.startsWith('Sutter Health East Bay'))!
    expect(sutter.typed.type === 'incident' && sutter.typed.record.title).toBe(
      'Sutter Health East Bay Region (Alta Bates Summit Medical Center; Sutter Delta Medical Center; Eden Medical Center)'
    )
  })

  it('reads date ranges in all four separator styles as EDTF intervals, and single dates as days', () => {
    const dateOf = (row: number) => {
      const incident = incidents.find((candidate) => candidate.origin.row === row)!.typed
      return incident.type === 'incident' ? incident.record.occurredOn : undefined
    }
    const rowWith = (cell: string) => table.rows.find((row) => row.cells.Date_of_Breach === cell)!.row
    expect(dateOf(rowWith('09/20/2011 - 10/28/2011'))).toBe('2011-09-20/2011-10-28')
    expect(dateOf(rowWith('12/01/2010-11/21/2011'))).toBe('2010-12-01/2011-11-21')
    expect(dateOf(rowWith('10/16/2009'))).toBe('2009-10-16')
    const styles = [/ - /, /\d-\d/, / -\d/, /\d- /]
    for (const style of styles) {
      const row = table.rows.find((candidate) => style.test(candidate.cells.Date_of_Breach ?? ''))!
      const value = dateOf(row.row)
      expect(value, row.cells.Date_of_Breach).toMatch(/^\d{4}-\d{2}-\d{2}(\/\d{4}-\d{2}-\d{2})?$/)
      expect(parsePartialDate(value!).ok).toBe(true)
    }
    const ranges = incidents.filter((candidate) => candidate.typed.type === 'incident' && candidate.typed.record.occurredOn?.includes('/'))
    console.info(`HHS: ${ranges.length} breach dates are ranges`)
    expect(ranges.length).toBeGreaterThan(100)
  })

  it('gives the same ids on a second reading, so importing the file again plans no change', () => {
    const again = readHhs(hhsFile.bytes()).reading
    expect(again.candidates.map((candidate) => candidate.typed.record.id)).toEqual(reading.candidates.map((candidate) => candidate.typed.record.id))
    expect(new Set(incidents.map((candidate) => candidate.typed.record.id)).size).toBe(incidents.length)
  })
})
