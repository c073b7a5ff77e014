import { readFileSync } from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import { describe, expect, it } from 'vitest'
import { toPartialDate } from '@shared/domain/partialDate'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { cslDateOf, exportCslJson } from '@shared/interchange/export/cslJson'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aJurisdiction, aLaw, aResponse, aSource, anIncident, anOrganisation } from '../../../builders/sharedDomain'

const schema = JSON.parse(readFileSync(path.join(__dirname, 'cslJson.csl-data.schema.json'), 'utf8')) as object
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema)

function schemaErrors(items: unknown): string[] {
  return validate(items) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath}: ${error.message}`)
}

const web = aSource({
  id: 'src-web',
  title: '支付宝回应',
  publisher: 'Caixin',
  author: 'Wang Lu',
  publishedOn: '2018-01-03',
  accessedOn: '2026-11',
  url: 'https://example.org/caixin',
  language: 'zh-Hans'
})
const print = aSource({ id: 'src-print', title: 'Annual report', publisher: 'CAC', publishedOn: '2018' })
const uncited = aSource({ id: 'src-uncited', title: 'Never cited' })
const csl = aLaw({
  id: 'law-csl',
  title: 'Cybersecurity Law',
  shortName: 'CSL',
  nativeTitle: '网络安全法',
  identifier: 'Order No. 53',
  jurisdictionId: 'CN',
  adoptedOn: '2016-11-07',
  citations: [{ sourceId: 'src-print' }]
})
const bill = aLaw({ id: 'law-bill', title: 'Data Bill', kind: 'bill', status: 'draft', jurisdictionId: 'IN', draftOn: '2019-12' })
const incident = anIncident({
  id: 'inc-1',
  citations: [{ sourceId: 'src-web' }, { sourceId: 'src-missing' }],
  implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }]
})
const response = aResponse({ id: 'resp-1', citations: [{ sourceId: 'src-web' }], legalBasis: [{ lawId: 'law-csl' }] })
const everything: TypedRecord[] = [
  { type: 'source', record: web },
  { type: 'source', record: print },
  { type: 'source', record: uncited },
  { type: 'law', record: csl },
  { type: 'law', record: bill },
  { type: 'incident', record: incident },
  { type: 'response', record: response },
  { type: 'organisation', record: anOrganisation({ id: 'org-1', citations: [{ sourceId: 'src-print' }] }) },
  { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', name: 'China' }) }
]

describe('cslDateOf', () => {
  it.each([
    ['2018', { 'date-parts': [[2018]] }],
    ['2018-01', { 'date-parts': [[2018, 1]] }],
    ['2018-01-03', { 'date-parts': [[2018, 1, 3]] }],
    ['2017-08~', { 'date-parts': [[2017, 8]], circa: true }],
    ['2015/2017-06', { 'date-parts': [[2015], [2017, 6]] }]
  ])('writes %s with only the parts known', (text, expected) => {
    expect(cslDateOf(toPartialDate(text))).toEqual(expected)
  })
})

describe('exportCslJson', () => {
  it('lists what the chosen records cite and are linked to, each once, and passes the CSL-JSON schema', () => {
    const items = exportCslJson(recordSetOf([everything[5]!, everything[6]!, everything[7]!], everything))
    expect(items.map((item) => item.id)).toEqual(['src-web', 'law-csl', 'src-print'])
    expect(schemaErrors(items)).toEqual([])
  })

  it('writes a source with an address as a web page, its publisher as the site', () => {
    const [item] = exportCslJson(recordSetOf([{ type: 'source', record: web }]))
    expect(item).toEqual({
      id: 'src-web',
      type: 'webpage',
      title: '支付宝回应',
      author: [{ literal: 'Wang Lu' }],
      'container-title': 'Caixin',
      issued: { 'date-parts': [[2018, 1, 3]] },
      accessed: { 'date-parts': [[2026, 11]] },
      URL: 'https://example.org/caixin',
      language: 'zh-Hans'
    })
  })

  it('writes a source without an address as a document with its publisher, dated to the year only', () => {
    expect(exportCslJson(recordSetOf([{ type: 'source', record: print }]))).toEqual([
      { id: 'src-print', type: 'document', title: 'Annual report', publisher: 'CAC', issued: { 'date-parts': [[2018]] } }
    ])
  })

  it('writes laws as legislation (bills as bills) with jurisdiction, number and short title', () => {
    const items = exportCslJson(
      recordSetOf(
        [
          { type: 'law', record: csl },
          { type: 'law', record: bill }
        ],
        everything
      )
    )
    expect(items).toEqual([
      {
        id: 'law-csl',
        type: 'legislation',
        title: 'Cybersecurity Law',
        'title-short': 'CSL',
        'original-title': '网络安全法',
        number: 'Order No. 53',
        jurisdiction: 'China',
        issued: { 'date-parts': [[2016, 11, 7]] }
      },
      { id: 'src-print', type: 'document', title: 'Annual report', publisher: 'CAC', issued: { 'date-parts': [[2018]] } },
      { id: 'law-bill', type: 'bill', title: 'Data Bill', jurisdiction: 'IN' }
    ])
    expect(schemaErrors(items)).toEqual([])
  })

  it('the schema check is not vacuous: a made-up field and a four-part date are refused', () => {
    expect(schemaErrors([{ id: 'x', type: 'webpage', title: 'x', issued: { 'date-parts': [[2018, 1, 3, 4]] } }])).not.toEqual([])
    expect(schemaErrors([{ id: 'x', type: 'webpage', title: 'x', url: 'https://x' }])).not.toEqual([])
  })
})
