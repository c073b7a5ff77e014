import { describe, expect, it } from 'vitest'
import { incidentResponseSchema, RESPONSE_KIND_LABELS, RESPONSE_KINDS } from '@shared/domain/incidentResponse'
import { aResponseInput, issueMessages } from '../../builders/sharedDomain'

describe('incidentResponseSchema', () => {
  it('accepts a minimal response and fills in the defaults', () => {
    const response = incidentResponseSchema.parse(aResponseInput())

    expect(response).toEqual({ ...aResponseInput(), stage: 'enacted', targetOrganisationIds: [], incidentIds: [], legalBasis: [], citations: [] })
  })

  it('refuses unknown keys', () => {
    const result = incidentResponseSchema.safeParse({ ...aResponseInput(), severity: 3 })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "severity"'])
  })

  it('refuses an unknown kind, listing the choices', () => {
    const result = incidentResponseSchema.safeParse(aResponseInput({ kind: 'tweet' as never }))

    expect(issueMessages(result)).toEqual([`Kind must be one of: ${RESPONSE_KINDS.join(', ')}`])
  })

  it('refuses a response without an actor', () => {
    const { actorId: _actorId, ...withoutActor } = aResponseInput()

    const result = incidentResponseSchema.safeParse(withoutActor)

    expect(result.error?.issues[0]?.path).toEqual(['actorId'])
  })

  it('keeps a penalty amount as given', () => {
    const response = incidentResponseSchema.parse(aResponseInput({ kind: 'fine', penalty: { amount: 746_000_000, currency: 'EUR' } }))

    expect(response.penalty).toEqual({ amount: 746_000_000, currency: 'EUR' })
  })

  it('leaves an unknown penalty amount undefined rather than zero', () => {
    const response = incidentResponseSchema.parse(aResponseInput({ kind: 'fine', penalty: { description: 'Amount not disclosed' } }))

    expect(response.penalty?.amount).toBeUndefined()
  })

  it('accepts a penalty of zero', () => {
    const response = incidentResponseSchema.parse(aResponseInput({ penalty: { amount: 0, currency: 'CNY' } }))

    expect(response.penalty?.amount).toBe(0)
  })

  it('refuses a negative penalty amount', () => {
    const result = incidentResponseSchema.safeParse(aResponseInput({ penalty: { amount: -1, currency: 'INR' } }))

    expect(issueMessages(result)).toEqual(['A penalty amount cannot be negative'])
  })

  it('refuses an infinite penalty amount', () => {
    const result = incidentResponseSchema.safeParse(aResponseInput({ penalty: { amount: Number.POSITIVE_INFINITY } }))

    expect(result.success).toBe(false)
  })

  it.each(['eur', 'EURO', 'E', '€', 'RMB1'])('refuses the currency "%s", asking for an ISO 4217 code', (currency) => {
    const result = incidentResponseSchema.safeParse(aResponseInput({ penalty: { amount: 1, currency } }))

    expect(issueMessages(result)).toEqual(['A currency is an ISO 4217 code such as EUR, CNY or INR'])
  })

  it('refuses unknown keys inside a penalty', () => {
    const result = incidentResponseSchema.safeParse(aResponseInput({ penalty: { amount: 1, currencyCode: 'EUR' } as never }))

    expect(issueMessages(result)).toEqual(['Unrecognized key: "currencyCode"'])
  })

  it('keeps a legal basis that names a provision', () => {
    const response = incidentResponseSchema.parse(aResponseInput({ legalBasis: [{ lawId: 'law-it-act', provisionNumber: '69A' }] }))

    expect(response.legalBasis).toEqual([{ lawId: 'law-it-act', provisionNumber: '69A' }])
  })
})

describe('response kind labels', () => {
  it('label every kind', () => {
    expect(Object.keys(RESPONSE_KIND_LABELS)).toEqual([...RESPONSE_KINDS])
  })
})
