import { message } from '../../locale/message'
import type { IncidentCategory } from '../../domain/incident'
import type { ImportProblem } from '../importProblem'
import type { CsvTable } from '../parseCsvTable'
import { incidentNumberOf } from './aiidDuplicates'

/** One incident's place in the MIT AI Risk Repository taxonomy, as AIID's classifications give it. */
export interface AiidRiskClassification {
  /** "2. Privacy & Security" */
  readonly domain: string
  /** "2.1. Compromise of privacy by obtaining, leaking or correctly inferring sensitive information" */
  readonly subdomain: string
}

export interface AiidRiskClassifications {
  readonly byIncident: ReadonlyMap<number, readonly AiidRiskClassification[]>
  readonly rejected: readonly ImportProblem[]
}

const INCIDENT = 'Incident ID'
const DOMAIN = 'Risk Domain'
const SUBDOMAIN = 'Risk Subdomain'
const PUBLISHED = 'Published'

/**
 * Reads AIID's `classifications_MIT.csv`. Rows AIID marks unpublished (`Published` = False) are
 * drafts and are skipped; a row without an incident number is refused, naming its row.
 */
export function readAiidRiskClassifications(table: CsvTable | undefined): AiidRiskClassifications {
  if (table === undefined) return { byIncident: new Map(), rejected: [] }
  for (const column of [INCIDENT, DOMAIN, SUBDOMAIN]) {
    if (!table.headers.includes(column)) {
      return {
        byIncident: new Map(),
        rejected: [{ file: table.file, row: 1, field: column, message: message('importProblems.aiid.missingColumn', { column }) }]
      }
    }
  }
  const rejected: ImportProblem[] = [...table.problems]
  const byIncident = new Map<number, AiidRiskClassification[]>()
  for (const { row, cells } of table.rows) {
    if ((cells[PUBLISHED] ?? '').trim().toLowerCase() === 'false') continue
    const incident = incidentNumberOf(cells[INCIDENT])
    if (incident === undefined) {
      rejected.push({ file: table.file, row, field: INCIDENT, message: message('importProblems.aiid.notAnIncidentNumber', { cell: cells[INCIDENT] ?? '' }) })
      continue
    }
    const classification = { domain: oneLine(cells[DOMAIN]), subdomain: oneLine(cells[SUBDOMAIN]) }
    if (classification.domain === '' && classification.subdomain === '') continue
    byIncident.set(incident, [...(byIncident.get(incident) ?? []), classification])
  }
  return { byIncident, rejected }
}

function oneLine(cell: string | undefined): string {
  return (cell ?? '').replace(/\s+/g, ' ').trim()
}

/** The taxonomy's own labels as tags, so incidents can be filtered by MIT risk domain and subdomain. */
export function riskTags(classifications: readonly AiidRiskClassification[]): string[] {
  return [...new Set(classifications.flatMap((classification) => [classification.domain, classification.subdomain]).filter((tag) => tag !== ''))]
}

/**
 * Precedent's categories where an MIT subdomain says the same thing, else `other`:
 * 2.1 (compromise of privacy by obtaining, leaking or inferring sensitive information) is
 * profiling; 2.2 (AI system security vulnerabilities and attacks) a security vulnerability; 4.1
 * (disinformation, surveillance and influence at scale) is surveillance only when the incident's
 * own text speaks of surveillance, since most incidents in it are disinformation.
 */
export function riskCategories(classifications: readonly AiidRiskClassification[], incidentText: string): IncidentCategory[] {
  const categories = new Set<IncidentCategory>()
  for (const { subdomain } of classifications) {
    const code = /^(\d+\.\d+)\./.exec(subdomain)?.[1]
    if (code === '2.1') categories.add('profiling')
    if (code === '2.2') categories.add('security-vulnerability')
    if (code === '4.1' && /\bsurveil/i.test(incidentText)) categories.add('surveillance')
  }
  return categories.size === 0 ? ['other'] : [...categories]
}
