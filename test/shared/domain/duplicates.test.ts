import { describe, expect, it } from 'vitest'
import {
  bigramSimilarity,
  DEFAULT_DUPLICATE_THRESHOLD,
  duplicatePairKey,
  findDuplicateCandidates,
  normaliseOrganisationName,
  scoreIncidentPair,
  scoreOrganisationPair
} from '../../../src/shared/domain/duplicates'
import { anIncident, anOrganisation } from '../../builders/sharedDomain'

describe('normaliseOrganisationName', () => {
  it('folds case, accents and full-width letters', () => {
    expect(normaliseOrganisationName('Société Générale')).toBe('societe generale')
    expect(normaliseOrganisationName('ＡＬＩＰＡＹ')).toBe('alipay')
  })

  it('drops English legal-form words from the end', () => {
    expect(normaliseOrganisationName('Alibaba Group Holding Limited')).toBe('alibaba')
    expect(normaliseOrganisationName('Alipay Co., Ltd.')).toBe('alipay')
    expect(normaliseOrganisationName('Acme Corp')).toBe('acme')
  })

  it('drops European legal forms written with dots', () => {
    expect(normaliseOrganisationName('Societe Generale S.A.')).toBe('societe generale')
    expect(normaliseOrganisationName('Siemens GmbH')).toBe('siemens')
    expect(normaliseOrganisationName('Ubisoft SAS')).toBe('ubisoft')
  })

  it('drops Chinese legal-form endings, however many are stacked', () => {
    expect(normaliseOrganisationName('支付宝（中国）网络技术有限公司')).toBe('支付宝 中国 网络技术')
    expect(normaliseOrganisationName('阿里巴巴集团控股有限公司')).toBe('阿里巴巴')
    expect(normaliseOrganisationName('蚂蚁科技集团股份有限公司')).toBe('蚂蚁科技')
  })

  it('turns punctuation into single spaces but keeps apostrophes inside a word', () => {
    expect(normaliseOrganisationName('Ant-Financial / Services')).toBe('ant financial services')
    expect(normaliseOrganisationName("McDonald's")).toBe('mcdonalds')
  })

  it('never drops a legal-form word that is the whole name', () => {
    expect(normaliseOrganisationName('Company')).toBe('company')
    expect(normaliseOrganisationName('集团')).toBe('集团')
  })

  it('leaves letters inside a word alone', () => {
    expect(normaliseOrganisationName('Samsung')).toBe('samsung')
  })
})

describe('bigramSimilarity', () => {
  it('is 1 for equal texts and 0 for texts with no character pair in common', () => {
    expect(bigramSimilarity('alipay', 'alipay')).toBe(1)
    expect(bigramSimilarity('alipay', 'xyzw')).toBe(0)
  })

  it('compares Chinese text by its character pairs', () => {
    expect(bigramSimilarity('支付宝钱包', '支付宝')).toBeCloseTo((2 * 2) / (4 + 2))
  })
})

describe('scoreOrganisationPair', () => {
  it('scores 1 for names equal after normalising, saying which name', () => {
    const alipay = anOrganisation({ id: 'org-a', name: 'Alipay' })
    const shouting = anOrganisation({ id: 'org-b', name: 'ALIPAY Co., Ltd.' })

    const result = scoreOrganisationPair(alipay, shouting)

    expect(result.score).toBe(1)
    expect(result.reasons).toContain('Same name after normalising: "alipay"')
  })

  it('matches an alias in one script with the name in the other record', () => {
    const alipay = anOrganisation({ id: 'org-a', name: 'Alipay', aliases: [{ name: '支付宝', language: 'zh' }] })
    const chinese = anOrganisation({ id: 'org-b', name: '支付宝' })

    const result = scoreOrganisationPair(alipay, chinese)

    expect(result.score).toBe(1)
    expect(result.reasons).toEqual(['A name of one is an alias of the other: "支付宝"'])
  })

  it('matches accented and unaccented spellings with a legal form on one of them', () => {
    const accented = anOrganisation({ id: 'org-a', name: 'Société Générale' })
    const plain = anOrganisation({ id: 'org-b', name: 'Societe Generale SA' })

    expect(scoreOrganisationPair(accented, plain).score).toBe(1)
  })

  it('treats a bracketed name as both the name outside and the name inside', () => {
    const alipay = anOrganisation({ id: 'org-a', name: 'Alipay' })
    const bracketed = anOrganisation({ id: 'org-b', name: 'Alipay (支付宝)' })

    expect(scoreOrganisationPair(alipay, bracketed).score).toBe(1)
  })

  it('does not take a bracketed country code for a name: two "(USA)" victims are not alike for it', () => {
    const citigroup = anOrganisation({ id: 'org-a', name: 'Citigroup Inc (USA)' })
    const sprouts = anOrganisation({ id: 'org-b', name: 'Sprouts Farmers Market Inc (USA)' })
    const chinese = anOrganisation({ id: 'org-c', name: '支付宝' })

    expect(scoreOrganisationPair(citigroup, sprouts).score).toBeLessThan(0.5)
    expect(scoreOrganisationPair(anOrganisation({ id: 'org-d', name: 'Alipay (支付宝)' }), chinese).score).toBe(1)
  })

  it('takes no placeholder for a name: AIID\'s "(Unnamed)" and "(Surname Withheld)" people are not alike for it', () => {
    const driver = anOrganisation({ id: 'org-a', name: 'Tesla driver (Unnamed)' })
    const student = anOrganisation({ id: 'org-b', name: 'Male student (Unnamed)' })
    const jane = anOrganisation({ id: 'org-c', name: 'Jane (Surname Withheld)' })
    const mark = anOrganisation({ id: 'org-d', name: 'Mark (Surname Withheld)' })
    const unnamed = anOrganisation({ id: 'org-e', name: 'Unnamed' })
    const alsoUnnamed = anOrganisation({ id: 'org-f', name: 'unnamed' })

    expect(scoreOrganisationPair(driver, student).score).toBeLessThan(0.5)
    expect(scoreOrganisationPair(jane, mark).score).toBeLessThan(0.5)
    expect(scoreOrganisationPair(unnamed, alsoUnnamed).score).toBe(0)
    expect(scoreOrganisationPair(driver, anOrganisation({ id: 'org-g', name: 'Tesla Driver' })).score).toBe(1)
  })

  it('scores near spellings below an exact match, naming both spellings', () => {
    const alipay = anOrganisation({ id: 'org-a', name: 'Alipay' })
    const typo = anOrganisation({ id: 'org-b', name: 'Alipay Hangzhou' })

    const result = scoreOrganisationPair(alipay, typo)

    expect(result.score).toBeGreaterThan(0)
    expect(result.score).toBeLessThan(1)
    expect(result.reasons[0]).toMatch(/^Similar names: "Alipay" and "Alipay Hangzhou"/)
  })

  it('scores unrelated organisations below the threshold', () => {
    const alipay = anOrganisation({ id: 'org-a', name: 'Alipay', aliases: [{ name: '支付宝' }] })
    const sesame = anOrganisation({ id: 'org-b', name: 'Sesame Credit', aliases: [{ name: '芝麻信用' }] })

    expect(scoreOrganisationPair(alipay, sesame).score).toBeLessThan(DEFAULT_DUPLICATE_THRESHOLD)
  })

  it('does not count short names as alike unless they are equal', () => {
    const cac = anOrganisation({ id: 'org-a', name: 'CAC' })
    const caa = anOrganisation({ id: 'org-b', name: 'CAA' })

    expect(scoreOrganisationPair(cac, caa)).toEqual({ score: 0, reasons: [], reasonMessages: [] })
  })
})

describe('scoreIncidentPair', () => {
  const alipayTitle = 'Alipay annual-bill consent default enrolled users in Sesame Credit'

  it('scores the same title on the same day as certain', () => {
    const first = anIncident({ id: 'inc-a', title: alipayTitle, occurredOn: '2018-01-03' })
    const second = anIncident({ id: 'inc-b', title: alipayTitle.toUpperCase(), occurredOn: '2018-01-03' })

    const result = scoreIncidentPair(first, second)

    expect(result.score).toBe(1)
    expect(result.reasons).toEqual(['Same title', 'Same date: 3 January 2018'])
  })

  it('reads a month and a day within it as overlapping dates, not as different days', () => {
    const first = anIncident({ id: 'inc-a', title: alipayTitle, occurredOn: '2018-01' })
    const second = anIncident({ id: 'inc-b', title: alipayTitle, occurredOn: '2018-01-03' })

    const result = scoreIncidentPair(first, second)

    expect(result.score).toBe(1)
    expect(result.reasons).toContain('Dates overlap: January 2018 and 3 January 2018')
  })

  it('lowers the score as the dates move apart', () => {
    const base = anIncident({ id: 'inc-a', title: alipayTitle, occurredOn: '2018-01-03' })
    const weekLater = anIncident({ id: 'inc-b', title: alipayTitle, occurredOn: '2018-01-10' })
    const yearsLater = anIncident({ id: 'inc-c', title: alipayTitle, occurredOn: '2021-01-03' })

    const near = scoreIncidentPair(base, weekLater)
    const far = scoreIncidentPair(base, yearsLater)

    expect(near.reasons).toContain('Dates 7 days apart: 3 January 2018 and 10 January 2018')
    expect(far.score).toBeLessThan(near.score)
    expect(far.reasons).toContain('Dates more than a year apart: 3 January 2018 and 3 January 2021')
  })

  it('treats an unknown date as neutral, neither for nor against', () => {
    const dated = anIncident({ id: 'inc-a', title: alipayTitle, occurredOn: '2018-01-03' })
    const undated = anIncident({ id: 'inc-b', title: alipayTitle })

    const result = scoreIncidentPair(dated, undated)

    expect(result.score).toBe(1)
    expect(result.reasons).toEqual(['Same title'])
  })

  it('compares Chinese titles by their characters', () => {
    const first = anIncident({ id: 'inc-a', title: '支付宝年度账单默认勾选芝麻信用协议' })
    const second = anIncident({ id: 'inc-b', title: '支付宝年度账单默认勾选芝麻信用服务协议' })

    expect(scoreIncidentPair(first, second).score).toBeGreaterThan(DEFAULT_DUPLICATE_THRESHOLD)
  })

  it('counts shared organisations and jurisdictions as evidence', () => {
    const links = { organisations: [{ organisationId: 'org-alipay', role: 'operator' as const }], jurisdictionIds: ['CN'] }
    const first = anIncident({ id: 'inc-a', title: 'Alipay consent default', ...links })
    const sharing = anIncident({ id: 'inc-b', title: 'Alipay consent defaults', ...links })
    const notSharing = anIncident({ id: 'inc-c', title: 'Alipay consent defaults', jurisdictionIds: ['IN'] })

    const shared = scoreIncidentPair(first, sharing)
    const unshared = scoreIncidentPair(first, notSharing)

    expect(shared.score).toBeGreaterThan(unshared.score)
    expect(shared.reasons).toEqual(expect.arrayContaining(['1 organisation in common', '1 jurisdiction in common']))
    expect(unshared.reasons).toContain('No organisation or jurisdiction in common')
  })

  it('matches an original-language title against the other record’s title', () => {
    const english = anIncident({ id: 'inc-a', title: 'Alipay bill', original: { language: 'zh', title: '支付宝年度账单事件' } })
    const chinese = anIncident({ id: 'inc-b', title: '支付宝年度账单事件' })

    expect(scoreIncidentPair(english, chinese).score).toBe(1)
  })
})

describe('duplicatePairKey', () => {
  it('is the same whichever id comes first', () => {
    expect(duplicatePairKey('org-b', 'org-a')).toBe(duplicatePairKey('org-a', 'org-b'))
  })
})

describe('findDuplicateCandidates', () => {
  it('returns pairs at or above the threshold, best first', () => {
    const organisations = [
      anOrganisation({ id: 'org-alipay', name: 'Alipay', aliases: [{ name: '支付宝' }] }),
      anOrganisation({ id: 'org-alipay-zh', name: '支付宝' }),
      anOrganisation({ id: 'org-alipay-hz', name: 'Alipay Hangzhou' }),
      anOrganisation({ id: 'org-sesame', name: 'Sesame Credit' })
    ]

    const candidates = findDuplicateCandidates({ organisations }, { threshold: 0.4 })

    expect(candidates.map((candidate) => [candidate.first.id, candidate.second.id])).toEqual([
      ['org-alipay', 'org-alipay-zh'],
      ['org-alipay', 'org-alipay-hz']
    ])
  })

  it('leaves out pairs below the default threshold', () => {
    const organisations = [anOrganisation({ id: 'org-a', name: 'Alipay' }), anOrganisation({ id: 'org-b', name: 'Alipay Hangzhou' })]

    expect(findDuplicateCandidates({ organisations })).toEqual([])
  })

  it('leaves out a pair a person dismissed', () => {
    const organisations = [anOrganisation({ id: 'org-a', name: 'Alipay' }), anOrganisation({ id: 'org-b', name: 'ALIPAY' })]

    const candidates = findDuplicateCandidates({ organisations }, { dismissedPairs: new Set([duplicatePairKey('org-b', 'org-a')]) })

    expect(candidates).toEqual([])
  })

  it('flags incidents with close titles on the same date, typed as incidents', () => {
    const incidents = [
      anIncident({ id: 'inc-a', title: 'Alipay annual-bill consent default enrolled users in Sesame Credit', occurredOn: '2018-01-03' }),
      anIncident({ id: 'inc-b', title: 'Alipay annual bill consent default enrolled users in Sesame Credit', occurredOn: '2018-01-03' }),
      anIncident({ id: 'inc-c', title: 'UC Browser transmitted device identifiers', occurredOn: '2015-05' })
    ]

    const candidates = findDuplicateCandidates({ incidents })

    expect(candidates).toHaveLength(1)
    expect(candidates[0]).toMatchObject({ type: 'incident', first: { id: 'inc-a' }, second: { id: 'inc-b' } })
  })

  it('finds an exact name among thousands of unrelated organisations', () => {
    const organisations = Array.from({ length: 5000 }, (_, index) => anOrganisation({ id: `org-${index}`, name: `Company number ${index} trading` }))
    organisations.push(anOrganisation({ id: 'org-x', name: 'Alipay' }), anOrganisation({ id: 'org-y', name: 'ALIPAY Ltd' }))

    const candidates = findDuplicateCandidates({ organisations })

    expect(candidates.map((candidate) => candidate.first.id)).toContain('org-x')
  })
})
