import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ImportContext } from '@shared/interchange/importReading'
import { parseJsonSafely } from '@shared/interchange/parseJsonSafely'
import { recordSetOf } from '@shared/interchange/recordSet'
import { exportStixBundle } from '@shared/interchange/stix/exportStixBundle'
import { readStixBundle } from '@shared/interchange/stix/readStixBundle'
import { contentById, knowledgeBaseWorld, WORLD_JURISDICTIONS } from '../../../builders/knowledgeBaseWorld'
import { stixSchemaErrors } from './stixSchemaValidator'

const context: ImportContext = { file: 'bundle.json', importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds: new Set(WORLD_JURISDICTIONS) }

describe('STIX round trip (property)', () => {
  it('export → JSON text → import gives back exactly the records exported, and the export passes the STIX schemas', () => {
    fc.assert(
      fc.property(knowledgeBaseWorld, (records) => {
        const bundle = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
        expect(stixSchemaErrors(bundle)).toEqual([])
        const reading = readStixBundle(parseJsonSafely(JSON.stringify(bundle), 'bundle.json'), context)
        expect(reading.rejected).toEqual([])
        expect(reading.notices).toEqual([])
        expect(contentById(reading.candidates.map((candidate) => candidate.typed))).toEqual(contentById(records))
      }),
      { numRuns: 60 }
    )
  }, 60_000)

  it('exporting the imported records again gives the same objects (ids and content)', () => {
    fc.assert(
      fc.property(knowledgeBaseWorld, (records) => {
        const first = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
        const reading = readStixBundle(JSON.parse(JSON.stringify(first)), context)
        const withOriginalTimes = reading.candidates.map((candidate) => records.find((r) => r.record.id === candidate.typed.record.id)!)
        const second = exportStixBundle(recordSetOf(withOriginalTimes), { now: '2026-11-29T10:00:00.000Z' })
        const byId = (objects: readonly { id: string }[] | undefined) => [...(objects ?? [])].sort((a, b) => a.id.localeCompare(b.id))
        expect(byId(second.objects)).toEqual(byId(first.objects))
      }),
      { numRuns: 50 }
    )
  }, 60_000)
})
