import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { parseQuery, type ParsedQuery } from '@shared/search/queryLanguage'
import { toSearchDocument, type SearchDocument } from '@shared/search/searchDocument'
import { SearchIndexEngine, type FilterResolver, type SearchMode } from '@shared/search/searchIndexEngine'
import { MAX_PREFIX_TERMS } from '@shared/search/termQuery'

const read = (path: string): unknown => JSON.parse(readFileSync(resolve(__dirname, '../../../resources', path), 'utf8'))
const jurisdictions = parseBundle(read('jurisdictions.json'))
if (!jurisdictions.ok) throw new Error('resources invalid')
const sampleParsed = parseBundle(read('sample-knowledge-base.json'), new Set(jurisdictions.bundle.records.jurisdictions.map((j) => j.id)))
if (!sampleParsed.ok) throw new Error('resources invalid')
const sample = sampleParsed.bundle.records
const records = [...bundleRecordsInOrder(jurisdictions.bundle.records), ...bundleRecordsInOrder(sample)]
const context = {
  sourcesById: new Map(sample.sources.map((s) => [s.id as string, s])),
  organisationsById: new Map(sample.organisations.map((o) => [o.id as string, o])),
  incidentsById: new Map(sample.incidents.map((i) => [i.id as string, i]))
}
const documents: SearchDocument[] = records.map((typed) => toSearchDocument(typed, context))
const resolver: FilterResolver = {
  jurisdictions: (value) => jurisdictions.bundle.records.jurisdictions.filter((j) => j.code === value.toUpperCase()).map((j) => j.id),
  organisations: (value) => sample.organisations.filter((o) => o.name.toLowerCase().includes(value.toLowerCase())).map((o) => o.id),
  laws: () => []
}
const engine = SearchIndexEngine.create(documents)

/** The same query, but with each word as an OR of itself: that takes MiniSearch's own (general) path. */
const throughGeneralPath = (parsed: ParsedQuery): ParsedQuery => ({
  ...parsed,
  clauses: parsed.clauses.map((clause) => ({ ...clause, alternatives: [clause.alternatives[0]!, clause.alternatives[0]!] }))
})

const outcomes = (query: string, mode: SearchMode) => {
  const parsed = parseQuery(query)
  const fast = engine.search(parsed, { mode, resolver, limit: Infinity })
  const general = engine.search(throughGeneralPath(parsed), { mode, resolver, limit: Infinity })
  return { fast, general }
}

describe('the words-only fast path', () => {
  const queries = [
    'sesame',
    'alipay consent',
    'uc browser',
    'data',
    'sesmae',
    '支付',
    'browser type:response',
    'browser -blocks',
    'consent jurisdiction:CN year:2017..2018',
    'credit -org:alipay'
  ]

  it.each(queries)('finds what MiniSearch finds, in the same order, for "%s" on Enter', (query) => {
    const { fast, general } = outcomes(query, 'full')

    expect(fast.hits.map((hit) => hit.id)).toEqual(general.hits.map((hit) => hit.id))
  })

  it.each(queries)('counts the same total and facets for "%s"', (query) => {
    const { fast, general } = outcomes(query, 'full')

    expect(fast.total).toBe(general.total)
    expect(fast.facets).toEqual(general.facets)
  })

  it('completes a single word being typed as MiniSearch does', () => {
    const { fast, general } = outcomes('sesa', 'as-you-type')

    expect(fast.hits.map((hit) => hit.id)).toEqual(general.hits.map((hit) => hit.id))
    expect(fast.total).toBeGreaterThan(0)
  })

  it('completes only the last word while typing: "sesa credit" finds nothing, "credit sesa" finds Sesame Credit', () => {
    expect(engine.search(parseQuery('sesa credit'), { mode: 'as-you-type', resolver }).total).toBe(0)
    expect(engine.search(parseQuery('credit sesa'), { mode: 'as-you-type', resolver }).hits.map((hit) => hit.id)).toContain('org-sesame-credit')
  })

  it('looks for look-alikes while typing when the words as typed find (almost) nothing', () => {
    expect(engine.search(parseQuery('sesmae'), { mode: 'as-you-type', resolver }).hits[0]?.terms).toContain('sesame')
  })

  it('looks for no look-alikes while typing when the words find enough', () => {
    const outcome = engine.search(parseQuery('sesame'), { mode: 'as-you-type', resolver, limit: Infinity })

    expect(outcome.hits.flatMap((hit) => hit.terms).every((term) => term.startsWith('sesame'))).toBe(true)
  })

  it('keeps at most the shortest completions of a word being typed', () => {
    const words = Array.from({ length: MAX_PREFIX_TERMS + 10 }, (_, index) => `zeta${'q'.repeat(index)}`)
    const many = SearchIndexEngine.create(
      words.map((word, index) => ({ ...documents[0]!, id: `doc-${index}`, title: word, aliases: '', body: '', original: '', provisions: '', sources: '' }))
    )

    const found = many.search(parseQuery('zet'), { mode: 'as-you-type', resolver, limit: Infinity })

    expect(found.total).toBe(MAX_PREFIX_TERMS)
    expect(found.hits.map((hit) => hit.id)).not.toContain(`doc-${MAX_PREFIX_TERMS + 9}`)
  })

  it('sees documents added and forgets those removed after it has answered once', () => {
    const copy = SearchIndexEngine.create(documents)
    copy.search(parseQuery('sesame'), { mode: 'full', resolver })
    const alipay = documents.find((d) => d.id === 'org-alipay')!

    copy.upsert([{ ...alipay, title: 'Alipay renamed Zhifubao' }])
    copy.remove(['org-sesame-credit'])

    const renamed = copy.search(parseQuery('zhifubao'), { mode: 'full', resolver })
    expect(renamed.hits.map((hit) => hit.id)).toEqual(['org-alipay'])
    expect(renamed.facets.type).toEqual([{ value: 'organisation', count: 1 }])
    expect(copy.search(parseQuery('sesame type:organisation'), { mode: 'full', resolver }).hits.map((hit) => hit.id)).not.toContain('org-sesame-credit')
  })
})
