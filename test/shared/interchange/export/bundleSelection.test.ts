import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle, type Bundle } from '@shared/domain/bundle'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { exportSelectionBundle, selectionClosure } from '@shared/interchange/export/bundleSelection'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../../builders/domain'
import { thrownInEnglish } from '../../../support/words'

const repoRoot = path.resolve(__dirname, '../../../..')

function loadBundle(file: string): Bundle {
  const result = parseBundle(JSON.parse(readFileSync(path.join(repoRoot, 'resources', file), 'utf8')), knownJurisdictions())
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.problems.slice(0, 3))}`)
  return result.bundle
}

function knownJurisdictions(): Set<string> {
  const json = JSON.parse(readFileSync(path.join(repoRoot, 'resources/jurisdictions.json'), 'utf8')) as { records: { jurisdictions: { id: string }[] } }
  return new Set(json.records.jurisdictions.map((jurisdiction) => jurisdiction.id))
}

const everything = [
  ...bundleRecordsInOrder(loadBundle('jurisdictions.json').records),
  ...bundleRecordsInOrder(loadBundle('sample-knowledge-base.json').records)
]
const options = { id: 'selection-test', title: 'Selection', createdAt: '2026-02-01T10:00:00.000Z' }
const idsIn = (bundle: Bundle) =>
  bundleRecordsInOrder(bundle.records)
    .map((typed) => typed.record.id)
    .sort()

/** A bundle as it leaves the app: JSON text, parsed by the same validator every import uses, with no known ids. */
function roundTrip(bundle: Bundle) {
  return parseBundle(JSON.parse(JSON.stringify(bundle)))
}

describe('exportSelectionBundle', () => {
  it('exports the whole knowledge base so that parsing it gives back the same records', () => {
    const bundle = exportSelectionBundle(recordSetOf(everything), options)
    const parsed = roundTrip(bundle)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.bundle).toMatchObject({
      format: 'precedent-bundle',
      version: 2,
      id: 'selection-test',
      title: 'Selection',
      revision: 1,
      createdAt: options.createdAt
    })
    const sortById = (records: TypedRecord[]) => [...records].sort((a, b) => a.record.id.localeCompare(b.record.id))
    expect(sortById(bundleRecordsInOrder(parsed.bundle.records))).toEqual(sortById(everything))
  })

  it('makes a valid bundle of every single sample record alone', () => {
    const sample = bundleRecordsInOrder(loadBundle('sample-knowledge-base.json').records)
    expect(sample.length).toBeGreaterThan(10)
    for (const typed of sample) {
      const parsed = roundTrip(exportSelectionBundle(recordSetOf([typed], everything), options))
      expect(parsed.ok ? [] : parsed.problems, typed.record.id).toEqual([])
    }
  })

  it('pulls in what links require and reference records, and drops optional links to records left out', () => {
    const china = aJurisdiction({ id: 'CN', name: 'China' })
    const zhejiang = aJurisdiction({ id: 'CN-ZJ', kind: 'subdivision', code: 'CN-ZJ', name: 'Zhejiang', parentId: 'CN' })
    const report = aSource({ id: 'src-report' })
    const regulator = anOrganisation({ id: 'org-cac', headquartersJurisdictionId: 'CN-ZJ', links: [{ relation: 'parent', organisationId: 'org-state' }] })
    const state = anOrganisation({ id: 'org-state' })
    const alipay = anOrganisation({ id: 'org-alipay' })
    const law = aLaw({ id: 'law-csl', jurisdictionId: 'CN', relations: [{ relation: 'amends', lawId: 'law-old' }] })
    const oldLaw = aLaw({ id: 'law-old', jurisdictionId: 'CN' })
    const incident = anIncident({
      id: 'inc-1',
      jurisdictionIds: ['CN'],
      organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
      implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }],
      citations: [{ sourceId: 'src-report' }]
    })
    const response = aResponse({
      id: 'resp-1',
      actorId: 'org-cac',
      incidentIds: ['inc-1'],
      targetOrganisationIds: ['org-alipay'],
      legalBasis: [{ lawId: 'law-csl' }]
    })
    const all: TypedRecord[] = [
      { type: 'jurisdiction', record: china },
      { type: 'jurisdiction', record: zhejiang },
      { type: 'source', record: report },
      ...[regulator, state, alipay].map((record) => ({ type: 'organisation' as const, record })),
      { type: 'law', record: law },
      { type: 'law', record: oldLaw },
      { type: 'incident', record: incident },
      { type: 'response', record: response }
    ]
    const set = recordSetOf(
      [
        { type: 'response', record: response },
        { type: 'law', record: law }
      ],
      all
    )

    const closure = selectionClosure(set)
    expect(closure.added).toEqual(['org-cac', 'CN', 'CN-ZJ'])
    expect(closure.droppedLinks).toEqual([
      { fromId: 'resp-1', toId: 'org-alipay', relation: 'target' },
      { fromId: 'resp-1', toId: 'inc-1', relation: 'answers' },
      { fromId: 'law-csl', toId: 'law-old', relation: 'law:amends' },
      { fromId: 'org-cac', toId: 'org-state', relation: 'organisation:parent' }
    ])
    const bundle = exportSelectionBundle(set, options)
    expect(roundTrip(bundle)).toMatchObject({ ok: true })
    expect(idsIn(bundle)).toEqual(['CN', 'CN-ZJ', 'law-csl', 'org-cac', 'resp-1'])
    expect(bundle.records.responses[0]).toMatchObject({ actorId: 'org-cac', incidentIds: [], targetOrganisationIds: [], legalBasis: [{ lawId: 'law-csl' }] })
    expect(bundle.records.organisations[0]).toMatchObject({ id: 'org-cac', headquartersJurisdictionId: 'CN-ZJ', links: [] })

    const withIncident = exportSelectionBundle(recordSetOf([{ type: 'incident', record: incident }], all), options)
    expect(idsIn(withIncident)).toEqual(['CN', 'inc-1', 'src-report'])
    expect(withIncident.records.incidents[0]).toMatchObject({
      jurisdictionIds: ['CN'],
      organisations: [],
      implicatedProvisions: [],
      citations: [{ sourceId: 'src-report' }]
    })
    expect(roundTrip(withIncident)).toMatchObject({ ok: true })
  })

  it('refuses, naming both records, when a required link points at a record it cannot export', () => {
    const response = aResponse({ id: 'resp-orphan', actorId: 'org-missing' })
    expect(thrownInEnglish(() => exportSelectionBundle(recordSetOf([{ type: 'response', record: response }]), options))).toContain(
      '"resp-orphan" needs "org-missing" (actor), which is not available to export'
    )
  })
})
