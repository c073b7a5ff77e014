import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { lawSchema, type Provision } from '@shared/domain/law'
import { lawStatusOn, lawStatusTimeline, provisionInForceOn } from '@shared/domain/lawStatus'
import { earliestDay, isApproximate, latestDay, precisionOf, toPartialDate } from '@shared/domain/partialDate'
import { aLawInput } from '../../builders/sharedDomain'

type LawInput = Parameters<typeof aLawInput>[0]

function aLaw(overrides: LawInput = {}) {
  return lawSchema.parse(aLawInput(overrides))
}

/** China's Cybersecurity Law: adopted 7 November 2016, in force 1 June 2017. */
const cybersecurityLaw = aLaw({ adoptedOn: '2016-11-07', inForceOn: '2017-06-01' })
const on = toPartialDate

function article(number: string, dates: { inForceOn?: string; repealedOn?: string } = {}): Provision {
  return {
    unit: 'article',
    number,
    ...(dates.inForceOn !== undefined && { inForceOn: on(dates.inForceOn) }),
    ...(dates.repealedOn !== undefined && { repealedOn: on(dates.repealedOn) })
  }
}

describe('lawStatusTimeline', () => {
  it('lists the recorded dates in the order the law lived them, each period ending where the next begins', () => {
    const timeline = lawStatusTimeline(
      aLaw({ status: 'repealed', draftOn: '2015-07', adoptedOn: '2016-11-07', inForceOn: '2017-06-01', amendedOn: ['2019-03'], repealedOn: '2024' })
    )

    expect(timeline).toEqual([
      { status: 'draft', recorded: 'draft-published', label: 'Draft published', from: '2015-07', until: '2016-11-07' },
      { status: 'adopted', recorded: 'adopted', label: 'Adopted', from: '2016-11-07', until: '2017-06-01' },
      { status: 'in-force', recorded: 'in-force', label: 'In force', from: '2017-06-01', until: '2019-03' },
      { status: 'amended', recorded: 'amended', label: 'Amended', from: '2019-03', until: '2024' },
      { status: 'repealed', recorded: 'repealed', label: 'Repealed', from: '2024' }
    ])
  })

  it('keeps each date at its own precision', () => {
    const [adopted] = lawStatusTimeline(aLaw({ adoptedOn: '2000' }))

    expect(adopted?.from).toBe('2000')
  })

  it('shows "applies from" as its own step after entry into force', () => {
    const timeline = lawStatusTimeline(aLaw({ adoptedOn: '2016-04-27', inForceOn: '2016-05-24', appliesFromOn: '2018-05-25' }))

    expect(timeline.map((period) => `${period.label} ${period.from}`)).toEqual(['Adopted 2016-04-27', 'In force 2016-05-24', 'Applies from 2018-05-25'])
    expect(timeline.map((period) => period.recorded)).toEqual(['adopted', 'in-force', 'applies-from'])
  })

  it('orders amendments by date whatever order they were recorded in', () => {
    const timeline = lawStatusTimeline(aLaw({ inForceOn: '2010', amendedOn: ['2021-06', '2015'] }))

    expect(timeline.map((period) => period.from)).toEqual(['2010', '2015', '2021-06'])
  })

  it('puts adoption before entry into force when both fall on the same day', () => {
    const timeline = lawStatusTimeline(aLaw({ inForceOn: '2021-01-01', adoptedOn: '2021-01-01' }))

    expect(timeline.map((period) => period.status)).toEqual(['adopted', 'in-force'])
  })

  it('is empty for a law with no recorded dates', () => {
    expect(lawStatusTimeline(aLaw())).toEqual([])
  })
})

describe('lawStatusOn', () => {
  it('is in force on a day after the law came into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2018-01-03'))).toEqual({
      state: 'in-force',
      reason: 'in force from 1 June 2017',
      summary: 'In force on 3 January 2018',
      reasonMessage: { key: 'inForce.inForceFrom', values: { date: { date: '2017-06-01' } } },
      summaryMessage: { key: 'inForce.summary.inForceOn', values: { date: { date: '2018-01-03' } } },
      inForceFrom: '2017-06-01'
    })
  })

  it('is in force on the very day it came into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-06-01')).state).toBe('in-force')
  })

  it('is not yet in force the day before', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-05-31'))).toMatchObject({ state: 'not-yet-in-force', reason: 'in force from 1 June 2017' })
  })

  it('is uncertain for an incident known only to the year in which the law came into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017'))).toMatchObject({
      state: 'uncertain',
      reason: 'in force from 1 June 2017; the incident is known only to the year 2017'
    })
  })

  it('is in force for an incident in the month that begins on the day the law came into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-06')).state).toBe('in-force')
  })

  it('is uncertain for an incident in the month the law came into force mid-month', () => {
    const law = aLaw({ inForceOn: '2017-06-15' })

    expect(lawStatusOn(law, on('2017-06'))).toMatchObject({
      state: 'uncertain',
      reason: 'in force from 15 June 2017; the incident is known only to the month June 2017'
    })
  })

  it('is not yet in force for a whole year that ends before the law came into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2016')).state).toBe('not-yet-in-force')
  })

  it('uses the whole span of a range: uncertain when the range straddles entry into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-05-20/2017-06-10'))).toMatchObject({
      state: 'uncertain',
      reason: 'in force from 1 June 2017; the incident spans 20 May 2017–10 June 2017'
    })
  })

  it('uses the whole span of a range: in force when all of it falls after entry into force', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-06-01/2017-08')).state).toBe('in-force')
  })

  it('never gives a certain answer for an approximate incident date at the boundary', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-06~'))).toMatchObject({
      state: 'uncertain',
      reason: 'in force from 1 June 2017; the incident is approximate (c. June 2017)'
    })
  })

  it('gives a certain answer for an approximate incident date far from the boundary', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2019~')).state).toBe('in-force')
  })

  it('never gives a certain answer when the date of entry into force is approximate and the incident is near it', () => {
    const law = aLaw({ inForceOn: '2017-06-01~' })

    expect(lawStatusOn(law, on('2017-06-01'))).toMatchObject({
      state: 'uncertain',
      reason: 'in force from c. 1 June 2017; the date it came into force is approximate (c. 1 June 2017)'
    })
  })

  it("names the law's vague date when the incident's date is exact", () => {
    const law = aLaw({ adoptedOn: '2000', inForceOn: '2000' })

    expect(lawStatusOn(law, on('2000-05-17')).reason).toBe('in force from 2000; the date it came into force is known only to the year 2000')
  })

  it('measures from "applies from" when the law records it', () => {
    const gdpr = aLaw({ inForceOn: '2016-05-24', appliesFromOn: '2018-05-25' })

    expect(lawStatusOn(gdpr, on('2017-03'))).toMatchObject({ state: 'not-yet-in-force', reason: 'applies from 25 May 2018', inForceFrom: '2018-05-25' })
  })

  it('is repealed on and after the day of repeal', () => {
    const law = aLaw({ status: 'repealed', inForceOn: '2010-01-01', repealedOn: '2020-07-01' })

    expect(lawStatusOn(law, on('2020-07-01'))).toMatchObject({ state: 'repealed', reason: 'repealed on 1 July 2020', repealedOn: '2020-07-01' })
  })

  it('is in force the day before repeal, and says when the repeal came', () => {
    const law = aLaw({ status: 'repealed', inForceOn: '2010-01-01', repealedOn: '2020-07-01' })

    expect(lawStatusOn(law, on('2020-06-30'))).toMatchObject({ state: 'in-force', reason: 'in force from 1 January 2010; repealed on 1 July 2020' })
  })

  it('is uncertain for an incident in the year of a repeal known only to the month', () => {
    const law = aLaw({ status: 'repealed', inForceOn: '2010-01-01', repealedOn: '2020-07' })

    expect(lawStatusOn(law, on('2020'))).toMatchObject({
      state: 'uncertain',
      reason: 'repealed in July 2020; the incident is known only to the year 2020 and the date of repeal is known only to the month July 2020'
    })
  })

  it("is unknown when the law's entry into force is not recorded", () => {
    const law = aLaw({ status: 'adopted', adoptedOn: '2023-08-11' })

    expect(lawStatusOn(law, on('2024-01-01'))).toEqual({
      state: 'unknown',
      reason: "the law's entry into force is not recorded",
      summary: "Unknown: the law's entry into force is not recorded",
      reasonMessage: { key: 'inForce.startNotRecorded' },
      summaryMessage: { key: 'inForce.summary.unknown', values: { reason: { key: 'inForce.startNotRecorded' } } }
    })
  })

  it("is unknown when the incident's date is not recorded", () => {
    expect(lawStatusOn(cybersecurityLaw, undefined)).toMatchObject({
      state: 'unknown',
      reason: "in force from 1 June 2017; the incident's date is not recorded"
    })
  })
})

describe('the summary of an in-force check', () => {
  it('says "in" for an incident known to the month', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-09')).summary).toBe('In force in September 2017')
  })

  it('says "throughout" for an incident over a range', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017-08-21/2017-08-22')).summary).toBe('In force throughout 21 August 2017–22 August 2017')
  })

  it('gives the date of entry into force for a law not yet in force', () => {
    expect(lawStatusOn(aLaw({ inForceOn: '2018-05-01' }), on('2018-01-03')).summary).toBe('Not yet in force (from 1 May 2018)')
  })

  it('says "applies from" for a law not yet applicable', () => {
    expect(lawStatusOn(aLaw({ inForceOn: '2016-05-24', appliesFromOn: '2018-05-25' }), on('2017')).summary).toBe('Not yet in force (applies from 25 May 2018)')
  })

  it('gives the date of repeal for a repealed law', () => {
    const law = aLaw({ status: 'repealed', inForceOn: '2010', repealedOn: '2015-01-01' })

    expect(lawStatusOn(law, on('2016')).summary).toBe('No longer in force (repealed on 1 January 2015)')
  })

  it('starts an uncertain answer with "Uncertain:" and its reason', () => {
    expect(lawStatusOn(cybersecurityLaw, on('2017')).summary).toBe('Uncertain: in force from 1 June 2017; the incident is known only to the year 2017')
  })
})

describe('provisionInForceOn', () => {
  it('follows the law when the provision has no dates of its own', () => {
    expect(provisionInForceOn(cybersecurityLaw, article('41'), on('2018-01-03'))).toMatchObject({ state: 'in-force', inForceFrom: '2017-06-01' })
  })

  it("uses the provision's own date of entry into force over the law's", () => {
    const added = article('41a', { inForceOn: '2021-09-01' })

    expect(provisionInForceOn(cybersecurityLaw, added, on('2018-01-03'))).toMatchObject({
      state: 'not-yet-in-force',
      reason: 'in force from 1 September 2021'
    })
  })

  it("uses the provision's own repeal while the law stays in force", () => {
    const repealed = article('37', { repealedOn: '2021-11-01' })

    expect(provisionInForceOn(cybersecurityLaw, repealed, on('2022')).state).toBe('repealed')
    expect(lawStatusOn(cybersecurityLaw, on('2022')).state).toBe('in-force')
  })

  it('is repealed with its law when it has no repeal date of its own', () => {
    const law = aLaw({ status: 'repealed', inForceOn: '2010', repealedOn: '2015-01-01' })

    expect(provisionInForceOn(law, article('1'), on('2016')).state).toBe('repealed')
  })

  it("gives a provision with its own date an answer even when the law's entry into force is not recorded", () => {
    const law = aLaw({ status: 'adopted' })

    expect(provisionInForceOn(law, article('5', { inForceOn: '2024-01-01' }), on('2024-06')).state).toBe('in-force')
  })

  it('is unknown when neither the provision nor the law records entry into force', () => {
    expect(provisionInForceOn(aLaw({ status: 'adopted' }), article('5'), on('2024')).state).toBe('unknown')
  })
})

describe('in-force checks, for any dates', () => {
  const pad = (value: number, width: number) => String(value).padStart(width, '0')
  /** A point date near 2017, so that it often falls close to the boundary under test. */
  const nearbyDate = fc
    .record({
      year: fc.integer({ min: 2015, max: 2019 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      precision: fc.constantFrom('year', 'month', 'day'),
      isApproximate: fc.boolean()
    })
    .map(({ year, month, day, precision, isApproximate }) => {
      const text =
        precision === 'year' ? pad(year, 4) : precision === 'month' ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`
      return on(isApproximate ? `${text}~` : text)
    })

  it('answers with certainty only when every day the incident date can mean agrees', () => {
    fc.assert(
      fc.property(nearbyDate, (date) => {
        const { state } = lawStatusOn(cybersecurityLaw, date)
        if (state === 'in-force') expect(earliestDay(date) >= '2017-06-01').toBe(true)
        if (state === 'not-yet-in-force') expect(latestDay(date) < '2017-06-01').toBe(true)
      })
    )
  })

  it.each(['2017-06-01~', '2017-05-31~', '2017-06~', '2017-05~', '2017~', '2016~'])(
    'is uncertain for %s, approximate and within one unit of its precision of 1 June 2017',
    (date) => {
      expect(lawStatusOn(cybersecurityLaw, on(date)).state).toBe('uncertain')
    }
  )

  it('is never uncertain between two exact days', () => {
    fc.assert(
      fc.property(
        nearbyDate.filter((date) => !isApproximate(date) && precisionOf(date) === 'day'),
        (date) => {
          expect(lawStatusOn(cybersecurityLaw, date).state).not.toBe('uncertain')
        }
      )
    )
  })
})
