import { describe, expect, it } from 'vitest'
import {
  draftFromOrganisation,
  emptyOrganisationDraft,
  inputFromOrganisationDraft,
  organisationFieldOfPath,
  validateOrganisationDraft
} from '../../../../src/renderer/features/organisations/organisationDraft'
import { organisationSchema } from '../../../../src/shared/domain/organisation'
import { anOrganisation } from '../../../builders/domain'

describe('organisation draft', () => {
  it('refuses an empty name under the name field', () => {
    expect(validateOrganisationDraft(emptyOrganisationDraft()).name).toBe('Name is required')
  })

  it('drops alias rows left empty', () => {
    const draft = {
      ...emptyOrganisationDraft(),
      name: 'Alipay',
      aliases: [
        { name: '支付宝', language: 'zh' },
        { name: ' ', language: '' }
      ]
    }

    expect(inputFromOrganisationDraft(draft).aliases).toEqual([{ name: '支付宝', language: 'zh' }])
  })

  it('points a bad alias language at the aliases field', () => {
    const draft = { ...emptyOrganisationDraft(), name: 'Alipay', aliases: [{ name: '支付宝', language: 'Chinese!' }] }

    expect(validateOrganisationDraft(draft).aliases).toMatch(/BCP 47/)
  })

  it('never maps a problem to the links stored on other organisations', () => {
    expect(organisationFieldOfPath('inverseLinks[0]')).toBeUndefined()
  })

  it('round-trips a stored organisation through the form without loss', () => {
    const organisation = anOrganisation({
      aliases: [{ name: '支付宝', language: 'zh' }, { name: 'Alipay.com' }],
      headquartersJurisdictionId: 'CN',
      headquartersCity: 'Hangzhou',
      links: [{ relation: 'operator', organisationId: 'org-ant' }],
      citations: [{ sourceId: 'src-1' }]
    })

    const input = inputFromOrganisationDraft(draftFromOrganisation(organisation), organisation)
    const reparsed = organisationSchema.parse({
      ...input,
      createdAt: organisation.createdAt,
      updatedAt: organisation.updatedAt,
      revision: organisation.revision
    })

    expect(reparsed).toEqual(organisation)
  })
})
