import fc from 'fast-check'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { BRIEFING_SECTIONS, briefingSchema } from '../../../src/shared/briefing/briefing'
import { composeBriefingDocument } from '../../../src/shared/briefing/briefingDocument'
import { briefingToDocx } from '../../../src/shared/briefing/briefingToDocx'
import { briefingToHtml } from '../../../src/shared/briefing/briefingToHtml'
import { briefingToMarkdown } from '../../../src/shared/briefing/briefingToMarkdown'
import { RESPONSE_KINDS } from '../../../src/shared/domain/incidentResponse'
import type { TypedRecord } from '../../../src/shared/domain/recordTypes'
import { removeUnsafeCharacters } from '../../../src/shared/domain/unsafeCharacters'
import { recordSetOf } from '../../../src/shared/interchange/recordSet'
import { aLaw, aResponse, aSource, anIncident, anOrganisation } from '../../builders/sharedDomain'
import { XSS_CORPUS } from './hostileBriefing'
import { withoutBriefingTags } from './renderedOutput'
import { ENGLISH_WORDS } from '../../builders/languageWords'

// Records never hold what the schemas refuse or drop (controls, bidi overrides, …); everything else is fair game.
const withoutControls = (text: string): string => removeUnsafeCharacters(text).text

const userText = fc
  .oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...XSS_CORPUS), fc.constant('javascript'))
  .map(withoutControls)
const requiredText = userText.map((text) => (text.trim() === '' ? 'x' : text))

const datePoint = fc
  .record({
    year: fc.integer({ min: 1995, max: 2030 }),
    month: fc.option(fc.integer({ min: 1, max: 12 })),
    day: fc.integer({ min: 1, max: 28 }),
    withDay: fc.boolean()
  })
  .map(({ year, month, day, withDay }) =>
    month === null ? `${year}` : `${year}-${String(month).padStart(2, '0')}${withDay ? `-${String(day).padStart(2, '0')}` : ''}`
  )
const partialDate = fc.option(
  fc.oneof(
    datePoint,
    datePoint.map((date) => `${date}~`),
    fc.tuple(datePoint, datePoint).map(([a, b]) => (a.slice(0, 4) <= b.slice(0, 4) && a < b ? `${a}/${b}` : a))
  ),
  { nil: undefined }
)
const sourceUrl = fc.option(fc.constantFrom('https://a.example/x', 'http://b.example/', 'https://c.example/?q=<script>', 'https://d.example/(a)'), {
  nil: undefined
})

const knowledgeBase = fc
  .record({
    incidents: fc.array(fc.record({ title: requiredText, summary: userText, occurredOn: partialDate, disclosedOn: partialDate, provision: fc.boolean() }), {
      minLength: 1,
      maxLength: 3
    }),
    responses: fc.array(
      fc.record({
        title: requiredText,
        kind: fc.constantFrom(...RESPONSE_KINDS),
        proposed: fc.boolean(),
        datedOn: partialDate,
        outcome: userText,
        amount: fc.option(fc.integer({ min: 0, max: 10_000_000 }), { nil: undefined }),
        incident: fc.nat()
      }),
      { maxLength: 4 }
    ),
    law: fc.record({ title: requiredText, heading: userText, inForceOn: partialDate, repealedOn: partialDate }),
    sources: fc.array(fc.record({ title: requiredText, publisher: userText, url: sourceUrl, passage: userText }), { minLength: 1, maxLength: 3 }),
    actor: requiredText
  })
  .map(({ incidents, responses, law, sources, actor }): TypedRecord[] => {
    const sourceRecords = sources.map((source, index) =>
      aSource({ id: `src-${index}`, title: source.title, publisher: source.publisher, ...(source.url && { url: source.url }) })
    )
    const citations = sources.map((source, index) => ({ sourceId: `src-${index}`, passage: source.passage }))
    const lawRecord = aLaw({
      id: 'law-0',
      title: law.title,
      provisions: [{ unit: 'article', number: '1', heading: law.heading }],
      citations: citations.slice(0, 1),
      ...(law.inForceOn && { inForceOn: law.inForceOn }),
      ...(law.inForceOn && law.repealedOn && law.repealedOn > law.inForceOn && { repealedOn: law.repealedOn, status: 'repealed' as const })
    })
    const incidentRecords = incidents.map((incident, index) =>
      anIncident({
        id: `inc-${index}`,
        title: incident.title,
        summary: incident.summary,
        citations,
        implicatedProvisions: incident.provision ? [{ lawId: 'law-0', provisionNumber: '1' }] : [{ lawId: 'law-0' }],
        ...(incident.occurredOn && { occurredOn: incident.occurredOn }),
        ...(incident.disclosedOn && { disclosedOn: incident.disclosedOn })
      })
    )
    const responseRecords = responses.map((response, index) =>
      aResponse({
        id: `resp-${index}`,
        title: response.title,
        kind: response.kind,
        stage: response.proposed ? 'proposed' : 'enacted',
        actorId: 'org-actor',
        outcome: response.outcome,
        incidentIds: [`inc-${response.incident % incidents.length}`],
        citations: citations.slice(-1),
        ...(response.kind === 'fine' && { penalty: { currency: 'EUR', ...(response.amount !== undefined && { amount: response.amount }) } }),
        ...(response.datedOn && { datedOn: response.datedOn })
      })
    )
    return [
      { type: 'organisation', record: anOrganisation({ id: 'org-actor', name: actor, kind: 'regulator' }) },
      ...sourceRecords.map((record) => ({ type: 'source' as const, record })),
      { type: 'law', record: lawRecord },
      ...incidentRecords.map((record) => ({ type: 'incident' as const, record })),
      ...responseRecords.map((record) => ({ type: 'response' as const, record }))
    ]
  })

const briefingOver = (records: readonly TypedRecord[]) =>
  fc
    .record({
      title: requiredText,
      subtitle: userText,
      sections: fc.subarray([...BRIEFING_SECTIONS], { minLength: 1 }),
      picked: fc.shuffledSubarray([...records]),
      notes: fc.array(fc.record({ kind: fc.constantFrom('heading', 'commentary'), text: requiredText, at: fc.nat() }), { maxLength: 4 }),
      includeTimelineImage: fc.boolean()
    })
    .map(({ title, subtitle, sections, picked, notes, includeTimelineImage }) => {
      const items: unknown[] = picked.map((typed) => ({ kind: 'record', recordType: typed.type, recordId: typed.record.id }))
      for (const note of notes) items.splice(note.at % (items.length + 1), 0, { kind: note.kind, text: note.text })
      return briefingSchema.parse({
        id: 'briefing-generated',
        title,
        subtitle,
        asOf: '2026-11-29',
        sections,
        includeTimelineImage,
        items,
        createdAt: '2026-11-29T10:00:00.000Z',
        updatedAt: '2026-11-29T10:00:00.000Z',
        revision: 1
      })
    })

const scenario = knowledgeBase.chain((records) => briefingOver(records).map((briefing) => ({ records, briefing })))

describe('briefings over generated records', () => {
  it('render as HTML and Markdown without script, javascript: or an unescaped "<" from user text', () => {
    fc.assert(
      fc.property(scenario, ({ records, briefing }) => {
        const doc = composeBriefingDocument(
          briefing,
          recordSetOf(
            records.filter((typed) => typed.type === 'response'),
            records
          ),
          ENGLISH_WORDS
        )
        const html = briefingToHtml(doc)
        expect(html).not.toMatch(/<script|javascript:/i)
        expect(withoutBriefingTags(html)).not.toContain('<')
        const markdown = briefingToMarkdown(doc)
        expect(markdown).not.toMatch(/<script|javascript:/i)
        expect(markdown.replace(/\]\(<https:[^<>\s]*>\)/g, '](…)')).not.toContain('<')
      }),
      { numRuns: 300 }
    )
  })

  it('render as a DOCX package with its parts and no field codes', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ records, briefing }) => {
        const doc = composeBriefingDocument(
          briefing,
          recordSetOf(
            records.filter((typed) => typed.type === 'response'),
            records
          ),
          ENGLISH_WORDS
        )
        const files = unzipSync(await briefingToDocx(doc))
        expect(Object.keys(files)).toEqual(expect.arrayContaining(['word/document.xml', 'word/footnotes.xml']))
        const body = strFromU8(files['word/document.xml']!)
        expect(body).not.toMatch(/<w:fldSimple|<w:instrText|<w:fldChar|<w:altChunk/)
      }),
      { numRuns: 40 }
    )
  }, 60_000)
})
