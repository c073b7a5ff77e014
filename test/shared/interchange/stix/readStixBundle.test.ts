import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { ImportInputError } from '@shared/interchange/importProblem'
import type { ImportContext, ImportReading } from '@shared/interchange/importReading'
import { parseJsonSafely } from '@shared/interchange/parseJsonSafely'
import { recordSetOf } from '@shared/interchange/recordSet'
import { exportStixBundle } from '@shared/interchange/stix/exportStixBundle'
import { readStixBundle } from '@shared/interchange/stix/readStixBundle'
import { stixIdOfRecord, type StixObject } from '@shared/interchange/stix/stixModel'
import { aJurisdiction, aLaw, aResponse, aSource, anIncident, anOrganisation } from '../../../builders/sharedDomain'
import { describedInEnglish as describeImportProblem, thrownInEnglish, withReasonInEnglish } from '../../../support/words'

const IMPORTED_AT = '2026-11-29T12:00:00.000Z'
const context: ImportContext = { file: 'bundle.json', importedAt: IMPORTED_AT, jurisdictionIds: new Set(['CN', 'IN', 'EU', 'CN-ZJ']) }

/** A record without bookkeeping: what a round trip must give back (the importer stamps its own time). */
function content(typed: TypedRecord): Record<string, unknown> {
  const { createdAt: _c, updatedAt: _u, revision: _r, ...rest } = typed.record as unknown as Record<string, unknown>
  return { type: typed.type, ...rest }
}

function contentsById(records: readonly TypedRecord[]) {
  return [...records].sort((a, b) => a.record.id.localeCompare(b.record.id)).map(content)
}

/** Exports, writes as text and reads back, as a person moving a file between two machines would. */
function roundTrip(records: readonly TypedRecord[], selected: readonly TypedRecord[] = records): ImportReading {
  const bundle = exportStixBundle(recordSetOf(selected, records), { now: '2026-11-29T10:00:00.000Z' })
  return readStixBundle(parseJsonSafely(JSON.stringify(bundle, null, 2), 'bundle.json'), context)
}

const source = aSource({
  id: 'src-reuters',
  title: 'Alipay apologises',
  publisher: 'Reuters',
  publishedOn: '2018-01',
  url: 'https://example.org/alipay',
  language: 'en'
})
const alipay = anOrganisation({
  id: 'org-alipay',
  name: 'Alipay',
  aliases: [{ name: '支付宝', language: 'zh' }],
  kind: 'product',
  headquartersJurisdictionId: 'CN-ZJ',
  links: [{ relation: 'operator', organisationId: 'org-ant' }]
})
const ant = anOrganisation({ id: 'org-ant', name: 'Ant Financial', kind: 'company', citations: [{ sourceId: 'src-reuters' }] })
const cac = anOrganisation({ id: 'org-cac', name: 'Cyberspace Administration of China', kind: 'regulator', headquartersJurisdictionId: 'CN' })
const csl = aLaw({
  id: 'law-csl',
  title: 'Cybersecurity Law',
  nativeTitle: '网络安全法',
  nativeLanguage: 'zh',
  jurisdictionId: 'CN',
  adoptedOn: '2016-11-07',
  inForceOn: '2017-06',
  amendedOn: ['2025~'],
  provisions: [{ unit: 'article', number: '41', heading: 'Collection', inForceOn: '2017-06-01' }]
})
const draft = aLaw({
  id: 'law-draft',
  title: 'Draft rules',
  jurisdictionId: 'CN',
  status: 'draft',
  kind: 'rules',
  relations: [{ relation: 'implements', lawId: 'law-csl' }]
})
const incident = anIncident({
  id: 'inc-alipay-2018',
  title: 'Alipay annual statement opt-in',
  summary: '支付宝年度账单默认勾选\n第二行',
  original: { language: 'zh', title: '支付宝年度账单' },
  categories: ['consent-dark-pattern'],
  dataCategories: ['credit data'],
  occurredOn: '2018-01',
  disclosedOn: '2018-01-03/2018-01-04',
  status: 'confirmed',
  affectedUsers: { count: 1000, isEstimate: true },
  tags: ['dark pattern'],
  jurisdictionIds: ['CN', 'CN-ZJ'],
  organisations: [
    { organisationId: 'org-alipay', role: 'operator' },
    { organisationId: 'org-ant', role: 'parent' }
  ],
  implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }, { lawId: 'law-csl' }],
  citations: [{ sourceId: 'src-reuters', passage: 'pre-ticked box', locator: 'para. 2' }]
})
const response = aResponse({
  id: 'resp-cac-summons',
  title: 'CAC summons Alipay',
  kind: 'fine',
  actorId: 'org-cac',
  datedOn: '2018-01~',
  stage: 'proposed',
  matterEffect: 'advances',
  targetOrganisationIds: ['org-alipay', 'org-ant'],
  incidentIds: ['inc-alipay-2018'],
  legalBasis: [{ lawId: 'law-csl', provisionNumber: '41' }],
  outcome: 'Rectified',
  penalty: { amount: 0.5, currency: 'CNY' },
  citations: [{ sourceId: 'src-reuters' }]
})

const zhejiang = aJurisdiction({
  id: 'CN-ZJ',
  kind: 'subdivision',
  code: 'CN-ZJ',
  name: 'Zhejiang',
  nameZh: '浙江省',
  parentId: 'CN',
  notes: 'Home of Alibaba; provincial rules, 2019',
  citations: [{ sourceId: 'src-reuters' }]
})

const records: TypedRecord[] = [
  { type: 'jurisdiction', record: zhejiang },
  { type: 'incident', record: incident },
  { type: 'organisation', record: alipay },
  { type: 'organisation', record: ant },
  { type: 'organisation', record: cac },
  { type: 'law', record: csl },
  { type: 'law', record: draft },
  { type: 'response', record: response },
  { type: 'source', record: source }
]

describe('readStixBundle: Precedent bundles', () => {
  it('gives back the same records, every field and link, with no problems', () => {
    const reading = roundTrip(records)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([])
    expect(reading.format).toBe('stix')
    expect(contentsById(reading.candidates.map((candidate) => candidate.typed))).toEqual(contentsById(records))
  })

  it('stamps the records with the import time and says where each came from', () => {
    const reading = roundTrip(records)
    const read = reading.candidates.find((candidate) => candidate.typed.record.id === 'inc-alipay-2018')
    expect(read?.typed.record).toMatchObject({ createdAt: IMPORTED_AT, updatedAt: IMPORTED_AT, revision: 1 })
    const bundle = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
    const position = bundle.objects?.findIndex((object) => object.id === stixIdOfRecord('incident', 'inc-alipay-2018')) ?? -1
    expect(read?.origin).toEqual({ file: 'bundle.json', row: position + 1 })
  })

  it('keeps links to records left out of the file, by their Precedent ids', () => {
    const reading = roundTrip(records, [{ type: 'response', record: response }])
    expect(reading.notices.map(withReasonInEnglish)).toEqual([])
    const ids = reading.candidates.map((candidate) => candidate.typed.record.id).sort()
    expect(ids).toEqual(['resp-cac-summons', 'src-reuters'])
    const read = reading.candidates.find((candidate) => candidate.typed.type === 'response')
    expect(content(read!.typed)).toEqual(content({ type: 'response', record: response }))
  })

  it('reads an object whose STIX id was changed by its x_precedent_id, with a notice', () => {
    const bundle = exportStixBundle(recordSetOf([{ type: 'organisation', record: cac }]), { now: '2026-11-29T10:00:00.000Z' })
    const objects = (bundle.objects ?? []).map((object) =>
      object.type === 'identity' ? { ...object, id: 'identity--11111111-2222-4333-8444-555555555555' } : object
    )
    const reading = readStixBundle({ ...bundle, objects }, context)
    expect(reading.candidates.map((candidate) => candidate.typed.record.id)).toContain('org-cac')
    expect(reading.notices.map(describeImportProblem)).toContainEqual(
      expect.stringMatching(/^bundle\.json, row \d, field "id": The STIX id does not match x_precedent_id "org-cac"/)
    )
  })
})

/** The exported bundle of `records` with one object changed, for the error tests. */
function withChangedObject(recordId: string, change: (object: Record<string, unknown>) => Record<string, unknown>) {
  const bundle = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
  const objects = (bundle.objects ?? []).map((object) =>
    object.x_precedent_id === recordId && object.type !== 'relationship' ? change({ ...object }) : object
  )
  const row = objects.findIndex((object) => object.x_precedent_id === recordId) + 1
  return { bundle: { ...bundle, objects }, row }
}

describe('readStixBundle: problems name the object and the property', () => {
  it('refuses a date with more than its record allows, naming x_precedent_fields', () => {
    const { bundle, row } = withChangedObject('inc-alipay-2018', (object) => ({
      ...object,
      x_precedent_fields: { ...(object.x_precedent_fields as object), occurredOn: '2018-13' }
    }))
    const reading = readStixBundle(bundle, context)
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      `bundle.json, row ${row}, field "x_precedent_fields.occurredOn": "2018-13": month 13 does not exist (01 to 12)`
    ])
    expect(reading.candidates.some((candidate) => candidate.typed.record.id === 'inc-alipay-2018')).toBe(false)
  })

  it('refuses a field Precedent does not have, and a name that is not text', () => {
    const unknownField = withChangedObject('org-cac', (object) => ({ ...object, x_precedent_fields: { kind: 'regulator', toString: 'x' } }))
    expect(readStixBundle(unknownField.bundle, context).rejected.map(describeImportProblem)).toEqual([
      `bundle.json, row ${unknownField.row}, field "x_precedent_fields.toString": "toString" is not a field of an organisation`
    ])
    const badName = withChangedObject('org-cac', (object) => ({ ...object, name: 42 }))
    expect(readStixBundle(badName.bundle, context).rejected.map(describeImportProblem)).toContain(
      `bundle.json, row ${badName.row}, field "name": "name" must be text`
    )
  })

  it('removes a right-to-left override from a name, with a notice naming row, field and character', () => {
    const { bundle, row } = withChangedObject('org-cac', (object) => ({ ...object, name: 'Cyberspace\u202E Administration' }))
    const reading = readStixBundle(bundle, context)
    const read = reading.candidates.find((candidate) => candidate.typed.record.id === 'org-cac')
    expect(read?.typed.type === 'organisation' ? read.typed.record.name : undefined).toBe('Cyberspace Administration')
    expect(reading.notices.map(describeImportProblem)).toContain(
      `bundle.json, row ${row}, field "name": Invisible characters were removed: right-to-left override (U+202E)`
    )
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
  })

  it('refuses an object with a malformed id, type, timestamp or spec_version, and reads the rest', () => {
    const good = {
      type: 'identity',
      spec_version: '2.1',
      id: 'identity--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e11',
      created: '2020-01-01T00:00:00.000Z',
      modified: '2020-01-01T00:00:00.000Z',
      name: 'Acme'
    }
    const reading = readStixBundle(
      {
        type: 'bundle',
        id: 'bundle--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e10',
        objects: [
          good,
          { ...good, id: 'incident--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e12' },
          { ...good, id: 'identity--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e13', created: '2020-01-01 00:00' },
          { ...good, id: 'identity--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e14', spec_version: '2.0' },
          { ...good, type: 'Not A Type' },
          'text'
        ]
      },
      context
    )
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'bundle.json, row 2, field "id": The id must be "identity--" followed by a UUID',
      'bundle.json, row 3, field "created": A STIX timestamp is UTC with a Z, e.g. 2018-01-03T00:00:00.000Z',
      'bundle.json, row 4, field "spec_version": Only STIX 2.1 is read; this object says "2.0"',
      'bundle.json, row 5, field "type": The type must be a STIX type name such as "incident" or "identity"',
      'bundle.json, row 6: A STIX object must be a JSON object'
    ])
    expect(reading.candidates.map((candidate) => candidate.typed.record.id)).toEqual(['identity--5f4f9e4c-1b1e-4d8c-9a60-6b1d9c2a3e11'])
  })

  it('refuses a relationship with a role Precedent does not know, naming it', () => {
    const bundle = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
    const objects = (bundle.objects ?? []).map((object) => (object.x_precedent_role === 'operator' ? { ...object, x_precedent_role: 'owner' } : object))
    const row = objects.findIndex((object) => object.x_precedent_role === 'owner') + 1
    const reading = readStixBundle({ ...bundle, objects }, context)
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      `bundle.json, row ${row}, field "x_precedent_role": x_precedent_role must be one of: operator, parent, data-recipient, reporter, involved`
    ])
  })

  it('refuses what is not a STIX bundle at all, reading nothing', () => {
    expect(() => readStixBundle([], context)).toThrow(ImportInputError)
    expect(thrownInEnglish(() => readStixBundle({ type: 'report' }, context))).toContain('bundle.json, field "type": This is not a STIX bundle')
    expect(thrownInEnglish(() => readStixBundle({ type: 'bundle', objects: {} }, context))).toContain(
      'bundle.json, field "objects": "objects" must be a list of STIX objects'
    )
  })
})

const T = '2021-03-04T05:06:07.000Z'
const ids = {
  regulator: 'identity--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d01',
  company: 'identity--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d02',
  incident: 'incident--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d03',
  india: 'location--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d04',
  nowhere: 'location--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d05',
  report: 'report--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d06',
  ban: 'course-of-action--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d07',
  patch: 'course-of-action--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d08',
  actor: 'threat-actor--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d09',
  note: 'note--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d0a'
}
const common = { spec_version: '2.1', created: T, modified: T }
const relationship = (n: number, type: string, from: string, to: string) => ({
  type: 'relationship',
  ...common,
  id: `relationship--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8e${String(n).padStart(2, '0')}`,
  relationship_type: type,
  source_ref: from,
  target_ref: to
})

/** A bundle as another tool (OpenCTI, a CTI feed) might write it. */
const foreignBundle = {
  type: 'bundle',
  id: 'bundle--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d00',
  objects: [
    {
      type: 'identity',
      ...common,
      id: ids.regulator,
      name: 'Ministry of Electronics and IT',
      identity_class: 'organization',
      sectors: ['government-national']
    },
    { type: 'identity', ...common, id: ids.company, name: 'UCWeb', identity_class: 'organization' },
    {
      type: 'incident',
      ...common,
      id: ids.incident,
      name: 'UC Browser sends identifiers abroad',
      description: 'Identifiers sent to servers in China',
      labels: ['privacy'],
      first_seen: '2015-05-21T00:00:00Z',
      external_references: [
        { source_name: 'Citizen Lab', description: 'A Tale of Three Browsers', url: 'https://citizenlab.ca/2015/05/a-tale-of-three-browsers/' },
        { source_name: 'archive', url: 'ftp://example.org/report.pdf', external_id: 'R-1' }
      ]
    },
    { type: 'location', ...common, id: ids.india, name: 'India', country: 'in' },
    { type: 'location', ...common, id: ids.nowhere, name: 'Atlantis', country: 'ZZ' },
    {
      type: 'report',
      ...common,
      id: ids.report,
      name: 'UC Browser review',
      published: '2017-08-22T09:30:00.000Z',
      created_by_ref: ids.regulator,
      object_refs: [ids.incident]
    },
    { type: 'course-of-action', ...common, id: ids.ban, name: 'Ban of UC Browser', created_by_ref: ids.regulator },
    { type: 'course-of-action', ...common, id: ids.patch, name: 'Apply the patch' },
    { type: 'threat-actor', ...common, id: ids.actor, name: 'Someone' },
    { type: 'note', ...common, id: ids.note, content: 'Analyst comment', object_refs: [ids.incident] },
    relationship(1, 'targets', ids.incident, ids.company),
    relationship(2, 'located-at', ids.incident, ids.india),
    relationship(3, 'located-at', ids.incident, ids.nowhere),
    relationship(4, 'related-to', ids.ban, ids.incident),
    relationship(5, 'attributed-to', ids.incident, ids.actor),
    relationship(6, 'related-to', ids.regulator, ids.company),
    { type: 'identity', ...common, id: 'identity--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d0b', name: 'A. Person', identity_class: 'individual' },
    { type: 'incident', ...common, id: 'incident--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d0c', name: 'Withdrawn', revoked: true },
    relationship(7, 'originates-from', ids.incident, ids.india)
  ]
}

describe('readStixBundle: bundles from other tools', () => {
  const reading = readStixBundle(foreignBundle, context)
  const byId = new Map<string, TypedRecord>(reading.candidates.map((candidate) => [candidate.typed.record.id, candidate.typed]))

  it('reads incidents, identities, reports and courses of action under their STIX ids', () => {
    expect(byId.get(ids.incident)?.record).toMatchObject({
      title: 'UC Browser sends identifiers abroad',
      summary: 'Identifiers sent to servers in China',
      status: 'alleged',
      tags: ['privacy'],
      occurredOn: '2015-05-21',
      jurisdictionIds: ['IN'],
      organisations: [{ organisationId: ids.company, role: 'involved' }]
    })
    expect(byId.get(ids.regulator)?.record).toMatchObject({ name: 'Ministry of Electronics and IT', kind: 'government-body' })
    expect(byId.get(ids.company)?.record).toMatchObject({ name: 'UCWeb', kind: 'other' })
    expect(byId.get(ids.ban)?.record).toMatchObject({ title: 'Ban of UC Browser', kind: 'other', actorId: ids.regulator, incidentIds: [ids.incident] })
    expect(byId.get(ids.report)).toMatchObject({
      type: 'source',
      record: { title: 'UC Browser review', publishedOn: '2017-08-22', publisher: 'Ministry of Electronics and IT' }
    })
  })

  it('makes a source of each external reference and of each report, cited by the objects they concern', () => {
    const citations = (byId.get(ids.incident)?.record as { citations: { sourceId: string; locator?: string }[] }).citations
    expect(citations).toHaveLength(3)
    const [citizenLab, archive, report] = citations.map((citation) => byId.get(citation.sourceId)?.record)
    expect(citizenLab).toMatchObject({
      title: 'A Tale of Three Browsers',
      publisher: 'Citizen Lab',
      url: 'https://citizenlab.ca/2015/05/a-tale-of-three-browsers/'
    })
    expect(archive).toMatchObject({ title: 'R-1', publisher: 'archive' })
    expect(archive).not.toHaveProperty('url')
    expect(report).toMatchObject({ title: 'UC Browser review' })
  })

  it('refuses a course of action with no identity behind it, and says what it skipped and why', () => {
    expect(reading.rejected.map(describeImportProblem)).toEqual([
      'bundle.json, row 8, field "created_by_ref": A course of action becomes a response only when created_by_ref names an identity in the file (the organisation that took it)'
    ])
    expect(reading.notices.map(describeImportProblem).sort()).toEqual(
      [
        'bundle.json, row 3, field "external_references[1].url": "ftp://example.org/report.pdf" is not an http(s) address and was left out',
        'bundle.json, row 5, field "country": This location is not a known jurisdiction; links to it were not imported',
        'bundle.json, row 9, field "type": STIX threat-actor objects have no counterpart in Precedent and were not imported',
        'bundle.json, row 10, field "type": STIX note objects have no counterpart in Precedent and were not imported',
        'bundle.json, row 13, field "target_ref": The located-at relationship was not imported: its target is not a record read from this file or a known jurisdiction',
        'bundle.json, row 15, field "target_ref": The attributed-to relationship was not imported: its target is not a record read from this file or a known jurisdiction',
        'bundle.json, row 16, field "relationship_type": A related-to relationship from an organisation to an organisation has no counterpart in Precedent and was not imported',
        'bundle.json, row 17, field "identity_class": An identity of class "individual" is imported as an organisation of kind "other"; Precedent records organisations only',
        'bundle.json, row 18, field "revoked": "incident--0c5c8a9e-4b1d-4c1e-9a4d-3f1f6b7c8d0c" is revoked (withdrawn by its producer) and was not imported',
        'bundle.json, row 19, field "relationship_type": An originates-from relationship from an incident to a jurisdiction has no counterpart in Precedent and was not imported'
      ].sort()
    )
  })

  it('goes back out under the same STIX ids, so another tool recognises its objects', () => {
    const typed = reading.candidates.map((candidate) => candidate.typed)
    const bundle = exportStixBundle(recordSetOf(typed.filter((t) => t.type !== 'source')), { now: T })
    const out = new Set((bundle.objects ?? []).map((object: StixObject) => object.id))
    for (const id of [ids.incident, ids.regulator, ids.company, ids.ban]) expect(out).toContain(id)
  })

  it('reads the same file the same way every time (ids included)', () => {
    expect(readStixBundle(foreignBundle, context)).toEqual(reading)
  })
})

describe('readStixBundle: Precedent objects that lost part of their data on the way', () => {
  it("finds a law's jurisdiction through object_refs when x_precedent_jurisdiction_id was dropped", () => {
    const { bundle } = withChangedObject('law-csl', ({ x_precedent_jurisdiction_id: _dropped, ...object }) => object)
    const reading = readStixBundle(bundle, context)
    expect(reading.rejected.map(withReasonInEnglish)).toEqual([])
    expect(reading.candidates.find((candidate) => candidate.typed.record.id === 'law-csl')?.typed.record).toMatchObject({ jurisdictionId: 'CN' })
  })

  it('says plainly when a response has lost the relationship naming its actor', () => {
    const bundle = exportStixBundle(recordSetOf(records), { now: '2026-11-29T10:00:00.000Z' })
    const objects = (bundle.objects ?? []).filter((object) => object.x_precedent_relation !== 'actor')
    const row = objects.findIndex((object) => object.x_precedent_id === 'resp-cac-summons' && object.type === 'course-of-action') + 1
    expect(readStixBundle({ ...bundle, objects }, context).rejected.map(describeImportProblem)).toEqual([
      `bundle.json, row ${row}, field "relationships": A response needs the organisation that took it: no relationship with x_precedent_relation "actor" starts from this object`
    ])
  })

  it('carries only the citation fields, never other keys found in a citation', () => {
    const { bundle } = withChangedObject('inc-alipay-2018', (object) => ({ ...object, x_precedent_citations: [{ sourceId: 'src-reuters', extra: 'x' }] }))
    const read = readStixBundle(bundle, context).candidates.find((candidate) => candidate.typed.record.id === 'inc-alipay-2018')
    expect((read?.typed.record as { citations: unknown[] }).citations).toStrictEqual([{ sourceId: 'src-reuters' }])
  })
})
