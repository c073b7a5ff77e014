import type { Citation } from '../domain/citation'
import { timelineEvents } from '../timeline/timelineEvents'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'

/**
 * The chronology: every dated event of the covered incidents (occurred, disclosed, reported), their
 * responses and the laws involved (draft, adopted, in force, applies from, amended, repealed), in
 * date order. It is the timeline's own list of events, so the two never disagree; dates keep their
 * precision ("May 2015", "c. 2017", "21–22 August 2017"), and an event known only to the year comes
 * before the days of that year.
 */
export function composeChronology(coverage: BriefingCoverage, asOf: string, footnotes: FootnoteRegistry): BriefingBlock[] {
  const content = timelineEvents({ incidents: coverage.incidents, responses: coverage.responses, laws: coverage.laws }, { today: asOf })
  const citationsById = new Map<string, readonly Citation[]>([
    ...coverage.incidents.map((record) => [record.id, record.citations] as const),
    ...coverage.responses.map((record) => [record.id, record.citations] as const),
    ...coverage.laws.map((record) => [record.id, record.citations] as const)
  ])
  const rows = content.items
    .filter((item) => item.shape === 'event')
    .map((item): BriefingInline[][] => [
      [{ kind: 'text', text: item.dateLabel }],
      [{ kind: 'text', text: `${item.kindLabel} — `, strong: true }, { kind: 'text', text: item.title }, ...footnotes.refsFor(citationsById.get(item.recordId) ?? [])]
    ])
  const blocks: BriefingBlock[] = []
  if (rows.length === 0) {
    blocks.push({ kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: 'None of the records in this briefing has a recorded date.', emphasis: true }] })
  } else {
    blocks.push({ kind: 'table', columns: ['Date', 'Event'], rows })
  }
  const undated = content.undatedRecordIds.length
  if (undated > 0 && rows.length > 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: [{ kind: 'text', text: `${undated} ${undated === 1 ? 'record has' : 'records have'} no recorded date and ${undated === 1 ? 'is' : 'are'} not listed.`, emphasis: true }]
    })
  }
  return blocks
}
