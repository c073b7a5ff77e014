import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref, type EffectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { useLinkedRecords } from '../../../src/renderer/recordKit/useLinkedRecords'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { givenStored } from '../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

/** (Ids are fresh: the app's database lives across the tests of a file.) A regulator headquartered in a jurisdiction, with 250 actions dated one a day from 1 January 2020 (stored newest first) and one incident it reported. */
async function givenARegulator() {
  const jurisdiction = aJurisdiction({ code: 'FR', name: 'France' })
  const regulator = anOrganisation({ name: 'CNIL', kind: 'regulator', headquartersJurisdictionId: jurisdiction.id })
  const actions = Array.from({ length: 250 }, (_, index) =>
    aResponse({ title: `Action ${index}`, actorId: regulator.id, datedOn: new Date(Date.UTC(2020, 0, 1 + index)).toISOString().slice(0, 10) })
  ).reverse()
  const incident = anIncident({ title: 'Breach', organisations: [{ organisationId: regulator.id, role: 'reporter' }] })
  await givenStored(
    getDatabase(),
    { type: 'jurisdiction', record: jurisdiction },
    { type: 'organisation', record: regulator },
    { type: 'incident', record: incident },
    ...actions.map((record) => ({ type: 'response' as const, record }))
  )
  return { regulator: { type: 'organisation', record: regulator } as TypedRecord, actions, incident, jurisdiction }
}

function linkedRecordsOf(subject: TypedRecord) {
  scope = effectScope()
  return scope.run(() => useLinkedRecords(ref(subject)))!
}

const titlesOf = (links: ReturnType<typeof linkedRecordsOf>, type: string) =>
  links.groups.value
    .find((group) => group.type === type)
    ?.links.map((link) => ('title' in link.linked.record ? link.linked.record.title : link.linked.record.name))

describe('useLinkedRecords', () => {
  it('reads the first hundred records of each type that link here, oldest first, with how many there are, and the records this one links to', async () => {
    const { regulator } = await givenARegulator()

    const links = linkedRecordsOf(regulator)

    await vi.waitFor(() => expect(links.groups.value.map((group) => group.type)).toEqual(['incident', 'jurisdiction', 'response']))
    const responses = links.groups.value.find((group) => group.type === 'response')!
    expect(responses.links).toHaveLength(100)
    expect(titlesOf(links, 'response')?.slice(0, 3)).toEqual(['Action 0', 'Action 1', 'Action 2'])
    expect([responses.shown, responses.total]).toEqual([100, 250])
    expect(responses.links[0]?.label).toBe('Response taken')
    expect(titlesOf(links, 'jurisdiction')).toEqual(['France'])
    expect(links.groups.value.find((group) => group.type === 'jurisdiction')?.links[0]).toMatchObject({ direction: 'outgoing', label: 'Headquarters' })
    expect(titlesOf(links, 'incident')).toEqual(['Breach'])
  })

  it('reads a hundred more of a type on each request, to the last one', async () => {
    const { regulator } = await givenARegulator()
    const links = linkedRecordsOf(regulator)
    await vi.waitFor(() => expect(links.groups.value.find((group) => group.type === 'response')?.shown).toBe(100))

    links.showMore('response')
    await vi.waitFor(() => expect(links.groups.value.find((group) => group.type === 'response')?.shown).toBe(200))
    links.showMore('response')
    await nextTick()

    await vi.waitFor(() => expect(titlesOf(links, 'response')).toHaveLength(250))
    expect(titlesOf(links, 'response')?.at(-1)).toBe('Action 249')
  })
})
