import { describe, expect, it } from 'vitest'
import {
  createIncidentRepository,
  createJurisdictionRepository,
  createLawRepository,
  createOrganisationRepository,
  createResponseRepository,
  createSourceRepository
} from '@renderer/db'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../../builders/domain'
import { aFreshDatabase, givenStored } from '../testDatabase'

describe('createResponseRepository', () => {
  it('lists the responses to an incident in date order, undated last', async () => {
    const db = aFreshDatabase()
    const incident = anIncident()
    const fine = aResponse({ incidentIds: [incident.id], datedOn: '2018-01-10' })
    const undated = aResponse({ incidentIds: [incident.id], datedOn: undefined })
    const statement = aResponse({ incidentIds: [incident.id], datedOn: '2018-01' })
    const elsewhere = aResponse({ datedOn: '2017' })
    await givenStored(db, ...[fine, undated, statement, elsewhere].map((record) => ({ type: 'response' as const, record })))

    const listed = await createResponseRepository(db).listForIncident(incident.id)

    expect(listed.map((response) => response.id)).toEqual([statement.id, fine.id, undated.id])
  })

  it('tells the responses an organisation took from those directed at it', async () => {
    const db = aFreshDatabase()
    const taken = aResponse({ actorId: 'org-cac' })
    const received = aResponse({ actorId: 'org-other', targetOrganisationIds: ['org-cac'] })
    await givenStored(db, { type: 'response', record: taken }, { type: 'response', record: received })
    const responses = createResponseRepository(db)

    expect(await responses.listByActor('org-cac')).toEqual([taken])
    expect(await responses.listTargeting('org-cac')).toEqual([received])
  })
})

describe('createIncidentRepository', () => {
  it('lists the incidents an organisation played any role in', async () => {
    const db = aFreshDatabase()
    const operated = anIncident({ organisations: [{ organisationId: 'org-uc', role: 'operator' }] })
    const reported = anIncident({ organisations: [{ organisationId: 'org-uc', role: 'reporter' }] })
    await givenStored(db, { type: 'incident', record: operated }, { type: 'incident', record: reported }, { type: 'incident', record: anIncident() })

    const listed = await createIncidentRepository(db).listForOrganisation('org-uc')

    expect(listed.map((incident) => incident.id).sort()).toEqual([operated.id, reported.id].sort())
  })
})

describe('createOrganisationRepository', () => {
  it('lists the organisations linked under one, not those it links to', async () => {
    const db = aFreshDatabase()
    const alibaba = anOrganisation({ id: 'org-alibaba' })
    const ant = anOrganisation({ links: [{ relation: 'parent', organisationId: alibaba.id }] })
    await givenStored(db, { type: 'organisation', record: alibaba }, { type: 'organisation', record: ant })
    const organisations = createOrganisationRepository(db)

    expect(await organisations.listLinkedTo(alibaba.id)).toEqual([ant])
    expect(await organisations.listLinkedTo(ant.id)).toEqual([])
  })
})

describe('createJurisdictionRepository', () => {
  it('lists the subdivisions of a country', async () => {
    const db = aFreshDatabase()
    const china = aJurisdiction({ id: 'CN' })
    const zhejiang = aJurisdiction({ id: 'CN-ZJ', code: 'CN-ZJ', kind: 'subdivision', name: 'Zhejiang', parentId: 'CN' })
    await givenStored(db, { type: 'jurisdiction', record: china }, { type: 'jurisdiction', record: zhejiang })

    expect(await createJurisdictionRepository(db).listSubdivisions('CN')).toEqual([zhejiang])
  })
})

describe('createLawRepository', () => {
  it('lists the laws of a jurisdiction by adoption date', async () => {
    const db = aFreshDatabase()
    const pipl = aLaw({ jurisdictionId: 'CN', adoptedOn: '2021-08-20' })
    const csl = aLaw({ jurisdictionId: 'CN', adoptedOn: '2016-11-07' })
    const gdpr = aLaw({ jurisdictionId: 'EU', adoptedOn: '2016-04-27' })
    await givenStored(db, ...[pipl, csl, gdpr].map((record) => ({ type: 'law' as const, record })))

    const listed = await createLawRepository(db).listForJurisdiction('CN')

    expect(listed.map((law) => law.id)).toEqual([csl.id, pipl.id])
  })
})

describe('createSourceRepository', () => {
  it('finds a stored source by its address', async () => {
    const db = aFreshDatabase()
    const report = aSource({ url: 'https://citizenlab.ca/2015/05/a-chatty-squirrel/' })
    await givenStored(db, { type: 'source', record: report }, { type: 'source', record: aSource() })

    expect(await createSourceRepository(db).findByUrl('https://citizenlab.ca/2015/05/a-chatty-squirrel/')).toEqual(report)
  })
})
