import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { bundleRecordsInOrder, parseBundle } from '../../../src/shared/domain/bundle'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { briefingSchema, type Briefing } from '../../../src/shared/briefing/briefing'
import { recordSetOf, type RecordSet } from '../../../src/shared/interchange/recordSet'

/** The sample knowledge base with the built-in jurisdictions: the fixture every briefing test starts from. */
function loadSampleRecords(): TypedRecord[] {
  const read = (name: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../resources', name), 'utf8'))
  const jurisdictions = parseBundle(read('jurisdictions.json'))
  if (!jurisdictions.ok) throw new Error('jurisdictions bundle invalid')
  const jurisdictionRecords = bundleRecordsInOrder(jurisdictions.bundle.records)
  const sample = parseBundle(read('sample-knowledge-base.json'), new Set(jurisdictionRecords.map((typed) => typed.record.id)))
  if (!sample.ok) throw new Error('sample bundle invalid')
  return [...jurisdictionRecords, ...bundleRecordsInOrder(sample.bundle.records)]
}

export const sampleRecords: readonly TypedRecord[] = loadSampleRecords()

export const ALIPAY_INCIDENT_ID = 'inc-alipay-annual-bill-2018'

/** The Alipay incident selected with its responses, over the whole sample for lookups. */
export function alipaySet(): RecordSet {
  const selected = sampleRecords.filter(
    (typed) => typed.record.id === ALIPAY_INCIDENT_ID || (typed.type === 'response' && typed.record.incidentIds.includes(ALIPAY_INCIDENT_ID as never))
  )
  return recordSetOf(selected, sampleRecords)
}

/** A briefing on the Alipay incident with the author's heading and commentary around it. */
export function alipayBriefing(overrides: Partial<Record<string, unknown>> = {}): Briefing {
  return briefingSchema.parse({
    id: 'briefing-alipay',
    title: 'Alipay and Sesame Credit: consent by default',
    subtitle: 'For the Minister — OFFICIAL',
    asOf: '2026-11-29',
    sections: ['summary', 'chronology', 'legal-basis', 'responses', 'sources'],
    items: [
      { kind: 'heading', text: 'What happened' },
      { kind: 'record', recordType: 'incident', recordId: ALIPAY_INCIDENT_ID },
      { kind: 'commentary', text: 'The regulator acted within a week.\n\nNo fine was reported.' }
    ],
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    revision: 1,
    ...overrides
  })
}
