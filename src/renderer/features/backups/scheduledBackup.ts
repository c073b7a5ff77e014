import { getDatabase, listBackups, revisionTable, type BackupReason, type PrecedentDatabase } from '@renderer/db'
import { takeBackup } from './takeBackup'
import { BACKUP_REASONS } from './backupReasons'

/** A knowledge base changed since its newest kept backup gets a new one once this much older (RELIABILITY-SECURITY 23). */
export const SCHEDULED_BACKUP_AGE_MS = 24 * 60 * 60 * 1000
/** How often an open app checks; the first check waits as long, so a start is never slowed by a backup. */
export const SCHEDULED_BACKUP_CHECK_MS = 60 * 60 * 1000

export type ScheduledBackupOutcome = 'taken' | 'not-due' | 'unchanged'

/**
 * Takes the daily backup when it is due: the newest kept backup (of any reason: by hand, before an
 * import, a restore or an upgrade) is older than `SCHEDULED_BACKUP_AGE_MS` and something was changed
 * since (a revision after it). An untouched knowledge base is not backed up again, so the kept
 * backups are not rotated away by copies of the same state.
 */
export async function backUpIfDue(
  db: PrecedentDatabase,
  options: { readonly now: () => string; readonly take: (reason: BackupReason) => Promise<unknown> }
): Promise<ScheduledBackupOutcome> {
  const [newest] = await listBackups(db)
  const now = options.now()
  if (newest !== undefined && Date.parse(now) - Date.parse(newest.createdAt) < SCHEDULED_BACKUP_AGE_MS) return 'not-due'
  const lastChange = (await revisionTable(db).orderBy('at').last())?.at
  if (newest !== undefined && (lastChange === undefined || lastChange <= newest.createdAt)) return 'unchanged'
  if (newest === undefined && lastChange === undefined) return 'unchanged'
  await options.take(BACKUP_REASONS.daily)
  return 'taken'
}

/**
 * Checks every `SCHEDULED_BACKUP_CHECK_MS` while the app is open and takes the daily backup when it
 * is due (`backUpIfDue`). A failed backup is logged and tried again at the next check. Returns a
 * function that stops the schedule.
 */
export function startScheduledBackups(now: () => string = () => new Date().toISOString()): () => void {
  let running = false
  const check = async (): Promise<void> => {
    if (running) return
    running = true
    try {
      await backUpIfDue(getDatabase(), { now, take: (reason) => takeBackup(reason, now) })
    } catch (error) {
      console.error('[backups] the daily backup could not be taken; it is tried again in an hour', error)
    } finally {
      running = false
    }
  }
  const timer = setInterval(() => void check(), SCHEDULED_BACKUP_CHECK_MS)
  return () => clearInterval(timer)
}
