import { effectScope, type Ref } from 'vue'
import { getDatabase, readPreferences, useLiveQuery } from '@renderer/db'

let authorName: Ref<string> | undefined

// One subscription for the whole window, never disposed: every write asks for the name, and a
// change in the preferences (in any window) must reach the next write without a reload.
function sharedAuthorName(): Ref<string> {
  if (authorName === undefined) {
    const scope = effectScope(true)
    authorName = scope.run(() => useLiveQuery(async () => (await readPreferences(getDatabase())).authorName, '').data)!
  }
  return authorName
}

/**
 * The author name set in the preferences, kept live: the name written beside each change in the
 * history ('' when none is set).
 */
export function useAuthorName(): Readonly<Ref<string>> {
  return sharedAuthorName()
}

/**
 * The author name as last read, for code that builds write options synchronously. Until the
 * first read completes it is ''; `readAuthorName` waits for the stored value.
 */
export function currentAuthorName(): string {
  return sharedAuthorName().value
}

/** The stored author name, read now (for a store action about to write). */
export async function readAuthorName(): Promise<string> {
  return (await readPreferences(getDatabase())).authorName
}
