import { DEFAULT_PREFERENCES, preferencesSchema, type Preferences } from '@shared/domain/preferences'
import type { PrecedentDatabase } from './precedentDatabase'
import { RecordValidationError, toStorageError } from './storageErrors'

/** The `meta` key the preferences are stored under. */
export const PREFERENCES_KEY = 'preferences'

export type { Preferences } from '@shared/domain/preferences'

/** The stored preferences; defaults for anything missing or unreadable, so a damaged row never stops a save. */
export async function readPreferences(db: PrecedentDatabase): Promise<Preferences> {
  const row = await db.meta.get(PREFERENCES_KEY)
  const parsed = preferencesSchema.safeParse(row?.value ?? {})
  return parsed.success ? parsed.data : DEFAULT_PREFERENCES
}

/**
 * Validates and stores the preferences; resolves once the write has committed.
 *
 * @returns the preferences as stored (trimmed, NFC-normalised)
 * @throws RecordValidationError a value is not acceptable (e.g. a name longer than 100 characters)
 * @throws StorageWriteError the browser aborted the write
 */
export async function savePreferences(db: PrecedentDatabase, preferences: Preferences): Promise<Preferences> {
  const parsed = preferencesSchema.safeParse(preferences)
  if (!parsed.success) {
    throw new RecordValidationError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })))
  }
  try {
    await db.meta.put({ key: PREFERENCES_KEY, value: parsed.data })
  } catch (error) {
    throw toStorageError(error)
  }
  return parsed.data
}
