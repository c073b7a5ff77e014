import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { findProvision, type Law } from '@shared/domain/law'
import { lawStatusOn, provisionInForceOn, type InForceCheck } from '@shared/domain/lawStatus'
import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { IncidentId } from '@shared/domain/ids'
import type { PartialDate } from '@shared/domain/partialDate'
import { buildMatterChain, type MatterChain } from '@shared/domain/responseLifecycle'
import { lawProvisionText, provisionText, repositories, useRecord } from '@renderer/recordKit'

/** An implicated provision (or a whole law) with what the page needs to show it. */
export interface ImplicatedProvision {
  readonly key: string
  readonly law: Law
  readonly label: string
  readonly summary?: string
  /** Whether it was in force on the incident's date, in words. */
  readonly inForce: InForceCheck
}

/** The incident date the in-force checks are measured against, and which event it records. */
export interface IncidentCheckDate {
  readonly date: PartialDate
  readonly event: 'occurred' | 'was disclosed' | 'was reported'
}

// The same order as incidentKeyDate: when it happened, else when it came out.
function checkDateOf(incident: Incident): IncidentCheckDate | undefined {
  if (incident.occurredOn) return { date: incident.occurredOn, event: 'occurred' }
  if (incident.disclosedOn) return { date: incident.disclosedOn, event: 'was disclosed' }
  if (incident.reportedOn) return { date: incident.reportedOn, event: 'was reported' }
  return undefined
}

/**
 * An incident with its responses read as one matter (steps in order, proposed measures apart, the
 * state of the matter), the provisions it implicates with whether each was in force on the
 * incident's date, and the names of the organisations involved.
 */
export function useIncidentDetail(id: Ref<string>) {
  const { record: incident, typed, isLoading } = useRecord('incident', id)

  const responses = useLiveQuery<IncidentResponse[]>(
    async () => (await repositories.response.listReferencing(id.value)).filter((response) => response.incidentIds.includes(id.value as IncidentId)),
    [],
    id
  )
  const matterChain = computed<MatterChain>(() => buildMatterChain(responses.data.value))

  const laws = useLiveQuery<Law[]>(
    async () => {
      const lawIds = incident.value?.implicatedProvisions.map((reference) => reference.lawId) ?? []
      return repositories.law.getMany([...new Set(lawIds)])
    },
    [],
    incident
  )

  const organisationIds = computed(() => [
    ...(incident.value?.organisations.map((link) => link.organisationId) ?? []),
    ...responses.data.value.flatMap((response) => [response.actorId, ...response.targetOrganisationIds])
  ])
  const organisations = useLiveQuery(() => repositories.organisation.getMany([...new Set(organisationIds.value)]), [], organisationIds)
  const organisationNames = computed(() => new Map<string, string>(organisations.data.value.map((o) => [o.id, o.name])))

  const checkDate = computed(() => (incident.value ? checkDateOf(incident.value) : undefined))

  const implicatedProvisions = computed<ImplicatedProvision[]>(() => {
    const lawById = new Map(laws.data.value.map((law) => [law.id, law]))
    const date = checkDate.value?.date
    return (incident.value?.implicatedProvisions ?? []).flatMap((reference) => {
      const law = lawById.get(reference.lawId)
      if (law === undefined) return []
      const provision = reference.provisionNumber === undefined ? undefined : findProvision(law, reference.provisionNumber)
      const lawName = law.shortName ?? law.title
      const label = provision
        ? lawProvisionText(lawName, provisionText(provision))
        : reference.provisionNumber
          ? lawProvisionText(lawName, reference.provisionNumber)
          : lawName
      // A number the law does not list (yet) is checked against the law's own dates.
      const inForce = provision ? provisionInForceOn(law, provision, date) : lawStatusOn(law, date)
      return [
        {
          key: `${law.id}:${reference.provisionNumber ?? ''}`,
          law,
          label,
          ...(provision?.summary !== undefined && { summary: provision.summary }),
          inForce
        }
      ]
    })
  })

  return { incident, typed, isLoading, responses: responses.data, matterChain, organisationNames, implicatedProvisions, checkDate }
}
