import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import Ajv from 'ajv-draft-04'
import { referencedIds } from '@shared/domain/recordReferences'
import type { ImportContext, ImportReading } from '@shared/interchange/importReading'

const jurisdictionBundle = JSON.parse(readFileSync(resolve(__dirname, '../../../../resources/jurisdictions.json'), 'utf8')) as {
  records: { jurisdictions: { id: string }[] }
}

/** The app's real jurisdiction ids (ISO codes, EU, subdivisions). */
export const JURISDICTION_IDS: ReadonlySet<string> = new Set(jurisdictionBundle.records.jurisdictions.map((jurisdiction) => jurisdiction.id))

export const context = (file = 'incidents.json'): ImportContext => ({ file, importedAt: '2026-11-29T12:00:00.000Z', jurisdictionIds: JURISDICTION_IDS })

/** The VERIS 1.4 schema and its enumerations (vz-risk/veris, CC BY-SA 4.0), vendored unchanged with their licence in test/fixtures/veris. */
export const VERIS_SCHEMA_FOLDER = resolve(__dirname, '../../../fixtures/veris')
const verisSchema = JSON.parse(readFileSync(resolve(VERIS_SCHEMA_FOLDER, 'verisc.json'), 'utf8')) as object
const validateVeris = new Ajv({ strict: false, allErrors: true }).compile(verisSchema)

/** Problems of a value against verisc.json, as `path: message`. */
export function verisSchemaErrors(value: unknown): string[] {
  return validateVeris(value) ? [] : (validateVeris.errors ?? []).map((error) => `${error.instancePath || '/'}: ${error.message ?? ''}`)
}

/** A VERIS 1.4 incident valid against verisc.json, with parts replaced by `overrides`. */
export function verisIncident(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    incident_id: '0012CC25-9167-40D8-8FE3-3D0DFD8FB6BB',
    schema_version: '1.4.0',
    source_id: 'vcdb',
    security_incident: 'Confirmed',
    summary: 'Hackers registered as an employer and obtained passport scans.',
    reference: 'https://news.example.org/jobmatch, https://www.example.com/report.pdf',
    timeline: { incident: { year: 2012, month: 12 } },
    victim: { victim_id: 'Universal Jobmatch', country: ['GB'], employee_count: 'Unknown', industry: '519190', government: ['NA'] },
    action: { hacking: { variety: ['SQLi'], vector: ['Web application'] } },
    actor: { external: { variety: ['Unknown'], motive: ['Financial'] } },
    asset: { assets: [{ variety: 'S - Web application' }], cloud: ['Unknown'] },
    attribute: { confidentiality: { data_disclosure: 'Yes', data: [{ variety: 'Personal', amount: 1200 }], data_total: 1200 } },
    discovery_method: { unknown: true },
    ...overrides
  }
}

/** Ids a reading links to that are neither among its candidates nor in `alsoKnown` (jurisdictions, built-in laws). */
export function danglingLinks(reading: ImportReading, alsoKnown: ReadonlySet<string>): string[] {
  const ids = new Set(reading.candidates.map((candidate) => candidate.typed.record.id as string))
  return [...new Set(reading.candidates.flatMap((candidate) => referencedIds(candidate.typed) as string[]))].filter((id) => !ids.has(id) && !alsoKnown.has(id))
}

/** Ids used twice among a reading's candidates (ids are unique across record types). */
export function repeatedIds(reading: ImportReading): string[] {
  const seen = new Set<string>()
  return reading.candidates.map((candidate) => candidate.typed.record.id as string).filter((id) => (seen.has(id) ? true : (seen.add(id), false)))
}
