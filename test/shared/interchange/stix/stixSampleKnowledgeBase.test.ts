import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { parseJsonSafely } from '@shared/interchange/parseJsonSafely'
import { recordSetOf } from '@shared/interchange/recordSet'
import { exportStixBundle } from '@shared/interchange/stix/exportStixBundle'
import { readStixBundle } from '@shared/interchange/stix/readStixBundle'
import { stixSchemaErrors } from './stixSchemaValidator'

const repoRoot = path.resolve(__dirname, '../../../..')

function recordsOf(file: string, knownIds: ReadonlySet<string> = new Set()): TypedRecord[] {
  const result = parseBundle(JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8')), knownIds)
  if (!result.ok) throw new Error(`${file} is invalid`)
  return bundleRecordsInOrder(result.bundle.records)
}

const jurisdictions = recordsOf('resources/jurisdictions.json')
const jurisdictionIds = new Set(jurisdictions.map((typed) => typed.record.id as string))
const sample = recordsOf('resources/sample-knowledge-base.json', jurisdictionIds)
const gdpr = recordsOf('resources/laws/eu-gdpr.json', jurisdictionIds)

function content(typed: TypedRecord): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, revision: _r, ...rest } = typed.record as unknown as Record<string, unknown>
  return { type: typed.type, ...rest }
}
const sorted = (records: readonly TypedRecord[]) => [...records].sort((a, b) => a.record.id.localeCompare(b.record.id)).map(content)

describe.each([
  ['the shipped sample knowledge base', sample],
  ['the GDPR with its full text', gdpr]
])('STIX round trip of %s', (_name, records) => {
  const bundle = exportStixBundle(recordSetOf(records, [...records, ...jurisdictions]), { now: '2026-11-29T10:00:00.000Z' })
  const text = JSON.stringify(bundle)

  it('passes the OASIS STIX 2.1 schemas', () => {
    expect(stixSchemaErrors(bundle)).toEqual([])
  })

  it('reads back every record unchanged, with no problems or notices', () => {
    const reading = readStixBundle(parseJsonSafely(text, 'kb.stix.json'), { file: 'kb.stix.json', importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds })
    expect(reading.rejected).toEqual([])
    expect(reading.notices).toEqual([])
    expect(sorted(reading.candidates.map((candidate) => candidate.typed))).toEqual(sorted(records))
  })
})

it('writes the sample as one object per record plus its jurisdictions and one relationship per link', () => {
  const bundle = exportStixBundle(recordSetOf(sample, [...sample, ...jurisdictions]), { now: '2026-11-29T10:00:00.000Z' })
  const counts: Record<string, number> = {}
  for (const object of bundle.objects ?? []) counts[object.type] = (counts[object.type] ?? 0) + 1
  const ofType = (type: string) => sample.filter((typed) => typed.type === type).length
  expect(counts).toMatchObject({
    incident: ofType('incident'),
    identity: ofType('organisation'),
    report: ofType('law'),
    'course-of-action': ofType('response'),
    'x-precedent-source': ofType('source')
  })
  expect(counts.location).toBeGreaterThan(0)
  expect(counts.relationship).toBeGreaterThan(ofType('response'))
})
