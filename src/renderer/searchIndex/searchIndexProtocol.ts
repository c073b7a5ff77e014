import type { Message } from '@shared/locale/message'
import type { PartialDate } from '@shared/domain/partialDate'
import type { RecordType } from '@shared/domain/recordTypes'
import type { SearchMode } from '@shared/search/searchIndexEngine'

/** Where the index stands; the client shows it ("Indexing 1,234 records…"). */
export type SearchIndexStatus =
  | { readonly state: 'opening' }
  | { readonly state: 'indexing'; readonly indexed: number; readonly total: number }
  | { readonly state: 'ready'; readonly documentCount: number }
  | { readonly state: 'failed'; readonly message: string }

/** One result as shown: what to link to, what to call it, and an excerpt with the matched terms. */
export interface SearchResultItem {
  readonly id: string
  readonly type: RecordType
  readonly title: string
  readonly keyDate?: PartialDate
  /** Plain text; highlight `terms` in it with `highlightSegments`, never as HTML. */
  readonly snippet: string
  /** Index terms that matched (folded words, CJK pairs). */
  readonly terms: readonly string[]
}

/** One value of a facet, with the query words that narrow to it (`jurisdiction:IN`). */
export interface FacetEntry {
  readonly value: string
  readonly label: string
  readonly count: number
  readonly filter: string
}

export const FACET_NAMES = ['type', 'jurisdiction', 'organisation', 'kind', 'year'] as const
export type FacetName = (typeof FACET_NAMES)[number]

/** The answer to a query: the first results, how many there are in all, facets and parser hints. */
export interface SearchResultPage {
  readonly query: string
  readonly items: readonly SearchResultItem[]
  readonly total: number
  readonly facets: Readonly<Record<FacetName, readonly FacetEntry[]>>
  readonly hints: readonly Message[]
}

/** The answer to a filter: every matching id of the asked type (in no particular order), and parser hints. */
export interface MatchingIds {
  readonly query: string
  /** False for an empty query: the list is not filtered at all. */
  readonly isFiltered: boolean
  readonly ids: readonly string[]
  readonly hints: readonly Message[]
}

/** Requests from the page to the search worker. Each carries an id its reply repeats. */
export type SearchIndexRequest =
  | { readonly id: number; readonly kind: 'search'; readonly query: string; readonly mode: SearchMode; readonly limit: number }
  /** Something was written: follow the change feed (revisions) and catch up. */
  | { readonly id: number; readonly kind: 'changed' }
  /** Every record of one type matching a query (a list's filter box), unranked and without excerpts. */
  | { readonly id: number; readonly kind: 'match-ids'; readonly query: string; readonly recordType: RecordType }

/** Replies from the worker: answers to requests (by id), and status reports it sends on its own. */
export type SearchIndexReply =
  | { readonly id: number; readonly kind: 'search-result'; readonly page: SearchResultPage }
  | { readonly id: number; readonly kind: 'done' }
  | { readonly id: number; readonly kind: 'match-ids-result'; readonly matches: MatchingIds }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'status'; readonly status: SearchIndexStatus }
