import { afterEach, describe, expect, it, vi } from 'vitest'
import { effectScope, ref, type EffectScope } from 'vue'
import { getDatabase } from '@renderer/db'
import type { ComparisonSubject } from '@shared/analytics/jurisdictionComparison'
import type { OrganisationId } from '@shared/domain/ids'
import { useJurisdictionComparison } from '../../../../src/renderer/features/comparison/useJurisdictionComparison'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let scope: EffectScope | undefined

afterEach(() => scope?.stop())

function comparisonOf(subject: ComparisonSubject | undefined) {
  scope = effectScope()
  return scope.run(() => useJurisdictionComparison(ref(subject)))!
}

async function givenAnOrganisationWithAnIncidentIn(jurisdictionName: string) {
  const jurisdiction = aJurisdiction({ name: jurisdictionName })
  const organisation = anOrganisation({ name: `Company in ${jurisdictionName}` })
  const regulator = anOrganisation({ name: `Regulator of ${jurisdictionName}`, kind: 'regulator', headquartersJurisdictionId: jurisdiction.id })
  const incident = anIncident({ jurisdictionIds: [jurisdiction.id], organisations: [{ organisationId: organisation.id, role: 'operator' }] })
  await givenStored(
    getDatabase(),
    { type: 'jurisdiction', record: jurisdiction },
    { type: 'organisation', record: organisation },
    { type: 'organisation', record: regulator },
    { type: 'incident', record: incident }
  )
  return { jurisdiction, organisation, regulator, incident }
}

describe('useJurisdictionComparison', () => {
  it('compares the stored records for the subject', async () => {
    const { organisation } = await givenAnOrganisationWithAnIncidentIn('Freedonia')

    const { comparison } = comparisonOf({ kind: 'organisation', organisationId: organisation.id as OrganisationId })

    await vi.waitFor(() => expect(comparison.value?.columns.map((column) => column.jurisdictionName)).toEqual(['Freedonia']))
  })

  it('shows a response as soon as it is stored', async () => {
    const { organisation, regulator, incident } = await givenAnOrganisationWithAnIncidentIn('Sylvania')
    const { comparison } = comparisonOf({ kind: 'organisation', organisationId: organisation.id as OrganisationId })
    await vi.waitFor(() => expect(comparison.value?.columns).toHaveLength(1))

    await givenStored(getDatabase(), {
      type: 'response',
      record: aResponse({ title: 'Fined', kind: 'fine', actorId: regulator.id, incidentIds: [incident.id] })
    })

    await vi.waitFor(() => expect(comparison.value?.columns[0]?.matters[0]?.chain.state).toBe('concluded'))
  })

  it('compares nothing until a subject is chosen', () => {
    const { comparison } = comparisonOf(undefined)

    expect(comparison.value).toBeUndefined()
  })

  it('names organisations for the columns’ responses', async () => {
    const { organisation, regulator, incident } = await givenAnOrganisationWithAnIncidentIn('Ruritania')
    await givenStored(getDatabase(), {
      type: 'response',
      record: aResponse({ title: 'Fined', kind: 'fine', actorId: regulator.id, incidentIds: [incident.id] })
    })

    const { organisationNames } = comparisonOf({ kind: 'organisation', organisationId: organisation.id as OrganisationId })

    await vi.waitFor(() => expect(organisationNames.value.get(regulator.id)).toBe('Regulator of Ruritania'))
    expect(organisationNames.value.get(organisation.id)).toBe('Company in Ruritania')
  })

  it('names only the organisations the comparison mentions, not every one stored', async () => {
    const { organisation } = await givenAnOrganisationWithAnIncidentIn('Grand Fenwick')
    const bystander = anOrganisation({ name: 'Bystander Ltd' })
    await givenStored(getDatabase(), { type: 'organisation', record: bystander })

    const { comparison, organisationNames } = comparisonOf({ kind: 'organisation', organisationId: organisation.id as OrganisationId })

    await vi.waitFor(() => expect(comparison.value?.columns).toHaveLength(1))
    expect(organisationNames.value.has(bystander.id)).toBe(false)
  })

  it('says when the organisation chosen is not recorded', async () => {
    const { subjectExists, isLoading } = comparisonOf({ kind: 'organisation', organisationId: 'org-nowhere' as OrganisationId })

    await vi.waitFor(() => expect(isLoading.value).toBe(false))
    expect(subjectExists.value).toBe(false)
  })
})
