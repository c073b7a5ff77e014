import type { Incident } from './incident'
import { incidentKeyDate } from './incident'
import type { Organisation } from './organisation'
import { earliestDay, formatPartialDate, latestDay, type PartialDate } from './partialDate'
import { foldForMatching } from './textFolding'
import { dateValue, message, type Message } from '../locale/message'

/** How alike two records are: a score from 0 (nothing alike) to 1 (certainly the same), and why. */
export interface DuplicateScore {
  readonly score: number
  /** Plain sentences a person can check, in English, e.g. `Same name after normalising: "alipay"` (the import plan quotes them). */
  readonly reasons: readonly string[]
  /** The same reasons as messages, for words in the reader's language (the duplicates page stores and shows these). */
  readonly reasonMessages: readonly Message[]
}

/** A reason in English and as a message, composed side by side so the two always say the same. */
interface Reason {
  readonly text: string
  readonly message: Message
}

const reason = (text: string, reasonMessage: Message): Reason => ({ text, message: reasonMessage })

function scoreOf(score: number, reasons: readonly Reason[]): DuplicateScore {
  return { score, reasons: reasons.map((each) => each.text), reasonMessages: reasons.map((each) => each.message) }
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
 * Words that stand in for a name nobody gave: AIID lists "Unnamed", "Tesla driver (Unnamed)" and
 * "Jane (Surname Withheld)". They identify no one, so two records sharing one are not alike for
 * it: taken as names, every "(Unnamed)" entity was a 100% duplicate of every other. Matched on the
 * normalised text (folded, punctuation as spaces).
 */
const PLACEHOLDER = /^(?:un ?named|unknown|anonymous|unidentified|undisclosed|redacted|withheld|(?:sur ?)?names? withheld|not (?:named|known|disclosed)|n a)$/

/** Whether a name is only a stand-in for a missing one ("Unnamed", "Surname withheld"). */
export function isPlaceholderName(text: string): boolean {
  return PLACEHOLDER.test(normaliseOrganisationName(text))
}

/**
 * The names a text stands for: itself, and, when it holds a bracketed part, the part outside and
 * the part inside ("Alipay (支付宝)" is also "Alipay" and "支付宝") unless that part is a qualifier.
 * A bracketed placeholder is dropped altogether ("Tesla driver (Unnamed)" is "Tesla driver"), and a
 * name that is only a placeholder stands for nothing.
 */
function nameVariants(text: string): string[] {
  if (isPlaceholderName(text)) return []
  const bracketed = /^(.*?)[(（[]([^)）\]]+)[)）\]](.*)$/u.exec(text)
  if (bracketed === null) return [text]
  const [, before = '', inside = '', after = ''] = bracketed
  const outside = `${before} ${after}`
  if (isPlaceholderName(inside)) return outside.trim() === '' ? [] : [outside]
  const insideIsName = !QUALIFIER.test(inside.trim())
  return [text, outside, ...(insideIsName ? [inside] : [])].filter((variant) => variant.trim() !== '')
}

interface NamedForm {
  readonly text: string
  readonly isAlias: boolean
  readonly normalised: string
}

/** A name form ready for scoring: its compact form, its length in characters and its character pairs. */
interface ScoredForm extends NamedForm {
  /** The normalised form without spaces, so "UC Web" and "UCWeb" meet. */
  readonly compact: string
  readonly length: number
  readonly grams: Bigrams
}

function namedFormsOf(organisation: Organisation): NamedForm[] {
  const entries = [{ text: organisation.name, isAlias: false }, ...organisation.aliases.map((alias) => ({ text: alias.name, isAlias: true }))]
  return entries
    .flatMap(({ text, isAlias }) => nameVariants(text).map((variant) => ({ text, isAlias, normalised: normaliseOrganisationName(variant) })))
    .filter((form) => form.normalised.replace(/ /g, '') !== '')
}

/** The multiset of adjacent character pairs of a text, with its size; a one-character text is its own single "pair". */
interface Bigrams {
  readonly counts: ReadonlyMap<string, number>
  readonly total: number
}

function bigramsOf(compact: string): Bigrams {
  const characters = [...compact]
  const counts = new Map<string, number>()
  const add = (gram: string) => counts.set(gram, (counts.get(gram) ?? 0) + 1)
  if (characters.length === 1) add(compact)
  for (let index = 0; index + 1 < characters.length; index += 1) add(`${characters[index]}${characters[index + 1]}`)
  return { counts, total: characters.length === 1 ? 1 : Math.max(characters.length - 1, 0) }
}

function diceOf(a: Bigrams, b: Bigrams): number {
  const total = a.total + b.total
  let shared = 0
  for (const [gram, count] of b.counts) shared += Math.min(count, a.counts.get(gram) ?? 0)
  return total === 0 ? 0 : (2 * shared) / total
}

/**
 * Dice's coefficient over character bigrams: 2·shared / (pairs in a + pairs in b), from 0 to 1.
 * Works for Chinese as for English, since it needs no word boundaries.
 */
export function bigramSimilarity(a: string, b: string): number {
  return diceOf(bigramsOf(a), bigramsOf(b))
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`

// A near match of names is good evidence, but never as good as an exact one after normalising.
const SIMILAR_NAME_WEIGHT = 0.9
// Short names ("CAC", "UC") are too easily alike by chance to count unless they are equal.
const MIN_LENGTH_FOR_SIMILARITY = 4

/**
 * What duplicate search needs of a record, worked out once from its text (the costly folding,
 * normalising and date parsing), so that it can be stored beside the record when it is written
 * and comparing two records never folds a name again. Plain data: it survives IndexedDB.
 */
export type DuplicateData = OrganisationDuplicateData | IncidentDuplicateData

export interface OrganisationDuplicateData {
  readonly kind: 'organisation'
  /** Every name and alias, and their bracketed parts, normalised (`normaliseOrganisationName`). */
  readonly forms: readonly NamedForm[]
}

export interface IncidentDuplicateData {
  readonly kind: 'incident'
  /** The title and the original-language title, folded and without punctuation or spaces. */
  readonly titles: readonly string[]
  /** The key date with the days it can mean as day numbers (days since 1970-01-01) and as shown. */
  readonly date?: { readonly value: string; readonly earliest: number; readonly latest: number; readonly label: string }
}

/** The folded forms of an organisation's names, for `organisationDuplicateProfile` (and for storage). */
export function organisationDuplicateData(organisation: Organisation): OrganisationDuplicateData {
  return { kind: 'organisation', forms: namedFormsOf(organisation) }
}

const DAY_MS = 86_400_000
const dayNumber = (day: string): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS

/** The folded titles and parsed key date of an incident, for `incidentDuplicateProfile` (and for storage). */
export function incidentDuplicateData(incident: Incident): IncidentDuplicateData {
  const keyDate = incidentKeyDate(incident)
  return {
    kind: 'incident',
    titles: titlesOf(incident),
    ...(keyDate === undefined
      ? {}
      : { date: { value: keyDate, earliest: dayNumber(earliestDay(keyDate)), latest: dayNumber(latestDay(keyDate)), label: formatPartialDate(keyDate) } })
  }
}

/** The keys that put records in the same block: exact keys always pair, loose keys only in small blocks. */
export interface BlockingKeys {
  readonly exact: readonly string[]
  readonly loose: readonly string[]
}

/** An organisation ready to be compared with others: see `DuplicateData`. */
export interface OrganisationDuplicateProfile {
  readonly type: 'organisation'
  readonly id: string
  readonly forms: readonly ScoredForm[]
  readonly keys: BlockingKeys
}

/** An incident ready to be compared with others: see `DuplicateData`. */
export interface IncidentDuplicateProfile {
  readonly type: 'incident'
  readonly id: string
  readonly titles: readonly { readonly compact: string; readonly grams: Bigrams }[]
  readonly date?: IncidentDuplicateData['date']
  readonly organisationIds: ReadonlySet<string>
  readonly jurisdictionIds: ReadonlySet<string>
  readonly linkIds: ReadonlySet<string>
  readonly keys: BlockingKeys
}

export type DuplicateProfile = OrganisationDuplicateProfile | IncidentDuplicateProfile

/**
 * An organisation's duplicate profile, from its stored `DuplicateData` when given (nothing is
 * folded again) or worked out now.
 */
export function organisationDuplicateProfile(
  organisation: Organisation,
  data: OrganisationDuplicateData = organisationDuplicateData(organisation)
): OrganisationDuplicateProfile {
  const forms = data.forms.map((form): ScoredForm => {
    const compact = form.normalised.replace(/ /g, '')
    return { ...form, compact, length: [...compact].length, grams: bigramsOf(compact) }
  })
  return {
    type: 'organisation',
    id: organisation.id,
    forms,
    keys: {
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
}

// How common each letter is in English text (per cent), to put a title's rare character pairs
// first. Letters not listed (other scripts, such as Chinese) count as rare: each is.
const LETTER_FREQUENCY: Readonly<Record<string, number>> = {
  e: 12.7,
  t: 9.1,
  a: 8.2,
  o: 7.5,
  i: 7,
  n: 6.7,
  s: 6.3,
  h: 6.1,
  r: 6,
  d: 4.3,
  l: 4,
  c: 2.8,
  u: 2.8,
  m: 2.4,
  w: 2.4,
  f: 2.2,
  g: 2,
  y: 2,
  p: 1.9,
  b: 1.5,
  v: 1,
  k: 0.8,
  j: 0.15,
  x: 0.15,
  q: 0.1,
  z: 0.07,
  0: 1,
  1: 1,
  2: 1,
  3: 0.8,
  4: 0.6,
  5: 0.6,
  6: 0.6,
  7: 0.6,
  8: 0.6,
  9: 0.6
}
const RARE_CHARACTER_FREQUENCY = 0.5

/** How often a character pair is expected in a title (a product of letter frequencies): low is rare. */
function gramCommonness(gram: string): number {
  let commonness = 1
  for (const character of gram) commonness *= LETTER_FREQUENCY[character] ?? RARE_CHARACTER_FREQUENCY
  return commonness
}

/**
 * The lowest title similarity (`bigramSimilarity`) an incident pair can have and still score
 * `threshold`: when both dates overlap and every link is shared, those add their whole weight
 * (0.75 needs 0.643). A missing date or missing links leave their weight out, which asks more of
 * the titles, never less.
 */
export function minimumTitleSimilarity(threshold: number = DEFAULT_DUPLICATE_THRESHOLD): number {
  return (threshold - DATE_WEIGHT - LINKS_WEIGHT) / TITLE_WEIGHT
}

/**
 * A title's loose blocking keys, by prefix filtering (Chaudhuri et al. 2006; Xiao et al.'s
 * PPJoin): its character pairs as a set (a pair seen twice is `ab` and `ab#2`, so Dice's multiset
 * overlap is the set overlap), put in one fixed order, rarest first, and only the first few kept.
 * Two titles with Dice ≥ δ share at least s ≥ δ·|A|/(2−δ) pairs of A's |A| (since s ≤ |B|), and two
 * sets sharing s items in one global order share one among their first |A|−s+1: so any pair of
 * titles as alike as `minimumSimilarity` shares a kept key, with about half a title's pairs kept
 * instead of all of them (and the rarest, so blocks stay small). At or below 0 every pair is kept,
 * as before: titles sharing no character pair are never compared.
 */
function titleBlockingKeys(grams: Bigrams, minimumSimilarity: number): string[] {
  const tagged: { readonly key: string; readonly gram: string; readonly occurrence: number; readonly commonness: number }[] = []
  for (const [gram, count] of grams.counts) {
    const commonness = gramCommonness(gram)
    for (let occurrence = 1; occurrence <= count; occurrence += 1)
      tagged.push({ key: occurrence === 1 ? gram : `${gram}#${occurrence}`, gram, occurrence, commonness })
  }
  tagged.sort((a, b) => a.commonness - b.commonness || (a.gram < b.gram ? -1 : a.gram > b.gram ? 1 : a.occurrence - b.occurrence))
  // A hair of slack against rounding: a longer prefix finds more, never less.
  const similarity = minimumSimilarity - 1e-9
  const ratio = similarity <= 0 ? 0 : similarity / (2 - similarity)
  const shared = Math.max(1, Math.ceil(ratio * tagged.length - 1e-9))
  return tagged.slice(0, Math.max(1, tagged.length - shared + 1)).map(({ key }) => key)
}

/**
 * An incident's duplicate profile, from its stored `DuplicateData` when given or worked out now.
 * Its loose keys find every pair that can score `threshold` (the stored keys are for the default
 * threshold; a lower one needs keys computed for it, as `findDuplicateCandidates` does).
 */
export function incidentDuplicateProfile(
  incident: Incident,
  data: IncidentDuplicateData = incidentDuplicateData(incident),
  threshold: number = DEFAULT_DUPLICATE_THRESHOLD
): IncidentDuplicateProfile {
  const titles = data.titles.map((compact) => ({ compact, grams: bigramsOf(compact) }))
  const minimumSimilarity = minimumTitleSimilarity(threshold)
  const organisationIds = incident.organisations.map((link) => link.organisationId as string)
  return {
    type: 'incident',
    id: incident.id,
    titles,
    ...(data.date === undefined ? {} : { date: data.date }),
    organisationIds: new Set(organisationIds),
    jurisdictionIds: new Set(incident.jurisdictionIds),
    linkIds: new Set([...organisationIds, ...incident.jurisdictionIds]),
    keys: { exact: data.titles, loose: titles.flatMap((title) => titleBlockingKeys(title.grams, minimumSimilarity)) }
  }
}

/**
 * The blocking keys of a profile as stored in a record row's multi-entry index: `x:` before an
 * exact key, `l:` before a loose one, each once.
 */
export function duplicateIndexKeys(profile: DuplicateProfile): string[] {
  return [...new Set([...profile.keys.exact.map((key) => `x:${key}`), ...profile.keys.loose.map((key) => `l:${key}`)])]
}

/** Compares two organisation profiles: see `scoreOrganisationPair`. */
export function scoreOrganisationProfiles(a: OrganisationDuplicateProfile, b: OrganisationDuplicateProfile): DuplicateScore {
  const exact: Reason[] = []
  let best: { similarity: number; reason?: Reason } = { similarity: 0 }
  for (const formA of a.forms) {
    for (const formB of b.forms) {
      if (formA.compact === formB.compact) {
        const name = formA.normalised
        const found =
          !formA.isAlias && !formB.isAlias
            ? reason(`Same name after normalising: "${name}"`, message('duplicates.reason.sameName', { name }))
            : formA.isAlias && formB.isAlias
              ? reason(`Same alias after normalising: "${name}"`, message('duplicates.reason.sameAlias', { name }))
              : reason(`A name of one is an alias of the other: "${name}"`, message('duplicates.reason.nameIsAlias', { name }))
        if (!exact.some((each) => each.text === found.text)) exact.push(found)
        continue
      }
      if (exact.length > 0) continue
      if (formA.length < MIN_LENGTH_FOR_SIMILARITY || formB.length < MIN_LENGTH_FOR_SIMILARITY) continue
      const similarity = diceOf(formA.grams, formB.grams)
      if (similarity > best.similarity) {
        const values = { first: formA.text, second: formB.text, percent: percent(similarity) }
        best = {
          similarity,
          reason: reason(`Similar names: "${formA.text}" and "${formB.text}" (${percent(similarity)} alike)`, message('duplicates.reason.similarNames', values))
        }
      }
    }
  }
  if (exact.length > 0) return scoreOf(1, exact)
  if (best.reason === undefined) return scoreOf(0, [])
  return scoreOf(best.similarity * SIMILAR_NAME_WEIGHT, [best.reason])
}

/**
 * How likely two organisations are one, comparing every name and alias of one with every name and
 * alias of the other after normalising (`normaliseOrganisationName`), across scripts: the alias
 * "支付宝" on one matches the name "支付宝" on the other. An exact match scores 1; otherwise the
 * closest pair of names counts, by `bigramSimilarity`, scaled below an exact match.
 */
export function scoreOrganisationPair(a: Organisation, b: Organisation): DuplicateScore {
  return scoreOrganisationProfiles(organisationDuplicateProfile(a), organisationDuplicateProfile(b))
}

/** A title folded for comparison: case, accents and width removed, punctuation and spaces dropped. */
function compactTitle(title: string): string {
  return foldForMatching(title).replace(SEPARATORS, '')
}

function titlesOf(incident: Incident): string[] {
  return [incident.title, ...(incident.original?.title ? [incident.original.title] : [])].map(compactTitle).filter((title) => title !== '')
}

/**
 * How near two partial dates are, read at their own precision: 1 when the days they can mean
 * overlap ("January 2018" and "3 January 2018"), falling with the gap between them, 0 beyond a year.
 */
function dateProximity(a: NonNullable<IncidentDuplicateData['date']>, b: NonNullable<IncidentDuplicateData['date']>): { proximity: number; reason: Reason } {
  const gap = Math.max(Math.round(b.earliest - a.latest), Math.round(a.earliest - b.latest), 0)
  const [first, second] = [dateValue(a.value as PartialDate), dateValue(b.value as PartialDate)]
  if (a.value === b.value) return { proximity: 1, reason: reason(`Same date: ${a.label}`, message('duplicates.reason.sameDate', { date: first })) }
  const both = reason(`${a.label} and ${b.label}`, message('duplicates.reason.twoDates', { first, second }))
  if (gap === 0) return { proximity: 1, reason: reason(`Dates overlap: ${both.text}`, message('duplicates.reason.datesOverlap', { dates: both.message })) }
  if (gap <= 31)
    return {
      proximity: 0.8,
      reason: reason(
        `Dates ${gap} day${gap === 1 ? '' : 's'} apart: ${both.text}`,
        message('duplicates.reason.datesApart', { count: gap, dates: both.message })
      )
    }
  if (gap <= 366)
    return { proximity: 0.4, reason: reason(`Dates within a year: ${both.text}`, message('duplicates.reason.datesWithinYear', { dates: both.message })) }
  return { proximity: 0, reason: reason(`Dates more than a year apart: ${both.text}`, message('duplicates.reason.datesOverYear', { dates: both.message })) }
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; union: number } {
  let shared = 0
  for (const id of a) if (b.has(id)) shared += 1
  return { shared, union: a.size + b.size - shared }
}

// Titles carry most of the evidence; a date or shared links confirm or weaken it. Unknown dates and
// records with no links are neutral: their weight is left out rather than counted as a mismatch.
const TITLE_WEIGHT = 0.7
const DATE_WEIGHT = 0.2
const LINKS_WEIGHT = 0.1

/** Compares two incident profiles: see `scoreIncidentPair`. */
export function scoreIncidentProfiles(a: IncidentDuplicateProfile, b: IncidentDuplicateProfile): DuplicateScore {
  const reasons: Reason[] = []
  let titleSimilarity = 0
  for (const titleA of a.titles) {
    for (const titleB of b.titles) titleSimilarity = Math.max(titleSimilarity, titleA.compact === titleB.compact ? 1 : diceOf(titleA.grams, titleB.grams))
  }
  reasons.push(
    titleSimilarity === 1
      ? reason('Same title', message('duplicates.reason.sameTitle'))
      : reason(`Similar titles (${percent(titleSimilarity)} alike)`, message('duplicates.reason.similarTitles', { percent: percent(titleSimilarity) }))
  )
  let weighted = TITLE_WEIGHT * titleSimilarity
  let weights = TITLE_WEIGHT

  if (a.date !== undefined && b.date !== undefined) {
    const { proximity, reason } = dateProximity(a.date, b.date)
    reasons.push(reason)
    weighted += DATE_WEIGHT * proximity
    weights += DATE_WEIGHT
  }

  if (a.organisationIds.size + a.jurisdictionIds.size > 0 && b.organisationIds.size + b.jurisdictionIds.size > 0) {
    const organisations = sharedCount(a.organisationIds, b.organisationIds)
    const jurisdictions = sharedCount(a.jurisdictionIds, b.jurisdictionIds)
    const { shared, union } = sharedCount(a.linkIds, b.linkIds)
    if (organisations.shared > 0) {
      const count = organisations.shared
      reasons.push(reason(`${count} organisation${count === 1 ? '' : 's'} in common`, message('duplicates.reason.organisationsInCommon', { count })))
    }
    if (jurisdictions.shared > 0) {
      const count = jurisdictions.shared
      reasons.push(reason(`${count} jurisdiction${count === 1 ? '' : 's'} in common`, message('duplicates.reason.jurisdictionsInCommon', { count })))
    }
    if (shared === 0) reasons.push(reason('No organisation or jurisdiction in common', message('duplicates.reason.noneInCommon')))
    weighted += LINKS_WEIGHT * (shared / union)
    weights += LINKS_WEIGHT
  }
  return scoreOf(weighted / weights, reasons)
}

/**
 * How likely two incidents are one: title similarity (`bigramSimilarity` on folded titles, the
 * original-language titles included), combined with how near their dates are (partial dates
 * compared by the days they can mean; an unknown date is neutral) and how many organisations and
 * jurisdictions they share (neutral when either has none).
 */
export function scoreIncidentPair(a: Incident, b: Incident): DuplicateScore {
  return scoreIncidentProfiles(incidentDuplicateProfile(a), incidentDuplicateProfile(b))
}

/** Compares two profiles of one type (an organisation is never compared with an incident). */
export function scoreDuplicateProfiles(a: DuplicateProfile, b: DuplicateProfile): DuplicateScore {
  if (a.type === 'organisation' && b.type === 'organisation') return scoreOrganisationProfiles(a, b)
  if (a.type === 'incident' && b.type === 'incident') return scoreIncidentProfiles(a, b)
  return scoreOf(0, [])
}

/** The key of an unordered pair of ids, the same whichever id comes first (used to dismiss a pair). */
export function duplicatePairKey(firstId: string, secondId: string): string {
  return firstId < secondId ? `${firstId}|${secondId}` : `${secondId}|${firstId}`
}

// A blocking key shared by more records than this says little (a common word, a frequent character
// pair) and would bring back quadratic work, so it proposes no pairs. Exact normalised names are
// always compared, however many records share them.
export const MAX_BLOCK_SIZE = 50

/** Whether a block of this many records proposes pairs: exact keys always, loose keys only when small. */
export function isLiveBlock(kind: 'exact' | 'loose', size: number): boolean {
  return size >= 2 && (kind === 'exact' || size <= MAX_BLOCK_SIZE)
}

/**
 * The blocks of a set of profiles, to walk the pairs worth scoring one record at a time: records
 * that share an exact key, or a loose key held by at most `MAX_BLOCK_SIZE` records. Holds one
 * entry per record and key, never the pairs, so memory grows with the records, not their square.
 */
export class DuplicateBlocks {
  private readonly blocks = new Map<string, number[]>()

  constructor(private readonly profiles: readonly DuplicateProfile[]) {
    profiles.forEach((profile, index) => {
      for (const key of this.blockNamesOf(profile)) {
        const block = this.blocks.get(key)
        if (block === undefined) this.blocks.set(key, [index])
        else block.push(index)
      }
    })
  }

  private blockNamesOf(profile: DuplicateProfile): Set<string> {
    return new Set([...profile.keys.exact.map((key) => `exact:${key}`), ...profile.keys.loose.map((key) => `loose:${key}`)])
  }

  /** The indexes after `index` that share a live block with it, ascending. */
  laterNeighbours(index: number): number[] {
    const profile = this.profiles[index]
    if (profile === undefined) return []
    const found = new Set<number>()
    for (const name of this.blockNamesOf(profile)) {
      const members = this.blocks.get(name) ?? []
      if (!isLiveBlock(name.startsWith('exact:') ? 'exact' : 'loose', members.length)) continue
      for (const member of members) if (member > index) found.add(member)
    }
    return [...found].sort((a, b) => a - b)
  }
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
 * title's rarest character pairs, see `titleBlockingKeys`), so ten thousand organisations are not compared all with all.
 */
export function findDuplicateCandidates(
  records: { readonly organisations?: readonly Organisation[]; readonly incidents?: readonly Incident[] },
  options: FindDuplicatesOptions = {}
): DuplicateCandidate[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD
  const dismissed = options.dismissedPairs ?? new Set<string>()
  const candidates: DuplicateCandidate[] = []
  const collect = <R extends Organisation | Incident>(type: DuplicateCandidate['type'], records: readonly R[], profileOf: (record: R) => DuplicateProfile) => {
    const profiles = records.map(profileOf)
    const blocks = new DuplicateBlocks(profiles)
    profiles.forEach((profile, i) => {
      for (const j of blocks.laterNeighbours(i)) {
        const other = profiles[j] as DuplicateProfile
        if (dismissed.has(duplicatePairKey(profile.id, other.id))) continue
        const { score, reasons, reasonMessages } = scoreDuplicateProfiles(profile, other)
        if (score >= threshold) candidates.push({ type, first: records[i], second: records[j], score, reasons, reasonMessages } as DuplicateCandidate)
      }
    })
  }
  collect('organisation', records.organisations ?? [], (organisation) => organisationDuplicateProfile(organisation))
  collect('incident', records.incidents ?? [], (incident) => incidentDuplicateProfile(incident, undefined, threshold))
  return candidates.sort(byScoreThenNames)
}
