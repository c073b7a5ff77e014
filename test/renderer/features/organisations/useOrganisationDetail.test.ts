import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, type EffectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import { incidentKeyDate, type Incident } from '@shared/domain/incident'
import { sortByPartialDate } from '@shared/domain/partialDate'
import { useOrganisationDetail } from '../../../../src/renderer/features/organisations/useOrganisationDetail'
import { anIncident, anOrganisation, aResponse } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

function detailOf(organisationId: string) {
  scope = effectScope()
  return scope.run(() => useOrganisationDetail(ref(organisationId)))!
}

const DATES = ['2015', '2015-05', '2015-05-01', '2016~', undefined, '2014/2016', '2018-01-03', '2009-12']

/**
 * A group (fresh ids: the app's database lives across a file's tests) and its unit, 130 incidents
 * of the group with mixed partial dates, one incident of another company, a response taken by the
 * group and one answering an incident of the unit.
 */
async function givenAGroupWithAUnit() {
  const group = anOrganisation({ name: 'Alibaba Group' })
  const unit = anOrganisation({ name: 'Alipay', links: [{ relation: 'parent', organisationId: group.id }] })
  const other = anOrganisation({ name: 'Someone else' })
  const incidents = Array.from({ length: 130 }, (_, index) =>
    anIncident({ occurredOn: DATES[index % DATES.length], organisations: [{ organisationId: index % 3 === 0 ? unit.id : group.id, role: 'operator' }] })
  )
  const unrelated = anIncident({ organisations: [{ organisationId: other.id, role: 'operator' }] })
  const taken = aResponse({ actorId: group.id, datedOn: '2019' })
  const answering = aResponse({ actorId: other.id, incidentIds: [incidents[0]!.id], datedOn: '2017' })
  await givenStored(
    getDatabase(),
    ...[group, unit, other].map((record) => ({ type: 'organisation' as const, record })),
    ...[...incidents, unrelated].map((record) => ({ type: 'incident' as const, record })),
    ...[taken, answering].map((record) => ({ type: 'response' as const, record }))
  )
  return { group, unit, incidents, taken, answering }
}

/** The order the page used to put every incident in (all read, then sorted by date), ties by id. */
function fullOrder(incidents: readonly Incident[]): string[] {
  return sortByPartialDate(
    [...incidents].sort((a, b) => (a.id < b.id ? -1 : 1)),
    incidentKeyDate
  ).map((incident) => incident.id)
}

describe('useOrganisationDetail', () => {
  it('reads the first hundred incidents of the group in date order, through which member, and how many there are', async () => {
    const { group, unit, incidents } = await givenAGroupWithAUnit()

    const detail = detailOf(group.id)

    await vi.waitFor(() => expect(detail.involvement.value.incidentCount).toBe(130))
    expect(detail.involvement.value.incidents.map(({ record }) => record.id)).toEqual(fullOrder(incidents).slice(0, 100))
    const unitIncident = detail.involvement.value.incidents.find(({ record }) => record.organisations[0]?.organisationId === unit.id)
    expect(unitIncident?.via).toBe('Alipay')
    expect(detail.involvement.value.incidents.find(({ record }) => record.organisations[0]?.organisationId === group.id)?.via).toBe('Alibaba Group')
  })

  it('reads the next hundred on "Show more", in the same order', async () => {
    const { group, incidents } = await givenAGroupWithAUnit()
    const detail = detailOf(group.id)
    await vi.waitFor(() => expect(detail.involvement.value.incidents).toHaveLength(100))

    detail.shownIncidents.showMore()

    await vi.waitFor(() => expect(detail.involvement.value.incidents).toHaveLength(130))
    expect(detail.involvement.value.incidents.map(({ record }) => record.id)).toEqual(fullOrder(incidents))
  })

  it('counts the responses the group takes and those answering its incidents, oldest first', async () => {
    const { group, taken, answering } = await givenAGroupWithAUnit()

    const detail = detailOf(group.id)

    await vi.waitFor(() => expect(detail.involvement.value.responseCount).toBe(2))
    expect(detail.involvement.value.responses.map(({ record }) => record.id)).toEqual([answering.id, taken.id])
  })
})
