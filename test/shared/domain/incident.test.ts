import { describe, expect, it } from 'vitest'
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INCIDENT_ROLE_LABELS,
  INCIDENT_ROLES,
  INCIDENT_STATUS_LABELS,
  INCIDENT_STATUSES,
  incidentKeyDate,
  incidentSchema
} from '@shared/domain/incident'
import { toPartialDate } from '@shared/domain/partialDate'
import { anIncidentInput, issueMessages } from '../../builders/sharedDomain'
import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../../support/words'

describe('incidentSchema', () => {
  it('accepts a minimal incident and fills in the defaults', () => {
    const incident = incidentSchema.parse(anIncidentInput())

    expect(incident).toEqual({
      ...anIncidentInput(),
      summary: '',
      categories: [],
      dataCategories: [],
      tags: [],
      jurisdictionIds: [],
      organisations: [],
      implicatedProvisions: [],
      citations: []
    })
  })

  it('leaves unknown dates undefined', () => {
    const incident = incidentSchema.parse(anIncidentInput())

    expect([incident.occurredOn, incident.disclosedOn, incident.reportedOn]).toEqual([undefined, undefined, undefined])
  })

  it('keeps a month-only date as a month', () => {
    const incident = incidentSchema.parse(anIncidentInput({ occurredOn: '2018-01' }))

    expect(incident.occurredOn).toBe('2018-01')
  })

  it('refuses a bad date, reporting the reason at the field', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ occurredOn: '2015-13' }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['occurredOn'], '"2015-13": month 13 does not exist (01 to 12)']
    ])
  })

  it('refuses unknown keys', () => {
    const result = incidentSchema.safeParse({ ...anIncidentInput(), severity: 'high' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "severity"'])
  })

  it('refuses a missing title', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ title: ' ' }))

    expect(issueMessages(result)).toEqual(['Title is required'])
  })

  it('refuses an unknown status, listing the choices', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ status: 'rumoured' as never }))

    expect(issueMessages(result)).toEqual([`Status must be one of: ${INCIDENT_STATUSES.join(', ')}`])
  })

  it('refuses an unknown category, listing the choices', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ categories: ['breach', 'hacking' as never] }))

    expect(issueMessages(result)).toEqual([`Category must be one of: ${INCIDENT_CATEGORIES.join(', ')}`])
  })

  it('refuses an unknown organisation role, listing the choices', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ organisations: [{ organisationId: 'org-alipay', role: 'victim' as never }] }))

    expect(issueMessages(result)).toEqual([`Role must be one of: ${INCIDENT_ROLES.join(', ')}`])
  })

  it('refuses a negative number of affected users', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ affectedUsers: { count: -1, isEstimate: false } }))

    expect(issueMessages(result)).toEqual(['Affected users cannot be negative'])
  })

  it('refuses a fractional number of affected users', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ affectedUsers: { count: 2.5, isEstimate: true } }))

    expect(issueMessages(result)).toEqual(['Affected users must be a whole number'])
  })

  it('accepts zero affected users', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ affectedUsers: { count: 0, isEstimate: false } }))

    expect(result.success).toBe(true)
  })

  it('keeps an estimate of affected users marked as an estimate', () => {
    const incident = incidentSchema.parse(anIncidentInput({ affectedUsers: { count: 1_100_000_000, isEstimate: true } }))

    expect(incident.affectedUsers).toEqual({ count: 1_100_000_000, isEstimate: true })
  })

  it('leaves affected users undefined when unknown, never zero', () => {
    const incident = incidentSchema.parse(anIncidentInput())

    expect(incident.affectedUsers).toBeUndefined()
  })

  it('keeps the original-language title as written', () => {
    const incident = incidentSchema.parse(anIncidentInput({ original: { language: 'zh-Hans', title: '支付宝年度账单' } }))

    expect(incident.original).toEqual({ language: 'zh-Hans', title: '支付宝年度账单' })
  })

  it('refuses an original text whose language is not a language tag', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ original: { language: 'Chinese' } }))

    expect(issueMessages(result)).toEqual(['A language is a BCP 47 tag such as en, zh or zh-Hans'])
  })

  it('collapses duplicate tags', () => {
    const incident = incidentSchema.parse(anIncidentInput({ tags: ['consent', 'consent'] }))

    expect(incident.tags).toEqual(['consent'])
  })

  it('refuses a bad jurisdiction id, reporting the index', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ jurisdictionIds: ['CN', 'not an id'] }))

    expect(result.error?.issues[0]?.path).toEqual(['jurisdictionIds', 1])
  })

  it('refuses a revision below 1', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ revision: 0 }))

    expect(result.success).toBe(false)
  })

  it('refuses a bookkeeping timestamp that is not ISO 8601', () => {
    const result = incidentSchema.safeParse(anIncidentInput({ updatedAt: '31/01/2026' }))

    expect(issueMessages(result)).toEqual(['A timestamp must be ISO 8601, e.g. 2026-01-31T12:00:00.000Z'])
  })
})

describe('incident labels', () => {
  it('label every category', () => {
    expect(Object.keys(INCIDENT_CATEGORY_LABELS)).toEqual([...INCIDENT_CATEGORIES])
  })

  it('label every status', () => {
    expect(Object.keys(INCIDENT_STATUS_LABELS)).toEqual([...INCIDENT_STATUSES])
  })

  it('label every role', () => {
    expect(Object.keys(INCIDENT_ROLE_LABELS)).toEqual([...INCIDENT_ROLES])
  })
})

describe('incidentKeyDate', () => {
  const occurred = toPartialDate('2017-06')
  const disclosed = toPartialDate('2017-08-21')
  const reported = toPartialDate('2018')

  it('uses the date the incident occurred when known', () => {
    const date = incidentKeyDate({ occurredOn: occurred, disclosedOn: disclosed, reportedOn: reported })

    expect(date).toBe(occurred)
  })

  it('falls back to the disclosure date', () => {
    const date = incidentKeyDate({ disclosedOn: disclosed, reportedOn: reported })

    expect(date).toBe(disclosed)
  })

  it('falls back to the report date when nothing else is known', () => {
    const date = incidentKeyDate({ reportedOn: reported })

    expect(date).toBe(reported)
  })

  it('is undefined when no date is known', () => {
    const date = incidentKeyDate({})

    expect(date).toBeUndefined()
  })
})
