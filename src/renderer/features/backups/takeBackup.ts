import type { BackupReason, BackupSummary } from '@renderer/db'
import { getDesktopClient, type BackupFileOutcome } from '@renderer/desktop/desktopClient'
import { i18n } from '@renderer/i18n'
import { writeBackupFile } from './writeBackupFile'

export interface TakenBackup {
  readonly summary: BackupSummary
  /** Where the desktop app also wrote it as a file; `kept-in-browser` in web mode. */
  readonly file: BackupFileOutcome | { readonly status: 'file-failed'; readonly message: string }
}

/**
 * Takes a backup of every record before a risky change (an import, a restore) or by hand: kept in
 * the backup database and, in the desktop app, also written as a file outside the browser profile.
 * A failure to write the file does not stop the change the backup protects: the copy in the
 * backup database is already committed, and the caller is told.
 */
export async function takeBackup(reason: BackupReason, now: () => string = () => new Date().toISOString()): Promise<TakenBackup> {
  const { file: compressed, kept: summary } = await writeBackupFile({ keepAs: reason }, now())
  if (summary === undefined) throw new Error(i18n.global.t('backups.store.notKept'))
  return copyKeptBackup(summary, compressed)
}

/** A kept backup also written as a file by the desktop app (outside the browser profile); a failure there is reported, not thrown. */
export async function copyKeptBackup(summary: BackupSummary, compressed: Blob): Promise<TakenBackup> {
  try {
    const file = await getDesktopClient().writeBackup({ createdAt: summary.createdAt, file: compressed })
    return { summary, file }
  } catch (error) {
    return { summary, file: { status: 'file-failed', message: error instanceof Error ? error.message : String(error) } }
  }
}
