import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { detectImportFormat, readImport, type ImportFile } from '@shared/interchange/importers'
import { planImport, type ExistingRecords } from '@shared/interchange/importPlan'
import { sharedData } from '../../support/sharedData'

const jurisdictions = parseBundle(JSON.parse(readFileSync(resolve(__dirname, '../../../resources/jurisdictions.json'), 'utf8')) as unknown)
if (!jurisdictions.ok) throw new Error('resources/jurisdictions.json is not a valid bundle')
const jurisdictionIds = new Set(jurisdictions.bundle.records.jurisdictions.map((jurisdiction) => jurisdiction.id as string))
const gdpr = parseBundle(JSON.parse(readFileSync(resolve(__dirname, '../../../resources/laws/eu-gdpr.json'), 'utf8')) as unknown, jurisdictionIds)
if (!gdpr.ok) throw new Error('resources/laws/eu-gdpr.json is not a valid bundle')
// What every knowledge base holds from its first start: the jurisdictions and the full GDPR.
const builtInJurisdictions = bundleRecordsInOrder(jurisdictions.bundle.records)
const builtIn = [...builtInJurisdictions, ...bundleRecordsInOrder(gdpr.bundle.records)]
const context = { importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds }

function storeOf(records: readonly TypedRecord[]): ExistingRecords {
  const byId = new Map(records.map((typed) => [typed.record.id as string, typed]))
  return {
    get: (id) => byId.get(id),
    organisations: records.filter((typed) => typed.type === 'organisation').map((typed) => typed.record as Organisation),
    incidents: records.filter((typed) => typed.type === 'incident').map((typed) => typed.record as Incident)
  }
}

const fileAt = (path: string): ImportFile => ({
  name: path.split('/').at(-1) ?? path,
  text: sharedData(path)
    .text()
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
})
const present = (paths: readonly string[]) => paths.every((path) => sharedData(path).present)

describe.each([
  ['VCDB 2013', 'veris', ['vcdb-2013/incidents.json']],
  ['CMS GDPR fines', 'cms', ['gdpr-fines-cms-2024/enforcementtracker_full_download.json']],
  ['AIID snapshot', 'aiid', ['aiid-2026-02/incidents.csv', 'aiid-2026-02/duplicates.csv', 'aiid-2026-02/classifications_MIT.csv']],
  ['GDPR text', 'law-text', ['gdpr-text-en/gdpr.json']]
] as const)('importing %s from the shared data', (_name, format, paths) => {
  it.skipIf(!present(paths))(
    `is recognised as ${format}, planned with nothing rejected for a broken link, and plans nothing but "unchanged" the second time`,
    () => {
      const files = paths.map(fileAt)
      expect(detectImportFormat(files)).toBe(format)
      const reading = readImport(format, files, context)
      // The GDPR text is imported into a knowledge base without the built-in GDPR (see below for one with it).
      const base = format === 'law-text' ? builtInJurisdictions : builtIn
      const first = planImport(reading, storeOf(base))
      expect(first.counts.new).toBeGreaterThan(0)
      const linkRejections = first.entries.filter((entry) => entry.action === 'rejected' && entry.type !== undefined)
      expect(linkRejections.map((entry) => entry.problems?.[0]?.message).slice(0, 3)).toEqual([])

      const stored = [...base, ...first.writes.map((write) => write.typed)]
      const second = planImport(readImport(format, files, context), storeOf(stored))
      expect(second.counts.new).toBe(0)
      expect(second.counts.update).toBe(0)
      expect(second.counts.unchanged).toBe(first.writes.length)
      console.info(`${_name}: first import ${JSON.stringify(first.counts)}; again ${JSON.stringify(second.counts)}`)
    },
    60_000
  )
})

describe('importing the GDPR text into a knowledge base that holds the built-in GDPR', () => {
  it.skipIf(!present(['gdpr-text-en/gdpr.json']))('plans the law as unchanged: the built-in record is exactly what the import reads', () => {
    const reading = readImport('law-text', [fileAt('gdpr-text-en/gdpr.json')], context)
    const plan = planImport(reading, storeOf(builtIn))
    expect(plan.counts).toEqual({ new: 0, update: 0, unchanged: 1, duplicate: 0, rejected: 0 })
  })
})
