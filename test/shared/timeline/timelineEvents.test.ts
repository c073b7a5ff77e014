import { describe, expect, it } from 'vitest'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import { describeTimelineItem, timelineEvents, timelineItemLabel, type TimelineItem } from '@shared/timeline/timelineEvents'
import { anIncident, aLaw, aResponse } from '../../builders/domain'

const TODAY = '2026-01-01'
const byKind = (items: readonly TimelineItem[], kind: TimelineItem['kind']) => items.filter((item) => item.kind === kind)

describe('timelineEvents', () => {
  it('gives each date its own span however many dates were read before (dates are remembered between runs)', () => {
    const spanOf = (occurredOn: string) => {
      const [item] = timelineEvents({ incidents: [anIncident({ occurredOn })], responses: [], laws: [] }, { today: '2026-01-01' }).items
      return [item?.startDay, item?.endDay, item?.dateLabel]
    }
    const before = ['2015', '2015-05', '2015-05-21~'].map(spanOf)

    const again = ['2015-05-21~', '2015-05', '2015'].map(spanOf).reverse()

    expect(again).toEqual(before)
    expect(before[0]).toEqual([dayNumberOf('2015-01-01'), dayNumberOf('2016-01-01'), '2015'])
    expect(before[1]).toEqual([dayNumberOf('2015-05-01'), dayNumberOf('2015-06-01'), 'May 2015'])
  })

  it('draws a month-precision date as a span over the whole month, labelled with the month', () => {
    const incident = anIncident({ occurredOn: '2015-05' })

    const [event] = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY }).items

    expect(event).toMatchObject({ dateLabel: 'May 2015', startDay: dayNumberOf('2015-05-01'), endDay: dayNumberOf('2015-06-01') })
  })

  it('draws a year-precision date as a span over the whole year', () => {
    const law = aLaw({ adoptedOn: '2000', status: 'adopted' })

    const [adopted] = byKind(timelineEvents({ incidents: [], responses: [], laws: [law] }, { today: TODAY }).items, 'law-adopted')

    expect(adopted?.endDay).toBe(dayNumberOf('2001-01-01'))
  })

  it('draws a day as one day', () => {
    const incident = anIncident({ occurredOn: '2018-01-03' })

    const [event] = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY }).items

    expect(event!.endDay - event!.startDay).toBe(1)
  })

  it('marks an approximate date and says so in its label', () => {
    const incident = anIncident({ occurredOn: '2017-08~' })

    const [event] = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY }).items

    expect(event).toMatchObject({ isApproximate: true, dateLabel: 'c. August 2017' })
  })

  it('gives an incident an event for each of its occurred, disclosed and reported dates', () => {
    const incident = anIncident({ occurredOn: '2015-05', disclosedOn: '2015-06', reportedOn: '2015-07' })

    const { items } = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY })

    expect(items.map((item) => item.kind)).toEqual(['incident-occurred', 'incident-disclosed', 'incident-reported'])
  })

  it('gives a law an event for each recorded step, including every amendment', () => {
    const law = aLaw({ draftOn: '2015-07', adoptedOn: '2016-11-07', inForceOn: '2017-06-01', amendedOn: ['2019', '2021'] })

    const kinds = timelineEvents({ incidents: [], responses: [], laws: [law] }, { today: TODAY })
      .items.filter((item) => item.shape === 'event')
      .map((item) => item.kind)

    expect(kinds).toEqual(['law-draft', 'law-adopted', 'law-in-force', 'law-amended', 'law-amended'])
  })

  it('draws a law in force as an open-ended bar up to today when it is not repealed', () => {
    const law = aLaw({ inForceOn: '2017-06-01' })

    const [bar] = byKind(timelineEvents({ incidents: [], responses: [], laws: [law] }, { today: TODAY }).items, 'law-in-force-period')

    expect(bar).toMatchObject({ shape: 'range', isOpenEnded: true, startDay: dayNumberOf('2017-06-01'), endDay: dayNumberOf(TODAY) + 1 })
  })

  it('ends a law in force bar where its repeal starts', () => {
    const law = aLaw({ inForceOn: '2017-06-01', status: 'repealed', repealedOn: '2020-03' })

    const [bar] = byKind(timelineEvents({ incidents: [], responses: [], laws: [law] }, { today: TODAY }).items, 'law-in-force-period')

    expect(bar).toMatchObject({ isOpenEnded: false, endDay: dayNumberOf('2020-03-01') })
  })

  it('links an incident to each of its responses', () => {
    const incident = anIncident({ occurredOn: '2018-01-03' })
    const apology = aResponse({ kind: 'apology', datedOn: '2018-01-03', incidentIds: [incident.id] })
    const summons = aResponse({ kind: 'summons', datedOn: '2018-01-06', incidentIds: [incident.id] })

    const { links } = timelineEvents({ incidents: [incident], responses: [apology, summons], laws: [] }, { today: TODAY })

    expect(links).toEqual([
      { fromKey: `${incident.id}:incident-occurred`, toKey: `${apology.id}:response` },
      { fromKey: `${incident.id}:incident-occurred`, toKey: `${summons.id}:response` }
    ])
  })

  it('draws the matter as open from the step that opened it to the step that concluded it', () => {
    const incident = anIncident({ occurredOn: '2017' })
    const review = aResponse({ kind: 'review', datedOn: '2017-08-21', incidentIds: [incident.id] })
    const block = aResponse({ kind: 'block-or-ban', datedOn: '2020-06-29', incidentIds: [incident.id] })

    const [matter] = byKind(timelineEvents({ incidents: [incident], responses: [block, review], laws: [] }, { today: TODAY }).items, 'matter-open')

    expect(matter).toMatchObject({ startDay: dayNumberOf('2017-08-21'), endDay: dayNumberOf('2020-06-29'), isOpenEnded: false })
  })

  it('ignores a proposed measure when drawing the matter, and labels it as proposed', () => {
    const incident = anIncident({ occurredOn: '2017' })
    const review = aResponse({ kind: 'review', datedOn: '2017-08-21', incidentIds: [incident.id] })
    const threat = aResponse({ kind: 'block-or-ban', stage: 'proposed', datedOn: '2017-08-22', incidentIds: [incident.id] })

    const { items } = timelineEvents({ incidents: [incident], responses: [review, threat], laws: [] }, { today: TODAY })

    expect(byKind(items, 'matter-open')[0]?.isOpenEnded).toBe(true)
    expect(items.find((item) => item.recordId === threat.id)).toMatchObject({ isProposed: true, kindLabel: 'Block or ban (proposed)' })
  })

  it('places a response in the jurisdictions and categories of its incident', () => {
    const incident = anIncident({ jurisdictionIds: ['CN'], categories: ['consent-dark-pattern'] })
    const response = aResponse({ incidentIds: [incident.id], actorId: 'org-cac' })

    const event = timelineEvents({ incidents: [incident], responses: [response], laws: [] }, { today: TODAY }).items.find(
      (item) => item.recordId === response.id
    )

    expect(event?.memberships).toMatchObject({ jurisdiction: ['CN'], category: ['consent-dark-pattern'], organisation: ['org-cac'] })
  })

  it('lists records with no date instead of drawing them on a made-up day', () => {
    const incident = anIncident({ occurredOn: undefined })

    const content = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY })

    expect(content).toMatchObject({ items: [], undatedRecordIds: [incident.id] })
  })

  it('puts an incident occurring before its disclosure when both have the same date', () => {
    const incident = anIncident({ occurredOn: '2015-05', disclosedOn: '2015-05' })

    const kinds = timelineEvents({ incidents: [incident], responses: [], laws: [] }, { today: TODAY }).items.map((item) => item.kind)

    expect(kinds).toEqual(['incident-occurred', 'incident-disclosed'])
  })

  it('orders items chronologically, a whole month before a day in it', () => {
    const day = anIncident({ occurredOn: '2015-05-10' })
    const month = anIncident({ occurredOn: '2015-05' })
    const earlier = anIncident({ occurredOn: '2014' })

    const ids = timelineEvents({ incidents: [day, month, earlier], responses: [], laws: [] }, { today: TODAY }).items.map((item) => item.recordId)

    expect(ids).toEqual([earlier.id, month.id, day.id])
  })
})

describe('describeTimelineItem', () => {
  it('says the kind, the title and the date at its precision, and notes an approximate date', () => {
    const [event] = timelineEvents(
      { incidents: [anIncident({ title: 'UC Browser leak', occurredOn: '2015-05~' })], responses: [], laws: [] },
      { today: TODAY }
    ).items

    expect(describeTimelineItem(event!)).toBe('Incident occurred: UC Browser leak — c. May 2015 (approximate date)')
  })
})

describe('timelineItemLabel', () => {
  it('names a bar by what it is before the record', () => {
    const [bar] = timelineEvents(
      { incidents: [], responses: [], laws: [aLaw({ title: 'Cybersecurity Law', inForceOn: '2017-06-01', adoptedOn: undefined })] },
      { today: TODAY }
    ).items.filter((item) => item.shape === 'range')

    expect(timelineItemLabel(bar!)).toBe('Law in force: Cybersecurity Law — 1 June 2017 – open-ended')
  })
})
