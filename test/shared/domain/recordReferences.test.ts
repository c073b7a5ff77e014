import { describe, expect, it } from 'vitest'
import { referencedIds, referencesOf } from '@shared/domain/recordReferences'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../builders/sharedDomain'

describe('referencesOf', () => {
  it('names every link an incident makes', () => {
    const incident = anIncident({
      jurisdictionIds: ['CN'],
      organisations: [
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-alibaba', role: 'parent' }
      ],
      implicatedProvisions: [{ lawId: 'law-pipl', provisionNumber: '41' }],
      citations: [{ sourceId: 'src-reuters-2018' }]
    })

    const references = referencesOf({ type: 'incident', record: incident })

    expect(references).toEqual([
      { targetId: 'CN', relation: 'jurisdiction' },
      { targetId: 'org-alipay', relation: 'organisation:operator' },
      { targetId: 'org-alibaba', relation: 'organisation:parent' },
      { targetId: 'law-pipl', relation: 'implicates' },
      { targetId: 'src-reuters-2018', relation: 'citation' }
    ])
  })

  it('names every link an organisation makes', () => {
    const organisation = anOrganisation({
      headquartersJurisdictionId: 'CN',
      links: [{ relation: 'operator', organisationId: 'org-ant-financial' }],
      citations: [{ sourceId: 'src-annual-report' }]
    })

    const references = referencesOf({ type: 'organisation', record: organisation })

    expect(references).toEqual([
      { targetId: 'CN', relation: 'headquarters' },
      { targetId: 'org-ant-financial', relation: 'organisation:operator' },
      { targetId: 'src-annual-report', relation: 'citation' }
    ])
  })

  it("names a subdivision's parent and its citations", () => {
    const jurisdiction = aJurisdiction({
      id: 'CN-ZJ',
      kind: 'subdivision',
      code: 'CN-ZJ',
      name: 'Zhejiang',
      parentId: 'CN',
      citations: [{ sourceId: 'src-iso-3166' }]
    })

    const references = referencesOf({ type: 'jurisdiction', record: jurisdiction })

    expect(references).toEqual([
      { targetId: 'CN', relation: 'parent' },
      { targetId: 'src-iso-3166', relation: 'citation' }
    ])
  })

  it('finds no links from a country with no citations', () => {
    const references = referencesOf({ type: 'jurisdiction', record: aJurisdiction() })

    expect(references).toEqual([])
  })

  it("names a law's jurisdiction and citations", () => {
    const law = aLaw({ jurisdictionId: 'CN', citations: [{ sourceId: 'src-npc' }] })

    const references = referencesOf({ type: 'law', record: law })

    expect(references).toEqual([
      { targetId: 'CN', relation: 'jurisdiction' },
      { targetId: 'src-npc', relation: 'citation' }
    ])
  })

  it('names every link a response makes', () => {
    const response = aResponse({
      actorId: 'org-cac',
      targetOrganisationIds: ['org-alipay'],
      incidentIds: ['inc-alipay-2018'],
      legalBasis: [{ lawId: 'law-cybersecurity' }],
      citations: [{ sourceId: 'src-cac-notice' }]
    })

    const references = referencesOf({ type: 'response', record: response })

    expect(references).toEqual([
      { targetId: 'org-cac', relation: 'actor' },
      { targetId: 'org-alipay', relation: 'target' },
      { targetId: 'inc-alipay-2018', relation: 'answers' },
      { targetId: 'law-cybersecurity', relation: 'legal-basis' },
      { targetId: 'src-cac-notice', relation: 'citation' }
    ])
  })

  it('finds no links from a source', () => {
    const references = referencesOf({ type: 'source', record: aSource() })

    expect(references).toEqual([])
  })
})

describe('referencedIds', () => {
  it('lists each target once even when several links point to it', () => {
    const incident = anIncident({
      implicatedProvisions: [
        { lawId: 'law-pipl', provisionNumber: '41' },
        { lawId: 'law-pipl', provisionNumber: '38' }
      ],
      citations: [{ sourceId: 'src-a' }, { sourceId: 'src-a', locator: 'p. 2' }]
    })

    const ids = referencedIds({ type: 'incident', record: incident })

    expect(ids).toEqual(['law-pipl', 'src-a'])
  })

  it('lists an organisation once when a response both is taken by and directed at it', () => {
    const response = aResponse({ actorId: 'org-alipay', targetOrganisationIds: ['org-alipay'] })

    const ids = referencedIds({ type: 'response', record: response })

    expect(ids).toEqual(['org-alipay'])
  })

  it('lists the jurisdiction and source a law points to', () => {
    const ids = referencedIds({ type: 'law', record: aLaw({ jurisdictionId: 'IN', citations: [{ sourceId: 'src-gazette' }] }) })

    expect(ids).toEqual(['IN', 'src-gazette'])
  })

  it('is empty for a source', () => {
    const ids = referencedIds({ type: 'source', record: aSource() })

    expect(ids).toEqual([])
  })
})
