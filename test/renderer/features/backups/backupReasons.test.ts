import { afterEach, describe, expect, it } from 'vitest'
import { BundleValidationError, type BackupReason } from '@renderer/db'
import { upgradeBackupReason } from '@renderer/db/backupBeforeUpgrade'
import { setLocale, translateMessage } from '@renderer/i18n'
import { BACKUP_REASONS } from '@renderer/features/backups'
import { describeBackupReason } from '@renderer/features/backups/backupReasons'
import { describeRestoreFailure } from '@renderer/features/backups/backupRestoreJob'

afterEach(() => setLocale('en'))

const TAKEN_AT = '2026-12-07T08:49:00.000Z'
const reasons: readonly BackupReason[] = [
  BACKUP_REASONS.byHand,
  BACKUP_REASONS.daily,
  BACKUP_REASONS.beforeImporting(['fines.csv', 'laws.json']),
  BACKUP_REASONS.beforeRestoringFile('kb.json.gz'),
  upgradeBackupReason(7, 8)
]
const shown = (reason: BackupReason): string => describeBackupReason({ reason: reason.text, reasonCode: reason.code })

describe('why a backup was taken', () => {
  it('is stored in English as it always was, and shown from its codes in English the same', () => {
    expect(reasons.map((reason) => reason.text)).toEqual([
      'Backup taken by hand',
      'Daily backup',
      'Before importing fines.csv, laws.json',
      'Before restoring kb.json.gz',
      'Before upgrading the knowledge base from version 7 to version 8'
    ])
    for (const reason of reasons) expect(shown(reason)).toBe(reason.text)
    expect(BACKUP_REASONS.beforeRestoringBackup(TAKEN_AT).text).toMatch(/^Before restoring the backup of /)
  })

  it('is shown in Chinese from its codes, a restored backup by its moment in Chinese', () => {
    setLocale('zh-CN')

    expect(reasons.map(shown)).toEqual([
      '手动创建的备份',
      '每日备份',
      '导入 fines.csv、laws.json 之前',
      '恢复之前（kb.json.gz）',
      '将知识库从第7版升级到第8版之前'
    ])
    expect(shown(BACKUP_REASONS.beforeRestoringBackup(TAKEN_AT))).toMatch(/^恢复之前（2026年12月7日 \d{2}:\d{2}的备份）$/)
  })

  it('is still recognised by its English when stored before the codes; an unknown reason is shown as stored', () => {
    setLocale('zh-CN')

    expect(
      ['Daily backup', 'Before importing a.csv', 'Before upgrading the knowledge base from version 3 to version 4', 'Kept for the audit'].map((reason) =>
        describeBackupReason({ reason })
      )
    ).toEqual(['每日备份', '导入 a.csv 之前', '将知识库从第3版升级到第4版之前', 'Kept for the audit'])
  })
})

describe('why a backup or restore failed, as the backup worker says it', () => {
  it('is worded on the page in its language', () => {
    const invalid = new BundleValidationError([
      { path: 'records.incidents[0].title', message: 'Title is required' },
      { path: 'records.incidents[1].title', message: 'Title is required' }
    ] as never)

    expect(translateMessage(describeRestoreFailure(invalid))).toBe(
      'The file is not a valid Precedent backup: records.incidents[0].title Title is required (and 1 more problems)'
    )
    expect(translateMessage(describeRestoreFailure(new Error('Disk  full\nnow')))).toBe('Disk full now')
    setLocale('zh-CN')
    expect(translateMessage(describeRestoreFailure(invalid))).toBe(
      '该文件不是有效的 Precedent 备份：records.incidents[0].title Title is required（另有 1 个问题）'
    )
  })
})
