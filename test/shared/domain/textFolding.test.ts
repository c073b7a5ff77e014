import { describe, expect, it } from 'vitest'
import { containsFolded, foldForMatching } from '../../../src/shared/domain/textFolding'

describe('foldForMatching', () => {
  it('folds case', () => {
    expect(foldForMatching('ALIBABA Group')).toBe('alibaba group')
  })

  it('removes accents, whether composed or decomposed', () => {
    expect(foldForMatching('Société Générale')).toBe('societe generale')
    expect(foldForMatching('Socie\u0301te\u0301')).toBe('societe')
  })

  it('unifies full-width Latin letters with ordinary ones', () => {
    expect(foldForMatching('Ａｌｉｐａｙ')).toBe('alipay')
  })

  it('keeps Chinese characters as they are', () => {
    expect(foldForMatching('支付宝')).toBe('支付宝')
  })
})

describe('containsFolded', () => {
  it('finds a prefix of a Latin name', () => {
    expect(containsFolded('Alibaba Group', 'Ali')).toBe(true)
  })

  it('finds a Chinese substring', () => {
    expect(containsFolded('支付宝', '支付')).toBe(true)
  })

  it('ignores accents and case in the query', () => {
    expect(containsFolded('Commission nationale de l’informatique', 'NATIONALE')).toBe(true)
    expect(containsFolded('Generale', 'Générale')).toBe(true)
  })

  it('does not match unrelated text', () => {
    expect(containsFolded('Alipay', 'Tencent')).toBe(false)
  })
})
