import { describe, expect, it } from 'vitest'
import { applicationsText, applyingProvisionsText, comparisonColumnText, layOutTextColumns, penaltyText, wrapText } from '@shared/analytics/comparisonText'
import { compareJurisdictions } from '@shared/analytics/jurisdictionComparison'
import type { IncidentCategory } from '@shared/domain/incident'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse } from '../../builders/sharedDomain'
import { CHINESE_WORDS, ENGLISH_WORDS } from '../../builders/languageWords'

const csl = aLaw({
  id: 'law-csl',
  title: 'Cybersecurity Law',
  provisions: [
    { unit: 'article', number: '41' },
    { unit: 'article', number: '42' }
  ]
})

describe('applyingProvisionsText', () => {
  it('names provisions with their unit', () => {
    expect(applyingProvisionsText({ law: csl, provisionNumbers: ['41', '42'], isCitedAsWhole: false, applications: [] }, ENGLISH_WORDS)).toBe(
      'Article 41, Article 42'
    )
  })

  it('adds the law as a whole when a link names no provision', () => {
    expect(applyingProvisionsText({ law: csl, provisionNumbers: ['41'], isCitedAsWhole: true, applications: [] }, ENGLISH_WORDS)).toBe(
      'Article 41, the law as a whole'
    )
  })

  it('shows a number the law does not record as it is', () => {
    expect(applyingProvisionsText({ law: csl, provisionNumbers: ['99'], isCitedAsWhole: false, applications: [] }, ENGLISH_WORDS)).toBe('provision 99')
  })
})

describe('penaltyText', () => {
  it('says the amount is unknown rather than zero', () => {
    expect(penaltyText({}, ENGLISH_WORDS)).toBe('Penalty: amount unknown')
  })

  it('gives the currency and the amount', () => {
    expect(penaltyText({ amount: 1000000, currency: 'CNY' }, ENGLISH_WORDS)).toBe('Penalty: CNY 1,000,000')
  })
})

describe('comparisonColumnText', () => {
  const data = {
    jurisdictions: [aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
    organisations: [
      anOrganisation({ id: 'org-browser', name: 'Browser' }),
      anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
    ],
    laws: [aLaw({ id: 'law-dpdp', title: 'DPDP Act', jurisdictionId: 'IN' })],
    incidents: [
      anIncident({
        id: 'inc',
        title: 'Transmission',
        occurredOn: '2015-05',
        jurisdictionIds: ['IN'],
        categories: ['breach' as IncidentCategory],
        organisations: [{ organisationId: 'org-browser', role: 'operator' }]
      })
    ],
    responses: [
      aResponse({
        id: 'threat',
        title: 'May be banned',
        kind: 'block-or-ban',
        stage: 'proposed',
        actorId: 'org-meity',
        datedOn: '2017-08-22',
        incidentIds: ['inc']
      }),
      aResponse({ id: 'block', title: 'Blocked', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', incidentIds: ['inc'] })
    ]
  }
  const [column] = compareJurisdictions({ kind: 'category', category: 'breach' }, data).columns
  const sections = column === undefined ? [] : comparisonColumnText(column, new Map([['org-meity', 'MeitY']]), ENGLISH_WORDS)
  const linesOf = (heading: string) => sections.find((section) => section.heading.startsWith(heading))?.lines

  it('shows an incident known to the month as the month, never a day', () => {
    expect(linesOf('Incidents')).toEqual(['May 2015 · Transmission'])
  })

  it('marks a proposed measure as not enacted', () => {
    expect(linesOf('Responses')).toContain('Proposed, not enacted: 22 August 2017 · Block or ban · MeitY: May be banned')
  })

  it('ends the responses with the state of the matter', () => {
    expect(linesOf('Responses')?.at(-1)).toBe('State of the matter: concluded')
  })

  it('says when no law is linked instead of leaving the part empty', () => {
    expect(linesOf('Laws that apply')).toEqual(['None linked'])
  })

  it('lists unlinked laws of the jurisdiction under a heading that says they were not linked', () => {
    expect(sections.at(-1)).toEqual({ heading: 'Other laws in this jurisdiction (not linked)', lines: ['DPDP Act'] })
  })
})

describe('wrapText', () => {
  it('breaks at spaces within the width', () => {
    expect(wrapText('China summons Alipay and Sesame Credit', 16)).toEqual(['China summons', 'Alipay and', 'Sesame Credit'])
  })

  it('cuts a word longer than a line', () => {
    expect(wrapText('网络安全法第四十一条', 4)).toEqual(['网络安全', '法第四十', '一条'])
  })

  it('gives no lines for empty text', () => {
    expect(wrapText('   ', 10)).toEqual([])
  })
})

describe('layOutTextColumns', () => {
  const metrics = { columnWidth: 100, gap: 20, charactersPerLine: 10, lineHeight: 10 }
  const columns = [
    { heading: 'China', sections: [{ heading: 'Incidents', lines: ['one two three'] }] },
    { heading: 'India', sections: [{ heading: 'Incidents', lines: ['one'] }] }
  ]

  it('places the columns side by side with the gap between them', () => {
    const layout = layOutTextColumns(columns, metrics)

    expect(layout.lines.filter((line) => line.role === 'column-heading').map((line) => line.x)).toEqual([0, 120])
  })

  it('wraps long lines and indents their continuation', () => {
    const layout = layOutTextColumns(columns, metrics)

    expect(layout.lines.filter((line) => line.role === 'text' && line.x < 100).map((line) => [line.text, line.x])).toEqual([
      ['one two', 0],
      ['three', 10]
    ])
  })

  it('is as tall as its tallest column', () => {
    const layout = layOutTextColumns(columns, metrics)

    expect(layout.height).toBe(Math.max(...layout.lines.map((line) => line.y)) + 10 + 5)
  })
})

describe('comparisonColumnText for responses not tied to an incident', () => {
  it('adds their part only when there are some', () => {
    const data = {
      jurisdictions: [aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
      organisations: [
        anOrganisation({ id: 'org-app', name: 'App' }),
        anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
      ],
      laws: [],
      incidents: [],
      responses: [
        aResponse({ id: 'ban', title: 'App banned', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', targetOrganisationIds: ['org-app'] })
      ]
    }
    const [column] = compareJurisdictions({ kind: 'organisation', organisationId: 'org-app' as never }, data).columns

    const sections = column === undefined ? [] : comparisonColumnText(column, new Map([['org-meity', 'MeitY']]), ENGLISH_WORDS)

    expect(sections.find((section) => section.heading === 'Responses not tied to an incident')?.lines).toEqual([
      '29 June 2020 · Block or ban · MeitY: App banned'
    ])
  })
})

describe('applicationsText', () => {
  it('says why a law is listed, in words', () => {
    expect(applicationsText({ applications: ['implicated-by-incident', 'cited-as-legal-basis'] }, ENGLISH_WORDS)).toBe(
      'implicated by the incident; cited as legal basis'
    )
  })
})

describe('comparisonColumnText in Chinese', () => {
  it('writes the column in Chinese: headings, dates at their precision, kinds, the state of the matter, a penalty', () => {
    const data = {
      jurisdictions: [aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
      organisations: [
        anOrganisation({ id: 'org-browser', name: 'Browser' }),
        anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
      ],
      laws: [aLaw({ id: 'law-it', title: 'IT Act', jurisdictionId: 'IN', provisions: [{ unit: 'section', number: '69A' }] })],
      incidents: [
        anIncident({
          id: 'inc',
          title: 'Transmission',
          occurredOn: '2015-05',
          jurisdictionIds: ['IN'],
          categories: ['breach' as IncidentCategory],
          organisations: [{ organisationId: 'org-browser', role: 'operator' }],
          implicatedProvisions: [{ lawId: 'law-it', provisionNumber: '69A' }, { lawId: 'law-it' }]
        })
      ],
      responses: [
        aResponse({
          id: 'threat',
          title: 'May be banned',
          kind: 'block-or-ban',
          stage: 'proposed',
          actorId: 'org-meity',
          datedOn: '2017-08-22',
          incidentIds: ['inc']
        }),
        aResponse({
          id: 'fine',
          title: 'Fined',
          kind: 'fine',
          actorId: 'org-meity',
          datedOn: '2020-06-29',
          incidentIds: ['inc'],
          outcome: 'Fined',
          penalty: { amount: 1000000, currency: 'INR' }
        })
      ]
    }
    const [column] = compareJurisdictions({ kind: 'category', category: 'breach' }, data).columns
    const sections = column === undefined ? [] : comparisonColumnText(column, new Map([['org-meity', 'MeitY']]), CHINESE_WORDS)

    expect(sections.map((section) => section.heading)).toEqual(['事件', '适用的法律', '应对（按顺序）', '结果', '本法域的其他法律（未关联）'])
    expect(sections[0]?.lines).toEqual(['2015年5月 · Transmission'])
    expect(sections[1]?.lines).toEqual(['IT Act：第69A节、整部法律'])
    expect(sections[2]?.lines).toEqual([
      '2020年6月29日 · 罚款 · MeitY：Fined（终结该事项）',
      '拟议，尚未实施：2017年8月22日 · 封锁或禁令 · MeitY：May be banned',
      '事项状态：已结束'
    ])
    expect(sections[3]?.lines).toEqual(['2020年6月29日 · 罚款：Fined：处罚：INR 1,000,000'])
    expect(sections[4]?.lines).toEqual(['未记录'])
  })
})
