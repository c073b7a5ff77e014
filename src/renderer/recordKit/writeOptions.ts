import type { BatchOptions } from '@renderer/db'
import { currentAuthorName } from './useAuthorName'

/**
 * What every write in the app is stamped with: the time, new ids, and the author for the
 * history (the name set in Preferences; '' until it has been read).
 */
export function writeOptions(): BatchOptions {
  return {
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    author: currentAuthorName()
  }
}
