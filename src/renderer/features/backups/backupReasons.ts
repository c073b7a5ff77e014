import { i18n } from '@renderer/i18n'

/**
 * Why a backup was taken, as it is stored with the backup: English, because it is part of the
 * knowledge base's data (a backup file read by another copy of Precedent, or by the command line,
 * says the same). The Backups page shows the reasons it knows in the interface language.
 */
export const BACKUP_REASONS = {
  byHand: 'Backup taken by hand',
  daily: 'Daily backup',
  beforeImporting: (files: readonly string[]): string => `${BEFORE_IMPORTING}${files.join(', ')}`,
  beforeRestoring: (what: string): string => `${BEFORE_RESTORING}${what}`
} as const

const BEFORE_IMPORTING = 'Before importing '
const BEFORE_RESTORING = 'Before restoring '

/** A stored reason in the interface language; one this version does not know is shown as it is. */
export function describeBackupReason(reason: string): string {
  const t = i18n.global.t
  if (reason === BACKUP_REASONS.byHand) return t('backups.reasons.byHand')
  if (reason === BACKUP_REASONS.daily) return t('backups.reasons.daily')
  if (reason.startsWith(BEFORE_IMPORTING)) return t('backups.reasons.beforeImporting', { files: reason.slice(BEFORE_IMPORTING.length) })
  if (reason.startsWith(BEFORE_RESTORING)) return t('backups.reasons.beforeRestoring', { what: reason.slice(BEFORE_RESTORING.length) })
  return reason
}
