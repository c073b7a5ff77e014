import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBackup, getDatabase, listBackups, saveRecord, type BackupReason } from '@renderer/db'
import { backUpIfDue, SCHEDULED_BACKUP_CHECK_MS, startScheduledBackups } from '@renderer/features/backups'
import { anIncident } from '../../../builders/domain'
import { aFreshDatabase } from '../../db/testDatabase'

const DAY = '2026-12-07T09:00:00.000Z'
const hoursAfter = (hours: number): string => new Date(Date.parse(DAY) + hours * 3_600_000).toISOString()
const saveAnIncident = (db: ReturnType<typeof aFreshDatabase>, at: string, id = 'inc-scheduled') =>
  saveRecord(db, 'incident', anIncident({ id }), { now: () => at, newId: () => crypto.randomUUID() })

describe('backUpIfDue (RELIABILITY-SECURITY 23)', () => {
  it('backs up a knowledge base changed since its newest backup once that backup is a day old', async () => {
    const db = aFreshDatabase()
    await createBackup(db, { reason: { text: 'Backup taken by hand', code: { kind: 'by-hand' } }, now: () => DAY })
    await saveAnIncident(db, hoursAfter(1))
    const taken: string[] = []
    const take = async (reason: BackupReason) => void taken.push(reason.text)

    await expect(backUpIfDue(db, { now: () => hoursAfter(23), take })).resolves.toBe('not-due')
    await expect(backUpIfDue(db, { now: () => hoursAfter(25), take })).resolves.toBe('taken')
    expect(taken).toEqual(['Daily backup'])
  })

  it('does not back up again what has not changed since the newest backup, however old', async () => {
    const db = aFreshDatabase()
    await saveAnIncident(db, hoursAfter(-1))
    await createBackup(db, { reason: { text: 'Before importing fines.csv', code: { kind: 'by-hand' } }, now: () => DAY })
    const take = vi.fn(async () => undefined)

    await expect(backUpIfDue(db, { now: () => hoursAfter(24 * 30), take })).resolves.toBe('unchanged')
    expect(take).not.toHaveBeenCalled()
  })

  it('backs up a knowledge base with changes and no backup yet, but not one nobody has touched', async () => {
    const untouched = aFreshDatabase()
    await expect(backUpIfDue(untouched, { now: () => DAY, take: async () => undefined })).resolves.toBe('unchanged')
    const edited = aFreshDatabase()
    await saveAnIncident(edited, DAY)
    await expect(backUpIfDue(edited, { now: () => hoursAfter(1), take: async () => undefined })).resolves.toBe('taken')
  })
})

describe('startScheduledBackups', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('checks once an hour while the app is open and keeps the daily backup in the backup database', async () => {
    const db = getDatabase()
    await saveAnIncident(db, DAY, 'inc-open-app')
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const stop = startScheduledBackups(() => hoursAfter(2))
    try {
      expect(await listBackups(db)).toEqual([])
      vi.advanceTimersByTime(SCHEDULED_BACKUP_CHECK_MS)
      await vi.waitFor(async () => expect((await listBackups(db)).map((backup) => backup.reason)).toEqual(['Daily backup']))
    } finally {
      stop()
    }
  })
})
