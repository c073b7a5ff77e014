import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch'
import type { RecordType } from '@shared/domain/recordTypes'
import { foldForMatching } from '@shared/domain/textFolding'
import type { ParsedQuery, QueryClause, TextMatch } from '@shared/search/queryLanguage'
import type { SearchDocument } from '@shared/search/searchDocument'
import { analyseText, isCjkTerm } from '@shared/search/textAnalysis'

/** Bump when OPTIONS, the analysis or the document shape change: stored snapshots are then rebuilt. */
export const SEARCH_INDEX_VERSION = 1

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
    fuzzy: (term) => (isCjkTerm(term) || term.length < 4 ? false : term.length === 4 ? 1 : 2),
    weights: { prefix: 0.6, fuzzy: 0.4 }
  }
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

const hasAny = (values: readonly string[], wanted: ReadonlySet<string>): boolean => values.some((value) => wanted.has(value))

function countFacet(values: Iterable<string>, counts: Map<string, number>): void {
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
}

function sortedFacet(counts: Map<string, number>): FacetCount[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/**
 * The full-text index of every record, over MiniSearch. A plain module: the search worker drives
 * it, and tests use it directly.
 */
export class SearchIndexEngine {
  private constructor(private readonly index: MiniSearch<SearchDocument>) {}

  static create(documents: readonly SearchDocument[]): SearchIndexEngine {
    const index = new MiniSearch<SearchDocument>(OPTIONS)
    index.addAll(documents as SearchDocument[])
    return new SearchIndexEngine(index)
  }

  /** Loads a snapshot made by {@link toJSON} with the same {@link SEARCH_INDEX_VERSION}. */
  static load(json: string): SearchIndexEngine {
    return new SearchIndexEngine(MiniSearch.loadJSON<SearchDocument>(json, OPTIONS))
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
    for (const document of documents) {
      if (this.index.has(document.id)) this.index.replace(document)
      else this.index.add(document)
    }
  }

  remove(ids: readonly string[]): void {
    for (const id of ids) if (this.index.has(id)) this.index.discard(id)
  }

  toJSON(): string {
    return JSON.stringify(this.index)
  }

  /**
   * Runs a parsed query: text clauses (AND), alternatives (OR), exclusions, then filters and facets.
   * `limit` caps the hits returned (default 50; `Infinity` for all); totals and facets count every result.
   */
  search(
    parsed: ParsedQuery,
    options: { readonly mode: SearchMode; readonly resolver: FilterResolver; readonly documentText?: DocumentText; readonly limit?: number }
  ): SearchOutcome {
    const filter = this.filterFor(parsed, options.resolver)
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
      filter: (result) => filter(result as unknown as StoredFields)
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
      facets: facetsOf(results)
    }
  }

  private filterFor(parsed: ParsedQuery, resolver: FilterResolver): (fields: StoredFields) => boolean {
    const { filters } = parsed
    const types = new Set<string>(filters.types)
    const ids = (values: readonly string[], resolve: (value: string) => readonly string[]): Set<string> | undefined =>
      values.length === 0 ? undefined : new Set(values.flatMap((value) => resolve(value)))
    const jurisdictions = ids(filters.values.jurisdiction, resolver.jurisdictions)
    const organisations = ids(filters.values.org, resolver.organisations)
    const laws = ids(filters.values.law, resolver.laws)
    const kinds = filters.values.kind.map(foldForMatching)
    const categories = filters.values.category.map(foldForMatching)
    const statuses = filters.values.status.map(foldForMatching)
    const tags = filters.values.tag.map(foldForMatching)
    const excluded = filters.excluded.map((exclusion) => ({
      ...exclusion,
      ids:
        exclusion.field === 'jurisdiction'
          ? new Set(resolver.jurisdictions(exclusion.value))
          : exclusion.field === 'org'
            ? new Set(resolver.organisations(exclusion.value))
            : exclusion.field === 'law'
              ? new Set(resolver.laws(exclusion.value))
              : undefined
    }))
    // "kind:ban" matches "block-or-ban": a filter value matches a slug when it is one of its words.
    const slugMatches = (slugs: readonly string[], wanted: readonly string[]): boolean =>
      wanted.some((value) => slugs.some((slug) => slug === value || slug.split('-').includes(value) || slug.startsWith(value)))
    return (fields) => {
      if (types.size > 0 && !types.has(fields.type)) return false
      if (jurisdictions && !hasAny(fields.jurisdictionIds, jurisdictions)) return false
      if (organisations && !hasAny(fields.organisationIds, organisations)) return false
      if (laws && !hasAny(fields.lawIds, laws)) return false
      if (kinds.length > 0 && !slugMatches(fields.kinds, kinds)) return false
      if (categories.length > 0 && !slugMatches(fields.kinds, categories)) return false
      if (statuses.length > 0 && !slugMatches([fields.status], statuses)) return false
      if (tags.length > 0 && !tags.some((tag) => fields.tags.some((value) => foldForMatching(value) === tag))) return false
      const years = filters.years
      if (years && !fields.years.some((year) => (years.from === undefined || year >= years.from) && (years.to === undefined || year <= years.to))) {
        return false
      }
      for (const exclusion of excluded) {
        if (exclusion.field === 'type' && fields.type === exclusion.value) return false
        if (exclusion.ids && hasAny([...fields.jurisdictionIds, ...fields.organisationIds, ...fields.lawIds], exclusion.ids)) return false
        if (exclusion.field === 'kind' && slugMatches(fields.kinds, [foldForMatching(exclusion.value)])) return false
      }
      return true
    }
  }
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

function facetsOf(results: readonly SearchResult[]): SearchOutcome['facets'] {
  const type = new Map<string, number>()
  const jurisdiction = new Map<string, number>()
  const organisation = new Map<string, number>()
  const kind = new Map<string, number>()
  const year = new Map<string, number>()
  for (const result of results) {
    const fields = result as unknown as StoredFields
    countFacet([fields.type], type)
    countFacet(new Set(fields.jurisdictionIds), jurisdiction)
    countFacet(new Set(fields.organisationIds), organisation)
    countFacet(new Set(fields.kinds), kind)
    countFacet(new Set(fields.years.map(String)), year)
  }
  return {
    type: sortedFacet(type),
    jurisdiction: sortedFacet(jurisdiction),
    organisation: sortedFacet(organisation),
    kind: sortedFacet(kind),
    year: sortedFacet(year)
  }
}
