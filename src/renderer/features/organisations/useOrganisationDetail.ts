import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { familyUnder, type FamilyMember } from '@shared/domain/organisationFamily'
import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { OrganisationId } from '@shared/domain/ids'
import type { Organisation } from '@shared/domain/organisation'
import { referencedIds } from '@shared/domain/recordReferences'
import { useShownPart } from '@renderer/ui/useShownPart'
import { loadFirstInListOrder, loadReferrerIds, repositories, useRecord } from '@renderer/recordKit'

/** One organisation-involved record with the member of the group it came through. */
export interface ThroughMember<T> {
  readonly record: T
  readonly via: string
}

/** The incidents and responses of an organisation's group: the first ones in date order, and how many there are. */
export interface Involvement {
  readonly incidents: readonly ThroughMember<Incident>[]
  readonly incidentCount: number
  readonly responses: readonly ThroughMember<IncidentResponse>[]
  readonly responseCount: number
}

const NO_INVOLVEMENT: Involvement = { incidents: [], incidentCount: 0, responses: [], responseCount: 0 }

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
 * The first `incidentLimit` incidents and `responseLimit` responses involving the group (members
 * by name, the organisation first), oldest first. Only ids are read for the whole set (a regulator
 * is named by ten thousand responses): the records read are the ones shown.
 */
async function readInvolvement(names: ReadonlyMap<string, string>, incidentLimit: number, responseLimit: number): Promise<Involvement> {
  const memberIds = [...names.keys()]
  const [incidentIds, responseIds] = await Promise.all([loadReferrerIds('incident', memberIds), loadReferrerIds('response', memberIds)])
  // A response to one of the group's incidents involves the group too.
  for (const id of await loadReferrerIds('response', [...incidentIds])) responseIds.add(id)
  const [incidents, responses] = await Promise.all([
    loadFirstInListOrder('incident', incidentIds, 'orderDate', incidentLimit),
    loadFirstInListOrder('response', responseIds, 'orderDate', responseLimit)
  ])
  // Through the first member (in the group's order) the incident names.
  const viaOf = (incident: Incident): string => {
    const linked = new Set<string>(referencedIds({ type: 'incident', record: incident }))
    return names.get(memberIds.find((memberId) => linked.has(memberId)) ?? '') ?? ''
  }
  return {
    incidents: incidents.records.map((record) => ({ record, via: viaOf(record) })),
    incidentCount: incidentIds.size,
    responses: responses.records.map((record) => ({ record, via: '' })),
    responseCount: responseIds.size
  }
}

/**
 * An organisation with everything under it (units, affiliates, products it operates), and the
 * incidents and responses that involve any of them: opening Alibaba shows Alipay's incident.
 * The lists are read a page at a time (`shownIncidents.showMore()` reads a hundred more).
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

  const shownIncidents = useShownPart(id)
  const shownResponses = useShownPart(id)
  const involvement = useLiveQuery<Involvement>(
    () => (groupNames.value.size === 0 ? NO_INVOLVEMENT : readInvolvement(groupNames.value, shownIncidents.limit.value, shownResponses.limit.value)),
    NO_INVOLVEMENT,
    [groupNames, shownIncidents.limit, shownResponses.limit]
  )

  return { organisation, typed, isLoading, family, organisations, involvement: involvement.data, shownIncidents, shownResponses }
}
