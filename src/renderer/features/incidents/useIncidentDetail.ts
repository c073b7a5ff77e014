import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { compareOptionalPartialDates } from '@shared/domain/partialDate'
import { findProvision, provisionLabel, type Law } from '@shared/domain/law'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { IncidentId } from '@shared/domain/ids'
import { repositories, useRecord } from '../records'

/** An implicated provision with what the form and page need to show it. */
export interface ImplicatedProvision {
  readonly law: Law
  readonly label: string
  readonly summary?: string
}

/** An incident with its responses in date order, the laws it implicates, and organisation names. */
export function useIncidentDetail(id: Ref<string>) {
  const { record: incident, typed, isLoading } = useRecord('incident', id)

  const responses = useLiveQuery<IncidentResponse[]>(
    async () =>
      (await repositories.response.listReferencing(id.value)).filter((response) =>
        response.incidentIds.includes(id.value as IncidentId)
      ).sort((a, b) => compareOptionalPartialDates(a.datedOn, b.datedOn)),
    [],
    id
  )

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

  const implicatedProvisions = computed<ImplicatedProvision[]>(() => {
    const lawById = new Map(laws.data.value.map((law) => [law.id, law]))
    return (incident.value?.implicatedProvisions ?? []).flatMap((reference) => {
      const law = lawById.get(reference.lawId)
      if (law === undefined) return []
      const provision = reference.provisionNumber === undefined ? undefined : findProvision(law, reference.provisionNumber)
      const lawName = law.shortName ?? law.title
      return [{
        law,
        label: provision ? `${lawName}, ${provisionLabel(provision)}` : reference.provisionNumber ? `${lawName}, ${reference.provisionNumber}` : lawName,
        summary: provision?.summary
      }]
    })
  })

  return { incident, typed, isLoading, responses: responses.data, organisationNames, implicatedProvisions }
}
