import { createJurisdictionRepository, getDatabase, seedBundle } from '@renderer/db'

/** What start-up did, for the status line and for tests. */
export interface StartupReport {
  readonly jurisdictionsAdded: number
  readonly sampleRecordsAdded: number
}

/**
 * Opens the database and, on first run only, loads the built-in jurisdictions and the sample
 * knowledge base. Each load is recorded by a marker in the same transaction as its records, so a
 * restart never duplicates them and a user's edits are never overwritten.
 */
export async function prepareKnowledgeBase(): Promise<StartupReport> {
  const db = getDatabase()
  const jurisdictions = await import('@resources/jurisdictions.json')
  const jurisdictionsResult = await seedBundle(db, jurisdictions.default, { markerKey: 'reference:jurisdictions' })
  const knownIds = await createJurisdictionRepository(db).listIds()
  const sample = await import('@resources/sample-knowledge-base.json')
  const sampleResult = await seedBundle(db, sample.default, { markerKey: 'sample:knowledge-base', knownIds })
  return { jurisdictionsAdded: jurisdictionsResult.added, sampleRecordsAdded: sampleResult.added }
}
