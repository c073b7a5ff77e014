import { describe, expect, it } from 'vitest'
import { RecordValidationError } from '@renderer/db'
import { assertLinksExist } from '@renderer/db/linkCheck'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { anIncident, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'
import { catchError } from '../../support/catchError'
import { problemsAsShown } from '../../support/words'

describe('assertLinksExist', () => {
  it('names every link to a missing record, placed by the caller, and accepts links to records of the same write', async () => {
    const db = aFreshDatabase()
    const stored = anOrganisation({ id: 'org-stored' })
    await givenStored(db, { type: 'organisation', record: stored })
    const incoming = anOrganisation({ id: 'org-incoming' })
    const incident: TypedRecord = {
      type: 'incident',
      record: anIncident({
        id: 'inc-1',
        organisations: [
          { organisationId: 'org-stored', role: 'operator' },
          { organisationId: 'org-incoming', role: 'parent' },
          { organisationId: 'org-missing', role: 'involved' }
        ]
      })
    }

    const error = await catchError(
      assertLinksExist(db, [{ type: 'organisation', record: incoming }, incident], {
        alsoExisting: new Set(['org-incoming']),
        pathOf: (typed, index, path) => `${index}:${typed.record.id}.${path}`
      })
    )

    expect(error).toBeInstanceOf(RecordValidationError)
    expect(problemsAsShown((error as RecordValidationError).problems)).toEqual([
      { path: '1:inc-1.organisations[2].organisationId', message: 'No organisation with the id "org-missing" exists' }
    ])
  })

  it('passes when every target exists', async () => {
    const db = aFreshDatabase()
    await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-a' }) })

    await expect(
      assertLinksExist(db, [{ type: 'incident', record: anIncident({ organisations: [{ organisationId: 'org-a', role: 'operator' }] }) }])
    ).resolves.toBeUndefined()
  })
})
