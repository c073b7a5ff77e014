import { ref } from 'vue'
import { setDatabaseEventHandlers } from '@renderer/db'
import { keepChangedDrafts } from '@renderer/recordKit'

/** How long start-up waits for another window to let go of the old version before it gives up. */
export const UPGRADE_WAIT_MS = 60_000

/** True while this window's upgrade of the database waits for another window to close the old version. */
export const isUpgradeBlocked = ref(false)

/**
 * What this window does when the database changes version under it (issue 11). A newer window's
 * upgrade closes this connection: the typed drafts are kept for the reload that runs the new code
 * (see keptDrafts.ts). This window's own upgrade waiting on an older window is shown on screen
 * (start-up says what to close) rather than hanging silently. Call before the database is opened.
 */
export function handleDatabaseUpgrades(reload: () => void = () => globalThis.location.reload()): void {
  setDatabaseEventHandlers({
    onVersionChange: () => {
      keepChangedDrafts()
      reload()
    },
    onBlocked: () => {
      isUpgradeBlocked.value = true
    }
  })
}
