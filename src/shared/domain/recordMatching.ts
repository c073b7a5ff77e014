import { foldForMatching } from './textFolding'
import { compareNames } from './nameOrder'

/** A record as a picker offers it: its name and the other names it can be found by. */
export interface MatchCandidate {
  readonly id: string
  readonly type: string
  readonly label: string
  /** Aliases, short names, native titles, codes: a match on any of them finds the record. */
  readonly alternativeLabels: readonly string[]
}

/** A candidate that matched a query, and the alternative label it matched through, if not its label. */
export interface RecordMatch<C extends MatchCandidate = MatchCandidate> {
  readonly candidate: C
  /** Set when only an alternative label matched ("支付" finds Alipay through 支付宝), so the picker can say why. */
  readonly matchedAlternative?: string
}

/**
 * How well a text matches, best first: the text starts with the query, a word in it does, the
 * query is somewhere inside it, or every word of the query is somewhere inside it.
 */
const MatchTier = { TextPrefix: 0, WordPrefix: 1, Substring: 2, AllWords: 3 } as const
type MatchTier = (typeof MatchTier)[keyof typeof MatchTier]

const WORD_CHARACTER = /[\p{L}\p{N}]/u

function startsAWord(text: string, index: number): boolean {
  return index === 0 || !WORD_CHARACTER.test(text.charAt(index - 1))
}

function tierOf(foldedText: string, foldedQuery: string, queryWords: readonly string[]): MatchTier | undefined {
  if (foldedText.startsWith(foldedQuery)) return MatchTier.TextPrefix
  let index = foldedText.indexOf(foldedQuery)
  if (index >= 0) {
    while (index >= 0) {
      if (startsAWord(foldedText, index)) return MatchTier.WordPrefix
      index = foldedText.indexOf(foldedQuery, index + 1)
    }
    return MatchTier.Substring
  }
  if (queryWords.length > 1 && queryWords.every((word) => foldedText.includes(word))) return MatchTier.AllWords
  return undefined
}

interface Scored<C extends MatchCandidate> {
  readonly match: RecordMatch<C>
  readonly tier: MatchTier
  /** Matching the label beats matching an alias at the same tier. */
  readonly isAlternative: boolean
}

function scoreCandidate<C extends MatchCandidate>(candidate: C, foldedQuery: string, queryWords: readonly string[]): Scored<C> | undefined {
  const labelTier = tierOf(foldForMatching(candidate.label), foldedQuery, queryWords)
  let best: Scored<C> | undefined = labelTier === undefined ? undefined : { match: { candidate }, tier: labelTier, isAlternative: false }
  for (const alternative of candidate.alternativeLabels) {
    const tier = tierOf(foldForMatching(alternative), foldedQuery, queryWords)
    if (tier !== undefined && (best === undefined || tier < best.tier)) {
      best = { match: { candidate, matchedAlternative: alternative }, tier, isAlternative: true }
    }
  }
  return best
}

const byLabel = (a: MatchCandidate, b: MatchCandidate): number => compareNames(a.label, b.label)

/**
 * The candidates that match `query`, best first, at most `limit` of them. Names are compared
 * folded (case, accents and full-width forms ignored: "societe" finds "Société Générale"), so
 * Latin names match from the start of a word first and then anywhere, and Chinese by substring
 * ("支付" finds Alipay through its alias 支付宝). Ties are broken by label, alphabetically.
 * An empty query returns the first `limit` candidates alphabetically.
 */
export function matchRecords<C extends MatchCandidate>(query: string, candidates: readonly C[], limit: number): RecordMatch<C>[] {
  const foldedQuery = foldForMatching(query).trim().replace(/\s+/gu, ' ')
  if (foldedQuery === '') {
    return [...candidates]
      .sort(byLabel)
      .slice(0, limit)
      .map((candidate) => ({ candidate }))
  }
  const queryWords = foldedQuery.split(' ')
  return candidates
    .flatMap((candidate) => {
      const scored = scoreCandidate(candidate, foldedQuery, queryWords)
      return scored === undefined ? [] : [scored]
    })
    .sort((a, b) => a.tier - b.tier || Number(a.isAlternative) - Number(b.isAlternative) || byLabel(a.match.candidate, b.match.candidate))
    .slice(0, limit)
    .map((scored) => scored.match)
}
