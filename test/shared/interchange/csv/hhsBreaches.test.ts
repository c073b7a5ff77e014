import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parsePartialDate } from '@shared/domain/partialDate'
import { guessColumnMapping, readMappedCsv } from '@shared/interchange/csv/columnMapping'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { IMPORTED_AT } from './recordArbitraries'

const FILE = fileURLToPath(new URL('../../../../../shared/data/hhs-ocr-breaches-2014/breaches.csv', import.meta.url))

function readHhs() {
  const table = parseCsvTable(decodeImportText(readFileSync(FILE), 'breaches.csv'), 'breaches.csv')
  const mapping = guessColumnMapping(table.headers, 'incident')
  const reading = readMappedCsv(table, mapping, { file: 'breaches.csv', importedAt: IMPORTED_AT, jurisdictionIds: new Set(['US']) })
  return { table, mapping, reading }
}

describe('the HHS OCR breach list (1,055 rows) through the guessed mapping', () => {
  const { table, mapping, reading } = readHhs()
  const incidents = reading.candidates.filter((candidate) => candidate.typed.type === 'incident')
  const organisations = reading.candidates.filter((candidate) => candidate.typed.type === 'organisation')

  it('guesses the entity, count, dates, type and summary columns and leaves the rest to the person', () => {
    expect(mapping.layout === 'columns' ? Object.entries(mapping.columns).filter(([, key]) => key !== null) : []).toEqual([
      ['Name_of_Covered_Entity', 'organisations'],
      ['Individuals_Affected', 'affectedUsers'],
      ['Date_of_Breach', 'occurredOn'],
      ['Type_of_Breach', 'tags'],
      ['Date_Posted_or_Updated', 'reportedOn'],
      ['Summary', 'summary']
    ])
  })

  it('imports every row, removing the U+0019 from the one entity name that holds it and saying so on that row', () => {
    console.info(`HHS: ${table.rows.length} rows, ${incidents.length} incidents, ${organisations.length} organisations, ${reading.rejected.length} rejected, ${reading.notices.length} notices`)
    expect(table.rows).toHaveLength(1055)
    expect(reading.rejected).toEqual([])
    const controlRow = table.rows.find((row) => row.cells.Name_of_Covered_Entity?.includes('\u0019'))!
    expect(incidents).toHaveLength(1055 - reading.notices.filter((notice) => notice.message.includes('repeats row')).length)
    expect(reading.notices.filter((notice) => notice.row !== undefined)).toEqual([
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
    expect([...linkCounts]).toEqual([[1, 1054], [3, 1]])
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
    const again = readHhs().reading
    expect(again.candidates.map((candidate) => candidate.typed.record.id)).toEqual(reading.candidates.map((candidate) => candidate.typed.record.id))
    expect(new Set(incidents.map((candidate) => candidate.typed.record.id)).size).toBe(incidents.length)
  })
})
