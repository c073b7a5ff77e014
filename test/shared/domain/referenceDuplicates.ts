import type { Incident } from '../../../src/shared/domain/incident'
import { incidentKeyDate } from '../../../src/shared/domain/incident'
import type { Organisation } from '../../../src/shared/domain/organisation'
import { earliestDay, formatPartialDate, latestDay, type PartialDate } from '../../../src/shared/domain/partialDate'
import { foldForMatching } from '../../../src/shared/domain/textFolding'

/** How alike two records are: a score from 0 (nothing alike) to 1 (certainly the same), and why. */
export interface DuplicateScore {
  readonly score: number
  /** Plain sentences a person can check, e.g. `Same name after normalising: "alipay"`. */
  readonly reasons: readonly string[]
}

/** Two records of one type that may be the same thing, with how alike they are. */
export type DuplicateCandidate =
  | ({ readonly type: 'organisation'; readonly first: Organisation; readonly second: Organisation } & DuplicateScore)
  | ({ readonly type: 'incident'; readonly first: Incident; readonly second: Incident } & DuplicateScore)

/** Pairs scoring at least this are flagged: exact names after normalising, or very close titles on close dates. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.75

// Words that say what legal form a body has, not which body it is: "Alipay" and "ALIPAY Co., Ltd."
// are one company. Matched as whole trailing words after folding and punctuation removal, so
// "Sa" inside "Samsung" is never touched. "sa" also covers "S.A." (dots between letters are dropped).
const CORPORATE_WORDS = new Set([
  'group',
  'holding',
  'holdings',
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'co',
  'corp',
  'corporation',
  'company',
  'plc',
  'llc',
  'llp',
  'lp',
  'pte',
  'pvt',
  'private',
  'public',
  'gmbh',
  'ag',
  'kg',
  'mbh',
  'ev',
  'se',
  'sa',
  'sas',
  'sarl',
  'sl',
  'srl',
  'spa',
  'sca',
  'bv',
  'nv',
  'ab',
  'oy',
  'oyj',
  'asa',
  'kk',
  'pty',
  'bhd',
  'sdn',
  'tbk'
])

// Chinese and Japanese legal-form endings, longest first so that 股份有限公司 goes before 有限公司.
const CJK_CORPORATE_ENDINGS = ['股份有限公司', '有限责任公司', '有限責任公司', '有限公司', '株式会社', '控股', '集团', '集團', '公司']

// Punctuation and symbols separate words; apostrophes and dots inside abbreviations do not
// ("McDonald's" is one word, "S.A." is "sa").
const JOINING_MARKS = /['’.·]/gu
const SEPARATORS = /[^\p{L}\p{N}]+/gu

function stripTrailingWords(words: string[]): string[] {
  const kept = [...words]
  while (kept.length > 1 && CORPORATE_WORDS.has(kept[kept.length - 1] ?? '')) kept.pop()
  if (kept.length > 1 && kept[0] === 'the') kept.shift()
  return kept
}

function stripCjkEndings(word: string): string {
  let stripped = word
  let changed = true
  while (changed) {
    changed = false
    for (const ending of CJK_CORPORATE_ENDINGS) {
      if (stripped.length > ending.length && stripped.endsWith(ending)) {
        stripped = stripped.slice(0, -ending.length)
        changed = true
      }
    }
  }
  return stripped
}

/**
 * An organisation's name reduced to what identifies it, for matching only: folded (case, accents,
 * full-width forms, see `foldForMatching`), punctuation turned into single spaces, and legal-form
 * words dropped from the end in several languages ("Ltd", "GmbH", "S.A.", "有限公司", "集团"), so
 * "Société Générale SA" and "societe generale" normalise alike. A name made only of such words
 * ("Company") is kept as it is rather than emptied.
 */
export function normaliseOrganisationName(name: string): string {
  const words = foldForMatching(name)
    .replace(JOINING_MARKS, '')
    .split(SEPARATORS)
    .filter((word) => word !== '')
  const stripped = stripTrailingWords(words)
  const last = stripped.length - 1
  const withoutCjk = stripped.map((word, index) => (index === last ? stripCjkEndings(word) : word))
  return withoutCjk.join(' ')
}

/**
 * A bracketed part that qualifies a name rather than being one: a short Latin code such as a
 * country ("Citigroup Inc (USA)", "Tesco (UK)"). Thousands of VCDB victims carry "(USA)"; taken as a
 * name, it would make every one of them a likely duplicate of every other.
 */
const QUALIFIER = /^[A-Za-z.]{1,4}$/

/**
 * The names a text stands for: itself, and, when it holds a bracketed part, the part outside and
 * the part inside ("Alipay (支付宝)" is also "Alipay" and "支付宝") unless that part is a qualifier.
 */
function nameVariants(text: string): string[] {
  const bracketed = /^(.*?)[(（[]([^)）\]]+)[)）\]](.*)$/u.exec(text)
  if (bracketed === null) return [text]
  const [, before = '', inside = '', after = ''] = bracketed
  const insideIsName = !QUALIFIER.test(inside.trim())
  return [text, `${before} ${after}`, ...(insideIsName ? [inside] : [])].filter((variant) => variant.trim() !== '')
}

interface NamedForm {
  readonly text: string
  readonly isAlias: boolean
  readonly normalised: string
  /** The normalised form without spaces, so "UC Web" and "UCWeb" meet. */
  readonly compact: string
}

function namedFormsOf(organisation: Organisation): NamedForm[] {
  const entries = [{ text: organisation.name, isAlias: false }, ...organisation.aliases.map((alias) => ({ text: alias.name, isAlias: true }))]
  return entries
    .flatMap(({ text, isAlias }) =>
      nameVariants(text).map((variant) => {
        const normalised = normaliseOrganisationName(variant)
        return { text, isAlias, normalised, compact: normalised.replace(/ /g, '') }
      })
    )
    .filter((form) => form.compact !== '')
}

/** The multiset of adjacent character pairs of a text; a one-character text is its own single "pair". */
function bigramsOf(compact: string): Map<string, number> {
  const characters = [...compact]
  const counts = new Map<string, number>()
  const add = (gram: string) => counts.set(gram, (counts.get(gram) ?? 0) + 1)
  if (characters.length === 1) add(compact)
  for (let index = 0; index + 1 < characters.length; index += 1) add(`${characters[index]}${characters[index + 1]}`)
  return counts
}

/**
 * Dice's coefficient over character bigrams: 2·shared / (pairs in a + pairs in b), from 0 to 1.
 * Works for Chinese as for English, since it needs no word boundaries.
 */
export function bigramSimilarity(a: string, b: string): number {
  const gramsA = bigramsOf(a)
  const gramsB = bigramsOf(b)
  let total = 0
  let shared = 0
  for (const count of gramsA.values()) total += count
  for (const [gram, count] of gramsB) {
    total += count
    shared += Math.min(count, gramsA.get(gram) ?? 0)
  }
  return total === 0 ? 0 : (2 * shared) / total
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`

// A near match of names is good evidence, but never as good as an exact one after normalising.
const SIMILAR_NAME_WEIGHT = 0.9
// Short names ("CAC", "UC") are too easily alike by chance to count unless they are equal.
const MIN_LENGTH_FOR_SIMILARITY = 4

/**
 * How likely two organisations are one, comparing every name and alias of one with every name and
 * alias of the other after normalising (`normaliseOrganisationName`), across scripts: the alias
 * "支付宝" on one matches the name "支付宝" on the other. An exact match scores 1; otherwise the
 * closest pair of names counts, by `bigramSimilarity`, scaled below an exact match.
 */
export function scoreOrganisationPair(a: Organisation, b: Organisation): DuplicateScore {
  const formsA = namedFormsOf(a)
  const formsB = namedFormsOf(b)
  const exact: string[] = []
  let best = { similarity: 0, reason: '' }
  for (const formA of formsA) {
    for (const formB of formsB) {
      if (formA.compact === formB.compact) {
        const reason =
          !formA.isAlias && !formB.isAlias
            ? `Same name after normalising: "${formA.normalised}"`
            : formA.isAlias && formB.isAlias
              ? `Same alias after normalising: "${formA.normalised}"`
              : `A name of one is an alias of the other: "${formA.normalised}"`
        if (!exact.includes(reason)) exact.push(reason)
        continue
      }
      if ([...formA.compact].length < MIN_LENGTH_FOR_SIMILARITY || [...formB.compact].length < MIN_LENGTH_FOR_SIMILARITY) continue
      const similarity = bigramSimilarity(formA.compact, formB.compact)
      if (similarity > best.similarity) {
        best = { similarity, reason: `Similar names: "${formA.text}" and "${formB.text}" (${percent(similarity)} alike)` }
      }
    }
  }
  if (exact.length > 0) return { score: 1, reasons: exact }
  if (best.similarity === 0) return { score: 0, reasons: [] }
  return { score: best.similarity * SIMILAR_NAME_WEIGHT, reasons: [best.reason] }
}

/** A title folded for comparison: case, accents and width removed, punctuation and spaces dropped. */
function compactTitle(title: string): string {
  return foldForMatching(title).replace(SEPARATORS, '')
}

function titlesOf(incident: Incident): string[] {
  return [incident.title, ...(incident.original?.title ? [incident.original.title] : [])].map(compactTitle).filter((title) => title !== '')
}

const DAY_MS = 86_400_000

function daysBetween(fromDay: string, toDay: string): number {
  return Math.round((Date.parse(`${toDay}T00:00:00Z`) - Date.parse(`${fromDay}T00:00:00Z`)) / DAY_MS)
}

/**
 * How near two partial dates are, read at their own precision: 1 when the days they can mean
 * overlap ("January 2018" and "3 January 2018"), falling with the gap between them, 0 beyond a year.
 */
function dateProximity(a: PartialDate, b: PartialDate): { proximity: number; reason: string } {
  const gap = Math.max(daysBetween(latestDay(a), earliestDay(b)), daysBetween(latestDay(b), earliestDay(a)), 0)
  const both = a === b ? formatPartialDate(a) : `${formatPartialDate(a)} and ${formatPartialDate(b)}`
  if (gap === 0) return { proximity: 1, reason: a === b ? `Same date: ${both}` : `Dates overlap: ${both}` }
  if (gap <= 31) return { proximity: 0.8, reason: `Dates ${gap} day${gap === 1 ? '' : 's'} apart: ${both}` }
  if (gap <= 366) return { proximity: 0.4, reason: `Dates within a year: ${both}` }
  return { proximity: 0, reason: `Dates more than a year apart: ${both}` }
}

function sharedCount(a: readonly string[], b: readonly string[]): { shared: number; union: number } {
  const setA = new Set(a)
  const setB = new Set(b)
  const shared = [...setA].filter((id) => setB.has(id)).length
  return { shared, union: new Set([...setA, ...setB]).size }
}

// Titles carry most of the evidence; a date or shared links confirm or weaken it. Unknown dates and
// records with no links are neutral: their weight is left out rather than counted as a mismatch.
const TITLE_WEIGHT = 0.7
const DATE_WEIGHT = 0.2
const LINKS_WEIGHT = 0.1

/**
 * How likely two incidents are one: title similarity (`bigramSimilarity` on folded titles, the
 * original-language titles included), combined with how near their dates are (partial dates
 * compared by the days they can mean; an unknown date is neutral) and how many organisations and
 * jurisdictions they share (neutral when either has none).
 */
export function scoreIncidentPair(a: Incident, b: Incident): DuplicateScore {
  const reasons: string[] = []
  let titleSimilarity = 0
  for (const titleA of titlesOf(a)) {
    for (const titleB of titlesOf(b)) titleSimilarity = Math.max(titleSimilarity, titleA === titleB ? 1 : bigramSimilarity(titleA, titleB))
  }
  reasons.push(titleSimilarity === 1 ? 'Same title' : `Similar titles (${percent(titleSimilarity)} alike)`)
  let weighted = TITLE_WEIGHT * titleSimilarity
  let weights = TITLE_WEIGHT

  const dateA = incidentKeyDate(a)
  const dateB = incidentKeyDate(b)
  if (dateA !== undefined && dateB !== undefined) {
    const { proximity, reason } = dateProximity(dateA, dateB)
    reasons.push(reason)
    weighted += DATE_WEIGHT * proximity
    weights += DATE_WEIGHT
  }

  const linksA = [...a.organisations.map((link) => link.organisationId), ...a.jurisdictionIds]
  const linksB = [...b.organisations.map((link) => link.organisationId), ...b.jurisdictionIds]
  if (linksA.length > 0 && linksB.length > 0) {
    const organisations = sharedCount(
      a.organisations.map((link) => link.organisationId),
      b.organisations.map((link) => link.organisationId)
    )
    const jurisdictions = sharedCount(a.jurisdictionIds, b.jurisdictionIds)
    const { shared, union } = sharedCount(linksA, linksB)
    if (organisations.shared > 0) reasons.push(`${organisations.shared} organisation${organisations.shared === 1 ? '' : 's'} in common`)
    if (jurisdictions.shared > 0) reasons.push(`${jurisdictions.shared} jurisdiction${jurisdictions.shared === 1 ? '' : 's'} in common`)
    if (shared === 0) reasons.push('No organisation or jurisdiction in common')
    weighted += LINKS_WEIGHT * (shared / union)
    weights += LINKS_WEIGHT
  }
  return { score: weighted / weights, reasons }
}

/** The key of an unordered pair of ids, the same whichever id comes first (used to dismiss a pair). */
export function duplicatePairKey(firstId: string, secondId: string): string {
  return firstId < secondId ? `${firstId}|${secondId}` : `${secondId}|${firstId}`
}

// A blocking key shared by more records than this says little (a common word, a frequent character
// pair) and would bring back quadratic work, so it proposes no pairs. Exact normalised names are
// always compared, however many records share them.
const MAX_BLOCK_SIZE = 50

/**
 * Pairs of indexes worth scoring: records that share a blocking key. Exact keys always pair; loose
 * keys pair only within blocks of at most `MAX_BLOCK_SIZE`. Work is bounded by the sum of the
 * squares of block sizes rather than the square of the number of records.
 */
function candidateIndexPairs(exactKeys: readonly string[][], looseKeys: readonly string[][]): [number, number][] {
  const blocks = new Map<string, number[]>()
  const addAll = (keysPerRecord: readonly string[][], prefix: string) =>
    keysPerRecord.forEach((keys, index) => {
      for (const key of new Set(keys)) {
        const block = blocks.get(prefix + key)
        if (block === undefined) blocks.set(prefix + key, [index])
        else block.push(index)
      }
    })
  addAll(exactKeys, 'exact:')
  addAll(looseKeys, 'loose:')
  const seen = new Set<string>()
  const pairs: [number, number][] = []
  for (const [key, members] of blocks) {
    if (members.length < 2 || (key.startsWith('loose:') && members.length > MAX_BLOCK_SIZE)) continue
    for (let i = 0; i < members.length; i += 1) {
      for (let j = i + 1; j < members.length; j += 1) {
        const first = members[i] ?? 0
        const second = members[j] ?? 0
        const pairKey = `${first}:${second}`
        if (seen.has(pairKey)) continue
        seen.add(pairKey)
        pairs.push([first, second])
      }
    }
  }
  return pairs
}

function organisationBlockingKeys(organisation: Organisation): { exact: string[]; loose: string[] } {
  const forms = namedFormsOf(organisation)
  return {
    exact: forms.map((form) => form.compact),
    // Similar names share a leading stretch or a word: "Alipay" and "Alipay Hangzhou".
    loose: forms.flatMap((form) => [
      `prefix:${[...form.compact].slice(0, 4).join('')}`,
      ...form.normalised
        .split(' ')
        .filter((word) => [...word].length >= 4)
        .map((word) => `word:${word}`)
    ])
  }
}

function incidentBlockingKeys(incident: Incident): { exact: string[]; loose: string[] } {
  const titles = titlesOf(incident)
  return { exact: titles, loose: titles.flatMap((title) => [...bigramsOf(title).keys()]) }
}

export interface FindDuplicatesOptions {
  /** Pairs scoring below this are not returned; defaults to `DEFAULT_DUPLICATE_THRESHOLD`. */
  readonly threshold?: number
  /** Pair keys (`duplicatePairKey`) a person said are not duplicates. */
  readonly dismissedPairs?: ReadonlySet<string>
}

function byScoreThenNames(a: DuplicateCandidate, b: DuplicateCandidate): number {
  if (b.score !== a.score) return b.score - a.score
  return a.first.id < b.first.id ? -1 : a.first.id > b.first.id ? 1 : a.second.id < b.second.id ? -1 : 1
}

/**
 * Likely duplicates among organisations and among incidents (other records are never compared,
 * and an organisation is never paired with an incident), best first. Only records sharing a
 * blocking key are scored (a normalised name, a name's first four characters or a word of it; a
 * title's character pairs), so ten thousand organisations are not compared all with all.
 */
export function findDuplicateCandidates(
  records: { readonly organisations?: readonly Organisation[]; readonly incidents?: readonly Incident[] },
  options: FindDuplicatesOptions = {}
): DuplicateCandidate[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD
  const dismissed = options.dismissedPairs ?? new Set<string>()
  const candidates: DuplicateCandidate[] = []

  const organisations = records.organisations ?? []
  const organisationKeys = organisations.map(organisationBlockingKeys)
  for (const [i, j] of candidateIndexPairs(
    organisationKeys.map((keys) => keys.exact),
    organisationKeys.map((keys) => keys.loose)
  )) {
    const first = organisations[i]
    const second = organisations[j]
    if (first === undefined || second === undefined || dismissed.has(duplicatePairKey(first.id, second.id))) continue
    const { score, reasons } = scoreOrganisationPair(first, second)
    if (score >= threshold) candidates.push({ type: 'organisation', first, second, score, reasons })
  }

  const incidents = records.incidents ?? []
  const incidentKeys = incidents.map(incidentBlockingKeys)
  for (const [i, j] of candidateIndexPairs(
    incidentKeys.map((keys) => keys.exact),
    incidentKeys.map((keys) => keys.loose)
  )) {
    const first = incidents[i]
    const second = incidents[j]
    if (first === undefined || second === undefined || dismissed.has(duplicatePairKey(first.id, second.id))) continue
    const { score, reasons } = scoreIncidentPair(first, second)
    if (score >= threshold) candidates.push({ type: 'incident', first, second, score, reasons })
  }

  return candidates.sort(byScoreThenNames)
}
