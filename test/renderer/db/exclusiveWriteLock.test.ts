import { afterEach, describe, expect, it } from 'vitest'
import {
  createBackup,
  EXCLUSIVE_WRITE_LOCK,
  listBackups,
  readBackup,
  ReleasedWriteLockError,
  restoreBundle,
  withExclusiveWriteLock,
  type HeldWriteLock
} from '@renderer/db'
import type { Bundle } from '@shared/domain/bundle'
import { anIncident } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'
import { aLatch, FakeLockManager, installLockManager } from './fakeLockManager'
import { catchError } from '../../support/catchError'

const clock = () => '2026-12-07T05:00:00.000Z'
let uninstall: (() => void) | undefined

afterEach(() => {
  uninstall?.()
  uninstall = undefined
})

function givenLocks(): FakeLockManager {
  const locks = new FakeLockManager()
  uninstall = installLockManager(locks)
  return locks
}

describe('withExclusiveWriteLock', () => {
  it('runs a step given the held lock at once, under that lock, instead of waiting for itself', async () => {
    const locks = givenLocks()
    // The fake, like Web Locks, is not reentrant: a second request from inside would never be granted.
    const inner = await withExclusiveWriteLock((lock) => withExclusiveWriteLock(async (again) => (again === lock ? 'same lock' : 'another'), lock))
    expect(inner).toBe('same lock')
    expect(locks.requested).toEqual([EXCLUSIVE_WRITE_LOCK])
  })

  it('refuses a lock kept after the work it was handed to has finished', async () => {
    givenLocks()
    let kept: HeldWriteLock | undefined
    await withExclusiveWriteLock(async (lock) => {
      kept = lock
    })
    expect(await catchError(withExclusiveWriteLock(async () => 'ran', kept))).toBeInstanceOf(ReleasedWriteLockError)
  })
})

describe('taking a backup under the exclusive write lock', () => {
  it('waits while another bulk write holds the lock, and then holds what that write wrote', async () => {
    givenLocks()
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-before' }) })
    const holder = aLatch()
    const importing = withExclusiveWriteLock(async () => {
      await holder.done
      // Written by the lock's holder after the backup was asked for: a backup that did not wait would lack it.
      await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-imported' }) })
    })
    const backup = createBackup(db, { reason: { text: 'Backup taken by hand', code: { kind: 'by-hand' } }, now: clock })
    holder.release()
    await importing
    const { id, counts } = await backup
    expect(counts.incident).toBe(2)
    const bundle = (await readBackup(db, id)) as Bundle
    expect(bundle.records.incidents.map((incident) => incident.id).sort()).toEqual(['inc-before', 'inc-imported'])
  })

  it("takes a restore's safety backup and the restore under one lock, asked for once", async () => {
    const locks = givenLocks()
    const db = aFreshDatabase()
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-kept' }) })
    const { id } = await createBackup(db, { reason: { text: 'Backup taken by hand', code: { kind: 'by-hand' } }, now: clock })
    await givenStored(db, { type: 'incident', record: anIncident({ id: 'inc-later' }) })
    const requestsBefore = locks.requested.length

    const result = await withExclusiveWriteLock(async (lock) => {
      await createBackup(db, { reason: { text: 'Before restoring', code: { kind: 'by-hand' } }, now: clock, lock })
      return restoreBundle(db, await readBackup(db, id), { author: 'Mei Chen', now: clock, lock })
    })

    expect(result.removed).toBe(1)
    expect(locks.requested.length - requestsBefore).toBe(1)
    expect((await listBackups(db)).map((backup) => [backup.reason, backup.counts.incident])).toEqual(
      expect.arrayContaining([
        ['Before restoring', 2],
        ['Backup taken by hand', 1]
      ])
    )
  })
})
