import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { previewMerge } from '../../../../src/renderer/features/duplicates/mergePreview'
import { anIncident, anOrganisation, aResponse } from '../../../builders/domain'

const organisation = (overrides: Parameters<typeof anOrganisation>[0]): TypedRecord => ({ type: 'organisation', record: anOrganisation(overrides) })

describe('previewMerge', () => {
  it('lists the names the survivor gains as aliases', () => {
    const survivor = organisation({ id: 'org-alipay', name: 'Alipay' })
    const duplicate = organisation({ id: 'org-dup', name: 'Alipay (支付宝)', aliases: [{ name: 'Zhifubao' }] })

    expect(previewMerge(survivor, duplicate, []).addedAliases).toEqual(['Alipay (支付宝)', 'Zhifubao'])
  })

  it('counts the links the survivor gains, but not those it already has', () => {
    const survivor = organisation({ id: 'org-alipay', links: [{ relation: 'operator', organisationId: 'org-ant' }] })
    const duplicate = organisation({
      id: 'org-dup',
      links: [
        { relation: 'operator', organisationId: 'org-ant' },
        { relation: 'parent', organisationId: 'org-alibaba' }
      ]
    })

    expect(previewMerge(survivor, duplicate, []).addedLinkCount).toBe(1)
  })

  it('names the fields the survivor lacks and takes from the duplicate', () => {
    const survivor: TypedRecord = { type: 'incident', record: anIncident({ id: 'inc-a', summary: '', occurredOn: '2018-01-03' }) }
    const duplicate: TypedRecord = { type: 'incident', record: anIncident({ id: 'inc-b', summary: 'What happened', disclosedOn: '2018-01-04' }) }

    expect(previewMerge(survivor, duplicate, []).filledFields).toEqual(['Summary', 'Date disclosed'])
  })

  it('lists the records to re-point, leaving out the two being merged', () => {
    const survivor = organisation({ id: 'org-alipay' })
    const duplicate = organisation({ id: 'org-dup' })
    const summons: TypedRecord = { type: 'response', record: aResponse({ targetOrganisationIds: ['org-dup'] }) }
    const survivorLinkingToDuplicate = organisation({ id: 'org-alipay', links: [{ relation: 'affiliate', organisationId: 'org-dup' }] })

    expect(previewMerge(survivor, duplicate, [summons, survivorLinkingToDuplicate]).repointed).toEqual([summons])
  })
})
