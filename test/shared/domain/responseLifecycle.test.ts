import { describe, expect, it } from 'vitest'
import { incidentResponseSchema, RESPONSE_KINDS, type IncidentResponse } from '@shared/domain/incidentResponse'
import { buildMatterChain, DEFAULT_MATTER_EFFECTS, effectOf } from '@shared/domain/responseLifecycle'
import { aResponseInput } from '../../builders/sharedDomain'

type ResponseInput = Parameters<typeof aResponseInput>[0]

function aResponse(id: string, overrides: ResponseInput = {}): IncidentResponse {
  return incidentResponseSchema.parse(aResponseInput({ id, title: id, ...overrides }))
}

const ids = (responses: readonly { readonly id: string }[]) => responses.map((response) => response.id)
const stepIds = (chain: ReturnType<typeof buildMatterChain>) => chain.steps.map((step) => step.response.id)

describe('effectOf', () => {
  it('opens the matter with a review, an investigation or a notice', () => {
    const kinds = ['review', 'investigation', 'notice'] as const

    expect(kinds.map((kind) => effectOf({ kind }))).toEqual(['opens', 'opens', 'opens'])
  })

  it('advances the matter with a summons, warning, statement, apology or policy change', () => {
    const kinds = ['summons', 'warning', 'statement', 'apology', 'policy-change'] as const

    expect(kinds.map((kind) => effectOf({ kind }))).toEqual(kinds.map(() => 'advances'))
  })

  it('concludes the matter with a rectification order, fine, block or ban, or settlement', () => {
    const kinds = ['rectification-order', 'fine', 'block-or-ban', 'settlement'] as const

    expect(kinds.map((kind) => effectOf({ kind }))).toEqual(kinds.map(() => 'concludes'))
  })

  it('opens the matter again with an appeal', () => {
    expect(effectOf({ kind: 'appeal' })).toBe('opens')
  })

  it('concludes with a court ruling unless the ruling is recorded as reversing', () => {
    expect(effectOf({ kind: 'court-ruling' })).toBe('concludes')
    expect(effectOf({ kind: 'court-ruling', matterEffect: 'reverses' })).toBe('reverses')
  })

  it('honours a recorded effect over the default for the kind', () => {
    expect(effectOf({ kind: 'appeal', matterEffect: 'concludes' })).toBe('concludes')
  })

  it('has a default effect for every kind of response', () => {
    expect(Object.keys(DEFAULT_MATTER_EFFECTS).sort()).toEqual([...RESPONSE_KINDS].sort())
  })
})

describe('buildMatterChain', () => {
  it('has no response and no steps when nothing was done', () => {
    expect(buildMatterChain([])).toEqual({ steps: [], proposed: [], state: 'no-response' })
  })

  it('concludes the Alipay matter with the rectification order, whatever order the responses arrive in', () => {
    const responses = [
      aResponse('rectification-order', { kind: 'rectification-order', datedOn: '2018-01-10' }),
      aResponse('data-team', { kind: 'policy-change', datedOn: '2018-01-10' }),
      aResponse('summons', { kind: 'summons', datedOn: '2018-01-06' }),
      aResponse('ant-apology', { kind: 'apology', datedOn: '2018-01-04' }),
      aResponse('default-removed', { kind: 'policy-change', datedOn: '2018-01-03' }),
      aResponse('sesame-apology', { kind: 'apology', datedOn: '2018-01-03' })
    ]

    const chain = buildMatterChain(responses)

    expect(stepIds(chain)).toEqual(['default-removed', 'sesame-apology', 'ant-apology', 'summons', 'data-team', 'rectification-order'])
    expect(chain.state).toBe('concluded')
    expect(chain.settingStep?.response.id).toBe('rectification-order')
  })

  it('keeps cause before effect on the same day: opens, advances, concludes, reverses', () => {
    const responses = [
      aResponse('reversal', { kind: 'court-ruling', matterEffect: 'reverses', datedOn: '2020-03-01' }),
      aResponse('fine', { kind: 'fine', datedOn: '2020-03-01' }),
      aResponse('warning', { kind: 'warning', datedOn: '2020-03-01' }),
      aResponse('review', { kind: 'review', datedOn: '2020-03-01' })
    ]

    expect(stepIds(buildMatterChain(responses))).toEqual(['review', 'warning', 'fine', 'reversal'])
  })

  it('places undated responses after dated ones', () => {
    const chain = buildMatterChain([aResponse('undated', { kind: 'statement' }), aResponse('dated', { kind: 'review', datedOn: '2019' })])

    expect(stepIds(chain)).toEqual(['dated', 'undated'])
  })

  it("keeps UC Browser's threatened 2017 ban apart and concludes with the 2020 block", () => {
    const responses = [
      aResponse('block-2020', { kind: 'block-or-ban', datedOn: '2020-06-29' }),
      aResponse('threatened-ban-2017', { kind: 'block-or-ban', stage: 'proposed', datedOn: '2017-08-22' }),
      aResponse('statement-2017', { kind: 'statement', datedOn: '2017-08-21/2017-08-22' }),
      aResponse('review-2017', { kind: 'review', datedOn: '2017-08-21/2017-08-22' })
    ]

    const chain = buildMatterChain(responses)

    expect(stepIds(chain)).toEqual(['review-2017', 'statement-2017', 'block-2020'])
    expect(ids(chain.proposed)).toEqual(['threatened-ban-2017'])
    expect(chain.state).toBe('concluded')
    expect(chain.settingStep?.response.id).toBe('block-2020')
  })

  it('leaves the matter open when only a ban was threatened after the review', () => {
    const chain = buildMatterChain([
      aResponse('review', { kind: 'review', datedOn: '2017-08-21' }),
      aResponse('threatened-ban', { kind: 'block-or-ban', stage: 'proposed', datedOn: '2017-08-22' })
    ])

    expect(chain.state).toBe('open')
    expect(chain.settingStep?.response.id).toBe('review')
  })

  it('has no response while every measure is only proposed', () => {
    const chain = buildMatterChain([aResponse('threatened-fine', { kind: 'fine', stage: 'proposed', datedOn: '2021' })])

    expect(chain.state).toBe('no-response')
    expect(chain.settingStep).toBeUndefined()
  })

  it('opens the matter with a first step that only advances it, such as an apology', () => {
    const chain = buildMatterChain([aResponse('apology', { kind: 'apology', datedOn: '2018-01-03' })])

    expect(chain.state).toBe('open')
    expect(chain.steps[0]?.role).toBe('advances')
  })

  it('keeps the step that opened the matter as the one that set its state, not later steps that advance it', () => {
    const chain = buildMatterChain([aResponse('review', { kind: 'review', datedOn: '2019-01' }), aResponse('summons', { kind: 'summons', datedOn: '2019-02' })])

    expect(chain.settingStep?.response.id).toBe('review')
  })

  it('marks a second review of an open matter as leaving the state where it was', () => {
    const chain = buildMatterChain([
      aResponse('investigation', { kind: 'investigation', datedOn: '2017-08~' }),
      aResponse('review', { kind: 'review', datedOn: '2017-08-21/2017-08-22' })
    ])

    expect(chain.steps.map((step) => step.changesState)).toEqual([true, false])
    expect(chain.settingStep?.response.id).toBe('investigation')
  })

  it('stays concluded when a company comments after the decision', () => {
    const chain = buildMatterChain([aResponse('fine', { kind: 'fine', datedOn: '2019-05' }), aResponse('statement', { kind: 'statement', datedOn: '2019-06' })])

    expect(chain.state).toBe('concluded')
    expect(chain.settingStep?.response.id).toBe('fine')
  })

  it('reopens a concluded matter with an appeal', () => {
    const chain = buildMatterChain([aResponse('fine', { kind: 'fine', datedOn: '2019-05' }), aResponse('appeal', { kind: 'appeal', datedOn: '2019-07' })])

    expect(chain.state).toBe('open')
    expect(chain.steps.map((step) => step.role)).toEqual(['concludes', 'reopens'])
    expect(chain.settingStep?.response.id).toBe('appeal')
  })

  it('is reversed when a court ruling quashes the decision on appeal', () => {
    const chain = buildMatterChain([
      aResponse('fine', { kind: 'fine', datedOn: '2019-05' }),
      aResponse('appeal', { kind: 'appeal', datedOn: '2019-07' }),
      aResponse('ruling', { kind: 'court-ruling', matterEffect: 'reverses', datedOn: '2020-02' })
    ])

    expect(chain.state).toBe('reversed')
    expect(chain.steps.map((step) => step.stateAfter)).toEqual(['concluded', 'open', 'reversed'])
    expect(chain.settingStep?.response.id).toBe('ruling')
  })

  it('is concluded again when the court upholds the decision on appeal', () => {
    const chain = buildMatterChain([
      aResponse('fine', { kind: 'fine', datedOn: '2019-05' }),
      aResponse('appeal', { kind: 'appeal', datedOn: '2019-07' }),
      aResponse('ruling', { kind: 'court-ruling', datedOn: '2020-02' })
    ])

    expect(chain.state).toBe('concluded')
    expect(chain.settingStep?.response.id).toBe('ruling')
  })

  it('lists proposed measures in date order', () => {
    const chain = buildMatterChain([
      aResponse('later', { kind: 'fine', stage: 'proposed', datedOn: '2021' }),
      aResponse('earlier', { kind: 'block-or-ban', stage: 'proposed', datedOn: '2020-06' })
    ])

    expect(ids(chain.proposed)).toEqual(['earlier', 'later'])
  })
})
