import type { BenchContext } from '../benchContract'
import { percentile } from '../benchContract'
import { parseQuery } from '@shared/search/queryLanguage'
import type { SearchDocument } from '@shared/search/searchDocument'
import { SearchIndexEngine, type FilterResolver, type SearchMode } from '@shared/search/searchIndexEngine'
import { QUERY_KINDS, syntheticDocuments, syntheticQueries, syntheticWorld, type QueryKind } from '../search/syntheticKnowledgeBase'
import { REAL_DATA_SETS, realQueries } from '../search/realDataSets'

// The search benchmark (issue #4, item 6): for each data set, index build, query latency per kind
// (as-you-type, and on Enter), snapshot save and load against a rebuild, and memory — measured on
// the production engine (SearchIndexEngine), the same code the search worker runs.

/**
 * Timed runs per query after one warm-up pass. A query's latency is the median of its runs, so a
 * single pause of the shared machine (another process scheduled, a GC) does not decide its figure;
 * p50 and p95 are then taken across the queries of a kind.
 */
const RUNS = 3

const median = (values: readonly number[]): number => percentile(values, 50)

function time<T>(work: () => T): { value: T; ms: number } {
  const start = performance.now()
  const value = work()
  return { value, ms: performance.now() - start }
}

/** Filter values in the bench data are the ids themselves ("jurisdiction:cn"). */
function resolverFor(documents: readonly SearchDocument[]): FilterResolver {
  const jurisdictions = new Set(documents.flatMap((document) => document.jurisdictionIds))
  const organisations = new Set(documents.flatMap((document) => document.organisationIds))
  const laws = new Set(documents.flatMap((document) => document.lawIds))
  const lookUp = (known: ReadonlySet<string>) => (value: string) => (known.has(value.toLowerCase()) ? [value.toLowerCase()] : [])
  return { jurisdictions: lookUp(jurisdictions), organisations: lookUp(organisations), laws: lookUp(laws) }
}

async function measureDataSet(
  context: BenchContext,
  dataset: string,
  documents: readonly SearchDocument[],
  queries: Partial<Record<QueryKind, readonly string[]>>
): Promise<void> {
  const n = documents.length
  const emit = (metric: string, value: number, unit: 'ms' | 'MB' = 'ms', kind?: string): void =>
    context.emit({ dataset, n, metric, ...(kind === undefined ? {} : { kind }), value, unit })
  const heapBefore = await context.measureHeapMb()
  const built = time(() => SearchIndexEngine.create(documents))
  emit('build_ms', built.ms)
  const engine = built.value
  const heapWithIndex = await context.measureHeapMb()
  emit('heap_mb', heapWithIndex, 'MB')
  emit('index_heap_mb', heapWithIndex - heapBefore, 'MB')

  const resolver = resolverFor(documents)
  const modes: readonly [SearchMode, string][] = [
    ['as-you-type', 'query'],
    ['full', 'query_enter']
  ]
  for (const [mode, prefix] of modes) {
    for (const kind of QUERY_KINDS) {
      const set = queries[kind]
      if (!set || set.length === 0) continue
      const parsed = set.map((query) => parseQuery(query))
      const runs = parsed.map((): number[] => [])
      for (let pass = 0; pass <= RUNS; pass += 1) {
        parsed.forEach((query, index) => {
          const { ms } = time(() => engine.search(query, { mode, resolver, limit: 50 }))
          if (pass > 0) runs[index]!.push(ms)
        })
      }
      const samples = runs.map(median)
      emit(`${prefix}_p50_ms`, percentile(samples, 50), 'ms', kind)
      emit(`${prefix}_p95_ms`, percentile(samples, 95), 'ms', kind)
    }
    // Let the page breathe between batches (progress messages, a responsive DevTools session).
    await new Promise((resolve) => setTimeout(resolve, 0))
  }

  // An edit while the index is open: the document is replaced, and the next query extends the
  // fast path's columns with it (it does not read them all again).
  const edited = documents[0]
  const firstQuery = queries['single-word']?.[0]
  if (edited && firstQuery) {
    emit('edit_ms', time(() => engine.upsert([{ ...edited, title: `${edited.title} (amended)` }])).ms)
    emit('query_after_edit_ms', time(() => engine.search(parseQuery(firstQuery), { mode: 'as-you-type', resolver, limit: 50 })).ms)
  }

  const saved = time(() => engine.toJSON())
  emit('snapshot_save_ms', saved.ms)
  emit('snapshot_mb', saved.value.length / 2 ** 20, 'MB')
  const loaded = time(() => SearchIndexEngine.load(saved.value))
  emit('snapshot_load_ms', loaded.ms)
  const rebuilt = time(() => SearchIndexEngine.create(documents))
  emit('rebuild_ms', rebuilt.ms)
  context.log(`${dataset} n=${n}: build ${built.ms.toFixed(0)} ms, load ${loaded.ms.toFixed(0)} ms, rebuild ${rebuilt.ms.toFixed(0)} ms`)
}

export async function run(context: BenchContext): Promise<void> {
  for (const n of context.sizes) {
    const world = syntheticWorld(n)
    const documents = syntheticDocuments(n, world)
    await measureDataSet(context, 'synthetic', documents, syntheticQueries(world))
  }
  for (const dataSet of REAL_DATA_SETS) {
    const documents = await dataSet.load((path) => context.readSharedData(path))
    if (documents === undefined) {
      context.log(`${dataSet.folder}: not found in ../shared/data, skipped`)
      continue
    }
    await measureDataSet(context, dataSet.folder, documents, realQueries(documents))
  }
}
