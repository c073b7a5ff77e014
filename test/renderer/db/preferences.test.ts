import { describe, expect, it } from 'vitest'
import { PREFERENCES_KEY, readPreferences, type RecordValidationError, savePreferences } from '@renderer/db'
import { aFreshDatabase } from './testDatabase'
import { catchError } from '../../support/catchError'

describe('preferences', () => {
  it('reads an empty author name before any is saved', async () => {
    const db = aFreshDatabase()

    expect(await readPreferences(db)).toEqual({ authorName: '' })
  })

  it('stores the author name trimmed, and reads it back', async () => {
    const db = aFreshDatabase()

    await savePreferences(db, { authorName: '  Mei Chen ' })

    expect(await readPreferences(db)).toEqual({ authorName: 'Mei Chen' })
  })

  it('refuses a name over 100 characters, keeping the stored one', async () => {
    const db = aFreshDatabase()
    await savePreferences(db, { authorName: 'Mei Chen' })

    const error = await catchError(savePreferences(db, { authorName: 'x'.repeat(101) }))

    expect((error as RecordValidationError).problems).toEqual([{ path: 'authorName', message: 'Author name must be at most 100 characters' }])
    expect(await readPreferences(db)).toEqual({ authorName: 'Mei Chen' })
  })

  it('falls back to defaults when the stored row is unreadable', async () => {
    const db = aFreshDatabase()
    await db.meta.put({ key: PREFERENCES_KEY, value: { authorName: 42 } })

    expect(await readPreferences(db)).toEqual({ authorName: '' })
  })
})
