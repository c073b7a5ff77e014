import { describe, expect, it } from 'vitest'
import { dayNumberOf } from '@shared/timeline/dayNumber'
import {
  axisTicks,
  axisUnitFor,
  centreOn,
  dayToX,
  fitDays,
  MAX_PX_PER_DAY,
  MIN_PX_PER_DAY,
  panBy,
  snapScale,
  xToDay,
  zoomAbout
} from '@shared/timeline/timelineScale'

const scale = { startDay: 1000, pxPerDay: 2 }

describe('timeline scale', () => {
  it('maps a day to x and back', () => {
    expect(xToDay(dayToX(1234.5, scale), scale)).toBe(1234.5)
  })

  it('keeps the day under the pointer in place when zooming about it', () => {
    const zoomed = zoomAbout(scale, 3, 400)

    expect(xToDay(400, zoomed)).toBeCloseTo(xToDay(400, scale), 9)
  })

  it('never zooms in further than a day', () => {
    expect(zoomAbout(scale, 1e9, 0).pxPerDay).toBe(MAX_PX_PER_DAY)
  })

  it('never zooms out further than centuries', () => {
    expect(zoomAbout(scale, 1e-9, 0).pxPerDay).toBe(MIN_PX_PER_DAY)
  })

  it('shows earlier days when dragged to the right', () => {
    expect(panBy(scale, 20).startDay).toBe(990)
  })

  it('puts a day in the middle of the view', () => {
    expect(dayToX(5000, centreOn(scale, 5000, 800))).toBe(400)
  })

  it('fits a period into the view with a margin on each side', () => {
    const fitted = fitDays(0, 100, 1100, 0.05)

    expect([dayToX(0, fitted), dayToX(100, fitted)]).toEqual([50, 1050])
  })

  it('rounds to what a bookmark holds: the start to the minute, the zoom to four figures', () => {
    expect(snapScale({ startDay: 10.123456, pxPerDay: 2.345678 })).toEqual({ startDay: Math.round(10.123456 * 1440) / 1440, pxPerDay: 2.346 })
  })
})

describe('axisTicks', () => {
  it('labels months when a month is wide enough', () => {
    const monthScale = { startDay: dayNumberOf('2018-01-01'), pxPerDay: 3 }

    expect(axisTicks(monthScale, 200).map((tick) => tick.label)).toEqual(['Jan 2018', 'Feb 2018', 'Mar 2018'])
  })

  it('labels years, not days, when zoomed out', () => {
    const yearScale = { startDay: dayNumberOf('2015-06-01'), pxPerDay: 0.2 }

    expect(axisTicks(yearScale, 300).map((tick) => tick.label)).toEqual(['2016', '2017', '2018', '2019'])
  })

  it('says what unit each tick starts, so its label can be written in any language', () => {
    expect(axisTicks({ startDay: dayNumberOf('2018-01-01'), pxPerDay: 3 }, 100).map((tick) => tick.unit)).toEqual(['month', 'month'])
    expect(axisTicks({ startDay: dayNumberOf('2018-01-01'), pxPerDay: 100 }, 150).map((tick) => [tick.unit, tick.label])).toEqual([
      ['day', '1 Jan'],
      ['day', '2 Jan']
    ])
    expect(axisTicks({ startDay: dayNumberOf('2009-06-01'), pxPerDay: 0.05 }, 300).map((tick) => [tick.unit, tick.label])).toEqual([
      ['decade', '2010s'],
      ['decade', '2020s']
    ])
    // Zoomed out furthest, ticks fifty years apart are years, not decades.
    expect(axisTicks({ startDay: dayNumberOf('1940-01-01'), pxPerDay: 0.01 }, 500).map((tick) => [tick.unit, tick.label])).toEqual([
      ['year', '1950'],
      ['year', '2000'],
      ['year', '2050']
    ])
  })

  it('chooses days, months, years or decades by zoom', () => {
    expect([100, 5, 0.5, 0.05].map(axisUnitFor)).toEqual(['day', 'month', 'year', 'decade'])
  })
})
