import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { linksOf } from '@shared/domain/linkFields'
import { bundlePushBatches, bundleRecordRevision, bundleRevisionId } from '@shared/team/bundleRevisions'
import { teamBundleOf } from '@shared/team/teamBundle'
import { MAX_PUSH_CHANGES, pushedRevisionSchema } from '@shared/team/teamProtocol'
import { describe, expect, it } from 'vitest'
import { aBundle, aJurisdiction, aLaw, anIncident, anOrganisation, aResponse, aSource } from '../../builders/domain'

const CLIENT_AT = '2026-12-07T08:00:00.000Z'

function linkedBundle() {
  const source = aSource({ id: 'src-report' })
  const country = aJurisdiction({ id: 'XX', code: 'XX', name: 'Examplestan', citations: [{ sourceId: 'src-report' }] })
  const province = aJurisdiction({ id: 'XX-P', kind: 'subdivision', code: 'XX-P', name: 'Province', parentId: 'XX' })
  const regulator = anOrganisation({ id: 'org-regulator', kind: 'regulator', headquartersJurisdictionId: 'XX-P' })
  const parent = anOrganisation({ id: 'org-parent' })
  const child = anOrganisation({ id: 'org-child', links: [{ organisationId: 'org-parent', relation: 'parent' }] })
  const law = aLaw({ id: 'law-pipl', jurisdictionId: 'XX' })
  const incident = anIncident({
    id: 'inc-1',
    jurisdictionIds: ['XX'],
    organisations: [{ organisationId: 'org-child', role: 'operator' }],
    citations: [{ sourceId: 'src-report' }]
  })
  const response = aResponse({ id: 'resp-1', actorId: 'org-regulator', incidentIds: ['inc-1'], legalBasis: [{ lawId: 'law-pipl' }] })
  // Listed in an unhelpful order: referrers before what they link to.
  return aBundle({
    responses: [response],
    incidents: [incident],
    laws: [law],
    organisations: [child, regulator, parent],
    jurisdictions: [province, country],
    sources: [source]
  })
}

describe('bundle records as pushed revisions', () => {
  it('pushes every record after the records of the bundle it links to', () => {
    const bundle = linkedBundle()
    expect(parseBundle(bundle).ok).toBe(true)
    const order = bundlePushBatches(bundle.records, { clientAt: CLIENT_AT })
      .flat()
      .map((revision) => revision.recordId)

    expect(order).toHaveLength(bundleRecordsInOrder(bundle.records).length)
    for (const typed of bundleRecordsInOrder(bundle.records)) {
      for (const link of linksOf(typed))
        expect(order.indexOf(link.targetId), `${typed.record.id} → ${link.targetId}`).toBeLessThan(order.indexOf(typed.record.id))
    }
    expect(order.at(-1)).toBe('resp-1')
  })

  it('keeps every record of a cycle of links, once', () => {
    const a = anOrganisation({ id: 'org-a', links: [{ organisationId: 'org-b', relation: 'affiliate' }] })
    const b = anOrganisation({ id: 'org-b', links: [{ organisationId: 'org-a', relation: 'affiliate' }] })
    const order = bundlePushBatches(aBundle({ organisations: [a, b] }).records, { clientAt: CLIENT_AT })
      .flat()
      .map((revision) => revision.recordId)
    expect(order.sort()).toEqual(['org-a', 'org-b'])
  })

  it('reads revision 1 as a create and revision r + 1 as an edit of revision r', () => {
    const created = bundleRecordRevision({ type: 'incident', record: anIncident({ id: 'inc-new', revision: 1 }) }, { clientAt: CLIENT_AT })
    const edited = bundleRecordRevision({ type: 'incident', record: anIncident({ id: 'inc-old', revision: 4 }) }, { clientAt: CLIENT_AT, note: 'from a job' })

    expect(created).toMatchObject({ recordType: 'incident', recordId: 'inc-new', base: { revision: 0, exists: false }, action: 'import', clientAt: CLIENT_AT })
    expect(created.changes.map((change) => change.field)).toContain('id')
    expect(edited).toMatchObject({ recordId: 'inc-old', base: { revision: 3, exists: true }, changes: [], note: 'from a job' })
    expect(edited.snapshot).toMatchObject({ id: 'inc-old', revision: 4 })
    // What crosses the wire is what the protocol allows.
    expect(pushedRevisionSchema.safeParse(JSON.parse(JSON.stringify(created))).success).toBe(true)
    expect(pushedRevisionSchema.safeParse(JSON.parse(JSON.stringify(edited))).success).toBe(true)
  })

  it('derives the same revision id from the same record, whatever its key order or the push time', () => {
    const record = anIncident({ id: 'inc-1', title: 'Leak', revision: 2 })
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as typeof record
    const id = bundleRevisionId({ type: 'incident', record })

    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(bundleRevisionId({ type: 'incident', record: reordered })).toBe(id)
    expect(bundleRecordRevision({ type: 'incident', record }, { clientAt: '2030-01-01T00:00:00.000Z' }).id).toBe(id)
    expect(bundleRevisionId({ type: 'incident', record: { ...record, title: 'Leak!' } })).not.toBe(id)
    expect(bundleRevisionId({ type: 'incident', record: { ...record, revision: 3 } })).not.toBe(id)
    expect(bundleRevisionId({ type: 'incident', record: { ...record, updatedAt: '2026-02-01T00:00:00.000Z' } })).not.toBe(id)
  })

  it('splits a large bundle into pushes of at most MAX_PUSH_CHANGES, in order, each record once', () => {
    const sources = Array.from({ length: 2 * MAX_PUSH_CHANGES + 5 }, (_, index) => aSource({ id: `src-${String(index).padStart(5, '0')}` }))
    const batches = bundlePushBatches(aBundle({ sources }).records, { clientAt: CLIENT_AT })

    expect(batches.map((batch) => batch.length)).toEqual([MAX_PUSH_CHANGES, MAX_PUSH_CHANGES, 5])
    expect(batches.flat().map((revision) => revision.recordId)).toEqual(sources.map((source) => source.id))
    expect(bundlePushBatches(aBundle({ sources }).records, { clientAt: CLIENT_AT }, 7).every((batch) => batch.length <= 7)).toBe(true)
    expect(() => bundlePushBatches(aBundle({ sources }).records, { clientAt: CLIENT_AT }, MAX_PUSH_CHANGES + 1)).toThrow(/1 to 1000/)
  })
})

describe('the team knowledge base as a bundle', () => {
  it('holds each existing record at the server revision and leaves deleted ones out', () => {
    const incident = anIncident({ id: 'inc-1', revision: 1 })
    const source = aSource({ id: 'src-1' })
    const bundle = teamBundleOf(
      [
        { recordType: 'incident', recordId: 'inc-1', revision: 3, snapshot: incident },
        { recordType: 'source', recordId: 'src-1', revision: 1, snapshot: source },
        { recordType: 'source', recordId: 'src-gone', revision: 2 }
      ],
      { headSeq: 9, createdAt: CLIENT_AT, title: 'Team knowledge base' }
    )
    const parsed = parseBundle(bundle)

    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.bundle).toMatchObject({ id: 'precedent-team', revision: 9, title: 'Team knowledge base', createdAt: CLIENT_AT })
    expect(parsed.bundle.records.incidents).toEqual([{ ...incident, revision: 3 }])
    expect(parsed.bundle.records.sources).toEqual([source])
  })
})
