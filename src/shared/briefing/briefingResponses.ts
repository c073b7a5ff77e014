import { RESPONSE_KIND_LABELS, type IncidentResponse } from '../domain/incidentResponse'
import { compareOptionalPartialDates } from '../domain/partialDate'
import { MATTER_STATE_LABELS, MATTER_STEP_ROLE_LABELS, buildMatterChain, type MatterStepRole } from '../domain/responseLifecycle'
import type { RecordSet } from '../interchange/recordSet'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateText, nameOf, penaltyText } from './briefingText'

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One response in words: date, kind and actor, title, its effect, outcome and penalty, with its notes. */
function responseLine(response: IncidentResponse, role: MatterStepRole | undefined, set: RecordSet, footnotes: FootnoteRegistry): BriefingInline[] {
  const line: BriefingInline[] = [
    { kind: 'text', text: `${dateText(response.datedOn)} — ${RESPONSE_KIND_LABELS[response.kind]} by ${nameOf(set, response.actorId)}`, strong: true },
    { kind: 'text', text: '. ' },
    { kind: 'text', text: response.title },
    { kind: 'text', text: role === undefined ? '.' : `. ${capitalised(MATTER_STEP_ROLE_LABELS[role])}.` }
  ]
  if (response.outcome !== undefined && response.outcome !== '') line.push({ kind: 'text', text: ' Outcome — ' }, { kind: 'text', text: response.outcome })
  if (response.penalty !== undefined || response.kind === 'fine') line.push({ kind: 'text', text: ` Penalty — ${penaltyText(response.penalty)}.` })
  return [...line, ...footnotes.refsFor(response.citations)]
}

function matterBlocks(responses: readonly IncidentResponse[], set: RecordSet, footnotes: FootnoteRegistry): BriefingBlock[] {
  const chain = buildMatterChain(responses)
  const blocks: BriefingBlock[] = []
  const setting = chain.settingStep
  const state: BriefingInline[] = [{ kind: 'text', text: `State of the matter: ${MATTER_STATE_LABELS[chain.state]}`, strong: true }]
  if (setting !== undefined) {
    state.push({ kind: 'text', text: ', since ' }, { kind: 'text', text: `“${setting.response.title}”` }, { kind: 'text', text: ` (${dateText(setting.response.datedOn)}).` })
  } else {
    state.push({ kind: 'text', text: '.' })
  }
  blocks.push({ kind: 'paragraph', content: state })
  if (chain.steps.length > 0) blocks.push({ kind: 'list', items: chain.steps.map((step) => responseLine(step.response, step.role, set, footnotes)) })
  if (chain.proposed.length > 0) {
    blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: 'Proposed or threatened measures (these do not change the state of the matter):', emphasis: true }] })
    blocks.push({ kind: 'list', items: chain.proposed.map((response) => responseLine(response, undefined, set, footnotes)) })
  }
  return blocks
}

/**
 * Responses and outcomes, grouped per matter: for each covered incident, where the matter stands
 * and the step that put it there, then each enacted step in date order with its effect, outcome and
 * penalty ("amount not known" when no amount was recorded), and measures only proposed listed apart.
 * Responses to no covered incident follow under "Other responses".
 */
export function composeResponses(coverage: BriefingCoverage, set: RecordSet, footnotes: FootnoteRegistry): BriefingBlock[] {
  const blocks: BriefingBlock[] = []
  const grouped = new Set<string>()
  for (const incident of coverage.incidents) {
    const responses = coverage.responses.filter((response) => response.incidentIds.includes(incident.id))
    if (responses.length === 0) continue
    for (const response of responses) grouped.add(response.id)
    blocks.push({ kind: 'heading', level: 3, text: incident.title }, ...matterBlocks(responses, set, footnotes))
  }
  const others = coverage.responses
    .filter((response) => !grouped.has(response.id))
    .sort((a, b) => compareOptionalPartialDates(a.datedOn, b.datedOn))
  if (others.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: 'Other responses' })
    blocks.push({ kind: 'list', items: others.map((response) => responseLine(response, undefined, set, footnotes)) })
  }
  if (blocks.length === 0) {
    blocks.push({ kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: 'No response to the records in this briefing is recorded.', emphasis: true }] })
  }
  return blocks
}
