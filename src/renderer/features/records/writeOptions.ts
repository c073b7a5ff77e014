import type { BatchOptions } from '@renderer/db/multiRecordWriter'

/**
 * What every write in the app is stamped with: the time, new ids, and the author for the
 * history. NOTE: the author name comes from the preferences once they exist; until then it is ''.
 */
export function writeOptions(): BatchOptions {
  return {
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    author: ''
  }
}
