import { describe, expect, it } from 'vitest'
import { mergeIncidents, mergeOrganisations, redirectReferences } from '../../../src/shared/domain/mergeRecords'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../builders/sharedDomain'

describe('mergeOrganisations', () => {
  it('keeps the survivor’s id, name, kind and bookkeeping', () => {
    const survivor = anOrganisation({ id: 'org-alipay', name: 'Alipay', kind: 'product', revision: 4 })
    const duplicate = anOrganisation({ id: 'org-dup', name: '支付宝', kind: 'company' })

    const merged = mergeOrganisations(survivor, duplicate)

    expect(merged).toMatchObject({ id: 'org-alipay', name: 'Alipay', kind: 'product', revision: 4 })
  })

  it('adds the duplicate’s name as an alias', () => {
    const survivor = anOrganisation({ id: 'org-alipay', name: 'Alipay' })
    const duplicate = anOrganisation({ id: 'org-dup', name: 'Alipay (支付宝)' })

    expect(mergeOrganisations(survivor, duplicate).aliases).toEqual([{ name: 'Alipay (支付宝)' }])
  })

  it('adds no alias for a name equal to the survivor’s after normalising', () => {
    const survivor = anOrganisation({ id: 'org-alipay', name: 'Alipay' })
    const duplicate = anOrganisation({ id: 'org-dup', name: 'ALIPAY Co., Ltd.' })

    expect(mergeOrganisations(survivor, duplicate).aliases).toEqual([])
  })

  it('unites the aliases, keeping an alias that differs only in case once', () => {
    const survivor = anOrganisation({ id: 'org-alipay', name: 'Alipay', aliases: [{ name: '支付宝', language: 'zh' }] })
    const duplicate = anOrganisation({
      id: 'org-dup',
      name: 'Alipay',
      aliases: [{ name: '支付宝' }, { name: 'Zhifubao', language: 'zh-Latn' }, { name: 'alipay' }]
    })

    expect(mergeOrganisations(survivor, duplicate).aliases).toEqual([
      { name: '支付宝', language: 'zh' },
      { name: 'Zhifubao', language: 'zh-Latn' }
    ])
  })

  it('unites links and drops the links between the two, which would point to itself', () => {
    const survivor = anOrganisation({
      id: 'org-alipay',
      links: [
        { relation: 'operator', organisationId: 'org-ant' },
        { relation: 'affiliate', organisationId: 'org-dup' }
      ]
    })
    const duplicate = anOrganisation({
      id: 'org-dup',
      links: [
        { relation: 'operator', organisationId: 'org-ant' },
        { relation: 'parent', organisationId: 'org-alibaba' },
        { relation: 'affiliate', organisationId: 'org-alipay' }
      ]
    })

    expect(mergeOrganisations(survivor, duplicate).links).toEqual([
      { relation: 'operator', organisationId: 'org-ant' },
      { relation: 'parent', organisationId: 'org-alibaba' }
    ])
  })

  it('unites citations, an identical citation kept once', () => {
    const survivor = anOrganisation({ id: 'org-a', citations: [{ sourceId: 'src-1' }] })
    const duplicate = anOrganisation({ id: 'org-b', citations: [{ sourceId: 'src-1' }, { sourceId: 'src-1', passage: 'Alipay said' }] })

    expect(mergeOrganisations(survivor, duplicate).citations).toEqual([{ sourceId: 'src-1' }, { sourceId: 'src-1', passage: 'Alipay said' }])
  })

  it('fills fields the survivor lacks from the duplicate, and keeps the ones it has', () => {
    const survivor = anOrganisation({ id: 'org-a', headquartersCity: 'Hangzhou' })
    const duplicate = anOrganisation({ id: 'org-b', headquartersCity: 'Shanghai', headquartersJurisdictionId: 'CN', description: 'Payments' })

    const merged = mergeOrganisations(survivor, duplicate)

    expect(merged).toMatchObject({ headquartersCity: 'Hangzhou', headquartersJurisdictionId: 'CN', description: 'Payments' })
  })

  it('leaves no key for a field neither record has', () => {
    const merged = mergeOrganisations(anOrganisation({ id: 'org-a' }), anOrganisation({ id: 'org-b' }))

    expect(Object.keys(merged)).not.toContain('description')
  })
})

describe('mergeIncidents', () => {
  it('keeps the survivor’s title, summary and status', () => {
    const survivor = anIncident({ id: 'inc-a', title: 'Alipay bill', summary: 'Kept', status: 'confirmed' })
    const duplicate = anIncident({ id: 'inc-b', title: 'Alipay annual bill', summary: 'Dropped', status: 'alleged' })

    expect(mergeIncidents(survivor, duplicate)).toMatchObject({ id: 'inc-a', title: 'Alipay bill', summary: 'Kept', status: 'confirmed' })
  })

  it('takes the duplicate’s summary when the survivor has none', () => {
    const merged = mergeIncidents(anIncident({ id: 'inc-a', summary: '' }), anIncident({ id: 'inc-b', summary: 'What happened' }))

    expect(merged.summary).toBe('What happened')
  })

  it('unites organisations by organisation and role, jurisdictions and provisions', () => {
    const survivor = anIncident({
      id: 'inc-a',
      organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
      jurisdictionIds: ['CN'],
      implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }]
    })
    const duplicate = anIncident({
      id: 'inc-b',
      organisations: [
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-alipay', role: 'data-recipient' }
      ],
      jurisdictionIds: ['CN', 'HK'],
      implicatedProvisions: [
        { lawId: 'law-csl', provisionNumber: '41' },
        { lawId: 'law-csl', provisionNumber: '42' }
      ]
    })

    const merged = mergeIncidents(survivor, duplicate)

    expect(merged.organisations).toEqual([
      { organisationId: 'org-alipay', role: 'operator' },
      { organisationId: 'org-alipay', role: 'data-recipient' }
    ])
    expect(merged.jurisdictionIds).toEqual(['CN', 'HK'])
    expect(merged.implicatedProvisions).toEqual([
      { lawId: 'law-csl', provisionNumber: '41' },
      { lawId: 'law-csl', provisionNumber: '42' }
    ])
  })

  it('unites categories, data categories and tags', () => {
    const survivor = anIncident({ id: 'inc-a', categories: ['consent-dark-pattern'], dataCategories: ['Credit data'], tags: ['alipay'] })
    const duplicate = anIncident({
      id: 'inc-b',
      categories: ['profiling', 'consent-dark-pattern'],
      dataCategories: ['credit data', 'Spending'],
      tags: ['sesame']
    })

    const merged = mergeIncidents(survivor, duplicate)

    expect(merged.categories).toEqual(['consent-dark-pattern', 'profiling'])
    expect(merged.dataCategories).toEqual(['Credit data', 'Spending'])
    expect(merged.tags).toEqual(['alipay', 'sesame'])
  })

  it('fills missing dates from the duplicate and keeps the survivor’s at their precision', () => {
    const survivor = anIncident({ id: 'inc-a', occurredOn: '2018-01' })
    const duplicate = anIncident({ id: 'inc-b', occurredOn: '2018-01-03', disclosedOn: '2018-01-04' })

    const merged = mergeIncidents(survivor, duplicate)

    expect(merged.occurredOn).toBe('2018-01')
    expect(merged.disclosedOn).toBe('2018-01-04')
  })

  it('takes the original-language text from the duplicate when the survivor has none', () => {
    const duplicate = anIncident({ id: 'inc-b', original: { language: 'zh', title: '支付宝年度账单' } })

    expect(mergeIncidents(anIncident({ id: 'inc-a' }), duplicate).original).toEqual({ language: 'zh', title: '支付宝年度账单' })
  })
})

describe('redirectReferences', () => {
  it('points a response’s actor, targets and incidents at the survivor', () => {
    const response: TypedRecord = {
      type: 'response',
      record: aResponse({ actorId: 'org-dup', targetOrganisationIds: ['org-dup'], incidentIds: ['inc-dup'] })
    }

    const byOrganisation = redirectReferences(response, 'org-dup', 'org-alipay')

    expect(byOrganisation.record).toMatchObject({ actorId: 'org-alipay', targetOrganisationIds: ['org-alipay'], incidentIds: ['inc-dup'] })
  })

  it('keeps a link once when the record linked to both', () => {
    const response: TypedRecord = { type: 'response', record: aResponse({ targetOrganisationIds: ['org-alipay', 'org-dup'] }) }

    const redirected = redirectReferences(response, 'org-dup', 'org-alipay')

    expect(redirected.record).toMatchObject({ targetOrganisationIds: ['org-alipay'] })
  })

  it('keeps an incident’s organisation once per role', () => {
    const incident: TypedRecord = {
      type: 'incident',
      record: anIncident({
        organisations: [
          { organisationId: 'org-alipay', role: 'operator' },
          { organisationId: 'org-dup', role: 'operator' },
          { organisationId: 'org-dup', role: 'reporter' }
        ]
      })
    }

    const redirected = redirectReferences(incident, 'org-dup', 'org-alipay')

    expect(redirected.record).toMatchObject({
      organisations: [
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-alipay', role: 'reporter' }
      ]
    })
  })

  it('drops an organisation link that would point at the organisation itself', () => {
    const organisation: TypedRecord = {
      type: 'organisation',
      record: anOrganisation({ id: 'org-alipay', links: [{ relation: 'affiliate', organisationId: 'org-dup' }] })
    }

    const redirected = redirectReferences(organisation, 'org-dup', 'org-alipay')

    expect(redirected.record).toMatchObject({ links: [] })
  })

  it('re-points provisions and law relations to a merged law', () => {
    const law: TypedRecord = { type: 'law', record: aLaw({ id: 'law-new', relations: [{ relation: 'amends', lawId: 'law-dup' }] }) }
    const response: TypedRecord = { type: 'response', record: aResponse({ legalBasis: [{ lawId: 'law-dup', provisionNumber: '41' }] }) }

    expect(redirectReferences(law, 'law-dup', 'law-csl').record).toMatchObject({ relations: [{ relation: 'amends', lawId: 'law-csl' }] })
    expect(redirectReferences(response, 'law-dup', 'law-csl').record).toMatchObject({ legalBasis: [{ lawId: 'law-csl', provisionNumber: '41' }] })
  })

  it('re-points citations, keeping their passages', () => {
    const incident: TypedRecord = { type: 'incident', record: anIncident({ citations: [{ sourceId: 'src-dup', passage: 'quoted' }] }) }

    expect(redirectReferences(incident, 'src-dup', 'src-1').record).toMatchObject({ citations: [{ sourceId: 'src-1', passage: 'quoted' }] })
  })

  it('leaves a record that does not link to the old id as it was', () => {
    const source: TypedRecord = { type: 'source', record: aSource() }
    const incident: TypedRecord = { type: 'incident', record: anIncident({ jurisdictionIds: ['CN'] }) }

    expect(redirectReferences(source, 'org-dup', 'org-alipay')).toEqual(source)
    expect(redirectReferences(incident, 'org-dup', 'org-alipay')).toEqual(incident)
  })
})
