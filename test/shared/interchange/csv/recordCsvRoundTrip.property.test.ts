import { readFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { RECORD_TYPES, type RecordType, type TypedRecord } from '@shared/domain/recordTypes'
import { guessColumnMapping, readMappedCsv } from '@shared/interchange/csv/columnMapping'
import { exportRecordsCsv } from '@shared/interchange/csv/exportRecordsCsv'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { parseCsvTable } from '@shared/interchange/parseCsvTable'
import { recordSetOf } from '@shared/interchange/recordSet'
import { IMPORTED_AT, recordOf } from './recordArbitraries'

/** The export as a file would carry it, then every step an import takes: bytes, text, table, mapping, records. */
function reimport(csv: string, type: RecordType) {
  const text = decodeImportText(new TextEncoder().encode(csv), `${type}.csv`)
  const table = parseCsvTable(text, `${type}.csv`)
  const mapping = guessColumnMapping(table.headers, 'incident')
  expect(mapping).toMatchObject({ layout: 'precedent-export', recordType: type })
  return readMappedCsv(table, mapping, { file: `${type}.csv`, importedAt: IMPORTED_AT, jurisdictionIds: new Set() })
}

describe('CSV export and re-import', () => {
  it.each(RECORD_TYPES)(
    'gives back exactly the %s records exported, whatever their text, dates and links',
    (type) => {
      fc.assert(
        fc.property(fc.uniqueArray(recordOf(type), { minLength: 1, maxLength: 5, selector: (typed) => typed.record.id }), (records: TypedRecord[]) => {
          const reading = reimport(exportRecordsCsv(recordSetOf(records), type), type)
          expect(reading.rejected).toEqual([])
          expect(reading.candidates.map((candidate) => candidate.typed)).toEqual(records)
          expect(reading.candidates.map((candidate) => candidate.origin.row)).toEqual(records.map((_, index) => index + 2))
        }),
        { numRuns: 150 }
      )
    },
    30_000
  )
})

describe('CSV export and re-import of the shipped data', () => {
  const load = (file: string, knownIds: ReadonlySet<string> = new Set()) => {
    const parsed = parseBundle(JSON.parse(readFileSync(path.resolve(__dirname, '../../../../resources', file), 'utf8')), knownIds)
    if (!parsed.ok) throw new Error(`${file}: ${parsed.problems[0]?.message}`)
    return bundleRecordsInOrder(parsed.bundle.records)
  }
  const jurisdictions = load('jurisdictions.json')
  const shipped = [...jurisdictions, ...load('sample-knowledge-base.json', new Set(jurisdictions.map((typed) => typed.record.id)))]

  it.each(RECORD_TYPES)('gives back every shipped %s record, bookkeeping aside', (type) => {
    const records = shipped.filter((typed) => typed.type === type)
    expect(records.length).toBeGreaterThan(0)
    const reading = reimport(exportRecordsCsv(recordSetOf(records, shipped), type), type)
    expect(reading.rejected).toEqual([])
    const restamped = records.map((typed) => ({ ...typed, record: { ...typed.record, createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, revision: 1 } }))
    expect(reading.candidates.map((candidate) => candidate.typed)).toEqual(restamped)
  })
})
