import { describe, expect, it } from 'vitest'
import { analyseText, isCjkTerm } from '../../../src/shared/search/textAnalysis'

describe('analyseText', () => {
  it('splits Latin text into folded words', () => {
    expect(analyseText('Alipay’s Annual-Bill DEFAULT')).toEqual(['alipay', 's', 'annual', 'bill', 'default'])
  })

  it('folds accents so a decomposed é and a composed é give the same term', () => {
    expect(analyseText('Socie\u0301te\u0301')).toEqual(analyseText('Société'))
    expect(analyseText('Société')).toEqual(['societe'])
  })

  it('turns a run of Chinese characters into overlapping pairs', () => {
    expect(analyseText('芝麻信用')).toEqual(['芝麻', '麻信', '信用'])
  })

  it('keeps a lone Chinese character as a term', () => {
    expect(analyseText('法')).toEqual(['法'])
  })

  it('separates Chinese from Latin text and digits around it', () => {
    expect(analyseText('GB/T 35273-2017 个人信息')).toEqual(['gb', 't', '35273', '2017', '个人', '人信', '信息'])
  })

  it('treats full-width Latin letters and digits like ordinary ones', () => {
    expect(analyseText('ＵＣ　Ｂｒｏｗｓｅｒ ２０１７')).toEqual(['uc', 'browser', '2017'])
  })

  it('gives nothing for punctuation and spaces alone', () => {
    expect(analyseText(' — , ; ')).toEqual([])
  })

  it('finds every two-character substring of the text among its terms', () => {
    const terms = new Set(analyseText('个人信息保护法'))

    for (const query of ['个人', '信息', '保护', '护法', '息保']) expect(terms.has(query)).toBe(true)
  })
})

describe('isCjkTerm', () => {
  it('tells CJK terms from Latin ones', () => {
    expect(isCjkTerm('芝麻')).toBe(true)
    expect(isCjkTerm('sesame')).toBe(false)
  })
})
