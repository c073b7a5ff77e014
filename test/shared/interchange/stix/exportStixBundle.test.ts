import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { recordSetOf } from '@shared/interchange/recordSet'
import { exportStixBundle } from '@shared/interchange/stix/exportStixBundle'
import { stixIdOfRecord, type StixObject } from '@shared/interchange/stix/stixModel'
import { aJurisdiction, aLaw, aResponse, aSource, anIncident, anOrganisation } from '../../../builders/sharedDomain'
import { bundleSchemaErrors, stixSchemaErrors } from './stixSchemaValidator'

const NOW = '2026-11-29T10:00:00.000Z'

const source = aSource({ id: 'src-reuters', title: 'Alipay apologises', publisher: 'Reuters', publishedOn: '2018-01', url: 'https://example.org/alipay' })
const alipay = anOrganisation({
  id: 'org-alipay',
  name: 'Alipay',
  kind: 'product',
  headquartersJurisdictionId: 'CN',
  links: [{ relation: 'operator', organisationId: 'org-ant' }]
})
const ant = anOrganisation({ id: 'org-ant', name: 'Ant Financial', kind: 'company' })
const cac = anOrganisation({ id: 'org-cac', name: 'Cyberspace Administration of China', kind: 'regulator' })
const law = aLaw({
  id: 'law-csl',
  title: 'Cybersecurity Law',
  jurisdictionId: 'CN',
  adoptedOn: '2016-11-07',
  inForceOn: '2017-06',
  provisions: [{ unit: 'article', number: '41' }]
})
const incident = anIncident({
  id: 'inc-alipay-2018',
  title: 'Alipay annual statement opt-in',
  summary: '支付宝年度账单默认勾选',
  occurredOn: '2018-01',
  disclosedOn: '2018-01-03',
  tags: ['dark pattern'],
  jurisdictionIds: ['CN'],
  organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
  implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }],
  citations: [{ sourceId: 'src-reuters', passage: 'pre-ticked box', locator: 'para. 2' }]
})
const response = aResponse({
  id: 'resp-cac-summons',
  title: 'CAC summons Alipay',
  kind: 'summons',
  actorId: 'org-cac',
  datedOn: '2018-01~',
  incidentIds: ['inc-alipay-2018'],
  legalBasis: [{ lawId: 'law-csl' }]
})
const china = aJurisdiction({ id: 'CN', code: 'CN', name: 'China' })

const all: TypedRecord[] = [
  { type: 'incident', record: incident },
  { type: 'organisation', record: alipay },
  { type: 'organisation', record: ant },
  { type: 'organisation', record: cac },
  { type: 'law', record: law },
  { type: 'response', record: response },
  { type: 'source', record: source }
]
const everything: TypedRecord[] = [...all, { type: 'jurisdiction', record: china }]

function byId(objects: readonly StixObject[] | undefined, id: string): StixObject {
  const found = objects?.find((object) => object.id === id)
  if (found === undefined) throw new Error(`no object ${id}`)
  return found
}

describe('exportStixBundle', () => {
  const bundle = exportStixBundle(recordSetOf(all, everything), { now: NOW })

  it('passes the OASIS STIX 2.1 schemas, the bundle and every object', () => {
    expect(stixSchemaErrors(bundle)).toEqual([])
    expect(bundle.objects?.length).toBeGreaterThan(all.length)
  })

  it('cannot use bundle.json alone: it refuses any bundle holding a valid incident (a defect of the OASIS schema)', () => {
    const minimal = {
      type: 'incident',
      spec_version: '2.1',
      id: 'incident--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e11',
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
      name: 'A minimal incident'
    }
    expect(stixSchemaErrors({ type: 'bundle', id: 'bundle--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e12', objects: [minimal] })).toEqual([])
    expect(bundleSchemaErrors({ type: 'bundle', id: 'bundle--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e12', objects: [minimal] })).toContain(
      'bundle/objects/0: must match exactly one schema in oneOf'
    )
  })

  it('maps each record type to its STIX type and keeps the record id', () => {
    const types = new Map(bundle.objects?.filter((o) => o.x_precedent_id !== undefined).map((o) => [o.x_precedent_id, o.type]))
    expect(Object.fromEntries(types)).toEqual({
      'inc-alipay-2018': 'incident',
      'org-alipay': 'identity',
      'org-ant': 'identity',
      'org-cac': 'identity',
      'law-csl': 'report',
      'resp-cac-summons': 'course-of-action',
      'src-reuters': 'x-precedent-source',
      CN: 'location'
    })
    expect(byId(bundle.objects, stixIdOfRecord('organisation', 'org-alipay'))).toMatchObject({ name: 'Alipay', identity_class: 'organization' })
    expect(byId(bundle.objects, stixIdOfRecord('jurisdiction', 'CN'))).toMatchObject({ country: 'CN', name: 'China' })
  })

  it('gives the same ids at every export, and version 5 UUIDs', () => {
    const again = exportStixBundle(recordSetOf([...all].reverse(), everything), { now: NOW })
    expect(new Set(again.objects?.map((o) => o.id))).toEqual(new Set(bundle.objects?.map((o) => o.id)))
    for (const object of bundle.objects ?? []) expect(object.id).toMatch(/--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(exportStixBundle(recordSetOf(all, everything), { now: NOW }).id).toBe(bundle.id)
    expect(exportStixBundle(recordSetOf(all, everything), { now: '2026-11-30T10:00:00.000Z' }).id).not.toBe(bundle.id)
  })

  it('keeps partial dates as EDTF and puts the first moment of the period where STIX needs a timestamp', () => {
    const incidentObject = byId(bundle.objects, stixIdOfRecord('incident', 'inc-alipay-2018'))
    expect(incidentObject.x_precedent_date).toBe('2018-01')
    expect(incidentObject.x_precedent_fields).toMatchObject({ occurredOn: '2018-01', disclosedOn: '2018-01-03' })
    const lawObject = byId(bundle.objects, stixIdOfRecord('law', 'law-csl'))
    expect(lawObject).toMatchObject({ published: '2016-11-07T00:00:00.000Z', x_precedent_date: '2016-11-07', report_types: ['legislation'] })
    const respondsTo = bundle.objects?.find((o) => o.x_precedent_relation === 'responds-to')
    expect(respondsTo).toMatchObject({ start_time: '2018-01-01T00:00:00.000Z', x_precedent_date: '2018-01~' })
  })

  it('writes a law without any date with its record time as publication time, and no EDTF date', () => {
    const undated = aLaw({ id: 'law-undated', createdAt: '2025-03-04T05:06:07+08:00', updatedAt: '2025-03-04T05:06:07+08:00' })
    const out = exportStixBundle(recordSetOf([{ type: 'law', record: undated }]), { now: NOW })
    expect(stixSchemaErrors(out)).toEqual([])
    expect(byId(out.objects, stixIdOfRecord('law', 'law-undated'))).toMatchObject({
      published: '2025-03-03T21:06:07.000Z',
      created: '2025-03-03T21:06:07.000Z'
    })
    expect(byId(out.objects, stixIdOfRecord('law', 'law-undated')).x_precedent_date).toBeUndefined()
  })

  it('turns citations into external references and links into relationships', () => {
    const incidentObject = byId(bundle.objects, stixIdOfRecord('incident', 'inc-alipay-2018'))
    expect(incidentObject.external_references).toEqual([
      { source_name: 'Reuters', description: 'Alipay apologises, para. 2', url: 'https://example.org/alipay', external_id: 'src-reuters' }
    ])
    const relationships = bundle.objects?.filter((o) => o.type === 'relationship') ?? []
    const summary = relationships.map(
      (r) => `${String(r.x_precedent_source_id)} ${String(r.relationship_type)}/${String(r.x_precedent_relation)} ${String(r.x_precedent_target_id)}`
    )
    expect(summary.sort()).toEqual(
      [
        'inc-alipay-2018 located-at/jurisdiction CN',
        'inc-alipay-2018 related-to/organisation org-alipay',
        'inc-alipay-2018 related-to/implicates law-csl',
        'org-alipay located-at/headquarters CN',
        'org-alipay related-to/operator org-ant',
        'resp-cac-summons related-to/actor org-cac',
        'resp-cac-summons related-to/responds-to inc-alipay-2018',
        'resp-cac-summons related-to/legal-basis law-csl'
      ].sort()
    )
    for (const relationship of relationships) {
      expect(bundle.objects?.some((o) => o.id === relationship.source_ref)).toBe(true)
      expect(bundle.objects?.some((o) => o.id === relationship.target_ref)).toBe(true)
    }
  })

  it('adds cited sources and jurisdictions so the file stands alone, but not other linked records', () => {
    const out = exportStixBundle(recordSetOf([{ type: 'incident', record: incident }], everything), { now: NOW })
    expect(stixSchemaErrors(out)).toEqual([])
    const kinds = out.objects?.filter((o) => o.type !== 'relationship').map((o) => `${o.type}:${String(o.x_precedent_id)}`)
    expect(kinds).toEqual(['x-precedent-source:src-reuters', 'incident:inc-alipay-2018', 'location:CN'])
  })

  it('leaves out the objects list when nothing is chosen (STIX forbids an empty one)', () => {
    const out = exportStixBundle(recordSetOf([]), { now: NOW })
    expect(out.objects).toBeUndefined()
    expect(stixSchemaErrors(out)).toEqual([])
  })
})

describe('exportStixBundle: edge cases the schemas care about', () => {
  it('writes a cited source unknown to the set, a CVE-like source id and a CJK address as valid external references', () => {
    const cveLike = aSource({ id: 'CVE-2017-0144', title: 'EternalBlue write-up', url: 'https://example.org/支付宝 报告' })
    const citing = anIncident({ id: 'inc-x', citations: [{ sourceId: 'CVE-2017-0144' }, { sourceId: 'src-gone', locator: 'p. 3' }] })
    const out = exportStixBundle(recordSetOf([{ type: 'incident', record: citing }], [{ type: 'source', record: cveLike }]), { now: NOW })
    expect(stixSchemaErrors(out)).toEqual([])
    expect(byId(out.objects, stixIdOfRecord('incident', 'inc-x')).external_references).toEqual([
      { source_name: 'Precedent', description: 'EternalBlue write-up', url: 'https://example.org/%E6%94%AF%E4%BB%98%E5%AE%9D%20%E6%8A%A5%E5%91%8A' },
      { source_name: 'Precedent', description: 'Source src-gone, p. 3', external_id: 'src-gone' }
    ])
  })

  it('leaves empty lists out of x_precedent_fields (STIX forbids empty lists)', () => {
    const out = exportStixBundle(recordSetOf([{ type: 'organisation', record: ant }]), { now: NOW })
    expect(byId(out.objects, stixIdOfRecord('organisation', 'org-ant')).x_precedent_fields).toEqual({ kind: 'company' })
  })
})
