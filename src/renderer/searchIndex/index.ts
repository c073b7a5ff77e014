/** The search index: the only code that imports MiniSearch. Features use this face. */
export { searchIndex, startSearchIndex, type SearchIndexClient } from './searchIndexClient'
export type { SearchMode } from '@shared/search/searchIndexEngine'
export {
  FACET_NAMES,
  type FacetEntry,
  type FacetName,
  type MatchingIds,
  type SearchIndexStatus,
  type SearchResultItem,
  type SearchResultPage
} from './searchIndexProtocol'
