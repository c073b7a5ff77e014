import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { compareJurisdictions, listFirstOfComparison, unlistedCount, type ComparisonData } from '@shared/analytics/jurisdictionComparison'
import { parseBundle } from '@shared/domain/bundle'
import type { IncidentCategory } from '@shared/domain/incident'
import type { OrganisationId } from '@shared/domain/ids'
import { aJurisdiction, aLaw, anIncident, anOrganisation, aResponse } from '../../builders/sharedDomain'

const orgSubject = (id: string) => ({ kind: 'organisation' as const, organisationId: id as OrganisationId })
const categorySubject = (category: IncidentCategory) => ({ kind: 'category' as const, category })
const titles = (records: readonly { readonly title: string }[]) => records.map((record) => record.title)

/** A small world shaped like the sample: a group with a product in China and one in India. */
function aWorld(overrides: Partial<ComparisonData> = {}): ComparisonData {
  return {
    jurisdictions: [aJurisdiction({ id: 'CN', code: 'CN', name: 'China' }), aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
    organisations: [
      anOrganisation({ id: 'org-group', name: 'Group', kind: 'company' }),
      anOrganisation({ id: 'org-pay', name: 'Pay', links: [{ relation: 'parent', organisationId: 'org-group' }] }),
      anOrganisation({ id: 'org-browser', name: 'Browser', links: [{ relation: 'parent', organisationId: 'org-group' }] }),
      anOrganisation({ id: 'org-other', name: 'Other company', kind: 'company' }),
      anOrganisation({ id: 'org-cn-regulator', name: 'CN regulator', kind: 'regulator', headquartersJurisdictionId: 'CN' }),
      anOrganisation({ id: 'org-in-ministry', name: 'IN ministry', kind: 'ministry', headquartersJurisdictionId: 'IN' })
    ],
    laws: [
      aLaw({ id: 'law-cn-csl', title: 'Cybersecurity Law', jurisdictionId: 'CN' }),
      aLaw({ id: 'law-cn-pipl', title: 'PIPL', jurisdictionId: 'CN' }),
      aLaw({ id: 'law-in-it-act', title: 'IT Act', jurisdictionId: 'IN' }),
      aLaw({ id: 'law-eu-gdpr', title: 'GDPR', jurisdictionId: 'EU' })
    ],
    incidents: [
      anIncident({
        id: 'inc-pay',
        title: 'Pay consent default',
        occurredOn: '2018-01-03',
        jurisdictionIds: ['CN'],
        categories: ['consent-dark-pattern'],
        organisations: [{ organisationId: 'org-pay', role: 'operator' }],
        implicatedProvisions: [{ lawId: 'law-cn-csl', provisionNumber: '41' }, { lawId: 'law-cn-csl', provisionNumber: '42' }, { lawId: 'law-eu-gdpr' }]
      }),
      anIncident({
        id: 'inc-browser',
        title: 'Browser transmission',
        occurredOn: '2015-05',
        jurisdictionIds: ['IN'],
        categories: ['undisclosed-transmission'],
        organisations: [{ organisationId: 'org-browser', role: 'operator' }]
      }),
      anIncident({
        id: 'inc-other',
        title: 'Other breach',
        occurredOn: '2019',
        jurisdictionIds: ['EU'],
        organisations: [{ organisationId: 'org-other', role: 'operator' }]
      })
    ],
    responses: [
      aResponse({ id: 'resp-summons', title: 'Summons', kind: 'summons', actorId: 'org-cn-regulator', datedOn: '2018-01-06', incidentIds: ['inc-pay'] }),
      aResponse({
        id: 'resp-rectification',
        title: 'Rectification order',
        kind: 'rectification-order',
        actorId: 'org-cn-regulator',
        datedOn: '2018-01-10',
        incidentIds: ['inc-pay'],
        legalBasis: [{ lawId: 'law-cn-csl' }],
        outcome: 'Ordered to rectify'
      }),
      aResponse({
        id: 'resp-review',
        title: 'Review',
        kind: 'review',
        actorId: 'org-in-ministry',
        datedOn: '2017-08-21/2017-08-22',
        incidentIds: ['inc-browser']
      }),
      aResponse({
        id: 'resp-threat',
        title: 'Threatened ban',
        kind: 'block-or-ban',
        stage: 'proposed',
        actorId: 'org-in-ministry',
        datedOn: '2017-08-22',
        incidentIds: ['inc-browser']
      }),
      aResponse({
        id: 'resp-block',
        title: 'Block',
        kind: 'block-or-ban',
        actorId: 'org-in-ministry',
        datedOn: '2020-06-29',
        incidentIds: ['inc-browser'],
        legalBasis: [{ lawId: 'law-in-it-act', provisionNumber: '69A' }]
      })
    ],
    ...overrides
  }
}

describe('compareJurisdictions', () => {
  it('gives one column per jurisdiction of the incidents of an organisation and everything under it, by name', () => {
    const comparison = compareJurisdictions(orgSubject('org-group'), aWorld())

    expect(comparison.columns.map((column) => column.jurisdictionName)).toEqual(['China', 'India'])
  })

  it('lists the organisation first, then the organisations under it, as the ones covered', () => {
    const comparison = compareJurisdictions(orgSubject('org-group'), aWorld())

    expect(comparison.organisationIds).toEqual(['org-group', 'org-pay', 'org-browser'])
  })

  it('places each incident in the column of its jurisdiction', () => {
    const [china, india] = compareJurisdictions(orgSubject('org-group'), aWorld()).columns

    expect([titles(china?.incidents ?? []), titles(india?.incidents ?? [])]).toEqual([['Pay consent default'], ['Browser transmission']])
  })

  it('compares the incidents of a category instead of an organisation', () => {
    const comparison = compareJurisdictions(categorySubject('undisclosed-transmission'), aWorld())

    expect(comparison.columns.map((column) => column.jurisdictionId)).toEqual(['IN'])
  })

  it('gives no columns when nothing involves the subject', () => {
    const comparison = compareJurisdictions(categorySubject('breach'), aWorld())

    expect(comparison.columns).toEqual([])
  })

  it('lists laws of the jurisdiction implicated by its incidents, with the provisions named', () => {
    const china = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[0]

    const csl = china?.applyingLaws.find((entry) => entry.law.id === 'law-cn-csl')

    expect(csl?.provisionNumbers).toEqual(['41', '42'])
  })

  it('marks a law both implicated and cited as legal basis as both', () => {
    const china = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[0]

    const csl = china?.applyingLaws.find((entry) => entry.law.id === 'law-cn-csl')

    expect(csl?.applications).toEqual(['implicated-by-incident', 'cited-as-legal-basis'])
  })

  it('lists a law cited as legal basis by a response in the column', () => {
    const india = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[1]

    expect(india?.applyingLaws.map((entry) => [entry.law.id, entry.provisionNumbers])).toEqual([['law-in-it-act', ['69A']]])
  })

  it('leaves out an implicated law of another jurisdiction', () => {
    const china = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[0]

    expect(china?.applyingLaws.map((entry) => entry.law.id)).not.toContain('law-eu-gdpr')
  })

  it('lists the jurisdiction’s other recorded laws apart, not as applying', () => {
    const china = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[0]

    expect(china?.otherLaws.map((law) => law.id)).toEqual(['law-cn-pipl'])
  })

  it('reads the responses in a column as a matter, in date order, with proposed measures apart', () => {
    const india = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[1]

    const chain = india?.matters[0]?.chain

    expect([chain?.steps.map((step) => step.response.id), chain?.proposed.map((response) => response.id), chain?.state]).toEqual([
      ['resp-review', 'resp-block'],
      ['resp-threat'],
      'concluded'
    ])
  })

  it('keeps a regulator’s response in its own jurisdiction when the incident spans two', () => {
    const world = aWorld()
    const spanning = world.incidents.map((incident) => (incident.id === 'inc-browser' ? { ...incident, jurisdictionIds: ['CN', 'IN'] as never } : incident))

    const [china] = compareJurisdictions(orgSubject('org-group'), { ...world, incidents: spanning }).columns

    const browserMatter = china?.matters.find((matter) => matter.incident.id === 'inc-browser')
    expect(browserMatter?.chain.steps).toEqual([])
  })

  it('puts a company’s response in every jurisdiction of its incident', () => {
    const world = aWorld()
    const spanning = world.incidents.map((incident) => (incident.id === 'inc-browser' ? { ...incident, jurisdictionIds: ['CN', 'IN'] as never } : incident))
    const statement = aResponse({
      id: 'resp-statement',
      title: 'Statement',
      kind: 'statement',
      actorId: 'org-browser',
      datedOn: '2017-08-22',
      incidentIds: ['inc-browser']
    })

    const { columns } = compareJurisdictions(orgSubject('org-group'), { ...world, incidents: spanning, responses: [...world.responses, statement] })

    const stepIdsFor = (index: number) =>
      columns[index]?.matters.find((m) => m.incident.id === 'inc-browser')?.chain.steps.map((step): string => step.response.id) ?? []
    expect([stepIdsFor(0).includes('resp-statement'), stepIdsFor(1).includes('resp-statement')]).toEqual([true, true])
  })

  it('lists as outcomes the concluding steps and responses that record an outcome, earliest first', () => {
    const china = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[0]

    expect(china?.outcomes.map((entry) => [entry.response.id, entry.effect, entry.outcome])).toEqual([
      ['resp-rectification', 'concludes', 'Ordered to rectify']
    ])
  })

  it('never lists a proposed measure as an outcome', () => {
    const india = compareJurisdictions(orgSubject('org-group'), aWorld()).columns[1]

    expect(india?.outcomes.map((entry) => entry.response.id)).toEqual(['resp-block'])
  })

  it('places a response aimed at the organisation but at none of its incidents in the actor’s jurisdiction', () => {
    const world = aWorld()
    const notice = aResponse({
      id: 'resp-notice',
      title: 'Notice to Pay',
      kind: 'notice',
      actorId: 'org-cn-regulator',
      datedOn: '2019',
      targetOrganisationIds: ['org-pay']
    })

    const [china, india] = compareJurisdictions(orgSubject('org-group'), { ...world, responses: [...world.responses, notice] }).columns

    expect([china?.responsesWithoutIncident.map((response) => response.id), india?.responsesWithoutIncident]).toEqual([['resp-notice'], []])
  })

  it('adds a column for a jurisdiction where the organisation met only responses', () => {
    const world = aWorld({ jurisdictions: [...aWorld().jurisdictions, aJurisdiction({ id: 'US', code: 'US', name: 'United States' })] })
    const ftc = anOrganisation({ id: 'org-ftc', name: 'FTC', kind: 'regulator', headquartersJurisdictionId: 'US' })
    const warning = aResponse({ id: 'resp-warning', kind: 'warning', actorId: 'org-ftc', targetOrganisationIds: ['org-browser'] })

    const comparison = compareJurisdictions(orgSubject('org-group'), {
      ...world,
      organisations: [...world.organisations, ftc],
      responses: [...world.responses, warning]
    })

    expect(comparison.columns.map((column) => column.jurisdictionName)).toEqual(['China', 'India', 'United States'])
  })

  it('returns as unplaced a response aimed at the organisation whose actor has no jurisdiction', () => {
    const world = aWorld()
    const statement = aResponse({ id: 'resp-other', kind: 'statement', actorId: 'org-other', targetOrganisationIds: ['org-group'] })

    const comparison = compareJurisdictions(orgSubject('org-group'), { ...world, responses: [...world.responses, statement] })

    expect(comparison.unplacedResponses.map((response) => response.id)).toEqual(['resp-other'])
  })

  it('names a column by its id when the jurisdiction is not recorded', () => {
    const comparison = compareJurisdictions(orgSubject('org-other'), aWorld())

    expect(comparison.columns.map((column) => column.jurisdictionName)).toEqual(['EU'])
  })
})

describe('listFirstOfComparison', () => {
  const manyBreaches: ComparisonData = {
    jurisdictions: [aJurisdiction({ id: 'IN', code: 'IN', name: 'India' })],
    organisations: [],
    laws: [],
    responses: [],
    incidents: Array.from({ length: 25 }, (_, index) =>
      anIncident({
        id: `inc-${index}`,
        title: `Breach ${index}`,
        occurredOn: `20${String(index).padStart(2, '0')}`,
        jurisdictionIds: ['IN'],
        categories: ['breach']
      })
    )
  }
  const whole = compareJurisdictions({ kind: 'category', category: 'breach' }, manyBreaches)

  it('keeps the first entries of each list, in their order, and counts the rest', () => {
    const [column] = listFirstOfComparison(whole, 20).columns

    expect(column?.incidents.map((incident) => incident.title)).toEqual(whole.columns[0]?.incidents.slice(0, 20).map((incident) => incident.title))
    expect(column?.matters).toHaveLength(20)
    expect([column && unlistedCount(column, 'incidents'), column && unlistedCount(column, 'matters'), column?.totals?.incidents]).toEqual([5, 5, 25])
  })

  it('leaves a short list whole, with nothing unlisted', () => {
    const [column] = listFirstOfComparison(whole, 30).columns

    expect([column?.incidents.length, column && unlistedCount(column, 'incidents')]).toEqual([25, 0])
  })

  it('keeps the full totals when cut twice', () => {
    const [column] = listFirstOfComparison(listFirstOfComparison(whole, 20), 10).columns

    expect([column?.incidents.length, column && unlistedCount(column, 'incidents')]).toEqual([10, 15])
  })
})

describe('compareJurisdictions on the sample knowledge base', () => {
  const repoRoot = path.resolve(__dirname, '../../..')
  const read = (file: string): unknown => JSON.parse(readFileSync(path.join(repoRoot, 'resources', file), 'utf8'))
  const bundleOf = (file: string, knownIds?: ReadonlySet<string>) => {
    const result = parseBundle(read(file), knownIds)
    if (!result.ok) throw new Error(`${file} is invalid`)
    return result.bundle.records
  }
  const { jurisdictions } = bundleOf('jurisdictions.json')
  const sample = bundleOf('sample-knowledge-base.json', new Set(jurisdictions.map((jurisdiction) => jurisdiction.id)))
  const data: ComparisonData = { ...sample, jurisdictions }
  const [china, india] = compareJurisdictions(orgSubject('org-alibaba'), data).columns

  it('shows Alibaba in a China column and an India column', () => {
    expect([china?.jurisdictionName, india?.jurisdictionName]).toEqual(['China', 'India'])
  })

  it('has the CAC summons and the rectification order in China, and the matter concluded', () => {
    const chain = china?.matters[0]?.chain

    expect([chain?.steps.map((step) => step.response.id).filter((id) => id.startsWith('resp-cac')), chain?.state]).toEqual([
      ['resp-cac-summons-2018-01-06', 'resp-cac-rectification-order-2018-01-10'],
      'concluded'
    ])
  })

  it('has Cybersecurity Law Articles 41 and 42 applying in China', () => {
    const csl = china?.applyingLaws.find((entry) => entry.law.id === 'law-cn-cybersecurity-law')

    expect(csl?.provisionNumbers).toEqual(['41', '42'])
  })

  it('has the MeitY review, then the block under s.69A, in India, with the threatened ban as proposed', () => {
    const chain = india?.matters[0]?.chain
    const meity = chain?.steps.map((step) => step.response.id).filter((id) => id.startsWith('resp-meity'))

    expect([meity, chain?.proposed.map((response) => response.id)]).toEqual([
      ['resp-meity-review-uc-browser-2017', 'resp-meity-block-59-apps-2020-06-29'],
      ['resp-meity-threatened-ban-uc-browser-2017']
    ])
  })

  it('has section 69A of the IT Act applying in India', () => {
    const itAct = india?.applyingLaws.find((entry) => entry.law.id === 'law-in-it-act-2000')

    expect(itAct?.provisionNumbers).toEqual(['69A'])
  })
})
