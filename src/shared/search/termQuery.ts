import type MiniSearch from 'minisearch'

// The fast path for queries made of words only (no OR, no phrase): the common case, and every
// keystroke of as-you-type search. MiniSearch's own search builds a result object with its stored
// fields and a match table for every matching document, then sorts them all; at 100k incidents a
// common word matches tens of thousands, which costs 50–200 ms. Here scores accumulate in typed
// arrays over MiniSearch's postings, with the same BM25 scoring and term weights, and only the
// top hits get objects. Prefix and typo expansions are bounded. This reads MiniSearch's internal
// fields: minisearch is pinned (7.2.0) and test/renderer/searchIndex checks the two paths agree.

/** The MiniSearch 7.2 internals the fast path reads. */
interface TermTree {
  get(term: string): FieldPostings | undefined
  atPrefix(prefix: string): Iterable<[string, FieldPostings]>
  fuzzyGet(term: string, maxDistance: number): Map<string, [FieldPostings, number]>
}
/** Per field id: document short id → term frequency. */
type FieldPostings = Map<number, Map<number, number>>
interface MiniSearchInternals {
  readonly _index: TermTree
  readonly _documentIds: Map<number, string>
  readonly _fieldIds: Record<string, number>
  readonly _fieldLength: Map<number, number[]>
  readonly _avgFieldLength: number[]
  readonly _documentCount: number
  readonly _nextId: number
  readonly _storedFields: Map<number, Record<string, unknown>>
}

/** One word of a query, as analysed, with the slack it gets. */
export interface QueryTerm {
  readonly term: string
  readonly prefix: boolean
  /** Largest edit distance for typo tolerance; 0 for none. */
  readonly fuzzy: number
}

export interface TermQuery {
  /** Every term must match (AND). None: every document matches (filters only). */
  readonly terms: readonly QueryTerm[]
  /** Documents that contain every term of any of these groups are left out (exact terms). */
  readonly exclusions: readonly (readonly string[])[]
}

export interface TermQueryScoring {
  readonly fieldBoost: Readonly<Record<string, number>>
  readonly prefixWeight: number
  readonly fuzzyWeight: number
  /** Multiplies a document's score; it may read only the stored `type` (its record type's boost). */
  readonly documentBoost: (stored: Record<string, unknown>) => number
  /**
   * Filters as tests on single values of a column: a result needs, for each test, one value that
   * passes (or, for an excluding test, none). Each distinct value is judged once per query.
   */
  readonly predicates: readonly ColumnPredicate[]
}

export interface ColumnPredicate {
  readonly field: string
  readonly accepts: (value: string) => boolean
  readonly excludes: boolean
}

/** Whether a document passes every predicate, judging each distinct value once (`verdicts`: 0 unknown, 1 no, 2 yes). */
function passesColumns(docId: number, predicates: readonly { column: FacetColumn; predicate: ColumnPredicate; verdicts: Uint8Array }[]): boolean {
  for (const { column, predicate, verdicts } of predicates) {
    let found = false
    for (let at = column.offsets[docId]!; at < column.offsets[docId + 1]! && !found; at += 1) {
      const code = column.codes[at]!
      if (verdicts[code] === 0) verdicts[code] = predicate.accepts(column.values[code]!) ? 2 : 1
      found = verdicts[code] === 2
    }
    if (found === predicate.excludes) return false
  }
  return true
}

export interface TermQueryHit {
  readonly id: string
  readonly score: number
  readonly stored: Record<string, unknown>
  /** Index terms that matched this document (exact first, then completions, then look-alikes). */
  readonly terms: string[]
}

export interface TermQueryResult {
  readonly hits: readonly TermQueryHit[]
  readonly total: number
  /** Short ids of every result, for facets ({@link countFacet}). */
  readonly matched: readonly number[]
}

/** At most this many completions of the word being typed: the shortest ("sesa" → "sesame" before "sesamestreet"). */
export const MAX_PREFIX_TERMS = 40
/** At most this many look-alikes of a misspelt word, the closest first. */
export const MAX_FUZZY_TERMS = 20
/** Completions start from two letters: one letter would touch a large share of the vocabulary. */
export const MIN_PREFIX_LENGTH = 2

const BM25 = { k: 1.2, b: 0.7, d: 0.5 }

interface Expansion {
  readonly term: string
  readonly postings: FieldPostings
  readonly weight: number
}

function expansionsOf(tree: TermTree, query: QueryTerm, prefixWeight: number, fuzzyWeight: number): Expansion[] {
  const expansions: Expansion[] = []
  const exact = tree.get(query.term)
  if (exact) expansions.push({ term: query.term, postings: exact, weight: 1 })
  const completions = new Set<string>()
  if (query.prefix && query.term.length >= MIN_PREFIX_LENGTH) {
    const found: [string, FieldPostings][] = []
    for (const entry of tree.atPrefix(query.term)) if (entry[0] !== query.term) found.push(entry)
    found.sort((a, b) => a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))
    for (const [term, postings] of found.slice(0, MAX_PREFIX_TERMS)) {
      const distance = term.length - query.term.length
      completions.add(term)
      expansions.push({ term, postings, weight: (prefixWeight * term.length) / (term.length + 0.3 * distance) })
    }
  }
  if (query.fuzzy > 0) {
    const lookAlikes = [...tree.fuzzyGet(query.term, query.fuzzy)]
      .filter(([term, [, distance]]) => distance > 0 && !completions.has(term))
      .sort((a, b) => a[1][1] - b[1][1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, MAX_FUZZY_TERMS)
    for (const [term, [postings, distance]] of lookAlikes) {
      expansions.push({ term, postings, weight: (fuzzyWeight * term.length) / (term.length + distance) })
    }
  }
  return expansions
}

/** Inserts into `best` (sorted by score, descending, at most `limit` long), keeping earlier entries first on ties. */
function keepBest(best: { index: number; score: number }[], candidate: { index: number; score: number }, limit: number): void {
  if (best.length >= limit && candidate.score <= best[best.length - 1]!.score) return
  let low = 0
  let high = best.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (best[middle]!.score >= candidate.score) low = middle + 1
    else high = middle
  }
  best.splice(low, 0, candidate)
  if (best.length > limit) best.pop()
}

/**
 * Per-document data the scorer reads for every posting, in typed arrays instead of MiniSearch's
 * maps (a map lookup per posting is most of the cost). Valid until the index changes.
 */
export interface DocumentColumns {
  readonly size: number
  readonly fieldCount: number
  /** Whether a short id is a current document (removed ones keep postings until vacuumed). */
  readonly live: Uint8Array
  /** Field lengths, `docId * fieldCount + fieldId`. */
  readonly fieldLengths: Uint32Array
  /**
   * Scratch space for one query, reused (and cleared where written) so that a keystroke allocates
   * no megabyte-sized arrays for the garbage collector to pause on.
   */
  readonly scratch: { readonly scores: Float64Array; readonly matchedTerms: Uint16Array }
  /** Stored array fields as interned codes, for counting facets with plain integer arithmetic. */
  readonly facets: Readonly<Record<string, FacetColumn>>
}

/** One stored field's distinct values per document: `codes[offsets[docId] … offsets[docId + 1]]`. */
export interface FacetColumn {
  /** The value of each code (grows when the column is extended). */
  readonly values: string[]
  readonly codeOf: Map<string, number>
  readonly offsets: Uint32Array
  readonly codes: Uint32Array
}

/**
 * Builds a facet column, or extends `previous` with the documents added since (MiniSearch gives
 * every added or replaced document a new, higher short id, so earlier entries stay valid; removed
 * documents are left out by `live`).
 */
function facetColumn(internals: MiniSearchInternals, size: number, field: string, previous: FacetColumn | undefined, from: number): FacetColumn {
  // Values and their codes are extended in place: a column that was extended is not read again.
  const values = previous?.values ?? []
  const codeOf = previous?.codeOf ?? new Map<string, number>()
  const offsets = new Uint32Array(size + 1)
  let length = previous?.offsets[from] ?? 0
  let codes = new Uint32Array(Math.max(64, length + (size - from) * 2))
  if (previous) {
    offsets.set(previous.offsets.subarray(0, from))
    codes.set(previous.codes.subarray(0, length))
  }
  for (let docId = from; docId < size; docId += 1) {
    offsets[docId] = length
    const stored = internals._storedFields.get(docId)?.[field]
    const start = length
    for (const raw of Array.isArray(stored) ? stored : stored === undefined || stored === '' ? [] : [stored]) {
      const value = String(raw)
      let code = codeOf.get(value)
      if (code === undefined) {
        code = values.length
        codeOf.set(value, code)
        values.push(value)
      }
      // Each value once per document, as a facet counts documents.
      let repeated = false
      for (let at = start; at < length && !repeated; at += 1) repeated = codes[at] === code
      if (repeated) continue
      if (length === codes.length) {
        const grown = new Uint32Array(codes.length * 2)
        grown.set(codes)
        codes = grown
      }
      codes[length++] = code
    }
  }
  offsets[size] = length
  return { values, codeOf, offsets, codes: codes.subarray(0, length) }
}

/**
 * Facet order: most documents first, ties by value in code-unit order. Values are ids, slugs and
 * years, so this reads as alphabetical, and it is cheap: localeCompare over the thousands of
 * organisations a common word touches cost more than counting them.
 */
export const byCountThenValue = (a: { value: string; count: number }, b: { value: string; count: number }): number =>
  b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)

/** Counts, per value, the documents that have it among `docIds`; in {@link byCountThenValue} order. */
export function countFacet(column: FacetColumn, docIds: readonly number[]): { value: string; count: number }[] {
  const counts = new Uint32Array(column.values.length)
  const { offsets, codes } = column
  for (const docId of docIds) for (let at = offsets[docId]!; at < offsets[docId + 1]!; at += 1) counts[codes[at]!]! += 1
  const facet: { value: string; count: number }[] = []
  counts.forEach((count, code) => {
    if (count > 0) facet.push({ value: column.values[code]!, count })
  })
  return facet.sort(byCountThenValue)
}

/**
 * Reads the columns of an index (with these stored fields as facets). After documents were added
 * or removed, pass the previous columns: only what was added since is read again, so the first
 * search after an edit stays fast on a large index.
 */
export function documentColumns(index: MiniSearch, facetFields: readonly string[], previous?: DocumentColumns): DocumentColumns {
  const internals = index as unknown as MiniSearchInternals
  const size = internals._nextId
  const fieldCount = Object.keys(internals._fieldIds).length
  const reusable = previous !== undefined && previous.size <= size && previous.fieldCount === fieldCount ? previous : undefined
  const from = reusable?.size ?? 0
  const live = new Uint8Array(size)
  const fieldLengths = new Uint32Array(size * fieldCount)
  if (reusable) fieldLengths.set(reusable.fieldLengths)
  for (const docId of internals._documentIds.keys()) {
    live[docId] = 1
    if (docId < from) continue
    const lengths = internals._fieldLength.get(docId) ?? []
    for (let fieldId = 0; fieldId < fieldCount; fieldId += 1) fieldLengths[docId * fieldCount + fieldId] = lengths[fieldId] ?? 0
  }
  const facets = Object.fromEntries(facetFields.map((field) => [field, facetColumn(internals, size, field, reusable?.facets[field], from)]))
  return { size, fieldCount, live, fieldLengths, facets, scratch: { scores: new Float64Array(size), matchedTerms: new Uint16Array(size) } }
}

const postingCount = (expansions: readonly Expansion[]): number => {
  let count = 0
  for (const expansion of expansions) for (const byDocument of expansion.postings.values()) count += byDocument.size
  return count
}

/** Runs a words-only query over a MiniSearch index; see the module comment. */
export function runTermQuery(index: MiniSearch, columns: DocumentColumns, query: TermQuery, scoring: TermQueryScoring, limit: number): TermQueryResult {
  const internals = index as unknown as MiniSearchInternals
  const tree = internals._index
  const documentIds = internals._documentIds
  const { fieldCount, live, fieldLengths } = columns
  const fields = Object.keys(scoring.fieldBoost).map((field) => [internals._fieldIds[field]!, scoring.fieldBoost[field]!] as const)
  const { scores, matchedTerms } = columns.scratch
  // How many query terms each document has matched so far (in matchedTerms); only those that matched all go on.
  const touched: number[] = []
  let alive = touched
  try {
    return scoreAndSelect()
  } finally {
    // Leave the scratch space clear for the next query.
    for (const docId of touched) {
      scores[docId] = 0
      matchedTerms[docId] = 0
    }
  }

  function scoreAndSelect(): TermQueryResult {
    const expansionsByTerm = query.terms.map((term) => expansionsOf(tree, term, scoring.prefixWeight, scoring.fuzzyWeight))
    // Rarest word first: the documents still in the running then shrink fastest, and a common word
    // after a rare one is looked up per remaining document instead of read in full.
    const order = expansionsByTerm.map((expansions) => ({ expansions, postings: postingCount(expansions) })).sort((a, b) => a.postings - b.postings)

    order.forEach(({ expansions, postings: total }, position) => {
      const probe = position > 0 && alive.length * expansions.length * fields.length < total
      for (const expansion of expansions) {
        for (const [fieldId, boost] of fields) {
          const postings = expansion.postings.get(fieldId)
          if (postings === undefined) continue
          const matching = postings.size
          const inverseFrequency = Math.log(1 + (internals._documentCount - matching + 0.5) / (matching + 0.5))
          const average = internals._avgFieldLength[fieldId]!
          const weight = expansion.weight * boost * inverseFrequency
          const add = (frequency: number, docId: number): void => {
            const seen = matchedTerms[docId]!
            if (seen !== position && seen !== position + 1) return
            // Postings of removed documents stay until MiniSearch vacuums them.
            if (live[docId] !== 1) return
            const length = fieldLengths[docId * fieldCount + fieldId]!
            scores[docId]! += weight * (BM25.d + (frequency * (BM25.k + 1)) / (frequency + BM25.k * (1 - BM25.b + (BM25.b * length) / average)))
            if (seen === position) {
              matchedTerms[docId] = position + 1
              if (position === 0) touched.push(docId)
            }
          }
          if (probe) {
            for (const docId of alive) {
              const frequency = postings.get(docId)
              if (frequency !== undefined) add(frequency, docId)
            }
          } else postings.forEach(add)
        }
      }
      if (position > 0) alive = alive.filter((docId) => matchedTerms[docId] === position + 1)
    })

    const candidates = query.terms.length === 0 ? [...documentIds.keys()] : alive
    const excluded = new Set<number>()
    for (const group of query.exclusions) {
      const [first, ...rest] = group.map((term) => tree.get(term))
      if (!first || rest.some((postings) => postings === undefined)) continue
      const inAllFields = (postings: FieldPostings, docId: number): boolean => [...postings.values()].some((byDocument) => byDocument.has(docId))
      for (const byDocument of first.values()) {
        for (const docId of byDocument.keys()) if (rest.every((postings) => inAllFields(postings!, docId))) excluded.add(docId)
      }
    }

    const matched: number[] = []
    const results: { index: number; score: number }[] = []
    // Every result is needed when asked for all, or when there are no more than asked for.
    const selecting = Number.isFinite(limit) && candidates.length > limit
    const predicates = scoring.predicates.map((predicate) => {
      const column = columns.facets[predicate.field]
      if (column === undefined) throw new Error(`No column for the filter on ${predicate.field}`)
      return { column, predicate, verdicts: new Uint8Array(column.values.length) }
    })
    // The document boost depends on the record type only: one per type code.
    const typeColumn = columns.facets['type']
    const boostByType = typeColumn?.values.map((type) => scoring.documentBoost({ type }))
    for (const docId of candidates) {
      if (excluded.size > 0 && excluded.has(docId)) continue
      if (predicates.length > 0 && !passesColumns(docId, predicates)) continue
      const boost =
        typeColumn && boostByType
          ? boostByType[typeColumn.codes[typeColumn.offsets[docId]!]!]!
          : scoring.documentBoost(internals._storedFields.get(docId) ?? {})
      const score = (query.terms.length === 0 ? 1 : scores[docId]!) * boost
      matched.push(docId)
      if (!selecting) results.push({ index: docId, score })
      else if (results.length < limit || score > results[results.length - 1]!.score) keepBest(results, { index: docId, score }, limit)
    }
    // Array.prototype.sort is stable: equal scores keep the order documents were first found in.
    const best = selecting ? results : results.sort((a, b) => b.score - a.score).slice(0, limit)

    const hits = best.map(({ index: docId, score }): TermQueryHit => {
      const terms: string[] = []
      for (const expansions of expansionsByTerm) {
        for (const expansion of expansions) {
          if (terms.includes(expansion.term)) continue
          if ([...expansion.postings.values()].some((byDocument) => byDocument.has(docId))) terms.push(expansion.term)
        }
      }
      return { id: documentIds.get(docId)!, score, stored: internals._storedFields.get(docId) ?? {}, terms }
    })
    return { hits, total: matched.length, matched }
  }
}
