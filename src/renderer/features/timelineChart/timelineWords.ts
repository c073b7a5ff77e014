import { formatPartialDate, type PartialDate } from '@shared/domain/partialDate'
import { dayKeyOf } from '@shared/timeline/dayNumber'
import { describeTimelineItem, timelineItemLabel, type TimelineItem } from '@shared/timeline/timelineEvents'
import type { AxisTick } from '@shared/timeline/timelineScale'
import { TIMELINE_GROUPINGS, type TimelineGrouping } from '@shared/timeline/timelineLanes'
import { currentLocale, dateWords, domainLabel, formatLocale, i18n } from '@renderer/i18n'

/**
 * The timeline's words in the interface language. src/shared/timeline writes its labels (axis
 * ticks, lane names, item descriptions) in English; English keeps them exactly, other languages
 * write them here from the codes and dates the items and ticks carry (a tick's unit, an item's
 * kind and response kind, its date or its range's dates), never from the English words.
 */

const isEnglish = (): boolean => currentLocale() === 'en'

/** An axis tick's label by its unit: "2018年", "2018年1月", "1月3日", "2010年代". */
export function axisTickLabel(tick: AxisTick): string {
  if (isEnglish()) return tick.label
  const [year, month, day] = dayKeyOf(tick.day).split('-').map(Number) as [number, number, number]
  const moment = new Date(Date.UTC(year, month - 1, day))
  switch (tick.unit) {
    case 'day':
      return new Intl.DateTimeFormat(formatLocale(), { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(moment)
    case 'month':
      return new Intl.DateTimeFormat(formatLocale(), { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(moment)
    case 'decade':
      return i18n.global.t('timeline.chart.decade', { year })
    case 'year':
      return new Intl.DateTimeFormat(formatLocale(), { year: 'numeric', timeZone: 'UTC' }).format(moment)
  }
}

/** A lane's name: names of jurisdictions and organisations as they are, record types and categories in words. */
export function laneLabel(lane: { readonly key: string; readonly label: string }): string {
  if (isEnglish()) return lane.label
  const separator = lane.key.indexOf(':')
  const grouping = TIMELINE_GROUPINGS.find((candidate) => candidate === lane.key.slice(0, separator)) as TimelineGrouping | undefined
  const id = lane.key.slice(separator + 1)
  if (grouping === undefined) return lane.label
  if (id === 'none') return i18n.global.t(`timeline.lanes.none.${grouping}`)
  if (grouping === 'type') return domainLabel('recordType', `${id}.plural`)
  if (grouping === 'category') return domainLabel('incidentCategory', id)
  return lane.label
}

/** "Incident occurred", "Apology (proposed)", "Law in force" in the interface language. */
export function itemKindLabel(item: TimelineItem): string {
  if (isEnglish()) return item.kindLabel
  if (item.responseKind === undefined) return domainLabel('timelineItemKind', item.kind)
  const kind = domainLabel('responseKind', item.responseKind)
  return item.isProposed ? i18n.global.t('timeline.item.proposed', { kind }) : kind
}

const dateText = (date: PartialDate): string => formatPartialDate(date, dateWords())

/** An event's date at its precision; a range's from its first date to its last, or still running. */
export function itemDateLabel(item: TimelineItem): string {
  if (isEnglish()) return item.dateLabel
  if (item.range === undefined) return item.date === undefined ? item.dateLabel : dateText(item.date)
  const { from, until } = item.range
  return until === undefined
    ? i18n.global.t('timeline.item.rangeOpen', { from: dateText(from) })
    : i18n.global.t('timeline.item.range', { from: dateText(from), until: dateText(until) })
}

/** The label drawn beside an item: "Title — May 2015", a range's with its kind first. */
export function itemLabel(item: TimelineItem): string {
  if (isEnglish()) return timelineItemLabel(item)
  const values = { kind: itemKindLabel(item), title: item.title, date: itemDateLabel(item) }
  return i18n.global.t(item.shape === 'range' ? 'timeline.item.rangeLabel' : 'timeline.item.label', values)
}

/** The item in a sentence for screen readers and tooltips (as describeTimelineItem in English). */
export function describeItem(item: TimelineItem): string {
  if (isEnglish()) return describeTimelineItem(item)
  const notes = [
    item.isApproximate ? i18n.global.t('timeline.item.approximate') : '',
    item.isOpenEnded ? i18n.global.t('timeline.item.stillRunning') : ''
  ].filter((note) => note !== '')
  const label =
    item.shape === 'range'
      ? itemLabel(item)
      : i18n.global.t('timeline.item.rangeLabel', { kind: itemKindLabel(item), title: item.title, date: itemDateLabel(item) })
  return notes.length > 0 ? i18n.global.t('timeline.item.notes', { description: label, notes: notes.join('，') }) : label
}
