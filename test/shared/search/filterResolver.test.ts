import { describe, expect, it } from 'vitest'
import { createFilterResolver } from '@shared/search/filterResolver'
import { aJurisdiction, aLaw, anOrganisation } from '../../builders/domain'

const vocabulary = {
  jurisdictions: [
    aJurisdiction({ id: 'CN', code: 'CN', name: 'China', nameZh: '中国', alpha3: 'CHN' }),
    aJurisdiction({ id: 'CN-ZJ', code: 'CN-ZJ', name: 'Zhejiang', kind: 'subdivision', parentId: 'CN' }),
    aJurisdiction({ id: 'IN', code: 'IN', name: 'India', alpha3: 'IND' }),
    aJurisdiction({ id: 'ID', code: 'ID', name: 'Indonesia', alpha3: 'IDN' })
  ],
  organisations: [
    anOrganisation({ id: 'org-alibaba', name: 'Alibaba Group', aliases: [{ name: '阿里巴巴' }] }),
    anOrganisation({ id: 'org-alipay', name: 'Alipay', aliases: [{ name: '支付宝' }], links: [{ organisationId: 'org-alibaba', relation: 'parent' }] }),
    anOrganisation({ id: 'org-alipay-hk', name: 'Alipay Hong Kong' })
  ],
  laws: [
    aLaw({
      id: 'law-cn-csl',
      title: 'Cybersecurity Law of the People’s Republic of China',
      shortName: 'Cybersecurity Law',
      nativeTitle: '中华人民共和国网络安全法'
    })
  ]
}
const resolver = createFilterResolver(vocabulary)

describe('createFilterResolver', () => {
  it('reads a jurisdiction code exactly, so IN is India and not Indonesia', () => {
    expect(resolver.jurisdictions('IN')).toEqual(['IN'])
    expect(resolver.jurisdictions('in')).toEqual(['IN'])
  })

  it('includes a country’s subdivisions', () => {
    expect([...resolver.jurisdictions('china')].sort()).toEqual(['CN', 'CN-ZJ'])
    expect(resolver.jurisdictions('中国')).toContain('CN')
  })

  it('prefers an exact organisation name or alias over names that contain it', () => {
    expect(resolver.organisations('alipay')).toEqual(['org-alipay'])
    expect(resolver.organisations('支付宝')).toEqual(['org-alipay'])
  })

  it('includes the organisations under a group', () => {
    expect([...resolver.organisations('alibaba')].sort()).toEqual(['org-alibaba', 'org-alipay'])
  })

  it('finds a law by part of its title, its short name or its native title', () => {
    expect(resolver.laws('cybersecurity law')).toEqual(['law-cn-csl'])
    expect(resolver.laws('网络安全法')).toEqual(['law-cn-csl'])
  })

  it('matches nothing for an empty value', () => {
    expect(resolver.organisations('  ')).toEqual([])
  })
})
