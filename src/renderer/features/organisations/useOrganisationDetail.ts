import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { familyUnder, type FamilyMember } from '@shared/domain/organisationFamily'
import { sortByPartialDate } from '@shared/domain/partialDate'
import { incidentKeyDate, type Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { OrganisationId } from '@shared/domain/ids'
import type { Organisation } from '@shared/domain/organisation'
import { repositories, useRecord } from '../records'

/** One organisation-involved record with the member of the group it came through. */
export interface ThroughMember<T> {
  readonly record: T
  readonly via: string
}

/** The organisation and every organisation under it (each links to the one above), read by the `refs` index. */
async function readFamily(rootId: string): Promise<Organisation[]> {
  const root = await repositories.organisation.get(rootId)
  if (root === undefined) return []
  const found = new Map<string, Organisation>([[root.id, root]])
  let frontier: string[] = [root.id]
  while (frontier.length > 0) {
    const next: string[] = []
    for (const memberId of frontier) {
      for (const organisation of await repositories.organisation.listReferencing(memberId)) {
        if (found.has(organisation.id) || !organisation.links.some((link) => link.organisationId === memberId)) continue
        found.set(organisation.id, organisation)
        next.push(organisation.id)
      }
    }
    frontier = next
  }
  return [...found.values()]
}

/**
 * An organisation with everything under it (units, affiliates, products it operates), and the
 * incidents and responses that involve any of them: opening Alibaba shows Alipay's incident.
 */
export function useOrganisationDetail(id: Ref<string>) {
  const { record: organisation, typed, isLoading } = useRecord('organisation', id)
  // Only the family is read: the organisations linking to the root, then to those, and so on (by
  // the `refs` index), never the whole table.
  const organisations = useLiveQuery(() => readFamily(id.value), [], id).data

  const family = computed<FamilyMember[]>(() => familyUnder(id.value as OrganisationId, organisations.value))
  const groupNames = computed(() => {
    const names = new Map<string, string>()
    if (organisation.value) names.set(organisation.value.id, organisation.value.name)
    for (const member of family.value) names.set(member.organisation.id, member.organisation.name)
    return names
  })

  const involvement = useLiveQuery<{ incidents: ThroughMember<Incident>[]; responses: ThroughMember<IncidentResponse>[] }>(
    async () => {
      const names = groupNames.value
      const incidents = new Map<string, ThroughMember<Incident>>()
      const responses = new Map<string, ThroughMember<IncidentResponse>>()
      for (const [memberId, name] of names) {
        for (const incident of await repositories.incident.listReferencing(memberId)) {
          if (!incidents.has(incident.id)) incidents.set(incident.id, { record: incident, via: name })
        }
        for (const response of await repositories.response.listReferencing(memberId)) {
          if (!responses.has(response.id)) responses.set(response.id, { record: response, via: name })
        }
      }
      for (const incidentId of incidents.keys()) {
        for (const response of await repositories.response.listReferencing(incidentId)) {
          const via = incidents.get(incidentId)?.via ?? ''
          if (!responses.has(response.id)) responses.set(response.id, { record: response, via })
        }
      }
      return {
        incidents: sortByPartialDate([...incidents.values()], (through) => incidentKeyDate(through.record)),
        responses: sortByPartialDate([...responses.values()], (through) => through.record.datedOn)
      }
    },
    { incidents: [], responses: [] },
    groupNames
  )

  return { organisation, typed, isLoading, family, organisations, involvement: involvement.data }
}
