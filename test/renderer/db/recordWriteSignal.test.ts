import type { DBCore } from 'dexie'
import { describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { noteUnloggedWrite, saveRecord, useRecordWriteSignal, type PrecedentDatabase } from '@renderer/db'
import { toRow } from '@renderer/db/storedRow'
import { anIncident, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

const writeOptions = { now: () => '2027-03-01T09:00:00.000Z', newId: () => crypto.randomUUID() }

/** Counts the `count` requests made from now on: each is O(rows) in Chromium's IndexedDB. */
function countCountRequests(db: PrecedentDatabase): { value: number } {
  const made = { value: 0 }
  if (db.isOpen()) db.close({ disableAutoOpen: false })
  db.use({
    stack: 'dbcore',
    name: 'countCountRequests',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name)
        return {
          ...table,
          count(request) {
            made.value += 1
            return table.count(request)
          }
        }
      }
    })
  })
  return made
}

function aSignal(db: PrecedentDatabase) {
  const scope = effectScope()
  const signal = scope.run(() => useRecordWriteSignal(db))!
  return { signal, stop: () => scope.stop() }
}

describe('useRecordWriteSignal', () => {
  it('moves on a saved record, a write without revisions, and rows removed without a trace, without counting a table', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'organisation', record: anOrganisation({ name: 'Acme Data' }) })
    const counts = countCountRequests(db)
    const { signal, stop } = aSignal(db)
    await vi.waitFor(() => expect(signal.data.value).not.toBe(''))
    const movesOn = async (write: () => Promise<unknown>): Promise<void> => {
      const before = signal.data.value
      await write()
      await vi.waitFor(() => expect(signal.data.value).not.toBe(before))
    }

    await movesOn(() => saveRecord(db, 'incident', anIncident({ title: 'Saved' }), writeOptions))
    await movesOn(() =>
      db.transaction('rw', [db.incidents, db.meta], async () => {
        await db.incidents.put(toRow('incident', anIncident({ title: 'Loaded without history' })))
        await noteUnloggedWrite(db)
      })
    )
    await movesOn(() => db.organisations.clear())

    expect(counts.value).toBe(0)
    stop()
  })

  it('stays still when nothing is written to the records', async () => {
    const db = aFreshDatabase()
    const { signal, stop } = aSignal(db)
    await vi.waitFor(() => expect(signal.data.value).not.toBe(''))
    await new Promise((resolve) => setTimeout(resolve, 100))
    const settled = signal.data.value

    await db.meta.put({ key: 'preferences', value: { authorName: 'Ada' } })
    await new Promise((resolve) => setTimeout(resolve, 100))

    expect(signal.data.value).toBe(settled)
    stop()
  })
})
