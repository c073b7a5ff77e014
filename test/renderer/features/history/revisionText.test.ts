import { describe, expect, it } from 'vitest'
import { fieldLabel, fieldValueText, formatDay, linkedIdsIn, revisionSummary } from '@renderer/features/history/revisionText'
import type { RecordRevision } from '@shared/domain/recordHistory'

function aRevision(overrides: Partial<RecordRevision> = {}): RecordRevision {
  return {
    id: 'rev-1',
    recordType: 'incident',
    recordId: 'inc-alipay',
    revision: 2,
    at: '2026-02-01T10:00:00.000Z',
    author: 'Mei',
    action: 'update',
    changes: [],
    ...overrides
  }
}

const change = (field: string) => ({ field, before: 'a', after: 'b' })

describe('fieldLabel', () => {
  it('turns a field name into words', () => {
    expect(fieldLabel('occurredOn')).toBe('Occurred on')
  })

  it('names a list of linked ids after what they link to', () => {
    expect(fieldLabel('jurisdictionIds')).toBe('Jurisdictions')
  })
})

describe('fieldValueText', () => {
  const names = new Map([
    ['org-alipay', 'Alipay'],
    ['CN', 'China']
  ])
  const nameOf = (id: string) => names.get(id)

  it('names linked records where their names are known, and keeps the id of one that is not', () => {
    expect(fieldValueText('org-alipay', 'actorId', nameOf)).toBe('Alipay')
    expect(fieldValueText(['CN', 'XX'], 'jurisdictionIds', nameOf)).toBe('China; XX')
    expect(fieldValueText([{ organisationId: 'org-alipay', role: 'operator' }], 'organisations', nameOf)).toBe('organisation: Alipay, role: operator')
    expect(fieldValueText('org-alipay', 'title', nameOf)).toBe('org-alipay')
  })

  it('finds the linked ids in a value, however deep', () => {
    expect(linkedIdsIn({ actorId: 'org-cac', organisations: [{ organisationId: 'org-alipay', role: 'operator' }], title: 'org-x', id: 'resp-1' })).toEqual([
      'org-cac',
      'org-alipay'
    ])
  })

  it('shows a date field at its own precision', () => {
    expect(fieldValueText('2015-05', 'occurredOn')).toBe('May 2015')
  })

  it('leaves text that only looks like a date alone outside date fields', () => {
    expect(fieldValueText('2015-05', 'title')).toBe('2015-05')
  })

  it('says when a value is missing or empty', () => {
    expect([fieldValueText(undefined), fieldValueText(''), fieldValueText([])]).toEqual(['(none)', '(empty)', '(none)'])
  })

  it('shows a list of links with each link’s parts', () => {
    const text = fieldValueText([{ organisationId: 'org-alipay', role: 'operator' }], 'organisations')

    expect(text).toBe('organisation: org-alipay, role: operator')
  })
})

describe('revisionSummary', () => {
  it('names the fields an edit changed', () => {
    expect(revisionSummary(aRevision({ changes: [change('title')] }))).toBe('edited title')
  })

  it('counts the rest when an edit changed many fields', () => {
    const changes = ['title', 'summary', 'tags', 'occurredOn'].map(change)

    expect(revisionSummary(aRevision({ changes }))).toBe('edited title, summary and 2 more fields')
  })

  it('tells which version a restore brought back', () => {
    expect(revisionSummary(aRevision({ action: 'restore', note: 'Restored version 1' }))).toBe('restored version 1')
  })
})

describe('formatDay', () => {
  it('writes a day the way people read it', () => {
    expect(formatDay('2018-01-03')).toBe('3 January 2018')
  })
})
