import type { Citation } from '../domain/citation'
import { message } from '../locale/message'
import { timelineEvents, type TimelineItem } from '../timeline/timelineEvents'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateIn, type BriefingWords } from './briefingText'

/** What happened at an event, in the briefing's language: "Incident occurred", "Summons", "Fine (proposed)". */
function eventKind(item: TimelineItem, coverage: BriefingCoverage, words: BriefingWords): string {
  if (item.kind !== 'response') return words.translate(message(`domain.timelineItemKind.${item.kind}`))
  const response = coverage.responses.find((candidate) => candidate.id === item.recordId)
  // The timeline is drawn from these very responses, so the record is always found.
  const kind = response === undefined ? item.kind : words.translate(message(`domain.responseKind.${response.kind}`))
  return item.isProposed ? words.translate(message('briefingDocument.chronology.proposed', { kind })) : kind
}

/**
 * The chronology: every dated event of the covered incidents (occurred, disclosed, reported), their
 * responses and the laws involved (draft, adopted, in force, applies from, amended, repealed), in
 * date order. It is the timeline's own list of events, so the two never disagree; dates keep their
 * precision ("May 2015", "c. 2017", "21–22 August 2017"), and an event known only to the year comes
 * before the days of that year.
 */
export function composeChronology(coverage: BriefingCoverage, asOf: string, footnotes: FootnoteRegistry, words: BriefingWords): BriefingBlock[] {
  const content = timelineEvents({ incidents: coverage.incidents, responses: coverage.responses, laws: coverage.laws }, { today: asOf })
  const citationsById = new Map<string, readonly Citation[]>([
    ...coverage.incidents.map((record) => [record.id, record.citations] as const),
    ...coverage.responses.map((record) => [record.id, record.citations] as const),
    ...coverage.laws.map((record) => [record.id, record.citations] as const)
  ])
  const rows = content.items
    .filter((item) => item.shape === 'event')
    .map((item): BriefingInline[][] => [
      [{ kind: 'text', text: item.date === undefined ? '' : dateIn(words, item.date) }],
      [
        { kind: 'text', text: words.translate(message('briefingDocument.chronology.kind', { kind: eventKind(item, coverage, words) })), strong: true },
        { kind: 'text', text: item.title },
        ...footnotes.refsFor(citationsById.get(item.recordId) ?? [])
      ]
    ])
  const blocks: BriefingBlock[] = []
  if (rows.length === 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: [{ kind: 'text', text: words.translate(message('briefingDocument.chronology.none')), emphasis: true }]
    })
  } else {
    blocks.push({
      kind: 'table',
      columns: [words.translate(message('briefingDocument.chronology.date')), words.translate(message('briefingDocument.chronology.event'))],
      rows
    })
  }
  const undated = content.undatedRecordIds.length
  if (undated > 0 && rows.length > 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: [{ kind: 'text', text: words.translate(message('briefingDocument.chronology.undated', { count: undated })), emphasis: true }]
    })
  }
  return blocks
}
