import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { translateMessage } from '@renderer/i18n'
import { scoreIncidentPair, scoreOrganisationPair } from '@shared/domain/duplicates'
import { anIncident, anOrganisation } from '../../../builders/domain'

const names = fc.constantFrom('Alipay', 'ALIPAY Co., Ltd.', 'Alipay Hangzhou', '支付宝', 'Ant Financial', 'Ant Group', 'Sesame Credit', 'UC Web', 'UCWeb')
const dates = fc.constantFrom(undefined, '2018', '2018-01', '2018-01-03', '2018-01-10', '2018-02-20', '2019~', '2021-01-03', '2017-12/2018-02')
const titles = fc.constantFrom('Alipay annual bill', 'Alipay annual bill opt-in', 'UC Browser leak', 'Sesame Credit default')
const places = fc.subarray(['CN', 'IN', 'US'])

describe('duplicate reasons as messages', () => {
  it('read in English exactly as the English reasons the import plan quotes', () => {
    fc.assert(
      fc.property(names, fc.array(names, { maxLength: 2 }), names, fc.array(names, { maxLength: 2 }), (a, aliasesA, b, aliasesB) => {
        const score = scoreOrganisationPair(
          anOrganisation({ name: a, aliases: aliasesA.map((name) => ({ name })) }),
          anOrganisation({ name: b, aliases: aliasesB.map((name) => ({ name })) })
        )
        expect(score.reasonMessages.map((reason) => translateMessage(reason))).toEqual(score.reasons)
      }),
      { numRuns: 200 }
    )
    fc.assert(
      fc.property(titles, dates, places, titles, dates, places, (titleA, dateA, placesA, titleB, dateB, placesB) => {
        const score = scoreIncidentPair(
          anIncident({ title: titleA, occurredOn: dateA, jurisdictionIds: placesA }),
          anIncident({ title: titleB, occurredOn: dateB, jurisdictionIds: placesB })
        )
        expect(score.reasonMessages.map((reason) => translateMessage(reason))).toEqual(score.reasons)
      }),
      { numRuns: 300 }
    )
  })
})
