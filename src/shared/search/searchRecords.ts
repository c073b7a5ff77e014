import type { TypedRecord } from '../domain/recordTypes'
import { createFilterResolver } from './filterResolver'
import { isEmptyQuery, parseQuery } from './queryLanguage'
import { searchDocumentText, toSearchDocument, type SearchDocumentContext } from './searchDocument'
import { SearchIndexEngine } from './searchIndexEngine'

/**
 * The records matching a query, best first, searched exactly as the app's search does (same
 * documents, same engine, same filters) but over records in memory: the command line's
 * `--query`, and tests. An empty query matches nothing, as in the app.
 */
export function searchRecords(records: readonly TypedRecord[], query: string): TypedRecord[] {
  const parsed = parseQuery(query)
  if (isEmptyQuery(parsed)) return []
  const ofType = <T extends TypedRecord['type']>(type: T) =>
    records.flatMap((typed) => (typed.type === type ? [typed.record as Extract<TypedRecord, { type: T }>['record']] : []))
  const context: SearchDocumentContext = {
    sourcesById: new Map(ofType('source').map((source) => [source.id as string, source])),
    organisationsById: new Map(ofType('organisation').map((organisation) => [organisation.id as string, organisation])),
    incidentsById: new Map(ofType('incident').map((incident) => [incident.id as string, incident]))
  }
  const documents = records.map((typed) => toSearchDocument(typed, context))
  const texts = new Map(documents.map((document) => [document.id, searchDocumentText(document)]))
  const resolver = createFilterResolver({ jurisdictions: ofType('jurisdiction'), organisations: ofType('organisation'), laws: ofType('law') })
  const outcome = SearchIndexEngine.create(documents).search(parsed, {
    mode: 'full',
    resolver,
    limit: Infinity,
    documentText: (id) => texts.get(id) ?? ''
  })
  const byId = new Map(records.map((typed) => [typed.record.id as string, typed]))
  return outcome.hits.flatMap((hit) => byId.get(hit.id) ?? [])
}
