import { computed, type Ref } from 'vue'
import { useLiveQuery } from '@renderer/db'
import { findProvision } from '@shared/domain/law'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import { lawProvisionText, provisionText, repositories } from '@renderer/recordKit'

/** A response's legal basis as readable labels: "Information Technology Act, 2000, Section 69A". */
export function useLegalBasis(response: Ref<IncidentResponse | undefined>) {
  const laws = useLiveQuery(() => repositories.law.getMany([...new Set(response.value?.legalBasis.map((reference) => reference.lawId) ?? [])]), [], response)
  return computed(() => {
    const byId = new Map(laws.data.value.map((law) => [law.id, law]))
    return (response.value?.legalBasis ?? []).map((reference) => {
      const law = byId.get(reference.lawId)
      const lawName = law ? (law.shortName ?? law.title) : reference.lawId
      if (reference.provisionNumber === undefined) return lawName
      const provision = law ? findProvision(law, reference.provisionNumber) : undefined
      return lawProvisionText(lawName, provision ? provisionText(provision) : reference.provisionNumber)
    })
  })
}
