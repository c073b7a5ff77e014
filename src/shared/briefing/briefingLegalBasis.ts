import { incidentKeyDate } from '../domain/incident'
import { LAW_KIND_LABELS, findProvision, provisionLabel, type Law } from '../domain/law'
import { lawStatusOn, lawStatusTimeline, provisionInForceOn, type InForceCheck } from '../domain/lawStatus'
import type { PartialDate } from '../domain/partialDate'
import { formatPartialDate } from '../domain/partialDate'
import type { ProvisionReference } from '../domain/provisionReference'
import type { RecordSet } from '../interchange/recordSet'
import type { BriefingCoverage } from './briefingCoverage'
import type { BriefingBlock, BriefingInline } from './briefingDocument'
import type { FootnoteRegistry } from './briefingFootnotes'
import { dateText, nameOf, paragraphsOf } from './briefingText'

/** A reference to the law by a record, at the date that record is placed at. */
interface Reliance {
  readonly reference: ProvisionReference
  readonly by: string
  readonly verb: 'implicated by' | 'relied on by'
  readonly date: PartialDate | undefined
}

function reliancesOn(law: Law, coverage: BriefingCoverage): Reliance[] {
  return [
    ...coverage.incidents.flatMap((incident) =>
      incident.implicatedProvisions
        .filter((reference) => reference.lawId === law.id)
        .map((reference): Reliance => ({ reference, by: incident.title, verb: 'implicated by', date: incidentKeyDate(incident) }))
    ),
    ...coverage.responses.flatMap((response) =>
      response.legalBasis
        .filter((reference) => reference.lawId === law.id)
        .map((reference): Reliance => ({ reference, by: response.title, verb: 'relied on by', date: response.datedOn }))
    )
  ]
}

/** "Article 41 (Collection and use)", "Section 69A", or "The law as a whole". */
function partLabel(law: Law, provisionNumber: string | undefined): { label: string; check: (date: PartialDate | undefined) => InForceCheck } {
  if (provisionNumber === undefined || provisionNumber === '') return { label: 'The law as a whole', check: (date) => lawStatusOn(law, date) }
  const provision = findProvision(law, provisionNumber)
  if (provision === undefined) return { label: `Provision ${provisionNumber} (not recorded in this law)`, check: (date) => lawStatusOn(law, date) }
  const heading = provision.heading === undefined || provision.heading === '' ? '' : ` (${provision.heading})`
  return { label: `${provisionLabel(provision)}${heading}`, check: (date) => provisionInForceOn(law, provision, date) }
}

function lawFacts(law: Law, set: RecordSet): string {
  const facts = [LAW_KIND_LABELS[law.kind], nameOf(set, law.jurisdictionId)]
  if (law.identifier !== undefined && law.identifier !== '') facts.push(law.identifier)
  const steps = lawStatusTimeline(law).map((period) => `${period.label.toLowerCase()} ${formatPartialDate(period.from)}`)
  const history = steps.length === 0 ? 'its dates are not recorded' : steps.join('; ')
  return `${facts.join(', ')}. History: ${history}.`
}

/**
 * The legal basis: each law the covered records rely on, with its kind, jurisdiction and dates, and
 * every provision implicated with whether it was in force on the date of the incident (or response)
 * that invokes it, in words that admit uncertainty ("Uncertain: … known only to the year 2017").
 */
export function composeLegalBasis(coverage: BriefingCoverage, set: RecordSet, footnotes: FootnoteRegistry): BriefingBlock[] {
  if (coverage.laws.length === 0) {
    return [{ kind: 'paragraph', style: 'note', content: [{ kind: 'text', text: 'No law or provision is linked to the records in this briefing.', emphasis: true }] }]
  }
  return coverage.laws.flatMap((law): BriefingBlock[] => {
    const native = law.nativeTitle === undefined || law.nativeTitle === '' ? '' : ` (${law.nativeTitle})`
    const blocks: BriefingBlock[] = [{ kind: 'heading', level: 3, text: `${law.title}${native}` }]
    const summary = paragraphsOf(law.summary ?? '')
    blocks.push({ kind: 'paragraph', content: [{ kind: 'text', text: lawFacts(law, set) }, ...footnotes.refsFor(law.citations)] })
    for (const content of summary) blocks.push({ kind: 'paragraph', content })
    const items = reliancesOn(law, coverage).map((reliance): BriefingInline[] => {
      const part = partLabel(law, reliance.reference.provisionNumber)
      return [
        { kind: 'text', text: `${part.label} — `, strong: true },
        { kind: 'text', text: `${reliance.verb} ` },
        { kind: 'text', text: `“${reliance.by}”` },
        { kind: 'text', text: ` (${dateText(reliance.date)}). ${part.check(reliance.date).summary}.` }
      ]
    })
    if (items.length > 0) blocks.push({ kind: 'list', items })
    return blocks
  })
}
