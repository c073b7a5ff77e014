import { RESPONSE_KIND_LABELS, type IncidentResponse, type Penalty } from '../domain/incidentResponse'
import { findProvision, provisionLabel, type Law, type Provision } from '../domain/law'
import { formatPartialDate, type PartialDate } from '../domain/partialDate'
import { incidentKeyDate } from '../domain/incident'
import { MATTER_STATE_LABELS, MATTER_STEP_ROLE_LABELS } from '../domain/responseLifecycle'
import { unlistedCount, type ApplyingLaw, type ComparisonColumnTotals, type JurisdictionColumn } from './jurisdictionComparison'

/** A law's name as a column shows it: its short name when it has one. */
export function lawName(law: Pick<Law, 'title' | 'shortName'>): string {
  return law.shortName ?? law.title
}

/** One part of what a column names of a law that applies: a provision the law records, a number it does not, or the law as a whole. */
export type ApplyingPart =
  | { readonly kind: 'provision'; readonly provision: Provision }
  | { readonly kind: 'unrecorded'; readonly number: string }
  | { readonly kind: 'whole-law' }

/**
 * The provisions a column names, as codes for words in any language: each provision in first-seen
 * order (a number the law does not record as it is), then the law as a whole when a link names no
 * provision; nothing when only the whole law was named (the law's name says it).
 */
export function applyingParts(entry: ApplyingLaw): ApplyingPart[] {
  const parts = entry.provisionNumbers.map((number): ApplyingPart => {
    const provision = findProvision(entry.law, number)
    return provision === undefined ? { kind: 'unrecorded', number } : { kind: 'provision', provision }
  })
  if (entry.isCitedAsWhole && parts.length > 0) parts.push({ kind: 'whole-law' })
  return parts
}

/**
 * The provisions a column names, in English words: "Article 41, Article 42", "Section 69A", plus
 * "the law as a whole" when a link names no provision. A number the law does not record is shown as it is.
 */
export function applyingProvisionsText(entry: ApplyingLaw): string {
  return applyingParts(entry)
    .map((part) => (part.kind === 'provision' ? provisionLabel(part.provision) : part.kind === 'unrecorded' ? `provision ${part.number}` : 'the law as a whole'))
    .join(', ')
}

const APPLICATION_LABELS = { 'implicated-by-incident': 'implicated by the incident', 'cited-as-legal-basis': 'cited as legal basis' } as const

/** Why a law is listed, in words: "implicated by the incident; cited as legal basis". */
export function applicationsText(entry: Pick<ApplyingLaw, 'applications'>): string {
  return entry.applications.map((application) => APPLICATION_LABELS[application]).join('; ')
}

const dateText = (date: PartialDate | undefined): string => (date === undefined ? 'Undated' : formatPartialDate(date))

/** "CNY 1,000,000", "amount unknown", with the description after a colon. */
export function penaltyText(penalty: Penalty): string {
  const amount = penalty.amount === undefined ? 'amount unknown' : `${penalty.currency ?? ''} ${penalty.amount.toLocaleString('en-GB')}`.trim()
  return penalty.description === undefined ? `Penalty: ${amount}` : `Penalty: ${amount}: ${penalty.description}`
}

/** "6 January 2018 · Summons · Cyberspace Administration of China: CAC summons Alipay" — a response on one line. */
export function responseLine(response: IncidentResponse, actorNames: ReadonlyMap<string, string>): string {
  const actor = actorNames.get(response.actorId) ?? response.actorId
  return `${dateText(response.datedOn)} · ${RESPONSE_KIND_LABELS[response.kind]} · ${actor}: ${response.title}`
}

/** A titled part of a column, as plain text lines. */
export interface ComparisonTextSection {
  readonly heading: string
  readonly lines: readonly string[]
}

/**
 * A column in words, for pictures and other plain-text uses: incidents, the laws that apply, the
 * responses as a matter (steps with their role, the state reached, proposed measures marked as
 * such), outcomes, and — labelled as not applied — the other laws of the jurisdiction. Empty parts
 * say so rather than disappear.
 */
export function comparisonColumnText(column: JurisdictionColumn, actorNames: ReadonlyMap<string, string>): ComparisonTextSection[] {
  const orNone = (lines: string[], none: string): string[] => (lines.length > 0 ? lines : [none])
  const responses = column.matters.flatMap((matter) => [
    ...(column.matters.length > 1 ? [`${matter.incident.title}:`] : []),
    ...matter.chain.steps.map((step) => `${responseLine(step.response, actorNames)} (${MATTER_STEP_ROLE_LABELS[step.role]})`),
    ...matter.chain.proposed.map((response) => `Proposed, not enacted: ${responseLine(response, actorNames)}`),
    `State of the matter: ${MATTER_STATE_LABELS[matter.chain.state]}`
  ])
  const more = (list: keyof ComparisonColumnTotals, noun: string): string[] => {
    const left = unlistedCount(column, list)
    return left === 0 ? [] : [`… and ${left.toLocaleString('en-GB')} more ${noun}`]
  }
  return [
    { heading: 'Incidents', lines: [...column.incidents.map((incident) => `${dateText(incidentKeyDate(incident))} · ${incident.title}`), ...more('incidents', 'incidents')] },
    {
      heading: 'Laws that apply',
      lines: orNone(
        column.applyingLaws.map((entry) => {
          const provisions = applyingProvisionsText(entry)
          return provisions === '' ? lawName(entry.law) : `${lawName(entry.law)}: ${provisions}`
        }),
        'None linked'
      ).concat(more('applyingLaws', 'laws'))
    },
    { heading: 'Responses in order', lines: [...responses, ...more('matters', 'matters')] },
    ...(column.responsesWithoutIncident.length === 0
      ? []
      : [
          {
            heading: 'Responses not tied to an incident',
            lines: [
              ...column.responsesWithoutIncident.map((response) => `${response.stage === 'proposed' ? 'Proposed, not enacted: ' : ''}${responseLine(response, actorNames)}`),
              ...more('responsesWithoutIncident', 'responses')
            ]
          }
        ]),
    {
      heading: 'Outcomes',
      lines: orNone(
        column.outcomes.map((entry) =>
          [`${dateText(entry.response.datedOn)} · ${RESPONSE_KIND_LABELS[entry.response.kind]}`, entry.outcome, entry.penalty && penaltyText(entry.penalty)].filter(Boolean).join(': ')
        ),
        'None recorded'
      ).concat(more('outcomes', 'outcomes'))
    },
    { heading: 'Other laws in this jurisdiction (not linked)', lines: orNone(column.otherLaws.map(lawName), 'None recorded').concat(more('otherLaws', 'laws')) }
  ]
}

/**
 * Breaks text into lines of at most `width` characters at spaces; a word longer than a line is cut.
 * Chinese and other text without spaces is cut at the width. Used where no text layout engine is
 * at hand (an exported SVG), so widths are counted in characters.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of text.split(/\s+/).filter((part) => part !== '')) {
    let rest = word
    while (rest.length > width) {
      if (line !== '') {
        lines.push(line)
        line = ''
      }
      lines.push(rest.slice(0, width))
      rest = rest.slice(width)
    }
    if (line === '') line = rest
    else if (line.length + 1 + rest.length <= width) line = `${line} ${rest}`
    else {
      lines.push(line)
      line = rest
    }
  }
  if (line !== '') lines.push(line)
  return lines
}

/** A line of a text column placed on a picture. */
export interface PlacedTextLine {
  readonly text: string
  readonly x: number
  readonly y: number
  readonly role: 'column-heading' | 'section-heading' | 'text'
}

/** Sizes for `layOutTextColumns`, in pixels and characters. */
export interface TextColumnsMetrics {
  readonly columnWidth: number
  readonly gap: number
  readonly charactersPerLine: number
  readonly lineHeight: number
}

/**
 * Places columns of titled sections side by side for a picture: each column's heading, then its
 * sections' headings and wrapped lines (continuation lines indented by two characters' worth),
 * top to bottom. The height is that of the tallest column.
 */
export function layOutTextColumns(
  columns: readonly { readonly heading: string; readonly sections: readonly ComparisonTextSection[] }[],
  metrics: TextColumnsMetrics
): { readonly width: number; readonly height: number; readonly lines: readonly PlacedTextLine[] } {
  const lines: PlacedTextLine[] = []
  let height = 0
  columns.forEach((column, index) => {
    const x = index * (metrics.columnWidth + metrics.gap)
    let y = metrics.lineHeight
    lines.push({ text: column.heading, x, y, role: 'column-heading' })
    y += metrics.lineHeight * 1.5
    for (const section of column.sections) {
      lines.push({ text: section.heading, x, y, role: 'section-heading' })
      y += metrics.lineHeight
      for (const line of section.lines) {
        wrapText(line, metrics.charactersPerLine).forEach((part, partIndex) => {
          lines.push({ text: part, x: partIndex === 0 ? x : x + metrics.lineHeight, y, role: 'text' })
          y += metrics.lineHeight
        })
      }
      y += metrics.lineHeight / 2
    }
    height = Math.max(height, y)
  })
  const width = columns.length === 0 ? 0 : columns.length * metrics.columnWidth + (columns.length - 1) * metrics.gap
  return { width, height, lines }
}
