import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { setLocale, translateMessage } from '@renderer/i18n'
import { lawSchema } from '@shared/domain/law'
import { lawStatusOn, provisionInForceOn } from '@shared/domain/lawStatus'
import { toPartialDate, type PartialDate } from '@shared/domain/partialDate'
import { aLawInput } from '../../../builders/sharedDomain'

const aLaw = (overrides: Parameters<typeof aLawInput>[0] = {}) => lawSchema.parse(aLawInput(overrides))
const cybersecurityLaw = aLaw({ adoptedOn: '2016-11-07', inForceOn: '2017-06-01' })

afterEach(() => setLocale('en'))

// Dates around the boundaries the checks measure from: exact days, months, years, approximate dates and ranges.
const aDate = fc
  .oneof(
    fc.constantFrom('2017', '2017-06', '2017-06-01', '2017-05-31', '2017-06~', '2016', '2019~', '2020-07', '2020-07-01', '2020'),
    fc.constantFrom('2017-05-20/2017-06-10', '2017-08-21/2017-08-22', '2020-06/2020-08', '2010~', '2000', '2018-05-25')
  )
  .map((text) => toPartialDate(text))

describe('the law-in-force line in the interface language', () => {
  it('says in English exactly what the check says in English, whatever the dates', () => {
    fc.assert(
      fc.property(
        fc.option(aDate, { nil: undefined }),
        fc.option(aDate, { nil: undefined }),
        fc.option(aDate, { nil: undefined }),
        fc.option(aDate, { nil: undefined }),
        fc.boolean(),
        (incident, inForceOn, appliesFromOn, repealedOn, asProvision) => {
          const law = aLaw({ ...(inForceOn && { inForceOn }), ...(appliesFromOn && { appliesFromOn }), ...(repealedOn && { repealedOn }) })
          const provision = { unit: 'article' as const, number: '1', ...(inForceOn && { inForceOn: inForceOn as PartialDate }) }
          const check = asProvision ? provisionInForceOn(law, provision, incident) : lawStatusOn(law, incident)
          expect(translateMessage(check.summaryMessage)).toBe(check.summary)
          expect(translateMessage(check.reasonMessage)).toBe(check.reason)
        }
      ),
      { numRuns: 400 }
    )
  })

  it('writes the answer, its dates and its reasons in Chinese', () => {
    setLocale('zh-CN')
    const words = (incident: string | undefined, law = cybersecurityLaw) =>
      translateMessage(lawStatusOn(law, incident === undefined ? undefined : toPartialDate(incident)).summaryMessage)

    expect(words('2018-01-03')).toBe('2018年1月3日时有效')
    expect(words('2017-05-31')).toBe('尚未施行（自2017年6月1日起施行）')
    expect(words('2017')).toBe('不确定：自2017年6月1日起施行；事件日期仅精确到年（2017年）')
    expect(words(undefined)).toBe('无法判断：自2017年6月1日起施行；未记录事件日期')
    expect(words('2017-03', aLaw({ inForceOn: '2016-05-24', appliesFromOn: '2018-05-25' }))).toBe('尚未施行（自2018年5月25日起适用）')
    expect(words('2021', aLaw({ inForceOn: '2010-01-01', repealedOn: '2020-07-01' }))).toBe('已失效（于2020年7月1日废止）')
  })
})
