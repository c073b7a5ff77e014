import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { findReferrerIds, readFirstInListOrder } from '@renderer/db'
import { incidentKeyDate, type Incident } from '@shared/domain/incident'
import { partialDateSortKey } from '@shared/domain/partialDate'
import { anIncident, aResponse, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored } from './testDatabase'

const DATES = ['2015', '2015-05', '2015-05-01', '2015-05-31', '2016~', '2014/2016', '2015-05/2015-07', '2018-01-03', '2009', undefined]

/** The order the organisation page sorted a hub's incidents in (every one read, then `sortByPartialDate`), ties by id. */
function fullSort(incidents: readonly Incident[]): string[] {
  return [...incidents]
    .map((incident) => ({ id: incident.id, key: partialDateSortKey(incidentKeyDate(incident)) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map(({ id }) => id)
}

describe('reading the first referrers of a record in list order', () => {
  it("gives the first n of a generated hub's incidents in the order of the full sort, whether read whole or by walking the index", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ date: fc.constantFrom(...DATES), linked: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 45 }),
        fc.integer({ min: 1, max: 7 }),
        async (specs, limit, walkChunk) => {
          const db = aFreshDatabase()
          const hub = anOrganisation({ id: 'org-hub' })
          const other = anOrganisation({ id: 'org-other' })
          const incidents = specs.map(({ date, linked }) =>
            anIncident({ occurredOn: date, organisations: [{ organisationId: linked ? hub.id : other.id, role: 'operator' }] })
          )
          await givenStored(
            db,
            { type: 'organisation', record: hub },
            { type: 'organisation', record: other },
            ...incidents.map((record) => ({ type: 'incident' as const, record }))
          )
          const linked = incidents.filter((incident) => incident.organisations[0]!.organisationId === hub.id)

          const ids = await findReferrerIds(db, 'incident', [hub.id])
          const expected = fullSort(linked).slice(0, limit)
          const whole = await readFirstInListOrder(db, 'incident', ids, 'orderDate', limit)
          const walked = await readFirstInListOrder(db, 'incident', ids, 'orderDate', limit, { readAllBelow: 0, walkChunk })
          db.close()

          expect([...ids].sort()).toEqual(linked.map((incident) => incident.id).sort())
          expect(whole.records.map((incident) => incident.id)).toEqual(expected)
          expect(walked.records.map((incident) => incident.id)).toEqual(expected)
          expect(walked.keys).toEqual(whole.keys)
        }
      ),
      { numRuns: 25 }
    )
  })

  it('finds the referrers of many targets at once, each once', async () => {
    const db = aFreshDatabase()
    const incidents = Array.from({ length: 3 }, () => anIncident())
    const responses = [
      aResponse({ incidentIds: [incidents[0]!.id, incidents[1]!.id] }),
      aResponse({ incidentIds: [incidents[2]!.id] }),
      aResponse({ incidentIds: [] })
    ]
    await givenStored(
      db,
      ...incidents.map((record) => ({ type: 'incident' as const, record })),
      ...responses.map((record) => ({ type: 'response' as const, record }))
    )

    const ids = await findReferrerIds(
      db,
      'response',
      incidents.map((incident) => incident.id)
    )

    expect([...ids].sort()).toEqual([responses[0]!.id, responses[1]!.id].sort())
  })

  it('reads nothing for no ids or no room', async () => {
    const db = aFreshDatabase()

    await expect(readFirstInListOrder(db, 'incident', new Set(), 'orderDate', 10)).resolves.toEqual({ records: [], keys: [] })
    await expect(readFirstInListOrder(db, 'incident', new Set(['inc-x']), 'orderDate', 0)).resolves.toEqual({ records: [], keys: [] })
  })
})
