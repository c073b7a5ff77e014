import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isEmptyQuery, parseQuery } from '../../../src/shared/search/queryLanguage'

const term = (text: string) => ({ kind: 'term', text })
const phrase = (text: string) => ({ kind: 'phrase', text })

describe('parseQuery', () => {
  it('requires every word by default', () => {
    expect(parseQuery('sesame credit').clauses).toEqual([{ alternatives: [term('sesame')] }, { alternatives: [term('credit')] }])
  })

  it('reads a quoted phrase as one exact match', () => {
    expect(parseQuery('"pre-ticked box" alipay').clauses).toEqual([{ alternatives: [phrase('pre-ticked box')] }, { alternatives: [term('alipay')] }])
  })

  it('joins words around OR into alternatives', () => {
    expect(parseQuery('ban OR block OR "blocking order" india').clauses).toEqual([
      { alternatives: [term('ban'), term('block'), phrase('blocking order')] },
      { alternatives: [term('india')] }
    ])
  })

  it('reads the filters by their Chinese names, with either colon, as their English names', () => {
    const chinese = parseQuery('法域:CN 组织：阿里巴巴 年份:2017..2018 种类:约谈 -类别:breach 类型:incident 法律:网络安全法 状态:confirmed 标签:consent 支付宝')
    const english = parseQuery(
      'jurisdiction:CN org:阿里巴巴 year:2017..2018 kind:约谈 -category:breach type:incident law:网络安全法 status:confirmed tag:consent 支付宝'
    )

    expect(chinese).toEqual(english)
    expect(chinese.hints).toEqual([])
  })

  it('keeps a Chinese word before a colon as text when it names no filter', () => {
    const parsed = parseQuery('关于：网络安全')

    expect(parsed.hints).toEqual([])
    expect(parsed.filters.values.jurisdiction).toEqual([])
    expect(parsed.clauses).toHaveLength(1)
  })

  it('treats a lower-case or as an ordinary word', () => {
    expect(parseQuery('ban or block').clauses).toHaveLength(3)
  })

  it('excludes words and phrases marked with a minus', () => {
    expect(parseQuery('browser -uc -"tik tok"').exclusions).toEqual([term('uc'), phrase('tik tok')])
  })

  it('keeps a hyphen inside a word as part of the word', () => {
    expect(parseQuery('cross-border').clauses).toEqual([{ alternatives: [term('cross-border')] }])
  })

  it('reads type, jurisdiction, organisation, kind and law filters', () => {
    const { filters, clauses } = parseQuery('type:incident jurisdiction:IN org:alibaba kind:ban law:"cybersecurity law"')

    expect(clauses).toEqual([])
    expect(filters.types).toEqual(['incident'])
    expect(filters.values).toMatchObject({ jurisdiction: ['IN'], org: ['alibaba'], kind: ['ban'], law: ['cybersecurity law'] })
  })

  it('accepts plural and American spellings of record types', () => {
    expect(parseQuery('type:organizations type:laws').filters.types).toEqual(['organisation', 'law'])
  })

  it('reads a year, a range and open ranges', () => {
    expect(parseQuery('year:2017').filters.years).toEqual({ from: 2017, to: 2017 })
    expect(parseQuery('year:2017..2018').filters.years).toEqual({ from: 2017, to: 2018 })
    expect(parseQuery('year:..2018').filters.years).toEqual({ from: undefined, to: 2018 })
    expect(parseQuery('year:2017..').filters.years).toEqual({ from: 2017, to: undefined })
  })

  it('excludes by a filter marked with a minus', () => {
    expect(parseQuery('-type:source -jurisdiction:CN').filters.excluded).toEqual([
      { field: 'type', value: 'source' },
      { field: 'jurisdiction', value: 'CN' }
    ])
  })

  it('finds Chinese text as typed', () => {
    expect(parseQuery('支付宝 芝麻信用').clauses).toEqual([{ alternatives: [term('支付宝')] }, { alternatives: [term('芝麻信用')] }])
  })
})

describe('parseQuery hints', () => {
  it('closes an unclosed quote at the end and says so', () => {
    const parsed = parseQuery('"pre-ticked box')

    expect(parsed.clauses).toEqual([{ alternatives: [phrase('pre-ticked box')] }])
    expect(parsed.hints).toEqual([{ key: 'search.hints.unclosedQuote' }])
  })

  it('explains a bad year', () => {
    expect(parseQuery('year:20x7').hints).toEqual([{ key: 'search.hints.notAYear', values: { value: '20x7' } }])
    expect(parseQuery('year:2018..2017').hints).toEqual([{ key: 'search.hints.yearsBackwards', values: { value: '2018..2017' } }])
    expect(parseQuery('-year:2018').hints).toEqual([{ key: 'search.hints.yearNotExcluded' }])
    expect(parseQuery('year:""').hints).toEqual([{ key: 'search.hints.needsValue', values: { field: 'year', example: '2018' } }])
    expect(parseQuery('tag:""').hints).toEqual([{ key: 'search.hints.needsValue', values: { field: 'tag', example: { key: 'search.hints.aValue' } } }])
  })

  it('lists the record types for an unknown type', () => {
    expect(parseQuery('type:memo').hints).toEqual([
      {
        key: 'search.hints.notAType',
        values: { value: 'memo', types: 'type:incident, type:organisation, type:jurisdiction, type:law, type:response, type:source' }
      }
    ])
  })

  it('searches an unknown field as text and names the filters', () => {
    const parsed = parseQuery('colour:red')

    expect(parsed.clauses).toEqual([{ alternatives: [phrase('colour red')] }])
    expect(parsed.hints).toEqual([
      { key: 'search.hints.notAFilter', values: { field: 'colour', filters: 'type: jurisdiction: org: kind: year: law: category: status: tag:' } }
    ])
  })

  it('does not take a web address for a filter', () => {
    const parsed = parseQuery('https://www.thehindu.com')

    expect(parsed.hints).toEqual([])
    expect(parsed.clauses).toEqual([{ alternatives: [term('https://www.thehindu.com')] }])
  })

  it('ignores a dangling OR with a hint', () => {
    const parsed = parseQuery('OR ban OR')

    expect(parsed.clauses).toEqual([{ alternatives: [term('ban')] }])
    expect(parsed.hints).toEqual([{ key: 'search.hints.orNeedsWords' }, { key: 'search.hints.orNeedsWords' }])
    expect(parseQuery('ban OR -block').hints).toEqual([{ key: 'search.hints.excludedOr' }])
  })

  it('never throws on any text, and every hint is one of the query language’s messages', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', '-', ':', 'O', 'R', '.', '1', '支', 'year', 'type') }), (query) => {
        const parsed = parseQuery(query)
        return parsed.hints.every((hint) => hint.key.startsWith('search.hints.'))
      })
    )
  })

  it('never throws on the awkward cases', () => {
    for (const query of ['"', '-', '--', ':', 'type:', '-"', 'OR OR OR', 'year:..', '"a" OR -b', '\u0000', ')(']) {
      expect(() => parseQuery(query)).not.toThrow()
    }
  })
})

describe('isEmptyQuery', () => {
  it('is empty for blank text', () => {
    expect(isEmptyQuery(parseQuery('   '))).toBe(true)
  })

  it('is not empty with a filter alone', () => {
    expect(isEmptyQuery(parseQuery('type:law'))).toBe(false)
  })
})
