import { afterEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import { compareJurisdictions } from '@shared/analytics/jurisdictionComparison'
import type { OrganisationId } from '@shared/domain/ids'
import JurisdictionComparisonFigure from '../../../../src/renderer/features/comparison/JurisdictionComparisonFigure.vue'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../../builders/sharedDomain'

const comparison = compareJurisdictions(
  { kind: 'organisation', organisationId: 'org-group' as OrganisationId },
  {
    jurisdictions: [aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
    organisations: [
      anOrganisation({ id: 'org-group', name: 'Group', kind: 'company' }),
      anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
    ],
    laws: [],
    incidents: [
      anIncident({
        id: 'inc-in',
        title: 'Transmission',
        occurredOn: '2015-05',
        jurisdictionIds: ['IN'],
        organisations: [{ organisationId: 'org-group', role: 'operator' }]
      })
    ],
    responses: [aResponse({ id: 'resp-block', title: 'Blocked', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', incidentIds: ['inc-in'] })]
  }
)

const lines = () =>
  mount(JurisdictionComparisonFigure, { props: { comparison, organisationNames: new Map([['org-meity', 'MeitY']]) } })
    .findAll('text')
    .map((text) => text.text())

describe('JurisdictionComparisonFigure', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('draws the comparison in the interface language: Chinese headings, dates and kinds, names as they are', () => {
    setLocale('zh-CN')

    expect(lines()).toEqual(
      expect.arrayContaining([
        'India',
        '事件',
        '2015年5月 · Transmission',
        '适用的法律',
        '未关联',
        '2020年6月29日 · 封锁或禁令 · MeitY：Blocked（终结该事项）',
        '事项状态：已结束'
      ])
    )
    expect(lines().join('\n')).not.toMatch(/Incidents|Laws that apply|State of the matter|May 2015/)
  })

  it('draws it in English when the interface is in English', () => {
    expect(lines()).toEqual(expect.arrayContaining(['Incidents', 'May 2015 · Transmission', 'State of the matter: concluded']))
  })
})
