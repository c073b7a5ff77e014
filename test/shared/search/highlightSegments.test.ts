import { describe, expect, it } from 'vitest'
import { highlightSegments } from '../../../src/shared/search/highlightSegments'

const marked = (text: string, terms: readonly string[]) =>
  highlightSegments(text, terms)
    .filter((segment) => segment.isMatch)
    .map((segment) => segment.text)

describe('highlightSegments', () => {
  it('marks whole matched words and leaves the rest as plain text', () => {
    expect(highlightSegments('Enrolled in Sesame Credit by default', ['sesame'])).toEqual([
      { text: 'Enrolled in ', isMatch: false },
      { text: 'Sesame', isMatch: true },
      { text: ' Credit by default', isMatch: false }
    ])
  })

  it('matches across case, accents and width but keeps the original characters', () => {
    expect(marked('La Société Générale and ＡＬＩＰＡＹ', ['societe', 'alipay'])).toEqual(['Société', 'ＡＬＩＰＡＹ'])
  })

  it('keeps a decomposed accent with its word', () => {
    expect(marked('Socie\u0301te\u0301 anonyme', ['societe'])).toEqual(['Socie\u0301te\u0301'])
  })

  it('marks the characters of a matched Chinese pair inside a longer run', () => {
    expect(highlightSegments('支付宝钱包', ['支付'])).toEqual([
      { text: '支付', isMatch: true },
      { text: '宝钱包', isMatch: false }
    ])
  })

  it('joins overlapping Chinese pairs into one mark', () => {
    expect(marked('蚂蚁金服与芝麻信用', ['芝麻信用'])).toEqual(['芝麻信用'])
  })

  it('does not mark part of a word', () => {
    expect(marked('Sesamestreet sesame', ['sesame'])).toEqual(['sesame'])
  })

  it('joins back into the original text exactly', () => {
    const text = 'Alipay’s 年度账单 default — Sesame Credit (芝麻信用)'

    const segments = highlightSegments(text, ['alipay', '账单', 'credit'])

    expect(segments.map((segment) => segment.text).join('')).toBe(text)
  })

  it('gives one plain segment when nothing matches or no terms are given', () => {
    expect(highlightSegments('UC Browser', [])).toEqual([{ text: 'UC Browser', isMatch: false }])
    expect(highlightSegments('UC Browser', ['alipay'])).toEqual([{ text: 'UC Browser', isMatch: false }])
  })

  it('returns markup in stored text as plain text, to be rendered as a text node', () => {
    const text = '<img src=x onerror=alert(1)> sesame'

    const segments = highlightSegments(text, ['sesame'])

    expect(segments[0]).toEqual({ text: '<img src=x onerror=alert(1)> ', isMatch: false })
  })
})
