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
  ENGLISH_DATE_WORDS,
  type DatePoint,
  type DateWords,
  type PartialDate
} from './partialDate'
import { message, type Message } from '../locale/message'

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
  readonly reason: string
  readonly summary: string
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

function onOrIn(date: PartialDate): string {
  return isExactDay(date) ? `on ${formatPartialDate(date)}` : `in ${formatPartialDate(date)}`
}

/** Why an incident date cannot be placed on one side of a boundary date. */
function imprecisionOf(subject: string, date: PartialDate): string | undefined {
  if (isApproximate(date)) return `${subject} is approximate (${formatPartialDate(date)})`
  if (isRange(date)) return `${subject} spans ${formatPartialDate(date)}`
  const precision = precisionOf(date)
  if (precision === 'year') return `${subject} is known only to the year ${formatPartialDate(date)}`
  if (precision === 'month') return `${subject} is known only to the month ${formatPartialDate(date)}`
  return undefined
}

// Names every vague date involved, so the reader sees what would have to be known more precisely.
function uncertaintyCause(date: PartialDate, boundary: PartialDate, boundarySubject: string): string {
  const causes = [imprecisionOf('the incident', date), imprecisionOf(boundarySubject, boundary)].filter((cause) => cause !== undefined)
  // Two exact days always compare certainly, so there is at least one cause; the fallback keeps the reason non-empty.
  return causes.length > 0 ? causes.join(' and ') : `${formatPartialDate(date)} and ${formatPartialDate(boundary)} overlap`
}

/*
 * The same answers as messages (src/locales/<language>/lawInForce.json), with dates written in
 * the reader's language, for documents written in a chosen language (briefings). Each branch of
 * `judgeInForce` says its answer both ways, so the two cannot drift apart in what they decide.
 */
type DateSubject = 'incident' | 'entry-into-force' | 'repeal'

function imprecisionMessage(subject: DateSubject, date: PartialDate, words: DateWords): Message | undefined {
  const subjectWords =
    subject === 'incident' ? message('lawInForce.subject.incident') : subject === 'entry-into-force' ? message('lawInForce.subject.entryIntoForce') : message('lawInForce.subject.repeal')
  const values = { subject: subjectWords, date: formatPartialDate(date, words) }
  if (isApproximate(date)) return message('lawInForce.imprecise.approximate', values)
  if (isRange(date)) return message('lawInForce.imprecise.range', values)
  const precision = precisionOf(date)
  if (precision === 'year') return message('lawInForce.imprecise.year', values)
  if (precision === 'month') return message('lawInForce.imprecise.month', values)
  return undefined
}

function uncertaintyCauseMessage(date: PartialDate, boundary: PartialDate, subject: DateSubject, words: DateWords): Message {
  const causes = [imprecisionMessage('incident', date, words), imprecisionMessage(subject, boundary, words)].filter((cause) => cause !== undefined)
  const [first, second] = causes
  if (first === undefined) return message('lawInForce.overlap', { date: formatPartialDate(date, words), boundary: formatPartialDate(boundary, words) })
  return second === undefined ? first : message('lawInForce.both', { first, second })
}

function onOrInMessage(date: PartialDate, words: DateWords): Message {
  return isExactDay(date) ? message('lawInForce.onDay', { date: formatPartialDate(date, words) }) : message('lawInForce.inPeriod', { date: formatPartialDate(date, words) })
}

/** The dates a check measures against, and how the start is worded. */
interface InForceBounds {
  readonly inForceFrom?: PartialDate
  readonly fromPhrase: 'in force from' | 'applies from'
  readonly repealedOn?: PartialDate
}

const MISSING_START_REASON = "the law's entry into force is not recorded"

function onOrDuring(date: PartialDate): string {
  return isRange(date) ? `throughout ${formatPartialDate(date)}` : onOrIn(date)
}

/** An answer, and its one-line summary as a message in the language of the `DateWords` given. */
interface InForceJudgement {
  readonly check: InForceCheck
  readonly summary: Message
}

function judgeInForce(bounds: InForceBounds, date: PartialDate | undefined, words: DateWords): InForceJudgement {
  const { inForceFrom, repealedOn } = bounds
  const known = { ...(inForceFrom && { inForceFrom }), ...(repealedOn && { repealedOn }) }
  const answer = (state: InForceState, reason: string, summary: string, worded: Message): InForceJudgement => ({ check: { state, reason, summary, ...known }, summary: worded })
  const unknown = (reason: string, worded: Message) => answer('unknown', reason, `Unknown: ${reason}`, message('lawInForce.unknown', { reason: worded }))
  const uncertain = (reason: string, worded: Message) => answer('uncertain', reason, `Uncertain: ${reason}`, message('lawInForce.uncertain', { reason: worded }))

  if (inForceFrom === undefined) return unknown(MISSING_START_REASON, message('lawInForce.startNotRecorded'))
  const startText = `${bounds.fromPhrase} ${formatPartialDate(inForceFrom)}`
  const fromWords = { date: formatPartialDate(inForceFrom, words) }
  const startWords = bounds.fromPhrase === 'in force from' ? message('lawInForce.inForceFrom', fromWords) : message('lawInForce.appliesFrom', fromWords)
  if (date === undefined) return unknown(`${startText}; the incident's date is not recorded`, message('lawInForce.dateNotRecorded', { start: startWords }))
  const inForceSummary = `In force ${onOrDuring(date)}`
  const inForceWords = isRange(date) ? message('lawInForce.inForceThroughout', { date: formatPartialDate(date, words) }) : message('lawInForce.inForce', { when: onOrInMessage(date, words) })

  const incident = spanOf(date)
  const start = spanOf(inForceFrom)
  if (incident.last < start.first) {
    const from = bounds.fromPhrase === 'in force from' ? `from ${formatPartialDate(inForceFrom)}` : startText
    const notYet = bounds.fromPhrase === 'in force from' ? message('lawInForce.notYetFrom', fromWords) : message('lawInForce.notYet', { start: startWords })
    return answer('not-yet-in-force', startText, `Not yet in force (${from})`, notYet)
  }
  if (incident.first < start.last) {
    return uncertain(
      `${startText}; ${uncertaintyCause(date, inForceFrom, 'the date it came into force')}`,
      message('lawInForce.because', { boundary: startWords, cause: uncertaintyCauseMessage(date, inForceFrom, 'entry-into-force', words) })
    )
  }
  if (repealedOn === undefined) return answer('in-force', startText, inForceSummary, inForceWords)

  // In force up to the day before repeal: repealed "on" a day means no longer in force that day.
  const repeal = spanOf(repealedOn)
  const repealText = `repealed ${onOrIn(repealedOn)}`
  const repealWords = message('lawInForce.repealed', { when: onOrInMessage(repealedOn, words) })
  if (incident.first >= repeal.last) return answer('repealed', repealText, `No longer in force (${repealText})`, message('lawInForce.noLonger', { repeal: repealWords }))
  if (incident.last >= repeal.first) {
    return uncertain(
      `${repealText}; ${uncertaintyCause(date, repealedOn, 'the date of repeal')}`,
      message('lawInForce.because', { boundary: repealWords, cause: uncertaintyCauseMessage(date, repealedOn, 'repeal', words) })
    )
  }
  return answer('in-force', `${startText}; ${repealText}`, inForceSummary, inForceWords)
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
  return judgeInForce(lawBounds(law), date, ENGLISH_DATE_WORDS).check
}

/**
 * Was this provision of the law in force on `date`? As `lawStatusOn`, except that a provision's own
 * `inForceOn` and `repealedOn` (set when an amendment added or removed it) take the place of the law's.
 */
export function provisionInForceOn(law: Law, provision: Provision, date: PartialDate | undefined): InForceCheck {
  return judgeInForce(provisionBounds(law, provision), date, ENGLISH_DATE_WORDS).check
}

/** A provision's own dates (set when an amendment added or removed it) in place of the law's. */
function provisionBounds(law: Law, provision: Provision): InForceBounds {
  const bounds = lawBounds(law)
  const inForceFrom = provision.inForceOn ?? bounds.inForceFrom
  const repealedOn = provision.repealedOn ?? bounds.repealedOn
  return {
    ...(inForceFrom && { inForceFrom }),
    fromPhrase: provision.inForceOn ? 'in force from' : bounds.fromPhrase,
    ...(repealedOn && { repealedOn })
  }
}

/**
 * The summary of `lawStatusOn` (no provision) or `provisionInForceOn` as a message, its dates
 * written with `words`: what a document in a chosen language says ("2018年1月3日已施行").
 */
export function inForceSummaryMessage(law: Law, provision: Provision | undefined, date: PartialDate | undefined, words: DateWords): Message {
  return judgeInForce(provision === undefined ? lawBounds(law) : provisionBounds(law, provision), date, words).summary
}
