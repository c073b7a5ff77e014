import jurisdictionsJson from '../../resources/jurisdictions.json'
import gdprJson from '../../resources/laws/eu-gdpr.json'
import { bundleRecordsInOrder, parseBundle } from '../shared/domain/bundle'
import type { TypedRecord } from '../shared/domain/recordTypes'

/**
 * The records every knowledge base has built in (the jurisdictions and the full GDPR), which
 * imported and exported bundles may link to without carrying them.
 */
export function referenceRecords(): TypedRecord[] {
  const records: TypedRecord[] = []
  for (const json of [jurisdictionsJson, gdprJson]) {
    const parsed = parseBundle(json, new Set(records.map((typed) => typed.record.id)))
    if (!parsed.ok) throw new Error(`A built-in bundle is invalid: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`)
    records.push(...bundleRecordsInOrder(parsed.bundle.records))
  }
  return records
}
