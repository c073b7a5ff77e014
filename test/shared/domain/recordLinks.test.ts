import { describe, expect, it } from 'vitest'
import { describeLinks, relationLabels } from '../../../src/shared/domain/recordLinks'
import { incidentSchema } from '../../../src/shared/domain/incident'
import { incidentResponseSchema } from '../../../src/shared/domain/incidentResponse'
import { organisationSchema } from '../../../src/shared/domain/organisation'
import { sourceSchema } from '../../../src/shared/domain/source'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'

const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

const alipay: TypedRecord = { type: 'organisation', record: organisationSchema.parse({ id: 'org-alipay', name: 'Alipay', kind: 'product', ...bookkeeping }) }
const source: TypedRecord = { type: 'source', record: sourceSchema.parse({ id: 'src-x', title: 'Xinhua report', ...bookkeeping }) }
const incident: TypedRecord = {
  type: 'incident',
  record: incidentSchema.parse({
    id: 'inc-1',
    title: 'Annual bill default',
    status: 'confirmed',
    organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
    citations: [{ sourceId: 'src-x' }],
    ...bookkeeping
  })
}
const summons: TypedRecord = {
  type: 'response',
  record: incidentResponseSchema.parse({
    id: 'resp-1',
    title: 'CAC summons',
    kind: 'summons',
    actorId: 'org-cac',
    targetOrganisationIds: ['org-alipay'],
    incidentIds: ['inc-1'],
    ...bookkeeping
  })
}

describe('describeLinks', () => {
  it('labels the records an incident points to from the incident side', () => {
    const links = describeLinks(incident, [alipay, source], [])

    expect(links.map((link) => [link.linked.record.id, link.direction, link.label])).toEqual([
      ['org-alipay', 'outgoing', 'Operator'],
      ['src-x', 'outgoing', 'Cited source']
    ])
    expect(links.map((link) => [link.holderType, link.relation])).toEqual([
      ['incident', 'organisation:operator'],
      ['incident', 'citation']
    ])
  })

  it('labels the records pointing at an incident from the incident side', () => {
    const links = describeLinks(incident, [], [summons])

    expect(links).toEqual([{ linked: summons, direction: 'incoming', relation: 'answers', holderType: 'response', label: 'Response' }])
  })

  it('shows an organisation both the incident it operated and the response aimed at it', () => {
    const labels = describeLinks(alipay, [], [incident, summons]).map((link) => link.label)

    expect(labels).toEqual(['Incident (operator)', 'Response directed at it'])
  })

  it('skips a link whose target was not found rather than inventing it', () => {
    expect(describeLinks(incident, [], [])).toEqual([])
  })
})

describe('relationLabels', () => {
  it('reads organisation relations in both directions', () => {
    expect(relationLabels('organisation', 'organisation:operator')).toEqual({ forward: 'Operated by', inverse: 'Operates' })
  })

  it('falls back to the relation name for a relation it does not know', () => {
    expect(relationLabels('source', 'mystery')).toEqual({ forward: 'mystery', inverse: 'mystery' })
  })
})
