import { describe, expect, it } from 'vitest'
import { recordsAbout, recordsMatching, type KnowledgeBaseRecords } from '@shared/timeline/timelineScope'
import { anIncident, anOrganisation, aLaw, aResponse } from '../../builders/domain'

const alibaba = anOrganisation({ id: 'org-alibaba', name: 'Alibaba' })
const alipay = anOrganisation({ id: 'org-alipay', name: 'Alipay', links: [{ relation: 'parent', organisationId: 'org-alibaba' }] })
const other = anOrganisation({ id: 'org-other', name: 'Other' })
const pipl = aLaw({ jurisdictionId: 'CN' })
const itAct = aLaw({ jurisdictionId: 'IN' })
const alipayIncident = anIncident({
  jurisdictionIds: ['CN'],
  organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
  implicatedProvisions: [{ lawId: pipl.id }]
})
const otherIncident = anIncident({ jurisdictionIds: ['IN'], organisations: [{ organisationId: 'org-other', role: 'operator' }] })
const summons = aResponse({ actorId: 'org-cac', incidentIds: [alipayIncident.id] })
const ban = aResponse({ actorId: 'org-meity', incidentIds: [otherIncident.id], legalBasis: [{ lawId: itAct.id }] })
const all: KnowledgeBaseRecords = {
  incidents: [alipayIncident, otherIncident],
  responses: [summons, ban],
  laws: [pipl, itAct],
  organisations: [alibaba, alipay, other]
}
const ids = (records: {
  readonly incidents: readonly { id: string }[]
  readonly responses: readonly { id: string }[]
  readonly laws: readonly { id: string }[]
}) => [...records.incidents, ...records.responses, ...records.laws].map((record) => record.id)

describe('recordsAbout', () => {
  it("covers an organisation's family: the incidents of organisations under it, their responses and the laws they cite", () => {
    expect(ids(recordsAbout(all, { kind: 'organisation', organisationId: 'org-alibaba' }))).toEqual([alipayIncident.id, summons.id, pipl.id])
  })

  it("covers a jurisdiction's incidents, their responses and its laws", () => {
    expect(ids(recordsAbout(all, { kind: 'jurisdiction', jurisdictionId: 'IN' }))).toEqual([otherIncident.id, ban.id, itAct.id])
  })

  it('covers a response to no incident by an organisation based in the jurisdiction', () => {
    const meity = anOrganisation({ id: 'org-meity', name: 'MeitY', headquartersJurisdictionId: 'IN' })
    const notices = aResponse({ actorId: 'org-meity', incidentIds: [] })

    const scoped = recordsAbout({ ...all, responses: [notices], organisations: [meity] }, { kind: 'jurisdiction', jurisdictionId: 'IN' })

    expect(scoped.responses).toEqual([notices])
  })

  it('covers a law, the responses based on it and the incidents implicating it', () => {
    expect(ids(recordsAbout(all, { kind: 'law', lawId: itAct.id }))).toEqual([ban.id, itAct.id])
  })

  it('covers everything when no subject is chosen', () => {
    expect(ids(recordsAbout(all, { kind: 'everything' }))).toHaveLength(6)
  })
})

describe('recordsMatching', () => {
  it('keeps only the records a search found', () => {
    expect(ids(recordsMatching(all, new Set([summons.id])))).toEqual([summons.id])
  })
})
