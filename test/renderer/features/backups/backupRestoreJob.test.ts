import { describe, expect, it, vi } from 'vitest'
import { listBackups, readBundleFile, withExclusiveWriteLock, writeKnowledgeBaseFile } from '@renderer/db'
import { translateMessage } from '@renderer/i18n'
import { BACKUP_REASONS } from '@renderer/features/backups'
import { runBackupJob, runRestoreJob, type RestoreReply } from '@renderer/features/backups/backupRestoreJob'
import { anIncident } from '../../../builders/domain'
import { aLatch, FakeLockManager, installLockManager } from '../../db/fakeLockManager'
import { aFreshDatabase, givenStored } from '../../db/testDatabase'

const AT = '2026-12-06T23:00:00.000Z'

describe('runBackupJob (what the backup worker runs)', () => {
  it('keeps a backup when asked, and hands back its compressed file and counts', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-kept', title: 'Kept in the backup' }) })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, keepAs: BACKUP_REASONS.byHand })

    if (reply.kind !== 'backed-up') throw new Error(translateMessage(reply.failure))
    expect(reply.counts.incident).toBe(1)
    expect(reply.kept).toMatchObject({ createdAt: AT, reason: 'Backup taken by hand', reasonCode: { kind: 'by-hand' }, bytes: reply.file.size })
    expect((await listBackups(db)).map((backup) => backup.id)).toEqual([reply.kept?.id])
    const bundle = (await readBundleFile(reply.file, 'backup.json.gz')) as { records: { incidents: { title: string }[] } }
    expect(bundle.records.incidents.map((incident) => incident.title)).toEqual(['Kept in the backup'])
  })

  it('only hands back the file when it is not to be kept (Save the knowledge base as a file)', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-saved' }) })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, title: 'Precedent knowledge base' })

    expect(reply).toMatchObject({ kind: 'backed-up', counts: { incident: 1 } })
    expect(reply.kind === 'backed-up' ? reply.kept : 'failed').toBeUndefined()
    expect(await listBackups(db)).toEqual([])
  })

  it('reports a failure as one line instead of rejecting', async () => {
    const db = aFreshDatabase()
    await db.open()
    db.close({ disableAutoOpen: true })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, keepAs: BACKUP_REASONS.byHand })

    expect(reply.kind).toBe('failed')
    const words = reply.kind === 'failed' ? translateMessage(reply.failure) : ''
    expect(words).toMatch(/\S/)
    expect(words).not.toContain('\n')
  })
})

describe('runRestoreJob with a safety backup (RELIABILITY-SECURITY 51, 53)', () => {
  it('takes the safety backup and restores under one lock: another window’s write waits for both, so the restore never removes it', async () => {
    const uninstall = installLockManager(new FakeLockManager())
    try {
      const db = aFreshDatabase()
      await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-in-the-file' }) })
      const { file } = await writeKnowledgeBaseFile(db, { now: () => AT })
      // The page copies the safety backup only once the other window has asked for the lock.
      const copied = aLatch()
      const replies: RestoreReply[] = []
      const restore = runRestoreJob(
        db,
        {
          kind: 'restore',
          databaseName: db.name,
          source: { kind: 'file', file, fileName: 'kb.json.gz' },
          author: 'Analyst',
          at: AT,
          safetyBackupReason: BACKUP_REASONS.beforeRestoringFile('kb.json.gz')
        },
        new AbortController().signal,
        (reply) => replies.push(reply),
        () => copied.done
      )
      await vi.waitFor(() => expect(replies.map((reply) => reply.kind)).toContain('safety-backup'))
      const otherWindow = withExclusiveWriteLock(() => givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-other-window' }) }))
      copied.release()
      await Promise.all([restore, otherWindow])

      expect(replies.at(-1)).toMatchObject({ kind: 'done' })
      expect((await listBackups(db)).map((backup) => backup.reason)).toEqual(['Before restoring kb.json.gz'])
      expect((await db.incidents.toCollection().primaryKeys()).sort()).toEqual(['inc-in-the-file', 'inc-other-window'])
    } finally {
      uninstall()
    }
  })
})
