import { describe, expect, it } from 'vitest'
import { RecordValidationError, StorageWriteError } from '@renderer/db'
import { toStorageError } from '@renderer/db/storageErrors'

describe('toStorageError', () => {
  it('explains an aborted transaction caused by a full disk as full storage', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), {
      name: 'AbortError',
      inner: new DOMException('Quota exceeded', 'QuotaExceededError')
    })

    const error = toStorageError(aborted)

    expect(error).toBeInstanceOf(StorageWriteError)
    expect((error as StorageWriteError).isQuotaExceeded).toBe(true)
  })

  it('explains any other aborted transaction as not saved, keeping the cause', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError' })

    const error = toStorageError(aborted) as StorageWriteError

    expect(error.message).toMatch(/^Not saved:/)
    expect(error.isQuotaExceeded).toBe(false)
    expect(error.cause).toBe(aborted)
  })

  it('lets the storage layer’s own errors through unchanged', () => {
    const invalid = new RecordValidationError([{ path: 'title', message: 'Title is required' }])

    expect(toStorageError(invalid)).toBe(invalid)
  })
})
