import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { createRecordRepository, readAsOneSnapshot } from '@renderer/db'
import { fromRow, toRow } from '@renderer/db/storedRow'
import { anIncident, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

describe('readAsOneSnapshot', () => {
  it('reads in several steps one state of the knowledge base, while another write waits', async () => {
    const db = await aFreshDatabase()
    const company = anOrganisation({ id: 'org-1', name: 'Before' })
    await givenStored(
      db,
      { type: 'organisation', record: company },
      { type: 'incident', record: anIncident({ id: 'inc-1', organisations: [{ organisationId: 'org-1', role: 'operator' }] }) }
    )
    const organisations = createRecordRepository(db, 'organisation')
    let write: Promise<unknown> | undefined

    const names = await readAsOneSnapshot(db, async () => {
      const incident = await createRecordRepository(db, 'incident').get('inc-1')
      // Another window renames the organisation between the two reads (outside this transaction).
      write = Dexie.ignoreTransaction(() => db.organisations.put(toRow('organisation', { ...company, name: 'After' })))
      const linked = await organisations.getMany(incident!.organisations.map((link) => link.organisationId))
      return linked.map((organisation) => organisation.name)
    })
    await write

    expect(names).toEqual(['Before'])
    expect(fromRow((await db.recordTable('organisation').get('org-1'))!).name).toBe('After')
  })
})
