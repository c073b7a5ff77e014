import { assertNever } from '../lib/assertNever'
import { RESPONSE_KINDS, type IncidentResponse, type ResponseKind } from '../domain/incidentResponse'
import { effectOf } from '../domain/responseLifecycle'

/**
 * What a response amounted to, for counting: only proposed or threatened; enacted and leaving the
 * matter open (opening or advancing it); enacted and concluding it; enacted and reversing an outcome.
 */
export const RESPONSE_OUTCOMES = ['proposed', 'opens-or-advances', 'concludes', 'reverses'] as const
export type ResponseOutcome = (typeof RESPONSE_OUTCOMES)[number]

export const RESPONSE_OUTCOME_LABELS: Record<ResponseOutcome, string> = {
  proposed: 'Proposed or threatened',
  'opens-or-advances': 'Opens or advances the matter',
  concludes: 'Concludes the matter',
  reverses: 'Reverses an outcome'
}

/** The outcome a response is counted under: its stage first (a threatened ban concludes nothing), then its effect. */
export function responseOutcomeOf(response: Pick<IncidentResponse, 'stage' | 'kind' | 'matterEffect'>): ResponseOutcome {
  if (response.stage === 'proposed') return 'proposed'
  const effect = effectOf(response)
  switch (effect) {
    case 'opens':
    case 'advances':
      return 'opens-or-advances'
    case 'concludes':
      return 'concludes'
    case 'reverses':
      return 'reverses'
    default:
      return assertNever(effect)
  }
}

export interface KindOutcomeCount {
  readonly kind: ResponseKind
  readonly outcome: ResponseOutcome
  readonly count: number
  readonly responseIds: readonly string[]
}

export interface ResponsesByKindAndOutcome {
  /** Kinds that occur, in the vocabulary's order (statement … settlement, other). */
  readonly kinds: readonly ResponseKind[]
  /** Only non-zero counts, by kind then outcome order. */
  readonly counts: readonly KindOutcomeCount[]
  readonly totalsByKind: readonly { readonly kind: ResponseKind; readonly count: number }[]
}

/** Counts responses by kind, each split by what it amounted to (see `responseOutcomeOf`). */
export function responsesByKindAndOutcome(responses: readonly IncidentResponse[]): ResponsesByKindAndOutcome {
  const cells = new Map<string, { kind: ResponseKind; outcome: ResponseOutcome; responseIds: string[] }>()
  for (const response of responses) {
    const outcome = responseOutcomeOf(response)
    const key = `${response.kind}\u0000${outcome}`
    const cell = cells.get(key) ?? { kind: response.kind, outcome, responseIds: [] }
    cell.responseIds.push(response.id)
    cells.set(key, cell)
  }
  const kinds = RESPONSE_KINDS.filter((kind) => responses.some((response) => response.kind === kind))
  const counts = [...cells.values()]
    .map((cell): KindOutcomeCount => ({ kind: cell.kind, outcome: cell.outcome, count: cell.responseIds.length, responseIds: cell.responseIds }))
    .sort(
      (a, b) => RESPONSE_KINDS.indexOf(a.kind) - RESPONSE_KINDS.indexOf(b.kind) || RESPONSE_OUTCOMES.indexOf(a.outcome) - RESPONSE_OUTCOMES.indexOf(b.outcome)
    )
  const totalsByKind = kinds.map((kind) => ({ kind, count: responses.filter((response) => response.kind === kind).length }))
  return { kinds, counts, totalsByKind }
}
