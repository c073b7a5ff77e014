import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch'
import type { RecordType } from '../domain/recordTypes'
import { foldForMatching } from '../domain/textFolding'
import type { ParsedQuery, QueryClause, TextMatch } from './queryLanguage'
import type { SearchDocument } from './searchDocument'
import { analyseText, isCjkTerm } from './textAnalysis'
import { loadIndex, saveIndex } from './indexSnapshot'
import { byCountThenValue, countFacet, documentColumns, runTermQuery, type DocumentColumns, type QueryTerm, type TermQuery } from './termQuery'

/** Bump when OPTIONS, the analysis or the document shape change: stored snapshots are then rebuilt. */
export const SEARCH_INDEX_VERSION = 2

const TEXT_FIELDS = ['title', 'aliases', 'body', 'original', 'provisions', 'sources'] as const
const STORED_FIELDS = ['type', 'jurisdictionIds', 'organisationIds', 'lawIds', 'kinds', 'status', 'tags', 'years'] as const

type StoredFields = Pick<SearchDocument, (typeof STORED_FIELDS)[number]>

// Titles and aliases (any script) matter most; a word found only in a cited source's title matters least.
const BOOST: Record<(typeof TEXT_FIELDS)[number], number> = {
  title: 5,
  aliases: 4,
  provisions: 1.5,
  body: 1,
  original: 1,
  sources: 0.5
}

// Analysts search for what happened first: an incident outranks the organisation or source that
// shares its words ("sesame" lists the Alipay incident before the Sesame Credit organisation).
const TYPE_BOOST: Record<RecordType, number> = {
  incident: 2,
  response: 1.3,
  law: 1.3,
  organisation: 1,
  jurisdiction: 0.8,
  source: 0.6
}

const OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: [...TEXT_FIELDS],
  storeFields: [...STORED_FIELDS],
  tokenize: analyseText,
  // analyseText already folds case, accents and width.
  processTerm: (term) => term,
  // Stored fields keep their arrays (for filters and facets); every indexed field is text already.
  extractField: (document, field) => (document as unknown as Record<string, string>)[field] as string
}

/**
 * How much typing slack a term gets. Prefix search only on the word being typed (the last one),
 * so "sesa" finds "sesame"; typo tolerance only on Latin words of four letters or more: one edit
 * for four letters, two from five (swapped letters are two edits: "sesmae" finds "sesame").
 * CJK bigrams match exactly.
 */
function termOptions(mode: SearchMode): Pick<SearchOptions, 'prefix' | 'fuzzy' | 'weights'> {
  return {
    prefix: (term, index, terms) => mode === 'as-you-type' && index === terms.length - 1 && !isCjkTerm(term),
    fuzzy: (term) => typoDistance(term) || false,
    weights: WEIGHTS
  }
}

const WEIGHTS = { prefix: 0.6, fuzzy: 0.4 }

const typoDistance = (term: string): number => (isCjkTerm(term) || term.length < 4 ? 0 : term.length === 4 ? 1 : 2)

/**
 * While typing, look-alikes are looked for only when the words as typed (and the word being
 * completed) find fewer than this: a typo usually finds nothing, and a word that finds plenty needs
 * no look-alikes until Enter. Typo expansion is what makes as-you-type slow on a large index.
 */
const FEW_HITS_FOR_TYPOS = 3

/**
 * The words-only form of a query (no OR, no phrase), for the fast path; undefined otherwise.
 * Only the very last word is completed (the one being typed).
 */
function termQueryOf(parsed: ParsedQuery, mode: SearchMode, withTypos: boolean): TermQuery | undefined {
  if (parsed.clauses.some((clause) => clause.alternatives.length !== 1 || clause.alternatives[0]?.kind !== 'term')) return undefined
  const words = parsed.clauses.flatMap((clause) => analyseText(clause.alternatives[0]!.text))
  const terms: QueryTerm[] = words.map((term, index) => ({
    term,
    prefix: mode === 'as-you-type' && index === words.length - 1 && !isCjkTerm(term),
    fuzzy: withTypos ? typoDistance(term) : 0
  }))
  // A clause with no indexable characters ("+", "…") cannot match anything, as in the general path.
  if (parsed.clauses.length > 0 && terms.length === 0) return undefined
  return { terms, exclusions: parsed.exclusions.map((match) => analyseText(match.text)).filter((group) => group.length > 0) }
}

export type SearchMode = 'as-you-type' | 'full'

/** Turns filter values as typed ("alibaba", "IN", "cybersecurity law") into record ids. */
export interface FilterResolver {
  readonly jurisdictions: (value: string) => readonly string[]
  readonly organisations: (value: string) => readonly string[]
  readonly laws: (value: string) => readonly string[]
}

/** Where a phrase is checked: the folded text of a document, if the caller can provide it. */
export type DocumentText = (id: string) => string | undefined

export interface SearchHit {
  readonly id: string
  readonly type: RecordType
  readonly score: number
  /** Index terms that matched, for highlighting. */
  readonly terms: readonly string[]
}

export interface FacetCount {
  readonly value: string
  readonly count: number
}

export interface SearchOutcome {
  readonly hits: readonly SearchHit[]
  readonly total: number
  readonly facets: {
    readonly type: readonly FacetCount[]
    readonly jurisdiction: readonly FacetCount[]
    readonly organisation: readonly FacetCount[]
    readonly kind: readonly FacetCount[]
    readonly year: readonly FacetCount[]
  }
}

function textQuery(match: TextMatch, mode: SearchMode): Query {
  // A phrase must contain all its words; adjacency is checked afterwards against the document text.
  return { queries: [match.text], combineWith: 'AND', ...(match.kind === 'term' ? termOptions(mode) : {}) }
}

function clauseQuery(clause: QueryClause, mode: SearchMode): Query {
  if (clause.alternatives.length === 1 && clause.alternatives[0] !== undefined) return textQuery(clause.alternatives[0], mode)
  return { queries: clause.alternatives.map((match) => textQuery(match, mode)), combineWith: 'OR' }
}

function sortedFacet(counts: Map<string, number>): FacetCount[] {
  return [...counts].map(([value, count]) => ({ value, count })).sort(byCountThenValue)
}

/**
 * The full-text index of every record, over MiniSearch. A plain module: the search worker drives
 * it, and tests use it directly.
 */
export class SearchIndexEngine {
  /** Typed-array columns for the fast path; `stale` after a change (extended, not rebuilt, on the next search). */
  private columns: DocumentColumns | undefined
  private staleColumns: DocumentColumns | undefined

  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static create(documents: readonly SearchDocument[]): SearchIndexEngine {
    const index = new MiniSearch<SearchDocument>(OPTIONS)
    index.addAll(documents as SearchDocument[])
    const engine = new SearchIndexEngine(index)
    if (documents.length > 0) engine.prepare()
    return engine
  }

  /** Loads a snapshot made by {@link toJSON} with the same {@link SEARCH_INDEX_VERSION} (compact format: indexSnapshot.ts). */
  static load(json: string): SearchIndexEngine {
    const engine = new SearchIndexEngine(loadIndex<SearchDocument>(json, OPTIONS))
    engine.prepare()
    return engine
  }

  /**
   * Reads the columns the fast path needs now (at 100k documents a few hundred milliseconds),
   * so that the first keystroke does not pay for them; after edits they are only extended.
   */
  prepare(): DocumentColumns {
    this.columns ??= documentColumns(this.index, STORED_FIELDS, this.staleColumns)
    this.staleColumns = undefined
    return this.columns
  }

  get documentCount(): number {
    return this.index.documentCount
  }

  /** Whether a document with this id is indexed. */
  has(id: string): boolean {
    return this.index.has(id)
  }

  /** Adds documents, replacing any already indexed under the same id. */
  upsert(documents: readonly SearchDocument[]): void {
    this.markColumnsStale()
    for (const document of documents) {
      if (this.index.has(document.id)) this.index.replace(document)
      else this.index.add(document)
    }
  }

  remove(ids: readonly string[]): void {
    this.markColumnsStale()
    for (const id of ids) if (this.index.has(id)) this.index.discard(id)
  }

  private markColumnsStale(): void {
    this.staleColumns = this.columns ?? this.staleColumns
    this.columns = undefined
  }

  toJSON(): string {
    return saveIndex(this.index)
  }

  /**
   * Runs a parsed query: text clauses (AND), alternatives (OR), exclusions, then filters and facets.
   * `limit` caps the hits returned (default 50; `Infinity` for all); totals and facets count every result.
   */
  search(
    parsed: ParsedQuery,
    options: { readonly mode: SearchMode; readonly resolver: FilterResolver; readonly documentText?: DocumentText; readonly limit?: number }
  ): SearchOutcome {
    const predicates = this.predicatesFor(parsed, options.resolver)
    const fast = this.searchTerms(parsed, options.mode, predicates, options.limit ?? 50)
    if (fast) return fast
    const positive: Query[] = parsed.clauses.map((clause) => clauseQuery(clause, options.mode))
    const root: Query =
      parsed.exclusions.length === 0
        ? positive.length === 0
          ? MiniSearch.wildcard
          : { queries: positive, combineWith: 'AND' }
        : {
            combineWith: 'AND_NOT',
            queries: [
              positive.length === 0 ? MiniSearch.wildcard : { queries: positive, combineWith: 'AND' },
              // Excluded words match exactly: "-uc" must not exclude everything fuzzily like "us".
              { queries: parsed.exclusions.map((match) => ({ queries: [match.text], combineWith: 'AND' })), combineWith: 'OR' }
            ]
          }
    // Phrases that are whole clauses are checked for adjacency; a phrase inside OR matches as words.
    const phrases = wholeClausePhrases(parsed)
    let results = this.index.search(root, {
      boost: BOOST,
      boostDocument: (_id, _term, stored) => TYPE_BOOST[(stored as StoredFields | undefined)?.type ?? 'source'],
      filter: (result) => passes(result as unknown as StoredFields, predicates)
    })
    if (phrases.length > 0 && options.documentText) {
      const text = options.documentText
      const folded = phrases.map((phrase) => analyseText(phrase.text).join(' '))
      results = results.filter((result) => {
        const documentText = text(String(result.id))
        if (documentText === undefined) return true
        const analysed = ` ${analyseText(documentText).join(' ')} `
        return folded.every((phrase) => analysed.includes(` ${phrase} `))
      })
    }
    const queryTerms = parsed.clauses.flatMap((clause) => clause.alternatives.flatMap((match) => analyseText(match.text)))
    return {
      hits: results.slice(0, options.limit ?? 50).map((result) => toHit(result, queryTerms)),
      total: results.length,
      facets: facetsOf(results as unknown as readonly StoredFields[])
    }
  }

  /** The fast path (termQuery.ts) for words-only queries; undefined for OR and phrases. */
  private searchTerms(parsed: ParsedQuery, mode: SearchMode, predicates: readonly FieldPredicate[], limit: number): SearchOutcome | undefined {
    const scoring = {
      fieldBoost: BOOST,
      prefixWeight: WEIGHTS.prefix,
      fuzzyWeight: WEIGHTS.fuzzy,
      documentBoost: (stored: Record<string, unknown>) => TYPE_BOOST[(stored as unknown as StoredFields).type] ?? 1,
      predicates
    }
    const typedQuery = termQueryOf(parsed, mode, mode === 'full')
    if (!typedQuery) return undefined
    const columns = this.prepare()
    let result = runTermQuery(this.index, columns, typedQuery, scoring, limit)
    if (mode === 'as-you-type' && result.total < FEW_HITS_FOR_TYPOS && typedQuery.terms.some((term) => typoDistance(term.term) > 0)) {
      result = runTermQuery(this.index, columns, termQueryOf(parsed, mode, true)!, scoring, limit)
    }
    const queryTerms = typedQuery.terms.map((term) => term.term)
    return {
      hits: result.hits.map((hit) => ({
        id: hit.id,
        type: (hit.stored as unknown as StoredFields).type,
        score: hit.score,
        terms: highlightTerms(hit.terms, queryTerms)
      })),
      total: result.total,
      facets: {
        type: countFacet(columns.facets['type']!, result.matched),
        jurisdiction: countFacet(columns.facets['jurisdictionIds']!, result.matched),
        organisation: countFacet(columns.facets['organisationIds']!, result.matched),
        kind: countFacet(columns.facets['kinds']!, result.matched),
        year: countFacet(columns.facets['years']!, result.matched)
      }
    }
  }

  /**
   * The filters as tests on single stored values: a result passes when, for every required test,
   * one of its values in that field passes, and for no excluding test one does. Tests on values
   * (not documents) let the fast path judge each distinct value once instead of every result.
   */
  private predicatesFor(parsed: ParsedQuery, resolver: FilterResolver): FieldPredicate[] {
    const { filters } = parsed
    const predicates: FieldPredicate[] = []
    const require = (field: StoredField, accepts: (value: string) => boolean): void => void predicates.push({ field, accepts, excludes: false })
    const exclude = (field: StoredField, accepts: (value: string) => boolean): void => void predicates.push({ field, accepts, excludes: true })
    const idsOf = (values: readonly string[], resolve: (value: string) => readonly string[]): Set<string> => new Set(values.flatMap((value) => resolve(value)))
    // "kind:ban" matches "block-or-ban": a filter value matches a slug when it is one of its words.
    const slugMatches = (wanted: readonly string[]) => (slug: string) =>
      wanted.some((value) => slug === value || slug.split('-').includes(value) || slug.startsWith(value))
    if (filters.types.length > 0) {
      const types = new Set<string>(filters.types)
      require('type', (value) => types.has(value))
    }
    const idFilters = [
      ['jurisdictionIds', filters.values.jurisdiction, resolver.jurisdictions],
      ['organisationIds', filters.values.org, resolver.organisations],
      ['lawIds', filters.values.law, resolver.laws]
    ] as const
    for (const [field, values, resolve] of idFilters) {
      if (values.length === 0) continue
      const ids = idsOf(values, resolve)
      require(field, (value) => ids.has(value))
    }
    const kinds = filters.values.kind.map(foldForMatching)
    if (kinds.length > 0) require('kinds', slugMatches(kinds))
    const categories = filters.values.category.map(foldForMatching)
    if (categories.length > 0) require('kinds', slugMatches(categories))
    const statuses = filters.values.status.map(foldForMatching)
    if (statuses.length > 0) require('status', slugMatches(statuses))
    const tags = filters.values.tag.map(foldForMatching)
    if (tags.length > 0) require('tags', (value) => tags.includes(foldForMatching(value)))
    const years = filters.years
    if (years) require('years', (value) => (years.from === undefined || Number(value) >= years.from) && (years.to === undefined || Number(value) <= years.to))
    for (const exclusion of filters.excluded) {
      if (exclusion.field === 'type') exclude('type', (value) => value === exclusion.value)
      if (exclusion.field === 'kind') exclude('kinds', slugMatches([foldForMatching(exclusion.value)]))
      const resolve =
        exclusion.field === 'jurisdiction'
          ? resolver.jurisdictions
          : exclusion.field === 'org'
            ? resolver.organisations
            : exclusion.field === 'law'
              ? resolver.laws
              : undefined
      if (resolve === undefined) continue
      // An excluded organisation (or jurisdiction, law) leaves out whatever names it in any of the three.
      const ids = new Set(resolve(exclusion.value))
      for (const field of ['jurisdictionIds', 'organisationIds', 'lawIds'] as const) exclude(field, (value) => ids.has(value))
    }
    return predicates
  }
}

type StoredField = (typeof STORED_FIELDS)[number]

/** One filter test on a stored field's values; see {@link SearchIndexEngine.predicatesFor}. */
interface FieldPredicate {
  readonly field: StoredField
  readonly accepts: (value: string) => boolean
  readonly excludes: boolean
}

function passes(fields: StoredFields, predicates: readonly FieldPredicate[]): boolean {
  return predicates.every(({ field, accepts, excludes }) => {
    const stored = fields[field]
    const values: readonly (string | number)[] = Array.isArray(stored) ? stored : [stored as string]
    return values.some((value) => accepts(String(value))) !== excludes
  })
}

/** The phrases that are whole clauses: results must contain their words side by side. */
export function wholeClausePhrases(parsed: ParsedQuery): TextMatch[] {
  return parsed.clauses.flatMap((clause) => (clause.alternatives.length === 1 ? clause.alternatives : [])).filter((match) => match.kind === 'phrase')
}

/**
 * The matched terms worth highlighting. A word typed correctly also matches look-alikes fuzzily
 * ("sesame" matches "became"); those are dropped when every typed word found itself (or a word it
 * begins), and kept when some typed word found nothing but look-alikes ("sesmae" → "sesame").
 */
function highlightTerms(matched: readonly string[], queryTerms: readonly string[]): string[] {
  const isDirect = (term: string): boolean => queryTerms.some((query) => term === query || term.startsWith(query))
  const everyWordFoundItself = queryTerms.every((query) => matched.some((term) => term === query || term.startsWith(query)))
  return everyWordFoundItself ? matched.filter(isDirect) : [...matched]
}

function toHit(result: SearchResult, queryTerms: readonly string[]): SearchHit {
  return { id: String(result.id), type: result['type'] as RecordType, score: result.score, terms: highlightTerms(result.terms, queryTerms) }
}

/** Counts each distinct value once per result (stored arrays rarely repeat a value; no Set per result). */
function countDistinct(values: readonly (string | number)[], counts: Map<string, number>): void {
  for (let index = 0; index < values.length; index += 1) {
    const value = String(values[index])
    let repeated = false
    for (let before = 0; before < index && !repeated; before += 1) repeated = String(values[before]) === value
    if (!repeated) counts.set(value, (counts.get(value) ?? 0) + 1)
  }
}

function facetsOf(results: readonly StoredFields[]): SearchOutcome['facets'] {
  const type = new Map<string, number>()
  const jurisdiction = new Map<string, number>()
  const organisation = new Map<string, number>()
  const kind = new Map<string, number>()
  const year = new Map<string, number>()
  for (const fields of results) {
    type.set(fields.type, (type.get(fields.type) ?? 0) + 1)
    countDistinct(fields.jurisdictionIds, jurisdiction)
    countDistinct(fields.organisationIds, organisation)
    countDistinct(fields.kinds, kind)
    countDistinct(fields.years, year)
  }
  return {
    type: sortedFacet(type),
    jurisdiction: sortedFacet(jurisdiction),
    organisation: sortedFacet(organisation),
    kind: sortedFacet(kind),
    year: sortedFacet(year)
  }
}
