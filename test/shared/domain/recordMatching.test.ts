import { describe, expect, it } from 'vitest'
import { matchRecords, type MatchCandidate } from '../../../src/shared/domain/recordMatching'

const organisation = (id: string, label: string, alternativeLabels: string[] = []): MatchCandidate => ({
  id,
  type: 'organisation',
  label,
  alternativeLabels
})

const alibaba = organisation('org-alibaba', 'Alibaba Group')
const alipay = organisation('org-alipay', 'Alipay', ['支付宝'])
const antFinancial = organisation('org-ant-financial', 'Ant Financial', ['Ant Financial Services Group', '蚂蚁金服'])
const cac = organisation('org-cac', 'Cyberspace Administration of China', ['CAC', '国家互联网信息办公室'])
const societe = organisation('org-sg', 'Société Générale')
const kaliCorp = organisation('org-kali', 'Kali Corp')
const candidates = [kaliCorp, cac, antFinancial, alipay, alibaba, societe]

const ids = (query: string, limit = 10) => matchRecords(query, candidates, limit).map((match) => match.candidate.id)

describe('matchRecords', () => {
  it('finds Alibaba Group and Alipay for "Ali", alphabetically among equal matches', () => {
    expect(ids('Ali').slice(0, 2)).toEqual(['org-alibaba', 'org-alipay'])
  })

  it('ranks a name that starts with the query before one that only contains it', () => {
    expect(ids('ali')).toEqual(['org-alibaba', 'org-alipay', 'org-kali'])
  })

  it('ranks the start of a later word before a match inside a word', () => {
    const candidates = [organisation('a', 'Socialist finance'), organisation('b', 'Big Finance')]

    expect(matchRecords('fin', candidates, 5).map((match) => match.candidate.id)).toEqual(['b', 'a'])
  })

  it('finds Alipay for "支付" through its alias 支付宝 and says which alias matched', () => {
    const [match] = matchRecords('支付', candidates, 5)

    expect(match).toEqual({ candidate: alipay, matchedAlternative: '支付宝' })
  })

  it('finds a Chinese name from a substring in its middle', () => {
    expect(ids('互联网')).toEqual(['org-cac'])
  })

  it('does not name an alternative when the label itself matched', () => {
    const [match] = matchRecords('Ant', candidates, 5)

    expect(match).toEqual({ candidate: antFinancial })
  })

  it('finds "Société Générale" for "societe", ignoring accents and case', () => {
    expect(ids('societe')).toEqual(['org-sg'])
  })

  it('finds a name typed in full-width letters', () => {
    expect(ids('ＣＡＣ')).toEqual(['org-cac'])
  })

  it('finds a record when every word of the query appears in its name, in any order', () => {
    expect(ids('china cyberspace')).toEqual(['org-cac'])
  })

  it('returns nothing when no name or alias contains the query', () => {
    expect(ids('Tencent')).toEqual([])
  })

  it('returns the first candidates alphabetically for an empty query', () => {
    expect(ids('   ', 3)).toEqual(['org-alibaba', 'org-alipay', 'org-ant-financial'])
  })

  it('returns at most the limit', () => {
    expect(ids('a', 2)).toHaveLength(2)
  })
})
