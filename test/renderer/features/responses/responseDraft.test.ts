import { describe, expect, it } from 'vitest'
import { draftFromResponse, emptyResponseDraft, inputFromResponseDraft, validateResponseDraft } from '../../../../src/renderer/features/responses/responseDraft'
import { aResponse } from '../../../builders/domain'
import { incidentResponseSchema } from '../../../../src/shared/domain/incidentResponse'

const withActor = (overrides: Partial<ReturnType<typeof emptyResponseDraft>> = {}) => ({
  ...emptyResponseDraft(),
  title: 'Summons',
  actorId: 'org-cac',
  ...overrides
})

describe('response draft', () => {
  it('asks for the actor when none was chosen', () => {
    expect(validateResponseDraft({ ...emptyResponseDraft(), title: 'Summons' }).actorId).toMatch(/Choose who took this response/)
  })

  it('keeps an empty penalty amount as unknown, never zero', () => {
    const input = inputFromResponseDraft(withActor({ penaltyCurrency: 'cny', penaltyDescription: 'Fine announced' }))

    expect(input.penalty).toEqual({ amount: undefined, currency: 'CNY', description: 'Fine announced' })
  })

  it('leaves the penalty out when none of its fields was filled', () => {
    expect(inputFromResponseDraft(withActor()).penalty).toBeUndefined()
  })

  it('reads an amount written with thousands separators', () => {
    expect(inputFromResponseDraft(withActor({ penaltyAmount: '1,200,000' })).penalty).toMatchObject({ amount: 1_200_000 })
  })

  it('flags an amount that is not a number under the amount field', () => {
    expect(validateResponseDraft(withActor({ penaltyAmount: 'a lot' })).penaltyAmount).toMatch(/is a number/)
  })

  it('uses the effect the kind implies when no override is chosen', () => {
    expect(inputFromResponseDraft(withActor({ matterEffect: '' })).matterEffect).toBeUndefined()
  })

  it('points a bad original-language tag at the language field', () => {
    expect(validateResponseDraft(withActor({ originalLanguage: 'chinese!', originalTitle: '约谈' })).originalLanguage).toMatch(/BCP 47/)
  })

  it('round-trips a stored response through the form without loss', () => {
    const response = aResponse({
      incidentIds: ['inc-1'],
      targetOrganisationIds: ['org-alipay'],
      legalBasis: [{ lawId: 'law-csl', provisionNumber: '41' }],
      original: { language: 'zh', title: '约谈' },
      penalty: { currency: 'CNY', description: 'Amount not published' },
      stage: 'proposed',
      citations: [{ sourceId: 'src-1', passage: 'summoned' }]
    })

    const input = inputFromResponseDraft(draftFromResponse(response), response)
    const reparsed = incidentResponseSchema.parse({ ...input, createdAt: response.createdAt, updatedAt: response.updatedAt, revision: response.revision })

    expect(reparsed).toEqual(response)
  })
})
