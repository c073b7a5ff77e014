import { describe, expect, it } from 'vitest'
import { familyUnder } from '../../../src/shared/domain/organisationFamily'
import { organisationSchema, type Organisation } from '../../../src/shared/domain/organisation'
import type { OrganisationId } from '../../../src/shared/domain/ids'

const bookkeeping = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', revision: 1 }

function organisation(id: string, name: string, links: { relation: string; organisationId: string }[] = []): Organisation {
  return organisationSchema.parse({ id, name, kind: 'company', links, ...bookkeeping })
}

const alibaba = organisation('org-alibaba', 'Alibaba Group')
const ant = organisation('org-ant', 'Ant Financial', [{ relation: 'affiliate', organisationId: 'org-alibaba' }])
const alipay = organisation('org-alipay', 'Alipay', [{ relation: 'operator', organisationId: 'org-ant' }])
const ucweb = organisation('org-ucweb', 'UCWeb', [{ relation: 'parent', organisationId: 'org-alibaba' }])
const ucBrowser = organisation('org-uc', 'UC Browser', [{ relation: 'operator', organisationId: 'org-ucweb' }])
const unrelated = organisation('org-other', 'Other Co')
const all = [alibaba, ant, alipay, ucweb, ucBrowser, unrelated]

describe('familyUnder', () => {
  it('finds every organisation under a group through any chain of links', () => {
    const names = familyUnder('org-alibaba' as OrganisationId, all).map((member) => member.organisation.name)

    expect(names.sort()).toEqual(['Alipay', 'Ant Financial', 'UC Browser', 'UCWeb'])
  })

  it('records the path from the group down to each member', () => {
    const member = familyUnder('org-alibaba' as OrganisationId, all).find((m) => m.organisation.id === 'org-alipay')

    expect(member?.path).toEqual(['Alibaba Group', 'Ant Financial', 'Alipay'])
    expect(member?.relationLabel).toBe('Operates')
    expect(member?.relation).toBe('operator')
  })

  it('does not climb upwards: a product has no family under it', () => {
    expect(familyUnder('org-alipay' as OrganisationId, all)).toEqual([])
  })

  it('visits each organisation once even when links form a cycle', () => {
    const a = organisation('org-a', 'A', [{ relation: 'affiliate', organisationId: 'org-b' }])
    const b = organisation('org-b', 'B', [{ relation: 'affiliate', organisationId: 'org-a' }])

    expect(familyUnder('org-a' as OrganisationId, [a, b]).map((m) => m.organisation.id)).toEqual(['org-b'])
  })

  it('returns nothing for an unknown organisation', () => {
    expect(familyUnder('org-missing' as OrganisationId, all)).toEqual([])
  })
})
