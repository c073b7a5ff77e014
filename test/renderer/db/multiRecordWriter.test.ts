import { describe, expect, it } from 'vitest'
import { createOrganisationRepository, listRevisions, RecordValidationError, RevisionConflictError } from '@renderer/db'
import { saveRecords } from '@renderer/db/multiRecordWriter'
import { anOrganisation } from '../../builders/domain'
import { catchError } from '../../support/catchError'
import { aFreshDatabase, givenStored, snapshotOf } from './testDatabase'
import { problemsAsShown } from '../../support/words'

const NOW = '2026-02-01T10:00:00.000Z'
let issued = 0
const options = { now: () => NOW, newId: () => `new-${++issued}`, author: 'Analyst' }

describe('saveRecords', () => {
  it('creates a record and links another record to it in one batch', async () => {
    const db = aFreshDatabase()
    const wallet = anOrganisation({ name: 'Alipay Wallet' })
    await givenStored(db, { type: 'organisation', record: wallet })

    await saveRecords(
      db,
      [
        { type: 'organisation', input: { id: 'org-alipay', name: 'Alipay', kind: 'company' } },
        { type: 'organisation', input: { ...wallet, links: [{ relation: 'operator', organisationId: 'org-alipay' }] }, expectedRevision: 1 }
      ],
      options
    )

    const stored = await createOrganisationRepository(db).get(wallet.id)
    expect(stored?.links).toEqual([{ relation: 'operator', organisationId: 'org-alipay' }])
    expect(stored?.revision).toBe(2)
  })

  it('writes nothing when one record of the batch changed since its edit started', async () => {
    const db = aFreshDatabase()
    const alipay = anOrganisation({ name: 'Alipay', revision: 2 })
    const wallet = anOrganisation({ name: 'Alipay Wallet' })
    await givenStored(db, { type: 'organisation', record: alipay }, { type: 'organisation', record: wallet })
    const before = await snapshotOf(db)

    const error = await catchError(
      saveRecords(
        db,
        [
          { type: 'organisation', input: { ...wallet, name: 'Wallet' }, expectedRevision: 1 },
          { type: 'organisation', input: { ...alipay, name: 'Stale' }, expectedRevision: 1 }
        ],
        options
      )
    )

    expect(error).toBeInstanceOf(RevisionConflictError)
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('writes nothing and names the later record by its index when it is invalid', async () => {
    const db = aFreshDatabase()
    const before = await snapshotOf(db)

    const error = await catchError(
      saveRecords(
        db,
        [
          { type: 'organisation', input: { name: 'Alipay', kind: 'company' } },
          { type: 'organisation', input: { name: '', kind: 'company' } }
        ],
        options
      )
    )

    expect(error).toBeInstanceOf(RecordValidationError)
    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([{ path: '[1].name', message: 'Name is required' }])
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('refuses a link to a record that does not exist', async () => {
    const db = aFreshDatabase()

    const error = await catchError(
      saveRecords(
        db,
        [{ type: 'organisation', input: { name: 'Alipay', kind: 'company', links: [{ relation: 'parent', organisationId: 'org-missing' }] } }],
        options
      )
    )

    expect((error as RecordValidationError).problems[0]?.path).toBe('links[0].organisationId')
  })

  it('adds every change to the history of its record, with the author', async () => {
    const db = aFreshDatabase()

    const [created] = await saveRecords(db, [{ type: 'organisation', input: { name: 'Alipay', kind: 'company' } }], options)

    const history = await listRevisions(db, created!.record.id)
    expect(history).toHaveLength(1)
    expect(history[0]).toMatchObject({ action: 'create', author: 'Analyst', revision: 1 })
  })
})
