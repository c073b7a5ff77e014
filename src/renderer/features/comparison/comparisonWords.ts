import { applyingParts, type ApplyingPart } from '@shared/analytics/comparisonText'
import type { ApplyingLaw, LawApplication } from '@shared/analytics/jurisdictionComparison'
import type { Penalty } from '@shared/domain/incidentResponse'
import { formatCount, i18n } from '@renderer/i18n'
import { provisionText } from '../records'

/**
 * The comparison table's cells in the interface language, from the codes the comparison carries
 * (src/shared/analytics/comparisonText.ts writes the same in English for the exported picture).
 */

function partText(part: ApplyingPart): string {
  const t = i18n.global.t
  if (part.kind === 'provision') return provisionText(part.provision)
  if (part.kind === 'unrecorded') return t('comparison.table.unrecordedProvision', { number: part.number })
  return t('comparison.table.wholeLaw')
}

/** "Article 41, Article 42, the law as a whole" / "第41条、第42条、整部法律"; empty when only the whole law is named. */
export function applyingProvisionsWords(entry: ApplyingLaw): string {
  return applyingParts(entry).map(partText).join(i18n.global.t('comparison.table.listSeparator'))
}

const APPLICATION_KEYS: Readonly<Record<LawApplication, string>> = {
  'implicated-by-incident': 'comparison.table.implicatedByIncident',
  'cited-as-legal-basis': 'comparison.table.citedAsLegalBasis'
}

/** Why a law is listed: "implicated by the incident; cited as legal basis". */
export function applicationsWords(entry: Pick<ApplyingLaw, 'applications'>): string {
  const t = i18n.global.t
  return entry.applications.map((application) => t(APPLICATION_KEYS[application])).join(t('comparison.table.applicationSeparator'))
}

/** "Penalty: CNY 1,000,000", "Penalty: amount unknown: …" in the interface language's words and digits. */
export function penaltyWords(penalty: Penalty): string {
  const t = i18n.global.t
  const amount = penalty.amount === undefined ? t('comparison.table.amountUnknown') : `${penalty.currency ?? ''} ${formatCount(penalty.amount)}`.trim()
  return penalty.description === undefined ? t('comparison.table.penalty', { amount }) : t('comparison.table.penaltyDescribed', { amount, description: penalty.description })
}
