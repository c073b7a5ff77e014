import { z } from '@shared/lib/zod'
import {
  createRecordRepository,
  findLinksTo,
  readChangesSince,
  readFeedPosition,
  readRowsInPages,
  sortRecordsOfType,
  type PrecedentDatabase,
  type RecordRepository
} from '@renderer/db'
import { fromRow } from '@renderer/db/storedRow'
import type { Incident } from '@shared/domain/incident'
import type { Organisation } from '@shared/domain/organisation'
import type { Source } from '@shared/domain/source'
import {
  RECORD_TYPE_LABELS,
  RECORD_TYPES,
  recordKeyDate,
  recordTitle,
  typedRecord,
  type RecordOfType,
  type RecordType,
  type TypedRecord
} from '@shared/domain/recordTypes'
import { isEmptyQuery, parseQuery } from '@shared/search/queryLanguage'
import { searchDocumentText, toSearchDocument, type SearchDocument, type SearchDocumentContext } from '@shared/search/searchDocument'
import { searchSnippet } from '@shared/search/searchSnippet'
import { createFilterResolver, type FilterVocabulary } from '@shared/search/filterResolver'
import {
  SEARCH_INDEX_VERSION,
  SearchIndexEngine,
  wholeClausePhrases,
  type FacetCount,
  type FilterResolver,
  type SearchMode
} from '@shared/search/searchIndexEngine'
import type { FacetEntry, FacetName, MatchingIds, SearchIndexStatus, SearchResultItem, SearchResultPage } from './searchIndexProtocol'

/** The `meta` row that holds the index snapshot. Only the app writes it; it is never imported. */
export const SNAPSHOT_KEY = 'search:snapshot'

/** The `meta` rows holding the snapshot's index in parts, `search:snapshot:part:0` onwards (see saveSnapshotNow). */
export const SNAPSHOT_PART_KEY_PREFIX = 'search:snapshot:part:'

/**
 * Characters of the index's JSON per part. Chromium answers one IndexedDB request at a time for the
 * whole origin: the index in one row (46 MB at 100k records) held every other request, the first
 * list opened after a start included, for up to a second while it was read; a part is read in
 * tens of milliseconds, and requests from the page get in between.
 */
export const SNAPSHOT_PART_CHARS = 2_000_000

const REBUILD_CHUNK = 500

/**
 * Past this many changed records (an import, a restore) the index is built again from the tables
 * instead of following the changes one by one: one read of each table instead of a read per record
 * and a look-up of what links to it. Meanwhile the current index keeps answering.
 */
export const BULK_CHANGE_LIMIT = 2_000

/** Per record type: documents in the index, and the newest `updatedAt` among the records indexed. */
const tableMarkSchema = z.object({ count: z.number().int().min(0), newestUpdatedAt: z.string() })

/** How far the index has followed the database; stored with the snapshot. */
const watermarkSchema = z.object({
  lastRevisionAt: z.string(),
  lastRevisionId: z.string(),
  /**
   * How many revisions were dated from `lastRevisionAt` less the overlap on: when as many are found
   * again, no slow transaction committed an older change since, and that margin need not be re-read.
   */
  overlapCount: z.number().int().min(0).optional(),
  /**
   * The last write without revisions taken in (see `noteUnloggedWrite`); absent in snapshots saved
   * before it was kept, which then notice such writes by counts and `updatedAt` only.
   */
  unloggedWrite: z.string().optional(),
  /** The log's mark when the index last followed it (see `appendRevisions`); absent in older snapshots, which count instead. */
  revisionsWritten: z.string().optional(),
  tables: z.object(Object.fromEntries(RECORD_TYPES.map((type) => [type, tableMarkSchema])) as Record<RecordType, typeof tableMarkSchema>)
})
export type SearchIndexWatermark = z.infer<typeof watermarkSchema>

/** The snapshot's head: `parts` rows hold the index (`json`, the whole index in the head, is how snapshots were kept before). */
const snapshotSchema = z.object({
  indexVersion: z.number(),
  watermark: watermarkSchema,
  parts: z.number().int().nonnegative().optional(),
  json: z.string().optional()
})
export type SearchIndexSnapshot = z.infer<typeof snapshotSchema>

/** The longest a due snapshot is put off by queries arriving one after another (see postponeSnapshot). */
export const SNAPSHOT_POSTPONE_LIMIT_MS = 120_000

export interface SearchIndexServiceOptions {
  /** Told whenever the status changes (opening, indexing progress, ready, failed). */
  readonly onStatus?: (status: SearchIndexStatus) => void
  /** How long after the last change (or query, see postponeSnapshot) to save a snapshot; `Infinity` never saves by itself (tests). */
  readonly snapshotDelayMs?: number
  /** More changed records than this are caught up by a rebuild ({@link BULK_CHANGE_LIMIT}; smaller in tests). */
  readonly bulkChangeLimit?: number
  /** Characters per snapshot part ({@link SNAPSHOT_PART_CHARS}; smaller in tests). */
  readonly snapshotPartChars?: number
}

const emptyWatermark = (): SearchIndexWatermark => ({
  lastRevisionAt: '',
  lastRevisionId: '',
  tables: Object.fromEntries(RECORD_TYPES.map((type) => [type, { count: 0, newestUpdatedAt: '' }])) as SearchIndexWatermark['tables']
})

const humanise = (slug: string): string => {
  const words = slug.replace(/-/g, ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

const quoted = (value: string): string => (/[\s"]/.test(value) ? `"${value.replace(/"/g, '')}"` : value)

/** Text fields in the order a snippet prefers them (the title is shown on its own). */
const snippetTexts = (document: SearchDocument): string[] => [document.body, document.original, document.aliases, document.provisions, document.sources]

/**
 * The search index of one window, over its database: opens from the stored snapshot when it is
 * current (same index version; the change feed since its watermark is applied on top), rebuilds
 * from every table otherwise, follows the `revisions` change feed after each write, answers
 * queries, and saves a new snapshot when idle. Operations run one at a time, in the order asked.
 * A plain class, so tests drive it with fake-indexeddb; the worker is a thin adapter over it.
 */
export class SearchIndexService {
  private engine = SearchIndexEngine.create([])
  private watermark = emptyWatermark()
  private vocabulary: FilterVocabulary = { jurisdictions: [], organisations: [], laws: [] }
  private resolver: FilterResolver = createFilterResolver(this.vocabulary)
  private readonly repositories: { readonly [T in RecordType]: RecordRepository<T> }
  /** Opening, catching up, rebuilding: one at a time, in the order asked. */
  private maintenance: Promise<unknown> = Promise.resolve()
  /** Settles once an index can answer (the snapshot loaded, or the first build done). */
  private readonly answerable: Promise<void>
  private markAnswerable: () => void = () => undefined
  /** Settled while a long rebuild runs: queries then use the index as it was instead of waiting. */
  private longWork = openGate()
  private snapshotTimer: ReturnType<typeof setTimeout> | undefined
  /** When the snapshot became due (Date.now()), for the limit on putting it off. */
  private snapshotDueSince: number | undefined
  private isSnapshotDue = false

  constructor(
    private readonly db: PrecedentDatabase,
    private readonly options: SearchIndexServiceOptions = {}
  ) {
    this.repositories = Object.fromEntries(RECORD_TYPES.map((type) => [type, createRecordRepository(db, type)])) as never
    this.answerable = new Promise((resolve) => {
      this.markAnswerable = resolve
    })
  }

  get documentCount(): number {
    return this.engine.documentCount
  }

  /**
   * Loads the snapshot if it is current, else rebuilds; then catches up with the change feed.
   * Queries are answered from the moment the snapshot is loaded; a large catch-up (after an
   * import) rebuilds while they are answered from the snapshot's index.
   */
  open(): Promise<void> {
    return this.serially(async () => {
      this.report({ state: 'opening' })
      try {
        const loaded = await this.loadSnapshot()
        if (loaded) {
          this.markAnswerable()
          // The snapshot answers while the feed is checked: on a reload there is usually nothing to apply.
          this.longWork.open()
          try {
            await this.catchUp()
          } finally {
            this.longWork = openGate()
          }
        } else await this.rebuildNow()
        this.report({ state: 'ready', documentCount: this.engine.documentCount })
      } catch (error) {
        this.report({ state: 'failed', message: error instanceof Error ? error.message : String(error) })
        throw error
      } finally {
        // A failed open still lets queries through, to fail or answer from what there is.
        this.markAnswerable()
      }
    })
  }

  /** Indexes every record again, reporting progress. */
  rebuild(): Promise<void> {
    return this.serially(async () => {
      await this.rebuildNow()
      this.report({ state: 'ready', documentCount: this.engine.documentCount })
    })
  }

  /** Applies what changed since the watermark: revisions, newer `updatedAt`s, and counts that no longer agree. */
  applyChanges(): Promise<void> {
    return this.serially(async () => {
      await this.catchUp()
      this.report({ state: 'ready', documentCount: this.engine.documentCount })
    })
  }

  /**
   * Runs a query typed in the language of `parseQuery`; never throws for bad syntax (hints instead).
   * It waits for changes being applied (so a record just saved is found), but not for a rebuild.
   */
  async search(query: string, mode: SearchMode, limit: number): Promise<SearchResultPage> {
    this.postponeSnapshot()
    await this.answerable
    await Promise.race([this.maintenance, this.longWork.opened])
    return this.searchNow(query, mode, limit)
  }

  /** Every record of `type` matching a query, for a list's filter box (as you type: the last word is a prefix). */
  async matchingIds(query: string, type: RecordType): Promise<MatchingIds> {
    this.postponeSnapshot()
    await this.answerable
    await Promise.race([this.maintenance, this.longWork.opened])
    return this.matchingIdsNow(query, type)
  }

  /** Saves the snapshot now if anything changed since the last one. */
  saveSnapshot(): Promise<void> {
    return this.serially(() => this.saveSnapshotNow())
  }

  /** The stored snapshot's watermark, for tests and diagnostics. */
  currentWatermark(): SearchIndexWatermark {
    return this.watermark
  }

  private serially<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.maintenance.then(operation)
    this.maintenance = result.catch(() => undefined)
    return result
  }

  private report(status: SearchIndexStatus): void {
    this.options.onStatus?.(status)
  }

  private async loadSnapshot(): Promise<boolean> {
    // The vocabulary is read while the snapshot is decoded; it is needed only if the snapshot is current.
    const vocabulary = this.readVocabulary()
    // Unused when the snapshot is not current (a rebuild reads the tables itself).
    vocabulary.catch(() => undefined)
    const snapshot = await this.readSnapshot()
    if (snapshot === undefined) return false
    try {
      this.engine = SearchIndexEngine.load(snapshot.json)
    } catch {
      // A damaged snapshot is only a cache: rebuild.
      return false
    }
    this.watermark = snapshot.watermark
    // Read while the index was decoded; filters and facet labels need it.
    this.setVocabulary(await vocabulary)
    return true
  }

  /**
   * The names filters resolve against, read by pages (`readRowsInPages`), one table after another:
   * one `getAll` of 15,000 organisations (at 100k records) held every other IndexedDB request of
   * the origin for most of a second at each start, and a list opened meanwhile waited for it.
   */
  /** The stored snapshot of this index version, its parts joined; undefined when there is none or a part is missing. */
  private readSnapshot(): Promise<{ readonly watermark: SearchIndexWatermark; readonly json: string } | undefined> {
    // One read-only transaction: a save from another window cannot mix its parts with these.
    return this.db.transaction('r', this.db.meta, async () => {
      const parsed = snapshotSchema.safeParse((await this.db.meta.get(SNAPSHOT_KEY))?.value)
      if (!parsed.success || parsed.data.indexVersion !== SEARCH_INDEX_VERSION) return undefined
      const { watermark, json, parts } = parsed.data
      if (json !== undefined) return { watermark, json }
      if (parts === undefined) return undefined
      const texts: string[] = []
      // One part per request, so the page's own reads are answered in between.
      for (let part = 0; part < parts; part += 1) {
        const text = (await this.db.meta.get(`${SNAPSHOT_PART_KEY_PREFIX}${part}`))?.value
        if (typeof text !== 'string') return undefined
        texts.push(text)
      }
      return { watermark, json: texts.join('') }
    })
  }

  private async readVocabulary(): Promise<FilterVocabulary> {
    const readAll = async <T extends 'jurisdiction' | 'organisation' | 'law'>(type: T): Promise<RecordOfType[T][]> => {
      const records: RecordOfType[T][] = []
      await readRowsInPages(this.db.recordTable(type), (rows) => {
        for (const row of rows) records.push(fromRow(row) as RecordOfType[T])
      })
      return sortRecordsOfType(type, records)
    }
    const jurisdictions = await readAll('jurisdiction')
    const organisations = await readAll('organisation')
    const laws = await readAll('law')
    return { jurisdictions, organisations, laws }
  }

  private setVocabulary(vocabulary: FilterVocabulary): void {
    this.vocabulary = vocabulary
    this.resolver = createFilterResolver(vocabulary)
  }

  private async loadVocabulary(): Promise<void> {
    this.setVocabulary(await this.readVocabulary())
  }

  private async rebuildNow(): Promise<void> {
    // While the new index is built, queries are answered from the current one.
    const isNested = this.longWork.isOpen
    this.longWork.open()
    try {
      await this.buildFromTables()
    } finally {
      if (!isNested) this.longWork = openGate()
    }
    this.markAnswerable()
  }

  private async buildFromTables(): Promise<void> {
    // Read the feed's position first: a change committed while the tables are read is then applied again, never missed.
    const feed = await readFeedPosition(this.db)
    const counts = await Promise.all(RECORD_TYPES.map((type) => this.repositories[type].count()))
    const total = counts.reduce((sum, count) => sum + count, 0)
    this.report({ state: 'indexing', indexed: 0, total })
    // Plain table reads: list order is not needed to index.
    const recordsByType = await Promise.all(
      RECORD_TYPES.map(async (type) => (await this.db.recordTable(type).toArray()).map((row) => typedRecord(type, fromRow(row))))
    )
    const records = recordsByType.flat()
    const vocabulary: FilterVocabulary = {
      jurisdictions: records.flatMap((typed) => (typed.type === 'jurisdiction' ? [typed.record] : [])),
      organisations: records.flatMap((typed) => (typed.type === 'organisation' ? [typed.record] : [])),
      laws: records.flatMap((typed) => (typed.type === 'law' ? [typed.record] : []))
    }
    const context: SearchDocumentContext = {
      sourcesById: new Map(records.flatMap((typed) => (typed.type === 'source' ? [[typed.record.id as string, typed.record] as const] : []))),
      organisationsById: new Map(vocabulary.organisations.map((organisation) => [organisation.id as string, organisation])),
      incidentsById: new Map(records.flatMap((typed) => (typed.type === 'incident' ? [[typed.record.id as string, typed.record] as const] : [])))
    }
    const engine = SearchIndexEngine.create([])
    const watermark = emptyWatermark()
    watermark.lastRevisionAt = feed.at
    watermark.lastRevisionId = feed.id
    watermark.overlapCount = feed.overlapCount
    watermark.unloggedWrite = feed.unloggedWrite
    watermark.revisionsWritten = feed.revisionsWritten
    for (let start = 0; start < records.length; start += REBUILD_CHUNK) {
      const chunk = records.slice(start, start + REBUILD_CHUNK)
      engine.upsert(chunk.map((typed) => toSearchDocument(typed, context)))
      for (const typed of chunk) markIndexed(watermark, typed)
      this.report({ state: 'indexing', indexed: Math.min(start + REBUILD_CHUNK, records.length), total: records.length })
      // Let progress reports and queries through between chunks.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
    // Before it answers: the first keystroke should not pay for reading the fast path's columns.
    engine.prepare()
    // The old index answered until now; the new one replaces it whole.
    this.engine = engine
    this.watermark = watermark
    this.setVocabulary(vocabulary)
    this.snapshotDue()
  }

  /**
   * Follows the change feed from the watermark (`readChangesSince`): nothing new on a plain reload;
   * a few changes are read and applied; many (an import) or counts that disagree rebuild from the tables.
   */
  private async catchUp(): Promise<void> {
    const look = await readChangesSince(this.db, this.watermark, RECORD_TYPES, this.options.bulkChangeLimit ?? BULK_CHANGE_LIMIT)
    if (look.kind === 'none') {
      if (!look.countsAgree) await this.rebuildNow()
      return
    }
    if (look.kind === 'many') {
      await this.rebuildNow()
      return
    }
    if (look.changed.size > 0) await this.reindex(new Map(look.changed))
    if (look.position.at >= this.watermark.lastRevisionAt) {
      this.watermark = {
        ...this.watermark,
        lastRevisionAt: look.position.at,
        lastRevisionId: look.position.id,
        overlapCount: look.position.overlapCount,
        unloggedWrite: look.position.unloggedWrite,
        revisionsWritten: look.position.revisionsWritten
      }
    }
    // Counts that disagree mean a change the feed did not describe (e.g. rows removed in bulk): start
    // again. A stamped watermark needs no counts: such writes are stamped (see readChangesSince).
    if (this.watermark.unloggedWrite !== undefined) return
    const counts = await Promise.all(RECORD_TYPES.map((type) => this.repositories[type].count()))
    if (RECORD_TYPES.some((type, index) => counts[index] !== this.watermark.tables[type].count)) await this.rebuildNow()
  }

  /** Indexes records again as they now are (removing those gone), with the records whose documents include them. */
  private async reindex(changed: ReadonlyMap<string, RecordType>): Promise<void> {
    const current = await this.loadRecords(changed)
    const presentIds = new Set(current.map((typed) => typed.record.id as string))
    const gone = [...changed].filter(([id]) => !presentIds.has(id))
    // A response's document carries its incidents' jurisdictions and its actor's; any record's carries its sources' titles.
    // A record new to the index has none to update: whatever links to it was written after it, so is among the changes.
    const referrers = (
      await Promise.all(
        [...changed]
          .filter(([id, type]) => (type === 'incident' || type === 'organisation' || type === 'source') && this.engine.has(id))
          .map(([id]) => findLinksTo(this.db, id))
      )
    ).flat()
    const toIndex = new Map<string, TypedRecord>()
    for (const typed of [...current, ...referrers]) toIndex.set(typed.record.id, typed)
    if ([...changed.values()].some((type) => type === 'jurisdiction' || type === 'organisation' || type === 'law')) await this.loadVocabulary()
    const documents = await this.documentsFor([...toIndex.values()])
    for (const document of documents) {
      if (!this.engine.has(document.id)) this.watermark.tables[document.type].count += 1
    }
    this.engine.upsert(documents)
    for (const typed of toIndex.values()) markIndexed(this.watermark, typed, false)
    for (const [id, type] of gone) {
      if (!this.engine.has(id)) continue
      this.engine.remove([id])
      this.watermark.tables[type].count -= 1
    }
    this.snapshotDue()
  }

  private async loadRecords(ids: ReadonlyMap<string, RecordType>): Promise<TypedRecord[]> {
    const found = await Promise.all(
      RECORD_TYPES.map(async (type) => {
        const ofType = [...ids].filter(([, idType]) => idType === type).map(([id]) => id)
        return (await this.repositories[type].getMany(ofType)).map((record) => typedRecord(type, record))
      })
    )
    return found.flat()
  }

  /** Search documents for some records, loading only the sources and incidents they need. */
  private async documentsFor(records: readonly TypedRecord[]): Promise<SearchDocument[]> {
    const sourceIds = new Set<string>()
    const incidentIds = new Set<string>()
    for (const typed of records) {
      if (typed.type !== 'source') for (const citation of typed.record.citations) sourceIds.add(citation.sourceId)
      if (typed.type === 'response') for (const id of typed.record.incidentIds) incidentIds.add(id)
    }
    const [sources, incidents] = await Promise.all([this.repositories.source.getMany([...sourceIds]), this.repositories.incident.getMany([...incidentIds])])
    const context: SearchDocumentContext = {
      sourcesById: new Map(sources.map((source: Source) => [source.id as string, source])),
      organisationsById: new Map(this.vocabulary.organisations.map((organisation: Organisation) => [organisation.id as string, organisation])),
      incidentsById: new Map(incidents.map((incident: Incident) => [incident.id as string, incident]))
    }
    return records.map((typed) => toSearchDocument(typed, context))
  }

  private async searchNow(query: string, mode: SearchMode, limit: number): Promise<SearchResultPage> {
    const parsed = parseQuery(query)
    const emptyFacets = { type: [], jurisdiction: [], organisation: [], kind: [], year: [] }
    if (isEmptyQuery(parsed)) return { query, items: [], total: 0, facets: emptyFacets, hints: parsed.hints }
    let outcome = this.engine.search(parsed, { mode, resolver: this.resolver, limit })
    if (wholeClausePhrases(parsed).length > 0) {
      // Phrases need the words side by side: read the candidates' text, then ask again with it.
      const candidates = this.engine.search(parsed, { mode, resolver: this.resolver, limit: Infinity }).hits
      const records = await this.loadRecords(new Map(candidates.map((hit) => [hit.id, hit.type])))
      const texts = new Map((await this.documentsFor(records)).map((document) => [document.id, searchDocumentText(document)]))
      outcome = this.engine.search(parsed, { mode, resolver: this.resolver, limit, documentText: (id) => texts.get(id) ?? '' })
    }
    const records = await this.loadRecords(new Map(outcome.hits.map((hit) => [hit.id, hit.type])))
    const documents = new Map((await this.documentsFor(records)).map((document) => [document.id, document]))
    const recordsById = new Map(records.map((typed) => [typed.record.id as string, typed]))
    const items: SearchResultItem[] = outcome.hits.flatMap((hit) => {
      const typed = recordsById.get(hit.id)
      const document = documents.get(hit.id)
      if (typed === undefined || document === undefined) return []
      const keyDate = recordKeyDate(typed)
      return [
        {
          id: hit.id,
          type: hit.type,
          title: recordTitle(typed),
          ...(keyDate === undefined ? {} : { keyDate }),
          snippet: searchSnippet(snippetTexts(document), hit.terms),
          terms: hit.terms
        }
      ]
    })
    return { query, items, total: outcome.total, facets: this.facetEntries(outcome.facets), hints: parsed.hints }
  }

  private async matchingIdsNow(query: string, type: RecordType): Promise<MatchingIds> {
    const parsed = parseQuery(query)
    if (isEmptyQuery(parsed)) return { query, isFiltered: false, ids: [], hints: parsed.hints }
    const options = { mode: 'as-you-type' as const, resolver: this.resolver, limit: Infinity }
    let hits = this.engine.search(parsed, options).hits.filter((hit) => hit.type === type)
    if (wholeClausePhrases(parsed).length > 0) {
      const records = await this.loadRecords(new Map(hits.map((hit) => [hit.id, hit.type])))
      const texts = new Map((await this.documentsFor(records)).map((document) => [document.id, searchDocumentText(document)]))
      hits = this.engine.search(parsed, { ...options, documentText: (id) => texts.get(id) ?? '' }).hits.filter((hit) => hit.type === type)
    }
    return { query, isFiltered: true, ids: hits.map((hit) => hit.id), hints: parsed.hints }
  }

  private facetEntries(facets: Readonly<Record<FacetName, readonly FacetCount[]>>): Record<FacetName, FacetEntry[]> {
    const jurisdictions = new Map(this.vocabulary.jurisdictions.map((jurisdiction) => [jurisdiction.id as string, jurisdiction]))
    const organisations = new Map(this.vocabulary.organisations.map((organisation) => [organisation.id as string, organisation]))
    const top = (counts: readonly FacetCount[]) => counts.slice(0, 15)
    return {
      type: top(facets.type).map(({ value, count }) => ({
        value,
        count,
        label: RECORD_TYPE_LABELS[value as RecordType]?.plural ?? value,
        filter: `type:${value}`
      })),
      jurisdiction: top(facets.jurisdiction).map(({ value, count }) => {
        const jurisdiction = jurisdictions.get(value)
        return { value, count, label: jurisdiction?.name ?? value, filter: `jurisdiction:${quoted(jurisdiction?.code ?? value)}` }
      }),
      organisation: top(facets.organisation).map(({ value, count }) => {
        const name = organisations.get(value)?.name ?? value
        return { value, count, label: name, filter: `org:${quoted(name)}` }
      }),
      kind: top(facets.kind).map(({ value, count }) => ({ value, count, label: humanise(value), filter: `kind:${quoted(value)}` })),
      year: [...facets.year]
        .sort((a, b) => Number(b.value) - Number(a.value))
        .slice(0, 15)
        .map(({ value, count }) => ({ value, count, label: value, filter: `year:${value}` }))
    }
  }

  private snapshotDue(): void {
    this.isSnapshotDue = true
    this.snapshotDueSince ??= Date.now()
    this.scheduleSnapshot()
  }

  /**
   * A query puts off a due snapshot until the index has been left alone for the delay: saving it
   * serialises the whole index on this worker's one thread (about 4 s at 100k records), and a
   * query that arrives meanwhile waits for it. Put off at most `SNAPSHOT_POSTPONE_LIMIT_MS`, so
   * someone searching without a pause still gets a snapshot.
   */
  private postponeSnapshot(): void {
    if (this.snapshotTimer === undefined || this.snapshotDueSince === undefined) return
    if (Date.now() - this.snapshotDueSince >= SNAPSHOT_POSTPONE_LIMIT_MS) return
    this.scheduleSnapshot()
  }

  private scheduleSnapshot(): void {
    const delay = this.options.snapshotDelayMs ?? 2_000
    if (!Number.isFinite(delay)) return
    if (this.snapshotTimer !== undefined) clearTimeout(this.snapshotTimer)
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined
      // After the work under way, but not in its queue: queries need not wait for the save.
      void this.maintenance.then(() => this.saveSnapshotNow()).catch((error: unknown) => console.warn('[search] could not save the index snapshot', error))
    }, delay)
  }

  private async saveSnapshotNow(): Promise<void> {
    if (!this.isSnapshotDue) return
    // The index and its watermark are taken together, before anything else can change them.
    const json = this.engine.toJSON()
    const partChars = this.options.snapshotPartChars ?? SNAPSHOT_PART_CHARS
    const parts = Array.from({ length: Math.ceil(json.length / partChars) }, (_, part) => ({
      key: `${SNAPSHOT_PART_KEY_PREFIX}${part}`,
      value: json.slice(part * partChars, (part + 1) * partChars)
    }))
    const snapshot: SearchIndexSnapshot = { indexVersion: SEARCH_INDEX_VERSION, watermark: structuredClone(this.watermark), parts: parts.length }
    this.isSnapshotDue = false
    this.snapshotDueSince = undefined
    try {
      // The head and its parts together, the parts of an older (longer) snapshot removed: a reader sees one snapshot whole.
      await this.db.transaction('rw', this.db.meta, async () => {
        await this.db.meta.where('key').startsWith(SNAPSHOT_PART_KEY_PREFIX).delete()
        await this.db.meta.bulkPut(parts)
        await this.db.meta.put({ key: SNAPSHOT_KEY, value: snapshot })
      })
    } catch (error) {
      this.isSnapshotDue = true
      throw error
    }
  }
}

/** Counts a record as indexed in the watermark: its type's newest `updatedAt` (and count, when new). */
function markIndexed(watermark: SearchIndexWatermark, typed: TypedRecord, isNew = true): void {
  const mark = watermark.tables[typed.type]
  if (isNew) mark.count += 1
  if (typed.record.updatedAt > mark.newestUpdatedAt) mark.newestUpdatedAt = typed.record.updatedAt
}

/** A gate that is either open (its promise settled) or shut until `open()`. */
function openGate(): { readonly opened: Promise<void>; readonly isOpen: boolean; open(): void } {
  let resolve: () => void = () => undefined
  const opened = new Promise<void>((settle) => {
    resolve = settle
  })
  let isOpen = false
  return {
    opened,
    get isOpen() {
      return isOpen
    },
    open() {
      isOpen = true
      resolve()
    }
  }
}
