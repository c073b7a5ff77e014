import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
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
  it.each(RECORD_TYPES)('gives back exactly the %s records exported, whatever their text, dates and links', (type) => {
    fc.assert(
      fc.property(fc.uniqueArray(recordOf(type), { minLength: 1, maxLength: 5, selector: (typed) => typed.record.id }), (records: TypedRecord[]) => {
        const reading = reimport(exportRecordsCsv(recordSetOf(records), type), type)
        expect(reading.rejected).toEqual([])
        expect(reading.candidates.map((candidate) => candidate.typed)).toEqual(records)
        expect(reading.candidates.map((candidate) => candidate.origin.row)).toEqual(records.map((_, index) => index + 2))
      }),
      { numRuns: 150 }
    )
  }, 30_000)
})
