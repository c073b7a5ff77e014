import type { IncidentResponse } from '../domain/incidentResponse'
import { compareOptionalPartialDates } from '../domain/partialDate'
import { buildMatterChain, type MatterStepRole } from '../domain/responseLifecycle'
import type { RecordSet } from '../interchange/recordSet'
import { message } from '../locale/message'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateText, fullStop, nameOf, penaltyText, type BriefingWords } from './briefingText'

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** One response in words: date, kind and actor, title, its effect, outcome and penalty, with its notes. */
function responseLine(
  response: IncidentResponse,
  role: MatterStepRole | undefined,
  set: RecordSet,
  footnotes: FootnoteRegistry,
  words: BriefingWords
): BriefingInline[] {
  const lead = message('briefingDocument.responses.lead', {
    date: dateText(words, response.datedOn),
    kind: message(`domain.responseKind.${response.kind}`),
    actor: nameOf(set, response.actorId)
  })
  const line: BriefingInline[] = [
    { kind: 'text', text: words.translate(lead), strong: true },
    { kind: 'text', text: words.translate(message('briefingDocument.responses.afterLead')) },
    { kind: 'text', text: response.title },
    {
      kind: 'text',
      text:
        role === undefined
          ? fullStop(words)
          : words.translate(message('briefingDocument.responses.role', { role: capitalised(words.translate(message(`domain.matterStepRole.${role}`))) }))
    }
  ]
  const hasOutcome = response.outcome !== undefined && response.outcome !== ''
  if (hasOutcome) line.push({ kind: 'text', text: words.translate(message('briefingDocument.responses.outcome', { outcome: response.outcome ?? '' })) })
  if (response.penalty !== undefined || response.kind === 'fine') {
    const values = { penalty: penaltyText(words, response.penalty) }
    // Chinese joins a penalty to the outcome before it (结果：…；处罚：…), English starts a sentence.
    const penalty = hasOutcome ? message('briefingDocument.responses.penaltyAfterOutcome', values) : message('briefingDocument.responses.penalty', values)
    line.push({ kind: 'text', text: words.translate(penalty) })
  }
  return [...line, ...footnotes.refsFor(response.citations)]
}

function matterBlocks(responses: readonly IncidentResponse[], set: RecordSet, footnotes: FootnoteRegistry, words: BriefingWords): BriefingBlock[] {
  const chain = buildMatterChain(responses)
  const blocks: BriefingBlock[] = []
  const setting = chain.settingStep
  const state: BriefingInline[] = [
    { kind: 'text', text: words.translate(message('briefingDocument.responses.state', { state: message(`domain.matterState.${chain.state}`) })), strong: true }
  ]
  state.push({
    kind: 'text',
    text:
      setting === undefined
        ? fullStop(words)
        : words.translate(message('briefingDocument.responses.since', { title: setting.response.title, date: dateText(words, setting.response.datedOn) }))
  })
  blocks.push({ kind: 'paragraph', content: state })
  if (chain.steps.length > 0) blocks.push({ kind: 'list', items: chain.steps.map((step) => responseLine(step.response, step.role, set, footnotes, words)) })
  if (chain.proposed.length > 0) {
    blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: words.translate(message('briefingDocument.responses.proposed')), emphasis: true }] })
    blocks.push({ kind: 'list', items: chain.proposed.map((response) => responseLine(response, undefined, set, footnotes, words)) })
  }
  return blocks
}

/**
 * Responses and outcomes, grouped per matter: for each covered incident, where the matter stands
 * and the step that put it there, then each enacted step in date order with its effect, outcome and
 * penalty ("amount not known" when no amount was recorded), and measures only proposed listed apart.
 * Responses to no covered incident follow under "Other responses".
 */
export function composeResponses(coverage: BriefingCoverage, set: RecordSet, footnotes: FootnoteRegistry, words: BriefingWords): BriefingBlock[] {
  const blocks: BriefingBlock[] = []
  const grouped = new Set<string>()
  for (const incident of coverage.incidents) {
    const responses = coverage.responses.filter((response) => response.incidentIds.includes(incident.id))
    if (responses.length === 0) continue
    for (const response of responses) grouped.add(response.id)
    blocks.push({ kind: 'heading', level: 3, text: incident.title }, ...matterBlocks(responses, set, footnotes, words))
  }
  const others = coverage.responses.filter((response) => !grouped.has(response.id)).sort((a, b) => compareOptionalPartialDates(a.datedOn, b.datedOn))
  if (others.length > 0) {
    blocks.push({ kind: 'heading', level: 3, text: words.translate(message('briefingDocument.responses.others')) })
    blocks.push({ kind: 'list', items: others.map((response) => responseLine(response, undefined, set, footnotes, words)) })
  }
  if (blocks.length === 0) {
    blocks.push({
      kind: 'paragraph',
      style: 'note',
      content: [{ kind: 'text', text: words.translate(message('briefingDocument.responses.none')), emphasis: true }]
    })
  }
  return blocks
}
