import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseBundle, type Bundle } from '@shared/domain/bundle'
import type { Incident } from '@shared/domain/incident'
import type { IncidentResponse } from '@shared/domain/incidentResponse'
import type { Law } from '@shared/domain/law'
import type { Organisation } from '@shared/domain/organisation'
import { precisionOf } from '@shared/domain/partialDate'
import { sharedReference } from '../support/sharedData'

const repoRoot = path.resolve(__dirname, '../..')
const seedFacts = sharedReference('seed-facts.md')

const sampleJson: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'resources/sample-knowledge-base.json'), 'utf8'))
const jurisdictionsJson = JSON.parse(readFileSync(path.join(repoRoot, 'resources/jurisdictions.json'), 'utf8')) as {
  records: { jurisdictions: { id: string }[] }
}
const jurisdictionIds: ReadonlySet<string> = new Set(jurisdictionsJson.records.jurisdictions.map((j) => j.id))

/** Every http(s) address written in seed-facts.md, read at test time. */
function seedFactUrls(): string[] {
  const text = seedFacts.text()
  return [...new Set(text.match(/https?:\/\/[^\s)>\]]+/g) ?? [])]
}

function sample(): Bundle {
  const result = parseBundle(sampleJson, jurisdictionIds)
  if (!result.ok) throw new Error(`sample-knowledge-base.json is invalid: ${JSON.stringify(result.problems, null, 2)}`)
  return result.bundle
}

function byId<T extends { id: string }>(records: readonly T[], id: string): T {
  const found = records.find((record) => record.id === id)
  if (found === undefined) throw new Error(`No record ${id}`)
  return found
}

const incident = (id: string): Incident => byId(sample().records.incidents, id)
const response = (id: string): IncidentResponse => byId(sample().records.responses, id)
const law = (id: string): Law => byId(sample().records.laws, id)
const organisation = (id: string): Organisation => byId(sample().records.organisations, id)

/** Laws that no source listed in seed-facts.md reports on (they postdate or lie outside both incidents). */
const LAWS_WITHOUT_A_LISTED_SOURCE = new Set(['law-cn-pipl', 'law-in-dpdp-act-2023', 'law-eu-gdpr'])

describe('resources/sample-knowledge-base.json', () => {
  it('is a valid bundle, linking only to its own records and the built-in jurisdictions, with no problems at all', () => {
    const result = parseBundle(sampleJson, jurisdictionIds)
    expect(result.ok ? [] : result.problems).toEqual([])
  })

  it('is the precedent-sample bundle, revision 2 (which added the threatened 2017 ban)', () => {
    const bundle = sample()
    expect(bundle).toMatchObject({ id: 'precedent-sample', revision: 2, title: 'Precedent sample knowledge base' })
  })

  it('carries no jurisdictions of its own: it links to the built-in ones', () => {
    expect(sample().records.jurisdictions).toEqual([])
  })

  it('names its records with readable slugs prefixed by type', () => {
    const { records } = sample()
    const prefixes: [readonly { id: string }[], string][] = [
      [records.organisations, 'org-'],
      [records.sources, 'src-'],
      [records.laws, 'law-'],
      [records.incidents, 'inc-'],
      [records.responses, 'resp-']
    ]
    for (const [list, prefix] of prefixes) {
      for (const record of list) expect(record.id).toMatch(new RegExp(`^${prefix}[a-z0-9-]+$`))
    }
  })

  it('gives every record the same fixed bookkeeping, revision 1', () => {
    const bundle = sample()
    const { records } = bundle
    const all = [...records.organisations, ...records.sources, ...records.laws, ...records.incidents, ...records.responses]
    for (const record of all) {
      expect(record).toMatchObject({ createdAt: bundle.createdAt, updatedAt: bundle.createdAt, revision: 1 })
    }
  })

  describe('sources', () => {
    it.skipIf(!seedFacts.present)('include every source URL listed in seed-facts.md', () => {
      const urls = sample().records.sources.map((source) => source.url)
      const listed = seedFactUrls()
      expect(listed.length).toBeGreaterThanOrEqual(9)
      for (const url of listed) expect(urls).toContain(url)
    })

    it.skipIf(!seedFacts.present)('are exactly the sources listed in seed-facts.md, no others', () => {
      const urls = sample().records.sources.map((source) => source.url)
      expect([...urls].sort()).toEqual([...seedFactUrls()].sort())
    })

    it('keep http addresses as http', () => {
      const xinhua = byId(sample().records.sources, 'src-xinhua-2018-01-04')
      expect(xinhua.url).toBe('http://www.xinhuanet.com/english/2018-01/04/c_136872331.htm')
    })

    it('each have a title and a publisher', () => {
      for (const source of sample().records.sources) {
        expect(source.title).not.toBe('')
        expect(source.publisher ?? '').not.toBe('')
      }
    })

    it('carry their publication dates as given, and none for the undated Privacy International page', () => {
      const { sources } = sample().records
      expect(byId(sources, 'src-the-hindu-2020-06-30').publishedOn).toBe('2020-06-30')
      expect(byId(sources, 'src-moneycontrol-2017-08-22').publishedOn).toBe('2017-08-22')
      expect(byId(sources, 'src-privacy-international-1956').publishedOn).toBeUndefined()
    })

    it('are each cited by at least one record', () => {
      const { records } = sample()
      const cited = new Set(
        [...records.organisations, ...records.laws, ...records.incidents, ...records.responses].flatMap((record) =>
          record.citations.map((citation) => citation.sourceId as string)
        )
      )
      for (const source of records.sources) expect(cited).toContain(source.id)
    })
  })

  describe('citations', () => {
    it('every incident, response and organisation cites at least one source', () => {
      const { records } = sample()
      for (const record of [...records.incidents, ...records.responses, ...records.organisations]) {
        expect(record.citations.length, record.id).toBeGreaterThan(0)
      }
    })

    it('every law cites at least one source, except those no listed source reports on', () => {
      for (const record of sample().records.laws) {
        if (LAWS_WITHOUT_A_LISTED_SOURCE.has(record.id)) continue
        expect(record.citations.length, record.id).toBeGreaterThan(0)
      }
    })
  })

  describe('organisations', () => {
    it('include the companies, products and government actors of the facts', () => {
      const ids = sample().records.organisations.map((o) => o.id).sort()
      expect(ids).toEqual(
        [
          'org-alibaba',
          'org-alipay',
          'org-ant-financial',
          'org-c-dac-hyderabad',
          'org-cac',
          'org-citizen-lab',
          'org-meity',
          'org-sesame-credit',
          'org-uc-browser',
          'org-ucweb'
        ].sort()
      )
    })

    it('place Alibaba in Hangzhou, China', () => {
      expect(organisation('org-alibaba')).toMatchObject({ kind: 'company', headquartersJurisdictionId: 'CN', headquartersCity: 'Hangzhou' })
    })

    it('record Chinese and English aliases with their languages', () => {
      expect(organisation('org-ant-financial').aliases).toEqual([
        { name: 'Ant Financial Services Group', language: 'en' },
        { name: '蚂蚁金服', language: 'zh' }
      ])
      expect(organisation('org-alipay').aliases).toEqual([{ name: '支付宝', language: 'zh' }])
      expect(organisation('org-sesame-credit').aliases).toEqual(
        expect.arrayContaining([
          { name: '芝麻信用', language: 'zh' },
          { name: 'Zhima Credit', language: 'en' }
        ])
      )
      expect(organisation('org-cac').aliases).toContainEqual({ name: '国家互联网信息办公室', language: 'zh' })
    })

    it('link the Alibaba family as the facts describe it', () => {
      expect(organisation('org-ant-financial').links).toEqual([{ relation: 'affiliate', organisationId: 'org-alibaba' }])
      expect(organisation('org-alipay').links).toEqual([{ relation: 'operator', organisationId: 'org-ant-financial' }])
      expect(organisation('org-sesame-credit').links).toEqual([{ relation: 'operator', organisationId: 'org-ant-financial' }])
      expect(organisation('org-ucweb').links).toEqual([{ relation: 'parent', organisationId: 'org-alibaba' }])
      expect(organisation('org-uc-browser').links).toEqual([{ relation: 'operator', organisationId: 'org-ucweb' }])
    })

    it('give the government actors their kinds and countries', () => {
      expect(organisation('org-cac')).toMatchObject({ kind: 'regulator', headquartersJurisdictionId: 'CN' })
      expect(organisation('org-meity')).toMatchObject({ kind: 'ministry', headquartersJurisdictionId: 'IN' })
      expect(organisation('org-citizen-lab')).toMatchObject({ kind: 'research-group', headquartersJurisdictionId: 'CA' })
      expect(organisation('org-c-dac-hyderabad')).toMatchObject({ kind: 'government-body', headquartersJurisdictionId: 'IN' })
    })

    it('describe Sesame Credit scores (350 to 950) and UC Browser market share (48.66%) from the facts', () => {
      expect(organisation('org-sesame-credit').description).toContain('350 to 950')
      expect(organisation('org-uc-browser').description).toContain('48.66%')
    })
  })

  describe('the Alipay annual-bill incident', () => {
    const id = 'inc-alipay-annual-bill-2018'

    it('occurred on exactly 3 January 2018, in China', () => {
      expect(incident(id).occurredOn).toBe('2018-01-03')
      expect(incident(id).jurisdictionIds).toEqual(['CN'])
    })

    it('is a consent dark pattern with unauthorised sharing', () => {
      expect(incident(id).categories).toEqual(['consent-dark-pattern', 'unauthorised-sharing'])
    })

    it('names Alipay as operator, Ant Financial as parent and Sesame Credit as data recipient', () => {
      expect(incident(id).organisations).toEqual([
        { organisationId: 'org-alipay', role: 'operator' },
        { organisationId: 'org-ant-financial', role: 'parent' },
        { organisationId: 'org-sesame-credit', role: 'data-recipient' }
      ])
    })

    it('implicates Articles 41 and 42 of the Cybersecurity Law', () => {
      expect(incident(id).implicatedProvisions).toEqual(
        expect.arrayContaining([
          { lawId: 'law-cn-cybersecurity-law', provisionNumber: '41' },
          { lawId: 'law-cn-cybersecurity-law', provisionNumber: '42' }
        ])
      )
    })

    it('names provisions the linked law actually has', () => {
      const { records } = sample()
      for (const record of [...records.incidents.flatMap((i) => i.implicatedProvisions), ...records.responses.flatMap((r) => r.legalBasis)]) {
        if (record.provisionNumber === undefined) continue
        const target = byId(records.laws, record.lawId)
        expect(target.provisions.map((p) => p.number)).toContain(record.provisionNumber)
      }
    })
  })

  describe('the UC Browser incident', () => {
    const id = 'inc-uc-browser-data-transmission'

    it('keeps its month precision: May 2015, not a day', () => {
      const record = incident(id)
      expect(record.occurredOn).toBe('2015-05')
      expect(precisionOf(record.occurredOn!)).toBe('month')
      expect(record.disclosedOn).toBe('2015-05')
    })

    it('is an undisclosed, cross-border transmission and a security vulnerability in India', () => {
      expect(incident(id).categories).toEqual(['undisclosed-transmission', 'cross-border-transfer', 'security-vulnerability'])
      expect(incident(id).jurisdictionIds).toEqual(['IN'])
    })

    it('concerns IMSI, IMEI and location data', () => {
      expect(incident(id).dataCategories).toEqual(['IMSI', 'IMEI', 'location data'])
    })

    it('names the Citizen Lab as reporter and implicates no provision', () => {
      expect(incident(id).organisations).toContainEqual({ organisationId: 'org-citizen-lab', role: 'reporter' })
      expect(incident(id).implicatedProvisions).toEqual([])
    })
  })

  describe('laws', () => {
    it('date the Cybersecurity Law: adopted 7 November 2016, in force 1 June 2017, with Articles 37, 41 and 42', () => {
      const record = law('law-cn-cybersecurity-law')
      expect(record).toMatchObject({
        nativeTitle: '网络安全法',
        nativeLanguage: 'zh',
        kind: 'statute',
        status: 'in-force',
        adoptedOn: '2016-11-07',
        inForceOn: '2017-06-01'
      })
      expect(record.provisions.map((p) => `${p.unit} ${p.number}`)).toEqual(['article 37', 'article 41', 'article 42'])
    })

    it('date GB/T 35273-2017 as a standard issued 29 December 2017, effective 1 May 2018', () => {
      expect(law('law-cn-gb-t-35273-2017')).toMatchObject({
        identifier: 'GB/T 35273-2017',
        kind: 'standard',
        adoptedOn: '2017-12-29',
        inForceOn: '2018-05-01'
      })
    })

    it('date the PIPL, the DPDP Act and the GDPR as the facts give them', () => {
      expect(law('law-cn-pipl')).toMatchObject({ adoptedOn: '2021-08-20', inForceOn: '2021-11-01', status: 'in-force' })
      expect(law('law-in-dpdp-act-2023')).toMatchObject({ jurisdictionId: 'IN', adoptedOn: '2023-08-11' })
      expect(law('law-eu-gdpr')).toMatchObject({
        identifier: 'Regulation (EU) 2016/679',
        jurisdictionId: 'EU',
        kind: 'regulation',
        status: 'in-force',
        appliesFromOn: '2018-05-25'
      })
    })

    it('give the IT Act, 2000 its Section 69A blocking power, and the 2009 blocking rules as rules', () => {
      expect(law('law-in-it-act-2000').provisions.map((p) => `${p.unit} ${p.number}`)).toEqual(['section 69A'])
      expect(law('law-in-it-blocking-rules-2009')).toMatchObject({ kind: 'rules', jurisdictionId: 'IN', adoptedOn: '2009' })
    })
  })

  describe('responses', () => {
    it('date the CAC summons of Alipay and Sesame Credit to 6 January 2018', () => {
      expect(response('resp-cac-summons-2018-01-06')).toMatchObject({
        kind: 'summons',
        actorId: 'org-cac',
        datedOn: '2018-01-06',
        targetOrganisationIds: ['org-alipay', 'org-sesame-credit'],
        incidentIds: ['inc-alipay-annual-bill-2018']
      })
    })

    it('base the CAC rectification order of 10 January 2018 on the Cybersecurity Law, with no fine', () => {
      const record = response('resp-cac-rectification-order-2018-01-10')
      expect(record).toMatchObject({ kind: 'rectification-order', datedOn: '2018-01-10' })
      expect(record.legalBasis).toContainEqual({ lawId: 'law-cn-cybersecurity-law' })
      expect(record.penalty).toBeUndefined()
    })

    it('date Sesame Credit’s apology to 3 January 2018 and Ant Financial’s reported apology to 4 January 2018', () => {
      expect(response('resp-sesame-credit-apology-2018-01-03')).toMatchObject({ kind: 'apology', actorId: 'org-sesame-credit', datedOn: '2018-01-03' })
      expect(response('resp-ant-financial-apology-2018-01-04')).toMatchObject({ kind: 'apology', actorId: 'org-ant-financial', datedOn: '2018-01-04' })
    })

    it('date the MeitY review of UC Browser as the range 21–22 August 2017', () => {
      expect(response('resp-meity-review-uc-browser-2017')).toMatchObject({
        kind: 'review',
        actorId: 'org-meity',
        datedOn: '2017-08-21/2017-08-22',
        targetOrganisationIds: ['org-uc-browser']
      })
    })

    it('base the 2020 block of UC Browser on Section 69A of the IT Act, 2000', () => {
      const record = response('resp-meity-block-59-apps-2020-06-29')
      expect(record).toMatchObject({ kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', targetOrganisationIds: ['org-uc-browser'] })
      expect(record.legalBasis).toContainEqual({ lawId: 'law-in-it-act-2000', provisionNumber: '69A' })
    })

    it('keep the threatened ban of 2017 apart from the block of 2020: proposed, then enacted', () => {
      expect(response('resp-meity-threatened-ban-uc-browser-2017')).toMatchObject({
        kind: 'block-or-ban',
        stage: 'proposed',
        datedOn: '2017-08-22'
      })
      expect(response('resp-meity-block-59-apps-2020-06-29').stage).toBe('enacted')
    })

    it('answer one of the two incidents, except the notices to smartphone makers', () => {
      for (const record of sample().records.responses) {
        if (record.id === 'resp-meity-notices-smartphone-makers-2017') expect(record.incidentIds).toEqual([])
        else expect(record.incidentIds).toHaveLength(1)
      }
    })
  })
})
