import { afterEach, describe, expect, it } from 'vitest'
import { setLocale, translateMessage } from '@renderer/i18n'
import { selectIncidentsForChart, selectResponsesForChart } from '@shared/analytics/chartFilter'
import { parseQuery } from '@shared/search/queryLanguage'

const hintsOf = (query: string): string[] => parseQuery(query).hints.map((hint) => translateMessage(hint))
const vocabulary = { jurisdictions: [], organisations: [], incidents: [] }

afterEach(() => setLocale('en'))

describe('the query language’s hints in words', () => {
  it('say in English what they said before they were messages', () => {
    expect(hintsOf('"pre-ticked box')).toEqual(['A quotation mark is not closed: the phrase runs to the end of the query.'])
    expect(hintsOf('year:20x7')).toEqual(['"year:20x7" is not a year or range: write year:2017, year:2017..2018, year:..2018 or year:2017..'])
    expect(hintsOf('year:2018..2017')).toEqual(['"year:2018..2017" ends before it starts: write the earlier year first.'])
    expect(hintsOf('type:memo')).toEqual([
      '"type:memo" is not a record type: use type:incident, type:organisation, type:jurisdiction, type:law, type:response, type:source.'
    ])
    expect(hintsOf('colour:red')).toEqual([
      '"colour:" is not a filter; searched as text. Filters: type: jurisdiction: org: kind: year: law: category: status: tag:'
    ])
    expect(hintsOf('tag:"" year:""')).toEqual(['"tag:" needs a value, as in tag:value.', '"year:" needs a value, as in year:2018.'])
    expect(hintsOf('OR ban -year:2018 ban OR -block')).toEqual([
      'OR needs a word on each side, as in: ban OR block.',
      'A year filter cannot be excluded; use a range such as year:..2016.',
      'An excluded word cannot be an OR alternative; it was excluded.'
    ])
  })

  it('speak Chinese in Chinese, the query language’s own words kept', () => {
    setLocale('zh-CN')

    expect(hintsOf('year:20x7')).toEqual(['“year:20x7”不是年份或年份范围：请写 year:2017、year:2017..2018、year:..2018 或 year:2017..'])
    expect(hintsOf('tag:""')).toEqual(['“tag:”需要一个值，例如 tag:值。'])
    expect(hintsOf('"a')).toEqual(['引号未闭合：短语一直延续到查询末尾。'])
  })

  it('word what a chart ignored in the interface language', () => {
    const ignored = [
      ...selectIncidentsForChart([], parseQuery('alipay law:pipl'), vocabulary).ignored,
      ...selectResponsesForChart([], parseQuery('type:law'), vocabulary).ignored
    ]
    expect(ignored.map((each) => translateMessage(each))).toEqual([
      'Words are not used by charts; filter with fields such as jurisdiction:CN year:2018 category:breach.',
      '"law:" does not apply to incidents here and was ignored.',
      'This chart counts responses; the type filter leaves none.'
    ])
    setLocale('zh-CN')
    expect(ignored.map((each) => translateMessage(each))).toEqual([
      '图表不使用关键词；请用 jurisdiction:CN year:2018 category:breach 这类字段筛选。',
      '“law:”不适用于此处的事件，已忽略。',
      '此图表统计应对；类型筛选条件排除了所有应对。'
    ])
  })
})
