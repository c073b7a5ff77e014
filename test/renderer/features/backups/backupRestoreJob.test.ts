import { describe, expect, it } from 'vitest'
import { listBackups, readBundleFile } from '@renderer/db'
import { runBackupJob } from '@renderer/features/backups/backupRestoreJob'
import { anIncident } from '../../../builders/domain'
import { aFreshDatabase, givenStored } from '../../db/testDatabase'

const AT = '2026-12-06T23:00:00.000Z'

describe('runBackupJob (what the backup worker runs)', () => {
  it('keeps a backup when asked, and hands back its compressed file and counts', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-kept', title: 'Kept in the backup' }) })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, title: 'Backup taken by hand', keep: true })

    if (reply.kind !== 'backed-up') throw new Error(reply.message)
    expect(reply.counts.incident).toBe(1)
    expect(reply.kept).toMatchObject({ createdAt: AT, reason: 'Backup taken by hand', bytes: reply.file.size })
    expect((await listBackups(db)).map((backup) => backup.id)).toEqual([reply.kept?.id])
    const bundle = (await readBundleFile(reply.file, 'backup.json.gz')) as { records: { incidents: { title: string }[] } }
    expect(bundle.records.incidents.map((incident) => incident.title)).toEqual(['Kept in the backup'])
  })

  it('only hands back the file when it is not to be kept (Save the knowledge base as a file)', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-saved' }) })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, title: 'Precedent knowledge base', keep: false })

    expect(reply).toMatchObject({ kind: 'backed-up', counts: { incident: 1 } })
    expect(reply.kind === 'backed-up' ? reply.kept : 'failed').toBeUndefined()
    expect(await listBackups(db)).toEqual([])
  })

  it('reports a failure as one line instead of rejecting', async () => {
    const db = aFreshDatabase()
    await db.open()
    db.close({ disableAutoOpen: true })

    const reply = await runBackupJob(db, { kind: 'backup', databaseName: db.name, at: AT, title: 'By hand', keep: true })

    expect(reply.kind).toBe('failed')
    expect(reply.kind === 'failed' ? reply.message : '').toMatch(/\S/)
    expect(reply.kind === 'failed' ? reply.message : '').not.toContain('\n')
  })
})
