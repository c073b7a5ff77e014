import { describe, expect, it } from 'vitest'
import { requiredLinksTo, withoutReferencesTo, withoutReferencesWhere } from '../../../src/shared/domain/unlinkRecord'
import { referencedIds } from '../../../src/shared/domain/recordReferences'
import { incidentSchema } from '../../../src/shared/domain/incident'
import { incidentResponseSchema } from '../../../src/shared/domain/incidentResponse'
import { jurisdictionSchema } from '../../../src/shared/domain/jurisdiction'
import { lawSchema } from '../../../src/shared/domain/law'
import { organisationSchema } from '../../../src/shared/domain/organisation'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { aJurisdictionInput, aLawInput, aResponseInput, anIncidentInput, anOrganisationInput } from '../../builders/sharedDomain'

const incident: TypedRecord = {
  type: 'incident',
  record: incidentSchema.parse(
    anIncidentInput({
      jurisdictionIds: ['CN', 'IN'],
      organisations: [
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-ant', role: 'parent' }
      ],
      implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }],
      citations: [{ sourceId: 'src-xinhua' }, { sourceId: 'src-cri' }]
    })
  )
}
const response: TypedRecord = {
  type: 'response',
  record: incidentResponseSchema.parse(
    aResponseInput({
      actorId: 'org-cac',
      targetOrganisationIds: ['org-alipay', 'org-sesame'],
      incidentIds: ['inc-1'],
      legalBasis: [{ lawId: 'law-csl' }]
    })
  )
}
const alipay: TypedRecord = {
  type: 'organisation',
  record: organisationSchema.parse(anOrganisationInput({ headquartersJurisdictionId: 'CN', links: [{ relation: 'operator', organisationId: 'org-ant' }] }))
}
const zhejiang: TypedRecord = {
  type: 'jurisdiction',
  record: jurisdictionSchema.parse(aJurisdictionInput({ id: 'CN-ZJ', code: 'CN-ZJ', kind: 'subdivision', parentId: 'CN', name: 'Zhejiang' }))
}
const law: TypedRecord = { type: 'law', record: lawSchema.parse(aLawInput({ jurisdictionId: 'CN', citations: [{ sourceId: 'src-x' }] })) }

describe('withoutReferencesTo', () => {
  it.each([
    ['an incident', incident, 'org-alipay'],
    ['an incident', incident, 'CN'],
    ['an incident', incident, 'law-csl'],
    ['an incident', incident, 'src-xinhua'],
    ['a response', response, 'org-alipay'],
    ['a response', response, 'inc-1'],
    ['a response', response, 'law-csl'],
    ['an organisation', alipay, 'CN'],
    ['an organisation', alipay, 'org-ant'],
    ['a law', law, 'src-x']
  ])('removes every link from %s to %s', (_label, typed, id) => {
    const mended = withoutReferencesTo(typed, id)

    expect(referencedIds(mended)).not.toContain(id)
  })

  it('keeps every other link', () => {
    const mended = withoutReferencesTo(incident, 'org-alipay')

    expect(referencedIds(mended).sort()).toEqual(['CN', 'IN', 'law-csl', 'org-ant', 'src-cri', 'src-xinhua'])
  })

  it('leaves required links in place', () => {
    expect(referencedIds(withoutReferencesTo(response, 'org-cac'))).toContain('org-cac')
    expect(referencedIds(withoutReferencesTo(law, 'CN'))).toContain('CN')
    expect(referencedIds(withoutReferencesTo(zhejiang, 'CN'))).toContain('CN')
  })

  it('leaves the record unchanged when it does not link to the id', () => {
    expect(withoutReferencesTo(incident, 'org-nobody')).toEqual(incident)
  })
})

describe('requiredLinksTo', () => {
  it("names a response's actor, a law's jurisdiction and a subdivision's country", () => {
    expect(requiredLinksTo(response, 'org-cac')).toEqual(['actorId'])
    expect(requiredLinksTo(law, 'CN')).toEqual(['jurisdictionId'])
    expect(requiredLinksTo(zhejiang, 'CN')).toEqual(['parentId'])
  })

  it('finds no required link where removing the link is safe', () => {
    expect(requiredLinksTo(incident, 'org-alipay')).toEqual([])
    expect(requiredLinksTo(response, 'org-alipay')).toEqual([])
  })
})

describe('withoutReferencesWhere', () => {
  it('drops every optional link whose target the predicate refuses, keeping required ones', () => {
    const kept = withoutReferencesWhere(response, (id) => id !== 'org-alipay' && id !== 'law-csl')

    expect(kept.record).toMatchObject({ actorId: 'org-cac', targetOrganisationIds: ['org-alipay'], incidentIds: [], legalBasis: [{ lawId: 'law-csl' }] })
  })

  it('is withoutReferencesTo when the predicate names one id', () => {
    expect(withoutReferencesWhere(incident, (id) => id === 'org-ant')).toEqual(withoutReferencesTo(incident, 'org-ant'))
  })
})
