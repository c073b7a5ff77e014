import { afterEach, describe, expect, it } from 'vitest'
import { mount, RouterLinkStub } from '@vue/test-utils'
import { setLocale } from '@renderer/i18n'
import { compareJurisdictions, listFirstOfComparison } from '@shared/analytics/jurisdictionComparison'
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
      anIncident({
        id: 'inc-cn',
        title: 'Consent default',
        occurredOn: '2018-01-03',
        jurisdictionIds: ['CN'],
        organisations: [{ organisationId: 'org-group', role: 'operator' }]
      }),
      anIncident({
        id: 'inc-in',
        title: 'Transmission',
        occurredOn: '2015-05',
        jurisdictionIds: ['IN'],
        organisations: [{ organisationId: 'org-group', role: 'operator' }]
      })
    ],
    responses: [
      aResponse({
        id: 'resp-threat',
        title: 'May be banned',
        kind: 'block-or-ban',
        stage: 'proposed',
        actorId: 'org-meity',
        datedOn: '2017-08-22',
        incidentIds: ['inc-in']
      }),
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

describe('JurisdictionComparisonTable', () => {
  it('heads a column with each jurisdiction’s name', () => {
    const wrapper = mountTable()

    expect(wrapper.findAll('th[scope="col"]').map((header) => header.text())).toEqual(['China', 'India'])
  })

  it('sizes the table by its number of jurisdictions, so each column keeps its width and the table scrolls sideways', () => {
    const table = mountTable().get('table').element as HTMLTableElement

    expect(table.style.getPropertyValue('--columns')).toBe('2')
  })

  it('has a caption naming what is compared', () => {
    expect(mountTable().get('caption').text()).toBe('Group by jurisdiction')
  })

  it('shows a month-precision incident as the month', () => {
    expect(rowText(mountTable(), 'Incidents')[1]).toContain('May 2015')
  })

  it('lists a threatened measure apart, as not enacted', () => {
    expect(rowText(mountTable(), 'Responses in order')[1]).toMatch(/Proposed or threatened, not enacted:.*May be banned/s)
  })

  it('gives the state of each matter', () => {
    const [china, india] = rowText(mountTable(), 'Responses in order')

    expect([china?.includes('State of the matter: no step taken yet'), india?.includes('State of the matter: concluded')]).toEqual([true, true])
  })

  it('says what to do when no law of the jurisdiction is linked', () => {
    expect(rowText(mountTable(), 'Laws that apply')[0]).toContain('No law of this jurisdiction is linked')
  })

  it('lists the other laws of the jurisdiction under their own heading', () => {
    expect(rowText(mountTable(), 'Other laws in this jurisdiction')[1]).toContain('DPDP Act')
  })

  it('leaves out the row of responses not tied to an incident when there are none', () => {
    const headings = mountTable()
      .findAll('th[scope="row"]')
      .map((header) => header.text())

    expect(headings).toEqual(['Incidents', 'Laws that apply', 'Responses in order', 'Outcomes', 'Other laws in this jurisdiction'])
  })

  it('ends a cut list with "and N more", linking to the search that lists them all', () => {
    const wrapper = mount(JurisdictionComparisonTable, {
      props: {
        caption: 'Group by jurisdiction',
        comparison: listFirstOfComparison(comparison, 0),
        organisationNames: new Map(),
        subjectQuery: 'org:"org-group"'
      },
      global: { stubs: { RouterLink: RouterLinkStub } }
    })
    const links = wrapper.findAllComponents(RouterLinkStub).filter((link) => link.text().startsWith('and '))

    expect(rowText(wrapper, 'Incidents')).toEqual(['and 1 more incidents in China', 'and 1 more incidents in India'])
    expect(links.map((link) => [link.text(), link.props('to')])).toContainEqual([
      'and 1 more incidents in India',
      { name: 'search', query: { q: 'type:incident org:"org-group" jurisdiction:"IN"' } }
    ])
    expect(rowText(wrapper, 'Other laws in this jurisdiction')[1]).toContain('and 1 more laws in India')
  })
})

describe('JurisdictionComparisonTable in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

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
