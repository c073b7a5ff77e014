import { describe, expect, it } from 'vitest'
import {
  ORGANISATION_KIND_LABELS,
  ORGANISATION_KINDS,
  ORGANISATION_RELATION_LABELS,
  ORGANISATION_RELATIONS,
  organisationSchema
} from '@shared/domain/organisation'
import { anOrganisationInput, issueMessages } from '../../builders/sharedDomain'
import { validationProblem } from '@shared/domain/validationProblem'
import { inEnglish } from '../../support/words'

describe('organisationSchema', () => {
  it('accepts a minimal organisation and fills in the defaults', () => {
    const organisation = organisationSchema.parse(anOrganisationInput())

    expect(organisation).toEqual({ ...anOrganisationInput(), aliases: [], links: [], citations: [] })
  })

  it('keeps a Chinese alias exactly as written', () => {
    const organisation = organisationSchema.parse(anOrganisationInput({ aliases: [{ name: '支付宝', language: 'zh-Hans' }] }))

    expect(organisation.aliases).toEqual([{ name: '支付宝', language: 'zh-Hans' }])
  })

  it('refuses an empty alias', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ aliases: [{ name: '' }] }))

    expect(issueMessages(result)).toEqual(['Alias is required'])
  })

  it('refuses unknown keys', () => {
    const result = organisationSchema.safeParse({ ...anOrganisationInput(), ticker: 'BABA' })

    expect(issueMessages(result)).toEqual(['Unrecognized key: "ticker"'])
  })

  it('refuses unknown keys inside a link', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ links: [{ relation: 'operator', organisationId: 'org-ant', since: '2014' } as never] }))

    expect(issueMessages(result)).toEqual(['Unrecognized key: "since"'])
  })

  it('refuses an unknown kind, listing the choices', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ kind: 'startup' as never }))

    expect(issueMessages(result)).toEqual([`Kind must be one of: ${ORGANISATION_KINDS.join(', ')}`])
  })

  it('refuses an unknown relation, listing the choices', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ links: [{ relation: 'sibling' as never, organisationId: 'org-ant' }] }))

    expect(issueMessages(result)).toEqual(['Relation must be parent, affiliate or operator'])
  })

  it('accepts a link to another organisation', () => {
    const organisation = organisationSchema.parse(anOrganisationInput({ links: [{ relation: 'operator', organisationId: 'org-ant-financial' }] }))

    expect(organisation.links).toEqual([{ relation: 'operator', organisationId: 'org-ant-financial' }])
  })

  it('refuses a link from an organisation to itself, at the links field', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ id: 'org-alipay', links: [{ relation: 'parent', organisationId: 'org-alipay' }] }))

    expect(result.error?.issues.map((issue) => [issue.path, inEnglish(validationProblem(issue))])).toEqual([
      [['links'], 'An organisation cannot be linked to itself']
    ])
  })

  it('refuses a headquarters jurisdiction id that is not an id', () => {
    const result = organisationSchema.safeParse(anOrganisationInput({ headquartersJurisdictionId: 'People’s Republic' }))

    expect(result.error?.issues[0]?.path).toEqual(['headquartersJurisdictionId'])
  })
})

describe('organisation labels', () => {
  it('label every kind', () => {
    expect(Object.keys(ORGANISATION_KIND_LABELS)).toEqual([...ORGANISATION_KINDS])
  })

  it('label every relation from both ends', () => {
    expect(Object.keys(ORGANISATION_RELATION_LABELS)).toEqual([...ORGANISATION_RELATIONS])
  })
})
