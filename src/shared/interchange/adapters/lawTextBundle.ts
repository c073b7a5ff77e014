import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from '../../domain/bundle'
import type { Law } from '../../domain/law'
import { describeImportProblem } from '../importProblem'
import { readLawText } from './lawText'

/** When the built-in GDPR was generated: its records' bookkeeping time and the bundle's createdAt. */
export const BUILT_IN_GDPR_GENERATED_AT = '2026-11-29T00:00:00.000Z'

/** Increase whenever the generated content changes, so start-up offers it again. */
export const BUILT_IN_GDPR_REVISION = 1

export const BUILT_IN_GDPR_ATTRIBUTION =
  'Text of Regulation (EU) 2016/679 (General Data Protection Regulation), as structured by GDPRtEXT ' +
  '(Harshvardhan J. Pandit, https://github.com/coolharsh55/GDPRtEXT, commit b7bbb4e), licensed under ' +
  'Creative Commons Attribution 4.0 (CC BY 4.0, https://creativecommons.org/licenses/by/4.0/). ' +
  'Changes: articles and chapters converted to Precedent provisions, paragraphs joined with their ' +
  'numbers and letters, recitals and footnote citations left out. The authentic text is the one ' +
  'published in the Official Journal of the European Union (OJ L 119, 4.5.2016, p. 1).'

/**
 * The built-in GDPR bundle (`resources/laws/eu-gdpr.json`) made from GDPRtEXT's `gdpr.json`.
 * A pure function of the file, so the committed bundle can be checked against it.
 *
 * @throws Error naming every problem if the file does not give exactly one valid law
 */
export function builtInGdprBundle(gdprJson: unknown): Bundle {
  const reading = readLawText(
    gdprJson,
    { file: 'gdpr.json', importedAt: BUILT_IN_GDPR_GENERATED_AT, jurisdictionIds: new Set(['EU']) },
    { lawId: 'law-eu-gdpr' }
  )
  const laws = reading.candidates.flatMap((candidate) => (candidate.typed.type === 'law' ? [candidate.typed.record] : []))
  const law: Law | undefined = laws[0]
  if (reading.rejected.length > 0 || law === undefined || laws.length !== 1) {
    throw new Error(`gdpr.json did not give one law:\n${reading.rejected.map(describeImportProblem).join('\n')}`)
  }
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    id: 'precedent-law-eu-gdpr',
    revision: BUILT_IN_GDPR_REVISION,
    title: 'General Data Protection Regulation (full text)',
    createdAt: BUILT_IN_GDPR_GENERATED_AT,
    attribution: BUILT_IN_GDPR_ATTRIBUTION,
    records: { jurisdictions: [], organisations: [], sources: [], laws: [law], incidents: [], responses: [] }
  }
}

/** The file's exact text: two-space JSON and a final newline, so regenerating changes no byte. */
export function serialiseBuiltInLawBundle(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`
}
