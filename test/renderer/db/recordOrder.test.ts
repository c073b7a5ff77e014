import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareRecordsOfType, sortRecordsOfType } from '@renderer/db'
import { anIncident, anOrganisation } from '../../builders/domain'

// Few distinct values, so equal dates and titles equal but for case or accents are common.
const date = fc.option(fc.constantFrom('2015', '2015-01', '2015-01-01', '2015-01-01/2015-02', '2014~', '2016-03-04'), { nil: undefined })
const title = fc.constantFrom('Alipay', 'alipay', 'Álipay', 'UC Browser', 'uc browser', '支付宝', 'Zeta')

describe('sortRecordsOfType', () => {
  it('orders incidents exactly as compareRecordsOfType does', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(date, title), { maxLength: 40 }), (rows) => {
        const incidents = rows.map(([occurredOn, text], index) =>
          anIncident({ id: `inc-${index}`, title: text, ...(occurredOn === undefined ? {} : { occurredOn }) })
        )

        expect(sortRecordsOfType('incident', incidents).map((incident) => incident.id)).toEqual(
          [...incidents].sort(compareRecordsOfType('incident')).map((incident) => incident.id)
        )
      })
    )
  })

  it('orders organisations by name alone, as compareRecordsOfType does', () => {
    fc.assert(
      fc.property(fc.array(title, { maxLength: 40 }), (names) => {
        const organisations = names.map((name, index) => anOrganisation({ id: `org-${String(index).padStart(2, '0')}`, name }))

        expect(sortRecordsOfType('organisation', organisations).map((organisation) => organisation.id)).toEqual(
          [...organisations].sort(compareRecordsOfType('organisation')).map((organisation) => organisation.id)
        )
      })
    )
  })
})
