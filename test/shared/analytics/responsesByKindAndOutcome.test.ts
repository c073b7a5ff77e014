import { describe, expect, it } from 'vitest'
import { responseOutcomeOf, responsesByKindAndOutcome } from '@shared/analytics/responsesByKindAndOutcome'
import { aResponse } from '../../builders/sharedDomain'

describe('responseOutcomeOf', () => {
  it('counts a threatened ban as proposed, not as concluding', () => {
    expect(responseOutcomeOf({ kind: 'block-or-ban', stage: 'proposed' })).toBe('proposed')
  })

  it('counts an enacted block as concluding the matter', () => {
    expect(responseOutcomeOf({ kind: 'block-or-ban', stage: 'enacted' })).toBe('concludes')
  })

  it('counts a review and a summons as opening or advancing', () => {
    expect([responseOutcomeOf({ kind: 'review', stage: 'enacted' }), responseOutcomeOf({ kind: 'summons', stage: 'enacted' })]).toEqual([
      'opens-or-advances',
      'opens-or-advances'
    ])
  })

  it('follows a recorded effect over the kind’s default', () => {
    expect(responseOutcomeOf({ kind: 'court-ruling', stage: 'enacted', matterEffect: 'reverses' })).toBe('reverses')
  })
})

describe('responsesByKindAndOutcome', () => {
  const responses = [
    aResponse({ id: 'review', kind: 'review' }),
    aResponse({ id: 'threat', kind: 'block-or-ban', stage: 'proposed' }),
    aResponse({ id: 'block', kind: 'block-or-ban' }),
    aResponse({ id: 'summons', kind: 'summons' })
  ]

  it('lists the kinds that occur in the vocabulary’s order', () => {
    expect(responsesByKindAndOutcome(responses).kinds).toEqual(['review', 'summons', 'block-or-ban'])
  })

  it('splits a kind by outcome', () => {
    const chart = responsesByKindAndOutcome(responses)

    const bans = chart.counts.filter((cell) => cell.kind === 'block-or-ban').map((cell) => [cell.outcome, cell.responseIds])

    expect(bans).toEqual([
      ['proposed', ['threat']],
      ['concludes', ['block']]
    ])
  })

  it('totals each kind', () => {
    expect(responsesByKindAndOutcome(responses).totalsByKind.find((total) => total.kind === 'block-or-ban')?.count).toBe(2)
  })

  it('counts nothing for no responses', () => {
    expect(responsesByKindAndOutcome([])).toEqual({ kinds: [], counts: [], totalsByKind: [] })
  })
})
