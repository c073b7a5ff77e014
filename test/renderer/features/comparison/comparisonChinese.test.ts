import { afterEach, describe, expect, it } from 'vitest'
import { setLocale } from '@renderer/i18n'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { compareJurisdictions } from '@shared/analytics/jurisdictionComparison'
import type { OrganisationId } from '@shared/domain/ids'
import JurisdictionComparisonTable from '../../../../src/renderer/features/comparison/JurisdictionComparisonTable.vue'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse } from '../../../builders/sharedDomain'

const comparison = compareJurisdictions(
  { kind: 'organisation', organisationId: 'org-group' as OrganisationId },
  {
    jurisdictions: [aJurisdiction({ id: 'CN', code: 'CN', name: 'China' }), aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
    organisations: [
      anOrganisation({ id: 'org-group', name: 'Group', kind: 'company' }),
      anOrganisation({ id: 'org-meity', name: 'MeitY', kind: 'ministry', headquartersJurisdictionId: 'IN' })
    ],
    laws: [aLaw({ id: 'law-in-dpdp', title: 'DPDP Act', jurisdictionId: 'IN' })],
    incidents: [
      anIncident({ id: 'inc-cn', title: 'Consent default', occurredOn: '2018-01-03', jurisdictionIds: ['CN'], organisations: [{ organisationId: 'org-group', role: 'operator' }] }),
      anIncident({ id: 'inc-in', title: 'Transmission', occurredOn: '2015-05', jurisdictionIds: ['IN'], organisations: [{ organisationId: 'org-group', role: 'operator' }] })
    ],
    responses: [
      aResponse({ id: 'resp-threat', title: 'May be banned', kind: 'block-or-ban', stage: 'proposed', actorId: 'org-meity', datedOn: '2017-08-22', incidentIds: ['inc-in'] }),
      aResponse({ id: 'resp-block', title: 'Blocked', kind: 'block-or-ban', actorId: 'org-meity', datedOn: '2020-06-29', incidentIds: ['inc-in'] })
    ]
  }
)

function mountTable() {
  return mount(JurisdictionComparisonTable, {
    props: { caption: 'Group by jurisdiction', comparison, organisationNames: new Map([['org-meity', 'MeitY']]) },
    global: { stubs: { RouterLink: RouterLinkStub } }
  })
}

const rowText = (wrapper: ReturnType<typeof mountTable>, heading: string) =>
  wrapper
    .findAll('tbody tr')
    .find((row) => row.get('th').text() === heading)!
    .findAll('td')
    .map((cell) => cell.text())

afterEach(() => {
  setLocale('en')
})

describe('JurisdictionComparisonTable in Chinese', () => {
  it('heads its rows in Chinese and writes kinds, states and dates in Chinese, names as they are', () => {
    setLocale('zh-CN')
    const wrapper = mountTable()

    expect(wrapper.findAll('tbody th[scope="row"]').map((header) => header.text())).toContain('适用的法律')
    expect(wrapper.findAll('th[scope="col"]').map((header) => header.text())).toEqual(['China', 'India'])
    expect(rowText(wrapper, '事件')[0]).toContain('2018年1月3日')
    const responses = rowText(wrapper, '应对（按顺序）')[1]!
    expect(responses).toContain('封锁或禁令（拟议）')
    expect(responses).toContain('事项状态：')
  })
})
