import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, type EffectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import { useIncidentDetail } from '../../../../src/renderer/features/incidents/useIncidentDetail'
import { aLaw, anIncident, anOrganisation, aResponse } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

function detailOf(incidentId: string) {
  scope = effectScope()
  return scope.run(() => useIncidentDetail(ref(incidentId)))!
}

/** The Cybersecurity Law and a standard not yet in force at the start of 2018, with an incident implicating both. */
async function givenAnIncidentImplicatingTwoLaws(incidentOverrides: Parameters<typeof anIncident>[0] = {}) {
  const cybersecurityLaw = aLaw({
    shortName: 'Cybersecurity Law',
    adoptedOn: '2016-11-07',
    inForceOn: '2017-06-01',
    provisions: [{ unit: 'article', number: '41', summary: 'Consent' }]
  })
  const standard = aLaw({ title: 'Personal information security specification', kind: 'standard', adoptedOn: '2017-12-29', inForceOn: '2018-05-01' })
  const incident = anIncident({
    occurredOn: '2018-01-03',
    implicatedProvisions: [{ lawId: cybersecurityLaw.id, provisionNumber: '41' }, { lawId: standard.id }],
    ...incidentOverrides
  })
  await givenStored(getDatabase(), { type: 'law', record: cybersecurityLaw }, { type: 'law', record: standard }, { type: 'incident', record: incident })
  return { incident, cybersecurityLaw, standard }
}

describe('useIncidentDetail', () => {
  it("says for each implicated provision whether it was in force on the incident's date", async () => {
    const { incident } = await givenAnIncidentImplicatingTwoLaws()

    const detail = detailOf(incident.id)

    await vi.waitFor(() => expect(detail.implicatedProvisions.value).toHaveLength(2))
    expect(detail.implicatedProvisions.value.map((provision) => [provision.label, provision.inForce.summary])).toEqual([
      ['Cybersecurity Law, Article 41', 'In force on 3 January 2018'],
      ['Personal information security specification', 'Not yet in force (from 1 May 2018)']
    ])
  })

  it('checks against the date the incident came out when the date it occurred is unknown', async () => {
    const { incident } = await givenAnIncidentImplicatingTwoLaws({ occurredOn: undefined, disclosedOn: '2017' })

    const detail = detailOf(incident.id)

    await vi.waitFor(() => expect(detail.implicatedProvisions.value).toHaveLength(2))
    expect(detail.checkDate.value).toEqual({ date: '2017', event: 'was disclosed' })
    expect(detail.implicatedProvisions.value[0]?.inForce.state).toBe('uncertain')
  })

  it("checks a provision number the law does not list against the law's own dates", async () => {
    const { cybersecurityLaw } = await givenAnIncidentImplicatingTwoLaws()
    const withUnlisted = anIncident({ occurredOn: '2018-01-03', implicatedProvisions: [{ lawId: cybersecurityLaw.id, provisionNumber: '99' }] })
    await givenStored(getDatabase(), { type: 'incident', record: withUnlisted })

    const detail = detailOf(withUnlisted.id)

    await vi.waitFor(() => expect(detail.implicatedProvisions.value).toHaveLength(1))
    expect(detail.implicatedProvisions.value[0]).toMatchObject({ label: 'Cybersecurity Law, 99', inForce: { state: 'in-force' } })
  })

  it("reads the incident's responses as one matter, keeping responses to other incidents out", async () => {
    const regulator = anOrganisation({ name: 'Regulator' })
    const { incident } = await givenAnIncidentImplicatingTwoLaws()
    const other = anIncident()
    await givenStored(
      getDatabase(),
      { type: 'organisation', record: regulator },
      { type: 'incident', record: other },
      { type: 'response', record: aResponse({ kind: 'rectification-order', actorId: regulator.id, datedOn: '2018-01-10', incidentIds: [incident.id] }) },
      { type: 'response', record: aResponse({ kind: 'summons', actorId: regulator.id, datedOn: '2018-01-06', incidentIds: [incident.id] }) },
      { type: 'response', record: aResponse({ kind: 'review', actorId: regulator.id, datedOn: '2019', incidentIds: [other.id] }) }
    )

    const detail = detailOf(incident.id)

    await vi.waitFor(() => expect(detail.matterChain.value.steps).toHaveLength(2))
    expect(detail.matterChain.value.steps.map((step) => step.response.kind)).toEqual(['summons', 'rectification-order'])
    expect(detail.matterChain.value.state).toBe('concluded')
    await vi.waitFor(() => expect(detail.organisationNames.value.get(regulator.id)).toBe('Regulator'))
  })

  it('updates the state of the matter when a response is recorded', async () => {
    const { incident } = await givenAnIncidentImplicatingTwoLaws()
    const detail = detailOf(incident.id)
    await vi.waitFor(() => expect(detail.incident.value?.id).toBe(incident.id))
    expect(detail.matterChain.value.state).toBe('no-response')

    await givenStored(getDatabase(), { type: 'response', record: aResponse({ kind: 'fine', datedOn: '2018-03', incidentIds: [incident.id] }) })

    await vi.waitFor(() => expect(detail.matterChain.value.state).toBe('concluded'))
  })
})
