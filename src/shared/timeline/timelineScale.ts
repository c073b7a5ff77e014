import { calendarOf, monthStartDay, type DayNumber } from './dayNumber'

/** How days map to pixels: x = (day - startDay) × pxPerDay. `startDay` may be fractional while panning. */
export interface TimelineScale {
  readonly startDay: DayNumber
  readonly pxPerDay: number
}

/** Zoomed out furthest: about three centuries across a 1,000-pixel view, so decades are easy to see. */
export const MIN_PX_PER_DAY = 0.01
/** Zoomed in furthest: a day is 400 pixels wide. */
export const MAX_PX_PER_DAY = 400

/** Keeps a zoom level between decades and days. */
export function clampPxPerDay(pxPerDay: number): number {
  return Math.min(MAX_PX_PER_DAY, Math.max(MIN_PX_PER_DAY, pxPerDay))
}

/** The x of the start of a day. */
export function dayToX(day: DayNumber, scale: TimelineScale): number {
  return (day - scale.startDay) * scale.pxPerDay
}

/** The (fractional) day at an x. */
export function xToDay(x: number, scale: TimelineScale): DayNumber {
  return scale.startDay + x / scale.pxPerDay
}

/** The days a view of `width` pixels shows, end exclusive. */
export function visibleDays(scale: TimelineScale, width: number): { readonly startDay: DayNumber; readonly endDay: DayNumber } {
  return { startDay: scale.startDay, endDay: xToDay(width, scale) }
}

/**
 * Zooms by `factor` (>1 in, <1 out) keeping the day under `anchorX` where it is, as a wheel or a
 * pinch does; the zoom is clamped between decades and days.
 */
export function zoomAbout(scale: TimelineScale, factor: number, anchorX: number): TimelineScale {
  const anchorDay = xToDay(anchorX, scale)
  const pxPerDay = clampPxPerDay(scale.pxPerDay * factor)
  return { startDay: anchorDay - anchorX / pxPerDay, pxPerDay }
}

/** Moves the view: a positive `dx` (dragging right) shows earlier days. */
export function panBy(scale: TimelineScale, dx: number): TimelineScale {
  return { startDay: scale.startDay - dx / scale.pxPerDay, pxPerDay: scale.pxPerDay }
}

/** Puts `day` in the middle of a view of `width` pixels at the current zoom. */
export function centreOn(scale: TimelineScale, day: DayNumber, width: number): TimelineScale {
  return { startDay: day - width / 2 / scale.pxPerDay, pxPerDay: scale.pxPerDay }
}

/** A scale showing [startDay, endDay) in `width` pixels with a margin of `marginFraction` of the span on each side. */
export function fitDays(startDay: DayNumber, endDay: DayNumber, width: number, marginFraction = 0.05): TimelineScale {
  const span = Math.max(endDay - startDay, 1)
  const margin = span * marginFraction
  const pxPerDay = clampPxPerDay(width / (span + 2 * margin))
  const centre = (startDay + endDay) / 2
  return { startDay: centre - width / 2 / pxPerDay, pxPerDay }
}

/**
 * Rounds a scale to what a bookmark can hold (start to the minute, zoom to four significant
 * figures), so the view shown is exactly the view a bookmark restores.
 */
export function snapScale(scale: TimelineScale): TimelineScale {
  const minutes = Math.round(scale.startDay * 1440)
  return { startDay: minutes / 1440, pxPerDay: clampPxPerDay(Number(scale.pxPerDay.toPrecision(4))) }
}

export type AxisUnit = 'decade' | 'year' | 'month' | 'day'

/** One labelled mark on the time axis. */
export interface AxisTick {
  readonly day: DayNumber
  /** What the mark starts, so its label can be written in any language: a decade's tick says "2010s". */
  readonly unit: AxisUnit
  /** In English: "2018", "2010s", "Jan 2018", "3 Jan". */
  readonly label: string
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const
const MIN_TICK_SPACING_PX = 56

/** The finest calendar unit whose ticks stay at least ~56 px apart at this zoom. */
export function axisUnitFor(pxPerDay: number): AxisUnit {
  if (pxPerDay >= MIN_TICK_SPACING_PX) return 'day'
  if (pxPerDay * 28 >= MIN_TICK_SPACING_PX) return 'month'
  if (pxPerDay * 365 >= MIN_TICK_SPACING_PX) return 'year'
  return 'decade'
}

/**
 * Ticks at calendar boundaries (decades, years, months or days) for the days a view shows.
 * Labels carry only the unit's precision: "2018", "Jan 2018", "3 Jan".
 */
export function axisTicks(scale: TimelineScale, width: number): AxisTick[] {
  const { startDay, endDay } = visibleDays(scale, width)
  const unit = axisUnitFor(scale.pxPerDay)
  const first = calendarOf(startDay)
  const ticks: AxisTick[] = []
  if (unit === 'day') {
    for (let day = Math.ceil(startDay); day < endDay; day += 1) {
      const { day: dayOfMonth, month } = calendarOf(day)
      ticks.push({ day, unit, label: `${dayOfMonth} ${SHORT_MONTHS[month - 1]}` })
    }
  } else if (unit === 'month') {
    for (let index = 0; ; index += 1) {
      const day = monthStartDay(first.year, first.month + index)
      if (day >= endDay) break
      if (day < startDay) continue
      const { year, month } = calendarOf(day)
      ticks.push({ day, unit, label: `${SHORT_MONTHS[month - 1]} ${year}` })
    }
  } else {
    const step = unit === 'year' ? 1 : scale.pxPerDay * 3650 >= MIN_TICK_SPACING_PX ? 10 : 50
    for (let year = Math.floor(first.year / step) * step; ; year += step) {
      const day = monthStartDay(year, 1)
      if (day >= endDay) break
      // Zoomed out furthest, a mark every fifty years is a year's ("1950"), not a decade's.
      if (day >= startDay) ticks.push(step === 10 ? { day, unit: 'decade', label: `${year}s` } : { day, unit: 'year', label: String(year) })
    }
  }
  return ticks
}
