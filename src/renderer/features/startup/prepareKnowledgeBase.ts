import { createJurisdictionRepository, getDatabase, seedBundle, type PrecedentDatabase } from '@renderer/db'
import { checkForSilentReset, rememberKnowledgeBase, type MarkerStorage, type SilentReset } from './silentResetGuard'

/** What start-up did, for the status line and for tests. */
export interface StartupReport {
  readonly jurisdictionsAdded: number
  /** Records of the built-in laws with their full text (the GDPR), added on first run. */
  readonly builtInLawRecordsAdded: number
  readonly sampleRecordsAdded: number
  /** Whether the browser promised not to evict the data under storage pressure (always so in the desktop app). */
  readonly isStoragePersisted: boolean
  /** Set when the browser cleared a knowledge base that held records since the last start. */
  readonly silentReset?: SilentReset
  /**
   * The knowledge base was saved by a newer version of Precedent: it is open to read and search,
   * and every write is refused (see `PrecedentDatabase.isReadOnly`).
   */
  readonly isReadOnly: boolean
}

/**
 * Opens the database and, on first run only, loads the built-in jurisdictions, the built-in laws
 * (the full GDPR) and the sample knowledge base. Each load is recorded by a marker in the same transaction as its records, so a
 * restart never duplicates them and a user's edits are never overwritten. A database written by a
 * newer version is opened read-only, with nothing written to it.
 */
export async function prepareKnowledgeBase(
  db: PrecedentDatabase = getDatabase(),
  storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined = globalThis.navigator?.storage,
  markerStorage: MarkerStorage | undefined = globalThis.localStorage
): Promise<StartupReport> {
  if (await db.hasNewerStoredSchema()) {
    // Nothing is seeded or marked: this version must not write to a schema it does not know.
    return {
      jurisdictionsAdded: 0,
      builtInLawRecordsAdded: 0,
      sampleRecordsAdded: 0,
      isStoragePersisted: await requestPersistentStorage(storage),
      isReadOnly: true
    }
  }
  const { installId, reset } = await checkForSilentReset(db, markerStorage)
  const jurisdictions = await import('@resources/jurisdictions.json')
  const jurisdictionsResult = await seedBundle(db, jurisdictions.default, { markerKey: 'reference:jurisdictions' })
  const knownIds = await createJurisdictionRepository(db).listIds()
  // Before the sample, whose GDPR record has no articles: seeding adds only absent ids, so new users
  // get the full text and a GDPR record already stored (with its links and edits) is kept as it is.
  const gdpr = await import('@resources/laws/eu-gdpr.json')
  const lawsResult = await seedBundle(db, gdpr.default, { markerKey: 'reference:laws', knownIds })
  const sample = await import('@resources/sample-knowledge-base.json')
  const sampleResult = await seedBundle(db, sample.default, { markerKey: 'sample:knowledge-base', knownIds })
  await rememberKnowledgeBase(db, markerStorage, installId, new Date().toISOString())
  return {
    jurisdictionsAdded: jurisdictionsResult.added,
    builtInLawRecordsAdded: lawsResult.added,
    sampleRecordsAdded: sampleResult.added,
    isStoragePersisted: await requestPersistentStorage(storage),
    isReadOnly: false,
    ...(reset === undefined ? {} : { silentReset: reset })
  }
}

// Browsers may evict IndexedDB under storage pressure unless the page asks to keep it; they may
// also refuse (headless Chromium does), which the app then says rather than hides.
async function requestPersistentStorage(storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<boolean> {
  if (storage === undefined) return false
  try {
    return (await storage.persisted()) || (await storage.persist())
  } catch {
    return false
  }
}
