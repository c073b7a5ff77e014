import type { BackupReason, BackupSummary } from '@renderer/db'
import { formatMoment, i18n } from '@renderer/i18n'

/**
 * Why a backup was taken: in English, as it is stored with the backup and titles its file (part of
 * the knowledge base's data: a backup file read by another copy of Precedent, or by the command
 * line, says the same), and as codes, from which the Backups page writes it in the interface
 * language. Backups taken before the codes are recognised by their English.
 */
export const BACKUP_REASONS = {
  byHand: { text: 'Backup taken by hand', code: { kind: 'by-hand' } },
  daily: { text: 'Daily backup', code: { kind: 'daily' } },
  beforeImporting: (files: readonly string[]): BackupReason => ({ text: `${BEFORE_IMPORTING}${files.join(', ')}`, code: { kind: 'before-importing', files } }),
  beforeRestoringBackup: (takenAt: string): BackupReason => ({
    // The English as it always was: the moment in the browser's own format.
    text: `${BEFORE_RESTORING}the backup of ${new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(takenAt))}`,
    code: { kind: 'before-restoring-backup', takenAt }
  }),
  beforeRestoringFile: (fileName: string): BackupReason => ({ text: `${BEFORE_RESTORING}${fileName}`, code: { kind: 'before-restoring-file', fileName } })
} as const satisfies Readonly<Record<string, BackupReason | ((...values: never[]) => BackupReason)>>

const BEFORE_IMPORTING = 'Before importing '
const BEFORE_RESTORING = 'Before restoring '
const BEFORE_UPGRADING = /^Before upgrading the knowledge base from version (\d+) to version (\d+)$/

const momentText = (iso: string): string => formatMoment(iso, { dateStyle: 'long', timeStyle: 'short' })

/** A kept backup's reason in the interface language: from its codes, else from the English stored before them; one this version does not know is shown as it is. */
export function describeBackupReason(summary: Pick<BackupSummary, 'reason' | 'reasonCode'>): string {
  const t = i18n.global.t
  const code = summary.reasonCode
  switch (code?.kind) {
    case 'by-hand':
      return t('backups.reasons.byHand')
    case 'daily':
      return t('backups.reasons.daily')
    case 'before-importing':
      return t('backups.reasons.beforeImporting', { files: code.files.join(t('backups.reasons.fileSeparator')) })
    case 'before-restoring-backup':
      return t('backups.reasons.beforeRestoring', { what: t('backups.reasons.theBackupOf', { moment: momentText(code.takenAt) }) })
    case 'before-restoring-file':
      return t('backups.reasons.beforeRestoring', { what: code.fileName })
    case 'before-upgrading':
      return t('backups.reasons.beforeUpgrading', { from: code.from, to: code.to })
    case undefined:
      return describeStoredEnglish(summary.reason)
  }
}

function describeStoredEnglish(reason: string): string {
  const t = i18n.global.t
  if (reason === BACKUP_REASONS.byHand.text) return t('backups.reasons.byHand')
  if (reason === BACKUP_REASONS.daily.text) return t('backups.reasons.daily')
  if (reason.startsWith(BEFORE_IMPORTING)) return t('backups.reasons.beforeImporting', { files: reason.slice(BEFORE_IMPORTING.length) })
  if (reason.startsWith(BEFORE_RESTORING)) return t('backups.reasons.beforeRestoring', { what: reason.slice(BEFORE_RESTORING.length) })
  const upgrading = BEFORE_UPGRADING.exec(reason)
  if (upgrading) return t('backups.reasons.beforeUpgrading', { from: Number(upgrading[1]), to: Number(upgrading[2]) })
  return reason
}
