import { describe, expect, it } from 'vitest'
import {
  draftFromIncident,
  emptyIncidentDraft,
  fieldOfPath,
  inputFromDraft,
  validateIncidentDraft
} from '../../../../src/renderer/features/incidents/incidentDraft'
import { incidentSchema } from '../../../../src/shared/domain/incident'

const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 3 }

describe('incident draft', () => {
  it('refuses an empty title with a message for the title field', () => {
    const draft = { ...emptyIncidentDraft(), title: '   ' }

    expect(validateIncidentDraft(draft).title).toBe('Title is required')
  })

  it('points a date error at the date field the person typed it in', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', disclosedOn: '2015-13' }

    expect(validateIncidentDraft(draft).disclosedOn).toContain('month 13 does not exist')
  })

  it('points a bad affected-users number at the affected users field', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', affectedCount: '12.5' }

    expect(validateIncidentDraft(draft).affectedCount).toBe('Affected users must be a whole number')
  })

  it('accepts a number written with thousands separators', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', affectedCount: '1,200,000', affectedIsEstimate: true }

    expect(inputFromDraft(draft).affectedUsers).toEqual({ count: 1_200_000, isEstimate: true })
  })

  it('keeps a month-precision date exactly as typed', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', occurredOn: ' 2015-05 ' }

    expect(inputFromDraft(draft).occurredOn).toBe('2015-05')
  })

  it('splits comma-separated tags and drops empty ones', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', tags: 'consent, , 芝麻信用,' }

    expect(inputFromDraft(draft).tags).toEqual(['consent', '芝麻信用'])
  })

  it('round-trips a stored incident through the form without loss, keeping links the form does not edit', () => {
    const incident = incidentSchema.parse({
      id: 'inc-1',
      title: 'Alipay annual bill',
      summary: 'Pre-ticked box',
      status: 'confirmed',
      occurredOn: '2018-01-03',
      categories: ['consent-dark-pattern'],
      dataCategories: ['spending records'],
      tags: ['consent'],
      jurisdictionIds: ['CN'],
      organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
      implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '41' }],
      citations: [{ sourceId: 'src-xinhua' }],
      original: { language: 'zh', title: '支付宝年度账单' },
      ...bookkeeping
    })

    const input = inputFromDraft(draftFromIncident(incident), incident)
    const reparsed = incidentSchema.parse({ ...input, ...bookkeeping })

    expect(reparsed).toEqual(incident)
  })

  it('maps nested problem paths to the field that shows them', () => {
    expect(fieldOfPath('affectedUsers.count')).toBe('affectedCount')
    expect(fieldOfPath('original.language')).toBe('originalLanguage')
    expect(fieldOfPath('organisations[0].role')).toBe('organisations')
    expect(fieldOfPath('unknownField')).toBeUndefined()
  })

  it('stores a law chosen without a provision as a reference to the whole law', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', implicatedProvisions: [{ lawId: 'law-csl', provisionNumber: '' }] }

    expect(inputFromDraft(draft).implicatedProvisions).toEqual([{ lawId: 'law-csl', provisionNumber: undefined }])
  })

  it('leaves out the passage of a citation when none was quoted', () => {
    const draft = { ...emptyIncidentDraft(), title: 'T', citations: [{ sourceId: 'src-xinhua', passage: '  ', locator: '' }] }

    expect(inputFromDraft(draft).citations).toEqual([{ sourceId: 'src-xinhua', passage: undefined, locator: undefined }])
  })

  it('points a problem with a cited source at the citations field', () => {
    expect(fieldOfPath('citations[2].sourceId')).toBe('citations')
  })
})
