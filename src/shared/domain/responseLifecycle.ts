import { assertNever } from '../lib/assertNever'
import type { IncidentResponse, MatterEffect, ResponseKind } from './incidentResponse'
import { compareOptionalPartialDates } from './partialDate'

/**
 * What each kind of response does to its matter unless the response says otherwise: inquiries open
 * it, intermediate steps advance it, decisions conclude it, and an appeal opens it again. A court
 * ruling concludes unless it is recorded as reversing (`matterEffect: 'reverses'`).
 */
export const DEFAULT_MATTER_EFFECTS: Readonly<Record<ResponseKind, MatterEffect>> = {
  review: 'opens',
  investigation: 'opens',
  notice: 'opens',
  summons: 'advances',
  warning: 'advances',
  statement: 'advances',
  apology: 'advances',
  'policy-change': 'advances',
  other: 'advances',
  'rectification-order': 'concludes',
  fine: 'concludes',
  'block-or-ban': 'concludes',
  settlement: 'concludes',
  appeal: 'opens',
  'court-ruling': 'concludes'
}

/** The effect a response has on its matter: its recorded `matterEffect`, else the default for its kind. */
export function effectOf(response: Pick<IncidentResponse, 'kind' | 'matterEffect'>): MatterEffect {
  return response.matterEffect ?? DEFAULT_MATTER_EFFECTS[response.kind]
}

/** Where a matter stands: nothing done yet, under way, decided, or decided and then undone. */
export const MATTER_STATES = ['no-response', 'open', 'concluded', 'reversed'] as const
export type MatterState = (typeof MATTER_STATES)[number]

export const MATTER_STATE_LABELS: Record<MatterState, string> = {
  'no-response': 'no step taken yet',
  open: 'open',
  concluded: 'concluded',
  reversed: 'reversed'
}

/** How a step is described in the chain; "reopens" is an opening step that follows a conclusion or reversal. */
export type MatterStepRole = MatterEffect | 'reopens'

export const MATTER_STEP_ROLE_LABELS: Record<MatterStepRole, string> = {
  opens: 'opens the matter',
  reopens: 'reopens the matter',
  advances: 'advances the matter',
  concludes: 'concludes the matter',
  reverses: 'reverses the outcome'
}

/** One enacted response in the chain, with what it did and where it left the matter. */
export interface MatterStep {
  readonly response: IncidentResponse
  readonly effect: MatterEffect
  readonly role: MatterStepRole
  readonly stateAfter: MatterState
  /** False for a step that left the matter where it was (a second review of an open matter, a statement after a fine). */
  readonly changesState: boolean
}

/**
 * The responses to one incident read as one matter: the enacted steps in order, the measures only
 * proposed or threatened (kept apart: they never change the state), the current state and the step
 * that brought it about (absent when nothing was enacted).
 */
export interface MatterChain {
  readonly steps: readonly MatterStep[]
  readonly proposed: readonly IncidentResponse[]
  readonly state: MatterState
  readonly settingStep?: MatterStep
}

// Same-day steps keep cause before effect: a matter is opened, then advanced, then concluded, then reversed.
const EFFECT_ORDER: Record<MatterEffect, number> = { opens: 0, advances: 1, concludes: 2, reverses: 3 }

function stateAfter(state: MatterState, effect: MatterEffect): MatterState {
  switch (effect) {
    case 'opens':
      return 'open'
    // A statement or apology after a decision does not reopen it; before anything else it starts the matter.
    case 'advances':
      return state === 'no-response' ? 'open' : state
    case 'concludes':
      return 'concluded'
    case 'reverses':
      return 'reversed'
    default:
      return assertNever(effect)
  }
}

function chronologically(a: IncidentResponse, b: IncidentResponse): number {
  return compareOptionalPartialDates(a.datedOn, b.datedOn) || EFFECT_ORDER[effectOf(a)] - EFFECT_ORDER[effectOf(b)]
}

/**
 * Builds the matter chain from an incident's responses, in any order. Enacted responses are
 * ordered by date (undated last; same-day ties cause before effect); proposed ones are listed
 * apart in date order. The state is the one the last state-changing step left.
 */
export function buildMatterChain(responses: readonly IncidentResponse[]): MatterChain {
  const enacted = responses.filter((response) => response.stage === 'enacted').sort(chronologically)
  const proposed = responses.filter((response) => response.stage === 'proposed').sort(chronologically)

  let state: MatterState = 'no-response'
  let settingStep: MatterStep | undefined
  const steps = enacted.map((response): MatterStep => {
    const effect = effectOf(response)
    const next = stateAfter(state, effect)
    const isReopening = effect === 'opens' && (state === 'concluded' || state === 'reversed')
    const changesState = next !== state
    const step: MatterStep = { response, effect, role: isReopening ? 'reopens' : effect, stateAfter: next, changesState }
    if (changesState) settingStep = step
    state = next
    return step
  })

  return settingStep === undefined ? { steps, proposed, state } : { steps, proposed, state, settingStep }
}
