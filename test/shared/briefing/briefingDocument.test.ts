import { describe, expect, it } from 'vitest'
import { composeBriefingDocument, type BriefingBlock, type BriefingDocument, type BriefingInline } from '../../../src/shared/briefing/briefingDocument'
import { briefingForSelection } from '../../../src/shared/briefing/briefingForSelection'
import { recordSetOf } from '../../../src/shared/interchange/recordSet'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { aResponse, aSource, anIncident } from '../../builders/sharedDomain'
import { ALIPAY_INCIDENT_ID, alipayBriefing, alipaySet, sampleRecords } from './sampleBriefing'
import { ENGLISH_WORDS } from '../../builders/languageWords'

const UC_INCIDENT_ID = 'inc-uc-browser-data-transmission'

function inlineText(content: readonly BriefingInline[]): string {
  return content
    .map((inline) => {
      switch (inline.kind) {
        case 'text':
        case 'link':
          return inline.text
        case 'footnote-ref':
          return `[${inline.number}]`
        case 'line-break':
          return '\n'
      }
    })
    .join('')
}

function blockTexts(block: BriefingBlock): string[] {
  switch (block.kind) {
    case 'heading':
      return [block.text]
    case 'paragraph':
    case 'numbered-paragraph':
      return [inlineText(block.content)]
    case 'list':
      return block.items.map(inlineText)
    case 'table':
      return block.rows.map((row) => row.map(inlineText).join(' | '))
    case 'timeline-image':
      return []
  }
}

function sectionOf(doc: BriefingDocument, title: string) {
  const section = doc.sections.find((candidate) => candidate.title === title)
  if (section === undefined) throw new Error(`no section ${title}`)
  return section
}

function sectionText(doc: BriefingDocument, title: string): string[] {
  return sectionOf(doc, title).blocks.flatMap(blockTexts)
}

const ucAndResponses = (): TypedRecord[] =>
  sampleRecords.filter(
    (typed) => typed.record.id === UC_INCIDENT_ID || (typed.type === 'response' && typed.record.incidentIds.includes(UC_INCIDENT_ID as never))
  )

describe('composeBriefingDocument on the Alipay incident', () => {
  const doc = composeBriefingDocument(alipayBriefing(), alipaySet(), ENGLISH_WORDS)

  it('opens with the title, the subtitle and the "as of" day in words', () => {
    expect(doc.title).toBe('Alipay and Sesame Credit: consent by default')
    expect(doc.subtitle).toBe('For the Minister — OFFICIAL')
    expect(doc.asOfText).toBe('As of 29 November 2026')
  })

  it('has the chosen sections in the fixed order', () => {
    expect(doc.sections.map((section) => section.title)).toEqual(['Summary', 'Chronology', 'Legal basis', 'Responses and outcomes', 'Sources'])
  })

  it('numbers the record paragraph and keeps the heading and commentary around it unnumbered', () => {
    const blocks = sectionOf(doc, 'Summary').blocks
    expect(blocks.map((block) => block.kind)).toEqual(['heading', 'numbered-paragraph', 'paragraph', 'paragraph'])
    const numbered = blocks[1]
    expect(numbered?.kind === 'numbered-paragraph' && numbered.number).toBe(1)
    expect(blockTexts(numbered!)[0]).toMatch(
      /^Alipay annual-bill consent default enrolled users in Sesame Credit \(3 January 2018\)\. On 3 January 2018 Alipay/
    )
    expect(blocks.slice(2).flatMap(blockTexts)).toEqual(['The regulator acted within a week.', 'No fine was reported.'])
  })

  it('gives the summary paragraph a note for each source the incident cites', () => {
    const [, numbered] = sectionOf(doc, 'Summary').blocks
    expect(blockTexts(numbered!)[0]).toMatch(/\[1\]\[2\]\[3\]\[4\]\[5\]$/)
    expect(doc.footnotes.map((note) => note.number)).toEqual([1, 2, 3, 4, 5])
    expect(inlineText(doc.footnotes[0]!.content)).toContain('Xinhua, “China Focus: Ant Financial apologizes for online credit trickery”, 4 January 2018.')
  })

  it('lists every dated event of the incident, its responses and its laws in date order', () => {
    const rows = sectionText(doc, 'Chronology')
    expect(rows[0]).toMatch(/^7 November 2016 \| Law adopted — Cybersecurity Law/)
    expect(rows).toContainEqual(expect.stringMatching(/^3 January 2018 \| Incident occurred — Alipay annual-bill/))
    expect(rows).toContainEqual(expect.stringMatching(/^6 January 2018 \| Summons — Cyberspace Administration of China summons Alipay and Sesame Credit/))
    expect(rows.at(-1)).toMatch(/^1 May 2018 \| Law in force — Information security technology/)
    expect(rows).toHaveLength(11)
  })

  it('puts the timeline picture at the head of the chronology', () => {
    expect(sectionOf(doc, 'Chronology').blocks[0]).toEqual({ kind: 'timeline-image' })
    expect(doc.preamble).toEqual([])
  })

  it('says whether each implicated provision was in force on the incident date', () => {
    const lines = sectionText(doc, 'Legal basis')
    expect(lines).toContain(
      'Article 41 — implicated by “Alipay annual-bill consent default enrolled users in Sesame Credit” (3 January 2018). In force on 3 January 2018.'
    )
    expect(lines).toContainEqual(
      expect.stringMatching(/^The law as a whole — implicated by “Alipay.*\(3 January 2018\)\. Not yet in force \(from 1 May 2018\)\.$/)
    )
    expect(lines).toContain('Statute, China. History: adopted 7 November 2016; in force 1 June 2017.[1][3][4][5]')
  })

  it('groups the responses as one matter with its state and the step that set it', () => {
    const lines = sectionText(doc, 'Responses and outcomes')
    expect(lines[0]).toBe('Alipay annual-bill consent default enrolled users in Sesame Credit')
    expect(lines[1]).toBe(
      'State of the matter: concluded, since “Cyberspace Administration of China orders investigation and special rectification” (10 January 2018).'
    )
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^10 January 2018 — Rectification order by Cyberspace Administration of China\. .*Concludes the matter\. Outcome — Regulator rebuke/
      )
    )
  })

  it('lists the sources in note order with the notes that cite them; http addresses stay addresses', () => {
    const lines = sectionText(doc, 'Sources')
    expect(lines).toHaveLength(5)
    expect(lines[0]).toBe(
      'Xinhua, “China Focus: Ant Financial apologizes for online credit trickery”, 4 January 2018. http://www.xinhuanet.com/english/2018-01/04/c_136872331.htm Note 1.'
    )
  })
})

describe('composeBriefingDocument', () => {
  it('runs paragraph numbers on through the author’s headings', () => {
    const briefing = alipayBriefing({
      items: [
        { kind: 'record', recordType: 'incident', recordId: UC_INCIDENT_ID },
        { kind: 'heading', text: 'China' },
        { kind: 'record', recordType: 'incident', recordId: ALIPAY_INCIDENT_ID }
      ]
    })
    const blocks = sectionOf(composeBriefingDocument(briefing, recordSetOf([], sampleRecords), ENGLISH_WORDS), 'Summary').blocks
    expect(blocks.map((block) => (block.kind === 'numbered-paragraph' ? block.number : block.kind))).toEqual([1, 'heading', 2])
  })

  it('shows partial dates at their precision and never as a made-up day', () => {
    const set = recordSetOf(ucAndResponses(), sampleRecords)
    const doc = composeBriefingDocument(alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: UC_INCIDENT_ID }] }), set, ENGLISH_WORDS)
    const rows = sectionText(doc, 'Chronology')
    expect(rows).toContainEqual(expect.stringMatching(/^May 2015 \| Incident occurred — UC Browser/))
    expect(rows).toContainEqual(expect.stringMatching(/^c\. August 2017 \| Investigation — /))
    expect(rows).toContainEqual(expect.stringMatching(/^21 August 2017–22 August 2017 \| Review — /))
    expect(rows.join('\n')).not.toMatch(/(?<!\d)1 May 2015|(?<!\d)1 August 2017/)
    expect(sectionText(doc, 'Summary')[0]).toMatch(/\(May 2015\)\./)
  })

  it('keeps proposed measures apart from the steps of the matter', () => {
    const set = recordSetOf(ucAndResponses(), sampleRecords)
    const doc = composeBriefingDocument(alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: UC_INCIDENT_ID }] }), set, ENGLISH_WORDS)
    const lines = sectionText(doc, 'Responses and outcomes')
    const apart = lines.indexOf('Proposed or threatened measures (these do not change the state of the matter):')
    expect(apart).toBeGreaterThan(0)
    expect(lines[apart + 1]).toBe(
      '22 August 2017 — Block or ban by Ministry of Electronics and Information Technology. MeitY official says UC Browser may be banned if found guilty.[1][2]'
    )
    expect(lines[1]).toMatch(/^State of the matter: concluded, since “.*” \(29 June 2020\)\.$/)
  })

  it('writes a fine whose amount is unknown as "amount not known", never as zero', () => {
    const incident = anIncident({ id: 'inc-fined', title: 'Fined incident', occurredOn: '2020' })
    const fine = aResponse({
      id: 'resp-fine',
      title: 'Regulator fines the company',
      kind: 'fine',
      actorId: 'org-cac',
      incidentIds: ['inc-fined'],
      penalty: { currency: 'EUR' }
    })
    const known = aResponse({
      id: 'resp-fine-2',
      title: 'Second fine',
      kind: 'fine',
      actorId: 'org-cac',
      incidentIds: ['inc-fined'],
      penalty: { amount: 1250000, currency: 'EUR' }
    })
    const set = recordSetOf(
      [
        { type: 'response', record: fine },
        { type: 'response', record: known }
      ],
      [{ type: 'incident', record: incident }, ...sampleRecords]
    )
    const lines = sectionText(
      composeBriefingDocument(alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-fined' }] }), set, ENGLISH_WORDS),
      'Responses and outcomes'
    )
    expect(lines).toContainEqual(expect.stringMatching(/Regulator fines the company\. Concludes the matter\. Penalty — amount not known\.$/))
    expect(lines).toContainEqual(expect.stringMatching(/Second fine\. Concludes the matter\. Penalty — EUR 1,250,000\.$/))
  })

  it('numbers a note once per source and passage, and gives another passage of the same source its own note', () => {
    const source = aSource({ id: 'src-report', title: 'Report', publisher: 'Agency' })
    const first = anIncident({
      id: 'inc-a',
      title: 'First',
      summary: 'A.',
      citations: [
        { sourceId: 'src-report', passage: 'page one' },
        { sourceId: 'src-report', passage: 'page two' }
      ]
    })
    const second = anIncident({ id: 'inc-b', title: 'Second', summary: 'B.', citations: [{ sourceId: 'src-report', passage: 'page one' }] })
    const set = recordSetOf(
      [],
      [
        { type: 'source', record: source },
        { type: 'incident', record: first },
        { type: 'incident', record: second }
      ]
    )
    const briefing = alipayBriefing({
      sections: ['summary', 'sources'],
      items: [
        { kind: 'record', recordType: 'incident', recordId: 'inc-a' },
        { kind: 'record', recordType: 'incident', recordId: 'inc-b' }
      ]
    })
    const doc = composeBriefingDocument(briefing, set, ENGLISH_WORDS)
    expect(sectionText(doc, 'Summary')).toEqual(['First (date not recorded). A.[1][2]', 'Second (date not recorded). B.[1]'])
    expect(doc.footnotes.map((note) => inlineText(note.content))).toEqual(['Agency, “Report”. Passage: “page one”', 'Agency, “Report”. Passage: “page two”'])
    expect(sectionText(doc, 'Sources')).toEqual(['Agency, “Report”. Notes 1, 2.'])
  })

  it('names a listed record the knowledge base no longer holds instead of dropping it', () => {
    const briefing = alipayBriefing({ items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-deleted' }] })
    const doc = composeBriefingDocument(briefing, recordSetOf([], sampleRecords), ENGLISH_WORDS)
    expect(sectionOf(doc, 'Summary').blocks).toEqual([
      {
        kind: 'paragraph',
        style: 'note',
        content: [{ kind: 'text', text: 'Incident inc-deleted is listed in this briefing but is no longer in the knowledge base.', emphasis: true }]
      }
    ])
  })

  it('says what to do when a section has nothing to show', () => {
    const doc = composeBriefingDocument(alipayBriefing({ items: [] }), recordSetOf([], sampleRecords), ENGLISH_WORDS)
    expect(sectionText(doc, 'Summary')).toEqual(['This briefing lists no records yet.'])
    expect(sectionText(doc, 'Chronology')).toEqual(['None of the records in this briefing has a recorded date.'])
    expect(sectionText(doc, 'Sources')).toEqual(['No source is cited by the records in this briefing.'])
  })

  it('places the timeline picture after the title block when there is no chronology, and nowhere when not wanted', () => {
    const withoutChronology = composeBriefingDocument(alipayBriefing({ sections: ['summary'] }), alipaySet(), ENGLISH_WORDS)
    expect(withoutChronology.preamble).toEqual([{ kind: 'timeline-image' }])
    const noPicture = composeBriefingDocument(alipayBriefing({ includeTimelineImage: false }), alipaySet(), ENGLISH_WORDS)
    expect(noPicture.preamble).toEqual([])
    expect(sectionOf(noPicture, 'Chronology').blocks.some((block) => block.kind === 'timeline-image')).toBe(false)
  })
})

describe('briefingForSelection', () => {
  it('makes a briefing with every section and the selected records in date order, undated last', () => {
    const undated = anIncident({ id: 'inc-undated', title: 'Undated' })
    const selected: TypedRecord[] = [
      { type: 'incident', record: undated },
      ...sampleRecords.filter((typed) => typed.record.id === ALIPAY_INCIDENT_ID || typed.record.id === UC_INCIDENT_ID)
    ]
    const briefing = briefingForSelection(recordSetOf(selected, sampleRecords), { title: 'Selection', asOf: '2026-11-29', now: '2026-11-29T12:00:00.000Z' })
    expect(briefing.sections).toEqual(['summary', 'chronology', 'legal-basis', 'responses', 'sources'])
    expect(briefing.items).toEqual([
      { kind: 'record', recordType: 'incident', recordId: UC_INCIDENT_ID },
      { kind: 'record', recordType: 'incident', recordId: ALIPAY_INCIDENT_ID },
      { kind: 'record', recordType: 'incident', recordId: 'inc-undated' }
    ])
    expect(briefing.asOf).toBe('2026-11-29')
  })

  it('refuses a title that no briefing may have', () => {
    expect(() => briefingForSelection(recordSetOf([]), { title: '  ', asOf: '2026-11-29', now: '2026-11-29T12:00:00.000Z' })).toThrow(/Title is required/)
  })
})
