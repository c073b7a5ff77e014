import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bundleRecordsInOrder, parseBundle } from '@shared/domain/bundle'
import { foldForMatching } from '@shared/domain/textFolding'
import { recordTitle } from '@shared/domain/recordTypes'
import { parseQuery } from '@shared/search/queryLanguage'
import { toSearchDocument, type SearchDocument } from '@shared/search/searchDocument'
import { SearchIndexEngine, type FilterResolver } from '@shared/search/searchIndexEngine'

const jurisdictionBundle = JSON.parse(readFileSync(resolve(__dirname, '../../../resources/jurisdictions.json'), 'utf8')) as unknown
const jurisdictionsParsed = parseBundle(jurisdictionBundle)
const sampleParsed = parseBundle(
  JSON.parse(readFileSync(resolve(__dirname, '../../../resources/sample-knowledge-base.json'), 'utf8')),
  new Set(jurisdictionsParsed.ok ? jurisdictionsParsed.bundle.records.jurisdictions.map((j) => j.id) : [])
)
if (!sampleParsed.ok || !jurisdictionsParsed.ok) throw new Error('resources invalid')
const sample = sampleParsed.bundle.records
const records = [...bundleRecordsInOrder(jurisdictionsParsed.bundle.records), ...bundleRecordsInOrder(sample)]
const context = {
  sourcesById: new Map(sample.sources.map((s) => [s.id as string, s])),
  organisationsById: new Map(sample.organisations.map((o) => [o.id as string, o])),
  incidentsById: new Map(sample.incidents.map((i) => [i.id as string, i]))
}
const documents: SearchDocument[] = records.map((typed) => toSearchDocument(typed, context))
const titles = new Map(records.map((typed) => [typed.record.id as string, recordTitle(typed)]))

const byName = (list: readonly { id: string; name: string; aliases?: readonly { name: string }[] }[]) => (value: string) =>
  list
    .filter((item) => [item.id, item.name, ...(item.aliases ?? []).map((a) => a.name)].some((name) => foldForMatching(name).includes(foldForMatching(value))))
    .map((item) => item.id)
const resolver: FilterResolver = {
  jurisdictions: (value) =>
    jurisdictionsParsed.ok
      ? jurisdictionsParsed.bundle.records.jurisdictions
          .filter((j) => j.code === value.toUpperCase() || foldForMatching(j.name) === foldForMatching(value))
          .map((j) => j.id)
      : [],
  organisations: byName(sample.organisations),
  laws: byName(sample.laws.map((law) => ({ id: law.id, name: `${law.title} ${law.shortName ?? ''}` })))
}

const engine = SearchIndexEngine.create(documents)
const search = (query: string, mode: 'as-you-type' | 'full' = 'full') =>
  engine.search(parseQuery(query), { mode, resolver, documentText: (id) => documents.find((d) => d.id === id)?.title })
const topTitles = (query: string, mode: 'as-you-type' | 'full' = 'full') => search(query, mode).hits.map((hit) => titles.get(hit.id))

describe('SearchIndexEngine', () => {
  it('lists the Alipay incident first for "sesame"', () => {
    expect(topTitles('sesame')[0]).toBe('Alipay annual-bill consent default enrolled users in Sesame Credit')
  })

  it('finds Alipay by part of its Chinese alias', () => {
    expect(topTitles('支付')).toContain('Alipay')
  })

  it('finds Sesame Credit by its Chinese name', () => {
    expect(topTitles('芝麻')).toContain('Sesame Credit')
  })

  it('tolerates a typo', () => {
    expect(topTitles('sesmae')).toContain('Alipay annual-bill consent default enrolled users in Sesame Credit')
  })

  it('completes the word being typed', () => {
    expect(topTitles('sesa', 'as-you-type')).toContain('Sesame Credit')
    expect(topTitles('sesa', 'full')).not.toContain('Sesame Credit')
  })

  it('requires every word', () => {
    expect(topTitles('alipay browser')).toEqual([])
  })

  it('accepts any alternative joined by OR', () => {
    const found = topTitles('apologises OR summons')

    expect(found).toContain('Sesame Credit apologises on Weibo')
    expect(found).toContain('Cyberspace Administration of China summons Alipay and Sesame Credit')
  })

  it('leaves out results with an excluded word', () => {
    expect(topTitles('sesame -apologises')).not.toContain('Sesame Credit apologises on Weibo')
    expect(topTitles('sesame -apologises').length).toBeGreaterThan(0)
  })

  it('finds the 2020 block with jurisdiction:IN kind:ban', () => {
    expect(topTitles('jurisdiction:IN kind:ban').sort()).toEqual([
      'MeitY blocks 59 apps, UC Browser among them',
      'MeitY official says UC Browser may be banned if found guilty'
    ])
  })

  it('narrows by type and year range', () => {
    const found = search('type:response year:2017..2017').hits

    expect(found.length).toBeGreaterThan(0)
    expect(found.every((hit) => hit.type === 'response')).toBe(true)
    expect(topTitles('type:response year:2017..2017')).not.toContain('MeitY blocks 59 apps, UC Browser among them')
  })

  it('narrows by organisation name', () => {
    expect(topTitles('type:incident org:"sesame credit"')).toEqual(['Alipay annual-bill consent default enrolled users in Sesame Credit'])
  })

  it('checks that a phrase’s words stand together', () => {
    expect(topTitles('"sesame credit" type:organisation')).toEqual(['Sesame Credit'])
    expect(topTitles('"credit sesame" type:organisation')).toEqual([])
  })

  it('counts facets over all results', () => {
    const outcome = search('uc browser')

    expect(outcome.facets.type.find((facet) => facet.value === 'response')?.count).toBeGreaterThan(0)
    expect(outcome.total).toBe(outcome.facets.type.reduce((sum, facet) => sum + facet.count, 0))
  })

  it('finds a record by its new words after an update, and forgets removed ones', () => {
    const copy = SearchIndexEngine.create(documents)
    const alipay = documents.find((d) => d.id === 'org-alipay')!

    copy.upsert([{ ...alipay, title: 'Alipay renamed Zhifubao' }])
    copy.remove(['org-sesame-credit'])

    expect(copy.search(parseQuery('zhifubao'), { mode: 'full', resolver }).hits.map((h) => h.id)).toEqual(['org-alipay'])
    expect(copy.search(parseQuery('type:organisation sesame'), { mode: 'full', resolver }).hits.map((h) => h.id)).not.toContain('org-sesame-credit')
  })

  it('answers the same after a snapshot round trip', () => {
    const loaded = SearchIndexEngine.load(engine.toJSON())

    expect(loaded.search(parseQuery('支付'), { mode: 'full', resolver }).hits).toEqual(search('支付').hits)
    expect(loaded.documentCount).toBe(documents.length)
  })
})

describe('SearchIndexEngine highlight terms', () => {
  it('leaves out fuzzy look-alikes when the typed word was found itself', () => {
    const hit = search('sesame').hits.find((candidate) => candidate.id === 'resp-sesame-credit-default-removed-2018-01-03')

    expect(hit?.terms).toEqual(['sesame'])
  })

  it('keeps the look-alike a misspelt word found', () => {
    expect(search('sesmae').hits[0]?.terms).toContain('sesame')
  })
})
