import { describe, expect, it } from 'vitest'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { exportTimelineJs } from '@shared/interchange/export/timelineJs'
import { escapeHtml } from '@shared/lib/escapeHtml'
import { recordSetOf } from '@shared/interchange/recordSet'
import { aLaw, aResponse, anIncident, anOrganisation } from '../../../builders/sharedDomain'

const XSS = '<img src=x onerror="alert(1)"> & \'quoted\''

const incident = anIncident({
  id: 'inc:1',
  title: `Alipay ${XSS}`,
  summary: `First line\nsecond line\n\n支付宝 ${XSS}`,
  occurredOn: '2018-01',
  disclosedOn: '2018-01-03'
})
const response = aResponse({
  id: 'resp.1',
  title: 'Threatened ban',
  stage: 'proposed',
  kind: 'block-or-ban',
  datedOn: '2017-08-21/2017-08-22~',
  description: 'Officials said the app may be banned.'
})
const law = aLaw({ id: 'law-csl', title: 'Cybersecurity Law', shortName: 'CSL', inForceOn: '2017', summary: 'Network security' })
const records: TypedRecord[] = [
  { type: 'incident', record: incident },
  { type: 'response', record: response },
  { type: 'law', record: law },
  { type: 'organisation', record: anOrganisation() }
]

describe('exportTimelineJs', () => {
  const data = exportTimelineJs(recordSetOf(records))

  it('makes one event per recorded date, grouped by record type, in date order', () => {
    expect(data.events.map((event) => [event.group, event.display_date])).toEqual([
      ['Laws', '2017'],
      ['Responses', '21 August 2017–c. 22 August 2017'],
      ['Incidents', 'January 2018'],
      ['Incidents', '3 January 2018']
    ])
  })

  it('gives dates only the parts known, and a recorded range its end', () => {
    expect(data.events.map((event) => [event.start_date, event.end_date])).toEqual([
      [{ year: 2017 }, undefined],
      [
        { year: 2017, month: 8, day: 21 },
        { year: 2017, month: 8, day: 22 }
      ],
      [{ year: 2018, month: 1 }, undefined],
      [{ year: 2018, month: 1, day: 3 }, undefined]
    ])
    expect(data.events.filter((event) => event.end_date === undefined).every((event) => !('end_date' in event))).toBe(true)
  })

  it('escapes every character of the records, leaving only its own paragraph and line-break tags', () => {
    const occurred = data.events[2]!
    expect(occurred.text.headline).toBe('Alipay &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;')
    expect(occurred.text.text).toBe(
      '<p>Incident occurred — January 2018</p><p>First line<br>second line</p><p>支付宝 &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quoted&#39;</p>'
    )
    for (const event of data.events) {
      expect(event.text.headline).not.toMatch(/[<>"']/)
      expect(event.text.text.replace(/<\/?p>|<br>/g, '')).not.toMatch(/[<>"']/)
    }
    expect(data.events[1]!.text.headline).toBe('Threatened ban')
    expect(data.events[1]!.text.text).toBe('<p>Block or ban (proposed) — 21 August 2017–c. 22 August 2017</p><p>Officials said the app may be banned.</p>')
  })

  it('gives each event a distinct id safe for an address and an element id', () => {
    const ids = data.events.map((event) => event.unique_id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(ids[2]).toBe('inc_3a_1_3a_incident-occurred')
  })

  it('is plain JSON (what a TimelineJS page loads) and the same at every export', () => {
    expect(JSON.parse(JSON.stringify(data))).toEqual(data)
    expect(exportTimelineJs(recordSetOf(records))).toEqual(data)
  })

  it('gives no events when nothing chosen has a date', () => {
    expect(exportTimelineJs(recordSetOf([{ type: 'incident', record: anIncident() }]))).toEqual({ events: [] })
  })
})

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;')
  })
})
