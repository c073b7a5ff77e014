import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { escapeICalendarText, exportICalendar, foldICalendarLine } from '@shared/interchange/export/iCalendar'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aLaw, aResponse, aSource, anIncident } from '../../../builders/sharedDomain'
import { thrownInEnglish } from '../../../support/words'

const NOW = '2026-11-29T10:00:00.000Z'
const encoder = new TextEncoder()
const strictDecoder = new TextDecoder('utf-8', { fatal: true })

/** RFC 5545 unfolding: a line break followed by one space or tab is removed. */
function unfold(text: string): string[] {
  return text.replace(/\r\n[ \t]/g, '').split('\r\n')
}

/** The inverse of TEXT escaping, written independently of the code under test. */
function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_, character: string) => (character === 'n' || character === 'N' ? '\n' : character))
}

/** The events of a calendar as property maps (name with parameters → value), after unfolding. */
function eventsOf(calendar: string): Record<string, string>[] {
  const events: Record<string, string>[] = []
  let current: Record<string, string> | undefined
  for (const line of unfold(calendar)) {
    if (line === 'BEGIN:VEVENT') current = {}
    else if (line === 'END:VEVENT') {
      events.push(current!)
      current = undefined
    } else if (current !== undefined) {
      const colon = line.indexOf(':')
      current[line.slice(0, colon)] = line.slice(colon + 1)
    }
  }
  return events
}

const incident = anIncident({
  id: 'inc-alipay',
  title: '支付宝年度账单默认勾选，用户被同意芝麻信用协议; a long title, with commas\\and a backslash',
  summary: '第一行\n第二行, with a comma; and 😀 an emoji',
  occurredOn: '2018-01',
  disclosedOn: '2018-01-03',
  reportedOn: '2017~'
})
const response = aResponse({ id: 'resp-ban', title: 'Threatened ban', kind: 'block-or-ban', stage: 'proposed', datedOn: '2017-08-21/2017-08-22' })
const law = aLaw({ id: 'law-csl', title: 'Cybersecurity Law', shortName: 'CSL', adoptedOn: '2016-11-07', inForceOn: '2017-06', appliesFromOn: '2017' })
const records: TypedRecord[] = [
  { type: 'incident', record: incident },
  { type: 'response', record: response },
  { type: 'law', record: law },
  { type: 'source', record: aSource({ publishedOn: '2018-01' }) }
]

describe('exportICalendar', () => {
  const calendar = exportICalendar(recordSetOf(records), { now: NOW })
  const events = eventsOf(calendar)

  it('is a VCALENDAR with CRLF line ends, VERSION, PRODID and one event per dated step', () => {
    expect(calendar.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true)
    expect(calendar.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(calendar.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(events.map((event) => event.UID)).toEqual([
      'law-csl:law-adopted@precedent',
      'inc-alipay:incident-reported@precedent',
      'law-csl:law-applies-from@precedent',
      'law-csl:law-in-force@precedent',
      'resp-ban:response@precedent',
      'inc-alipay:incident-occurred@precedent',
      'inc-alipay:incident-disclosed@precedent'
    ])
    for (const event of events) expect(event.DTSTAMP).toBe('20261129T100000Z')
  })

  it('spans a month-, year- or range-precision date over its whole period, with an exclusive end, and says so', () => {
    const byUid = new Map(events.map((event) => [event.UID, event]))
    expect(byUid.get('inc-alipay:incident-occurred@precedent')).toMatchObject({ 'DTSTART;VALUE=DATE': '20180101', 'DTEND;VALUE=DATE': '20180201' })
    expect(unescapeText(byUid.get('inc-alipay:incident-occurred@precedent')!.SUMMARY!)).toMatch(/^Incident occurred: 支付宝.* \(month precision\)$/)
    expect(byUid.get('inc-alipay:incident-disclosed@precedent')).toMatchObject({ 'DTSTART;VALUE=DATE': '20180103', 'DTEND;VALUE=DATE': '20180104' })
    expect(unescapeText(byUid.get('inc-alipay:incident-disclosed@precedent')!.SUMMARY!)).not.toMatch(/precision/)
    expect(byUid.get('inc-alipay:incident-reported@precedent')).toMatchObject({ 'DTSTART;VALUE=DATE': '20170101', 'DTEND;VALUE=DATE': '20180101' })
    expect(unescapeText(byUid.get('inc-alipay:incident-reported@precedent')!.SUMMARY!)).toMatch(/\(approximate, year precision\)$/)
    expect(byUid.get('law-csl:law-in-force@precedent')).toMatchObject({ 'DTSTART;VALUE=DATE': '20170601', 'DTEND;VALUE=DATE': '20170701' })
    expect(byUid.get('resp-ban:response@precedent')).toMatchObject({ 'DTSTART;VALUE=DATE': '20170821', 'DTEND;VALUE=DATE': '20170823', STATUS: 'TENTATIVE' })
    expect(unescapeText(byUid.get('resp-ban:response@precedent')!.SUMMARY!)).toBe('Block or ban (proposed): Threatened ban (date range)')
  })

  it('escapes text so the CJK title and summary come back exactly', () => {
    const occurred = events.find((event) => event.UID === 'inc-alipay:incident-occurred@precedent')!
    expect(unescapeText(occurred.SUMMARY!)).toBe(`Incident occurred: ${incident.title} (month precision)`)
    expect(unescapeText(occurred.DESCRIPTION!)).toBe(`Date as recorded: January 2018.\n\n${incident.summary}`)
    expect(occurred.SUMMARY).toContain('\\;')
    expect(occurred.SUMMARY).toContain('\\,')
    expect(occurred.SUMMARY).toContain('\\\\')
  })

  it('folds every physical line to at most 75 octets, each valid UTF-8 on its own', () => {
    const physical = calendar.split('\r\n')
    expect(physical.some((line) => line.startsWith(' '))).toBe(true)
    for (const line of physical) {
      const bytes = encoder.encode(line)
      expect(bytes.length).toBeLessThanOrEqual(75)
      expect(strictDecoder.decode(bytes)).toBe(line)
    }
  })

  it('gives the same calendar for the same records and time', () => {
    expect(exportICalendar(recordSetOf(records), { now: NOW })).toBe(calendar)
  })

  it('refuses, saying why, when nothing chosen has a date (RFC 5545 wants at least one event)', () => {
    expect(thrownInEnglish(() => exportICalendar(recordSetOf([{ type: 'incident', record: anIncident() }]), { now: NOW }))).toContain(
      'None of the chosen records has a date, so there is nothing to put in a calendar'
    )
  })
})

describe('escapeICalendarText and foldICalendarLine', () => {
  it('escapes backslash first, then ; , and line breaks (CRLF too)', () => {
    expect(escapeICalendarText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  it('never splits a character, whatever the mix of 1- to 4-octet characters', () => {
    const character = fc.constantFrom('a', 'é', '支', '付', '😀', ',', ' ')
    fc.assert(
      fc.property(
        fc.array(character, { maxLength: 200 }).map((chars) => `SUMMARY:${chars.join('')}`),
        (line) => {
          const folded = foldICalendarLine(line)
          const physical = folded.split('\r\n')
          physical.forEach((part, index) => {
            const bytes = encoder.encode(part)
            expect(bytes.length).toBeLessThanOrEqual(75)
            expect(strictDecoder.decode(bytes)).toBe(part)
            if (index > 0) expect(part.startsWith(' ')).toBe(true)
          })
          expect(unfold(folded)).toEqual([line])
        }
      )
    )
  })

  it('fills a line as far as 75 octets allow before folding', () => {
    const folded = foldICalendarLine(`X:${'支'.repeat(40)}`)
    const [first, second] = folded.split('\r\n')
    expect(encoder.encode(first).length).toBe(74) // "X:" + 24 three-octet characters; a 25th would make 77
    expect(first).toBe(`X:${'支'.repeat(24)}`)
    expect(second).toBe(` ${'支'.repeat(16)}`)
  })
})
