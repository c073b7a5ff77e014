import { LAW_STATUS_LABELS, type Law, type LawStatus, type Provision } from './law'
import {
  comparePartialDates,
  earliestDay,
  formatPartialDate,
  isApproximate,
  isRange,
  latestDay,
  parseKnownPartialDate,
  precisionOf,
  type DatePoint,
  type PartialDate
} from './partialDate'
import { dateValue, message, type DateValue, type Message } from '../locale/message'

/**
 * One step of a law's life: from `from` the law had `status`, until the next period began (`until`).
 * Both dates keep their precision; `label` says what the date records ("Applies from" for a law
 * that entered into force earlier but binds only later).
 */
export interface LawStatusPeriod {
  readonly status: LawStatus
  /** What the date records, as a code for words at the edge: the status itself, or one of the two dates apart from it. */
  readonly recorded: LawStatusDate
  readonly label: string
  readonly from: PartialDate
  /** When the next period began; absent for the current one. */
  readonly until?: PartialDate
}

/** What a status period's date records: a status, or the draft's publication, or the day a law in force applies from. */
export type LawStatusDate = LawStatus | 'draft-published' | 'applies-from'

interface LawStatusEvent {
  readonly status: LawStatus
  readonly recorded: LawStatusDate
  readonly label: string
  readonly on: PartialDate
}

// Same-date events keep the law's own order of life (adopted and in force on one day reads that way).
const LIFE_ORDER: Record<LawStatus, number> = { draft: 0, adopted: 1, 'in-force': 2, amended: 3, repealed: 4 }

function lawStatusEvents(law: Law): LawStatusEvent[] {
  const events: LawStatusEvent[] = []
  if (law.draftOn) events.push({ status: 'draft', recorded: 'draft-published', label: 'Draft published', on: law.draftOn })
  if (law.adoptedOn) events.push({ status: 'adopted', recorded: 'adopted', label: LAW_STATUS_LABELS.adopted, on: law.adoptedOn })
  if (law.inForceOn) events.push({ status: 'in-force', recorded: 'in-force', label: LAW_STATUS_LABELS['in-force'], on: law.inForceOn })
  if (law.appliesFromOn) events.push({ status: 'in-force', recorded: 'applies-from', label: 'Applies from', on: law.appliesFromOn })
  for (const amendedOn of law.amendedOn) events.push({ status: 'amended', recorded: 'amended', label: LAW_STATUS_LABELS.amended, on: amendedOn })
  if (law.repealedOn) events.push({ status: 'repealed', recorded: 'repealed', label: LAW_STATUS_LABELS.repealed, on: law.repealedOn })
  return events.sort((a, b) => comparePartialDates(a.on, b.on) || LIFE_ORDER[a.status] - LIFE_ORDER[b.status])
}

/**
 * The law's status over time, in date order, built from its recorded dates: draft → adopted →
 * in force (and "applies from") → each amendment → repealed. Dates that are not recorded give no
 * period, so a law with no dates has an empty timeline (its current status is still `law.status`).
 */
export function lawStatusTimeline(law: Law): LawStatusPeriod[] {
  const events = lawStatusEvents(law)
  return events.map((event, index) => {
    const next = events[index + 1]
    return next === undefined
      ? { status: event.status, recorded: event.recorded, label: event.label, from: event.on }
      : { status: event.status, recorded: event.recorded, label: event.label, from: event.on, until: next.on }
  })
}

/** Whether a law or provision was in force on a date, as far as the recorded dates can tell. */
export type InForceState = 'in-force' | 'not-yet-in-force' | 'repealed' | 'uncertain' | 'unknown'

/**
 * The answer to "was it in force on this date?", with the reason in words a person can check
 * ("in force from 1 June 2017; the incident is known only to the year 2017") and a one-line
 * summary that states the answer in words, never by colour alone ("In force on 3 January 2018",
 * "Not yet in force (from 1 June 2017)", "Uncertain: …"). `inForceFrom` and `repealedOn` are the
 * dates the answer was reached from.
 */
export interface InForceCheck {
  readonly state: InForceState
  /** In English (briefings write these); `reasonMessage` and `summaryMessage` are the same for words in any language. */
  readonly reason: string
  readonly summary: string
  readonly reasonMessage: Message
  readonly summaryMessage: Message
  readonly inForceFrom?: PartialDate
  readonly repealedOn?: PartialDate
}

/** The days a partial date can mean, as `YYYY-MM-DD`, widened when it is approximate. */
interface DaySpan {
  readonly first: string
  readonly last: string
}

function isoDay(utcMilliseconds: number): string {
  return new Date(utcMilliseconds).toISOString().slice(0, 10)
}

// An approximate date may be off by one unit of its own precision ("c. June 2017" may be May or
// July), so a boundary that falls within that margin never gets a certain answer.
function firstDayWidened(point: DatePoint): string {
  if (point.month === undefined) return isoDay(Date.UTC(point.year - 1, 0, 1))
  if (point.day === undefined) return isoDay(Date.UTC(point.year, point.month - 2, 1))
  return isoDay(Date.UTC(point.year, point.month - 1, point.day - 1))
}

function lastDayWidened(point: DatePoint): string {
  if (point.month === undefined) return isoDay(Date.UTC(point.year + 1, 11, 31))
  if (point.day === undefined) return isoDay(Date.UTC(point.year, point.month + 1, 0))
  return isoDay(Date.UTC(point.year, point.month - 1, point.day + 1))
}

function spanOf(date: PartialDate): DaySpan {
  const { start, end } = parseKnownPartialDate(date)
  const last = end ?? start
  return {
    first: start.isApproximate ? firstDayWidened(start) : earliestDay(date),
    last: last.isApproximate ? lastDayWidened(last) : latestDay(date)
  }
}

/** Is the date one known day (not approximate, not a range, not a month or year)? */
function isExactDay(date: PartialDate): boolean {
  return !isApproximate(date) && !isRange(date) && precisionOf(date) === 'day'
}

/**
 * A part of an answer in English (as briefings write it) and as a message (for words in any
 * language), composed side by side so the two always say the same.
 */
interface Worded {
  readonly text: string
  readonly message: Message
}

const worded = (text: string, wordedMessage: Message): Worded => ({ text, message: wordedMessage })
/** A date in English and as a message's value (written at its precision in the reader's language). */
const date = (value: PartialDate): { readonly text: string; readonly message: DateValue } => ({ text: formatPartialDate(value), message: dateValue(value) })

function repealWords(on: PartialDate): Worded {
  const when = date(on)
  return isExactDay(on)
    ? worded(`repealed on ${when.text}`, message('inForce.repealedOn', { date: when.message }))
    : worded(`repealed in ${when.text}`, message('inForce.repealedIn', { date: when.message }))
}

/** What a boundary date is, in a reason about it. */
type BoundarySubject = 'incident' | 'start' | 'repeal'

const SUBJECTS: Readonly<Record<BoundarySubject, Worded>> = {
  incident: worded('the incident', message('inForce.subject.incident')),
  start: worded('the date it came into force', message('inForce.subject.start')),
  repeal: worded('the date of repeal', message('inForce.subject.repeal'))
}

/** Why an incident date cannot be placed on one side of a boundary date. */
function imprecisionOf(subjectCode: BoundarySubject, value: PartialDate): Worded | undefined {
  const subject = SUBJECTS[subjectCode]
  const when = date(value)
  const values = { subject: subject.message, date: when.message }
  if (isApproximate(value)) return worded(`${subject.text} is approximate (${when.text})`, message('inForce.imprecision.approximate', values))
  if (isRange(value)) return worded(`${subject.text} spans ${when.text}`, message('inForce.imprecision.spans', values))
  const precision = precisionOf(value)
  if (precision === 'year') return worded(`${subject.text} is known only to the year ${when.text}`, message('inForce.imprecision.year', values))
  if (precision === 'month') return worded(`${subject.text} is known only to the month ${when.text}`, message('inForce.imprecision.month', values))
  return undefined
}

// Names every vague date involved, so the reader sees what would have to be known more precisely.
function uncertaintyCause(value: PartialDate, boundary: PartialDate, boundarySubject: BoundarySubject): Worded {
  const causes = [imprecisionOf('incident', value), imprecisionOf(boundarySubject, boundary)].filter((cause) => cause !== undefined)
  const [first, second] = causes
  if (first !== undefined && second !== undefined)
    return worded(`${first.text} and ${second.text}`, message('inForce.both', { first: first.message, second: second.message }))
  if (first !== undefined) return first
  // Two exact days always compare certainly, so there is at least one cause; the fallback keeps the reason non-empty.
  const [one, other] = [date(value), date(boundary)]
  return worded(`${one.text} and ${other.text} overlap`, message('inForce.overlap', { date: one.message, boundary: other.message }))
}

/** The dates a check measures against, and how the start is worded. */
interface InForceBounds {
  readonly inForceFrom?: PartialDate
  readonly fromPhrase: 'in force from' | 'applies from'
  readonly repealedOn?: PartialDate
}

const MISSING_START_REASON = worded("the law's entry into force is not recorded", message('inForce.startNotRecorded'))

/** "the incident's start; the cause" and the like: two parts of a reason. */
const joined = (start: Worded, then: Worded): Worded =>
  worded(`${start.text}; ${then.text}`, message('inForce.then', { start: start.message, then: then.message }))

function checkInForce(bounds: InForceBounds, on: PartialDate | undefined): InForceCheck {
  const { inForceFrom, repealedOn } = bounds
  const known = { ...(inForceFrom && { inForceFrom }), ...(repealedOn && { repealedOn }) }
  const answer = (state: InForceState, reason: Worded, summary: Worded): InForceCheck => ({
    state,
    reason: reason.text,
    summary: summary.text,
    reasonMessage: reason.message,
    summaryMessage: summary.message,
    ...known
  })
  const unknown = (reason: Worded) =>
    answer('unknown', reason, worded(`Unknown: ${reason.text}`, message('inForce.summary.unknown', { reason: reason.message })))
  const uncertain = (reason: Worded) =>
    answer('uncertain', reason, worded(`Uncertain: ${reason.text}`, message('inForce.summary.uncertain', { reason: reason.message })))

  if (inForceFrom === undefined) return unknown(MISSING_START_REASON)
  const from = date(inForceFrom)
  const appliesFrom = bounds.fromPhrase === 'applies from'
  const startText = appliesFrom
    ? worded(`applies from ${from.text}`, message('inForce.appliesFrom', { date: from.message }))
    : worded(`in force from ${from.text}`, message('inForce.inForceFrom', { date: from.message }))
  if (on === undefined) return unknown(joined(startText, worded("the incident's date is not recorded", message('inForce.incidentDateNotRecorded'))))
  const when = date(on)
  const inForceSummary = isRange(on)
    ? worded(`In force throughout ${when.text}`, message('inForce.summary.inForceThroughout', { date: when.message }))
    : isExactDay(on)
      ? worded(`In force on ${when.text}`, message('inForce.summary.inForceOn', { date: when.message }))
      : worded(`In force in ${when.text}`, message('inForce.summary.inForceIn', { date: when.message }))

  const incident = spanOf(on)
  const start = spanOf(inForceFrom)
  if (incident.last < start.first) {
    const notYet = appliesFrom
      ? worded(`Not yet in force (${startText.text})`, message('inForce.summary.notYetApplies', { date: from.message }))
      : worded(`Not yet in force (from ${from.text})`, message('inForce.summary.notYet', { date: from.message }))
    return answer('not-yet-in-force', startText, notYet)
  }
  if (incident.first < start.last) return uncertain(joined(startText, uncertaintyCause(on, inForceFrom, 'start')))
  if (repealedOn === undefined) return answer('in-force', startText, inForceSummary)

  // In force up to the day before repeal: repealed "on" a day means no longer in force that day.
  const repeal = spanOf(repealedOn)
  const repealText = repealWords(repealedOn)
  if (incident.first >= repeal.last)
    return answer(
      'repealed',
      repealText,
      worded(`No longer in force (${repealText.text})`, message('inForce.summary.repealed', { repeal: repealText.message }))
    )
  if (incident.last >= repeal.first) return uncertain(joined(repealText, uncertaintyCause(on, repealedOn, 'repeal')))
  return answer('in-force', joined(startText, repealText), inForceSummary)
}

/**
 * The date from which the law binds: "applies from" when recorded (the GDPR entered into force in
 * 2016 but applied from 25 May 2018), else "in force from".
 */
function lawBounds(law: Law): InForceBounds {
  const inForceFrom = law.appliesFromOn ?? law.inForceOn
  return {
    ...(inForceFrom && { inForceFrom }),
    fromPhrase: law.appliesFromOn ? 'applies from' : 'in force from',
    ...(law.repealedOn && { repealedOn: law.repealedOn })
  }
}

/**
 * Was the law in force on `date`? Honest with precision: the answer is certain only when every day
 * the date can mean (its whole span, widened by one unit when approximate) falls on the same side
 * of the law's dates; otherwise it is 'uncertain' and the reason says which date is too vague.
 * A law whose entry into force (or application) is not recorded gives 'unknown'.
 */
export function lawStatusOn(law: Law, date: PartialDate | undefined): InForceCheck {
  return checkInForce(lawBounds(law), date)
}

/**
 * Was this provision of the law in force on `date`? As `lawStatusOn`, except that a provision's own
 * `inForceOn` and `repealedOn` (set when an amendment added or removed it) take the place of the law's.
 */
export function provisionInForceOn(law: Law, provision: Provision, date: PartialDate | undefined): InForceCheck {
  const bounds = lawBounds(law)
  const inForceFrom = provision.inForceOn ?? bounds.inForceFrom
  const repealedOn = provision.repealedOn ?? bounds.repealedOn
  return checkInForce(
    {
      ...(inForceFrom && { inForceFrom }),
      fromPhrase: provision.inForceOn ? 'in force from' : bounds.fromPhrase,
      ...(repealedOn && { repealedOn })
    },
    date
  )
}

/** The one-line answer for a law as a whole (no provision) or one of its provisions, as a message (briefings). */
export function inForceSummaryMessage(law: Law, provision: Provision | undefined, date: PartialDate | undefined): Message {
  return (provision === undefined ? lawStatusOn(law, date) : provisionInForceOn(law, provision, date)).summaryMessage
}
