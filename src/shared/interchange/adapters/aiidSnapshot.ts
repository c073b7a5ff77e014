import type { IncidentRole } from '../../domain/incident'
import { ImportInputError, type ImportProblem } from '../importProblem'
import { candidateFromDraft, type CandidateResult, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import type { CsvRow, CsvTable } from '../parseCsvTable'
import { parseJsonSafely } from '../parseJsonSafely'
import { cleanImportedText, describeTextChanges } from '../text/cleanImportedText'
import { message, type Message } from '../../locale/message'
import { aiidEntityName, aiidOrganisationId } from './aiidEntities'
import { incidentNumberOf, readAiidDuplicates } from './aiidDuplicates'
import { readAiidRiskClassifications, riskCategories, riskTags } from './aiidRiskClassification'

/** The tables of an AI Incident Database snapshot export that Precedent reads. */
export interface AiidSnapshotTables {
  /** `incidents.csv`: one row per incident. */
  readonly incidents: CsvTable
  /** `duplicates.csv`: incidents AIID merged into another. */
  readonly duplicates?: CsvTable
  /** `classifications_MIT.csv`: the MIT AI Risk Repository domain and subdomain per incident. */
  readonly classificationsMit?: CsvTable
}

const ID = 'incident_id'
const TITLE = 'title'
const DESCRIPTION = 'description'
const DATE = 'date'
const REPORTS = 'reports'

/** The entity columns and the part each entity played, strongest first (one link per organisation). */
const ENTITY_COLUMNS: readonly { readonly column: string; readonly role: IncidentRole }[] = [
  { column: 'Alleged deployer of AI system', role: 'operator' },
  { column: 'Alleged developer of AI system', role: 'involved' },
  { column: 'Alleged harmed or nearly harmed parties', role: 'involved' }
]

const AIID_PUBLISHER = 'AI Incident Database (Responsible AI Collaborative)'

/** Where an incident's page is: every imported incident cites it. */
export function aiidIncidentAddress(incidentNumber: number): string {
  return `https://incidentdatabase.ai/cite/${incidentNumber}/`
}

interface EntityMention {
  readonly slug: string
  readonly role: IncidentRole
  readonly row: number
  readonly column: string
}

/**
 * Reads an AIID snapshot. Each incident becomes `aiid-<incident_id>` with its title, description
 * (as summary) and date (as occurredOn, at the precision given), status `alleged` — AIID itself
 * calls its deployers, developers and harmed parties alleged — and a citation of its AIID page
 * (a source `src-aiid-<incident_id>`). Each entity slug becomes one organisation
 * `org-aiid-<slug>` of kind `other` (AIID's entities are companies, agencies, people and groups
 * alike, and the snapshot does not say which), linked as `operator` when it deployed the system
 * and `involved` when it developed it or was harmed. MIT risk domains and subdomains become tags
 * and, where they match, categories (see `riskCategories`).
 *
 * Incidents listed in `duplicates.csv` are not imported: a notice names the incident AIID kept,
 * following chains of duplicates to the end. A row with an unreadable number, a list cell that is
 * not a JSON list of names, or a field the schema refuses is rejected, naming row and column.
 */
export function readAiidSnapshot(tables: AiidSnapshotTables, context: ImportContext): ImportReading {
  const { incidents } = tables
  const file = incidents.file
  const missing = [ID, TITLE].filter((column) => !incidents.headers.includes(column))
  if (missing.length > 0) {
    return {
      format: 'aiid',
      candidates: [],
      rejected: missing.map((column) => ({ file, row: 1, field: column, message: message('importProblems.aiid.missingIncidentsColumn', { column }) })),
      notices: []
    }
  }
  const duplicates = readAiidDuplicates(tables.duplicates)
  const risks = readAiidRiskClassifications(tables.classificationsMit)
  const rejected: ImportProblem[] = [...incidents.problems, ...duplicates.rejected, ...risks.rejected]
  const notices: ImportProblem[] = []
  const presentNumbers = new Set(incidents.rows.map((row) => incidentNumberOf(row.cells[ID])).filter((number) => number !== undefined))

  const incidentCandidates: ImportCandidate[] = []
  const sourceCandidates: ImportCandidate[] = []
  const organisationResults = new Map<string, CandidateResult>()
  const organisationsUsed = new Set<string>()
  const firstRowOf = new Map<number, number>()

  for (const row of incidents.rows) {
    const number = incidentNumberOf(row.cells[ID])
    if (number === undefined) {
      rejected.push({ file, row: row.row, field: ID, message: message('importProblems.aiid.notAnIncidentNumber', { cell: row.cells[ID] ?? '' }) })
      continue
    }
    const firstRow = firstRowOf.get(number)
    if (firstRow !== undefined) {
      rejected.push({ file, row: row.row, field: ID, message: message('importProblems.aiid.repeatedIncident', { number, firstRow }) })
      continue
    }
    firstRowOf.set(number, row.row)
    const chain = duplicates.chains.get(number)
    if (chain !== undefined) {
      const kept = chain.at(-1)!
      const values = { number, kept, path: chain.join(' → ') }
      const imported = presentNumbers.has(kept)
      const duplicate =
        chain.length > 2
          ? imported
            ? message('importProblems.aiid.duplicateThroughImported', values)
            : message('importProblems.aiid.duplicateThroughAbsent', values)
          : imported
            ? message('importProblems.aiid.duplicateImported', values)
            : message('importProblems.aiid.duplicateAbsent', values)
      notices.push({ file, row: row.row, field: ID, message: duplicate })
      continue
    }

    const reportsProblem = checkReports(row, file)
    if (reportsProblem !== undefined) {
      rejected.push(reportsProblem)
      continue
    }
    const mentions = readEntityMentions(row, file)
    if (!mentions.ok) {
      rejected.push(mentions.problem)
      continue
    }
    const organisations = linksOf(mentions.mentions)
    const organisationProblems = organisations.flatMap((mention) => organisationFor(mention, file, context, organisationResults))
    if (organisationProblems.length > 0) {
      rejected.push(...organisationProblems)
      continue
    }
    const title = cleanCell(row, TITLE, file, notices)
    const summary = cleanCell(row, DESCRIPTION, file, notices)
    const classifications = risks.byIncident.get(number) ?? []
    const sourceId = `src-aiid-${number}`
    const date = (row.cells[DATE] ?? '').trim()
    const incident = candidateFromDraft(
      'incident',
      {
        id: `aiid-${number}`,
        title: title.text,
        summary: summary.text,
        occurredOn: date === '' ? undefined : date,
        status: 'alleged',
        categories: riskCategories(classifications, `${title.text} ${summary.text}`),
        tags: riskTags(classifications),
        organisations: organisations.map(({ slug, role }) => ({ organisationId: aiidOrganisationId(slug), role })),
        citations: [{ sourceId, locator: `Incident ${number}` }]
      },
      { file, row: row.row },
      context,
      { title: TITLE, summary: DESCRIPTION, occurredOn: DATE, tags: 'classifications_MIT.csv', organisations: 'entities' }
    )
    if (!incident.ok) {
      rejected.push(...incident.problems)
      continue
    }
    const source = candidateFromDraft(
      'source',
      {
        id: sourceId,
        title: `AIID incident ${number}: ${title.text}`.slice(0, 500),
        publisher: AIID_PUBLISHER,
        url: aiidIncidentAddress(number),
        language: 'en'
      },
      { file, row: row.row, field: ID },
      context
    )
    if (!source.ok) {
      rejected.push(...source.problems)
      continue
    }
    for (const mention of organisations) organisationsUsed.add(mention.slug)
    incidentCandidates.push(incident.candidate)
    sourceCandidates.push(source.candidate)
  }

  // Only organisations an imported incident links to, in the order they were first named.
  const organisationCandidates = [...organisationsUsed].flatMap((slug) => {
    const result = organisationResults.get(slug)
    return result?.ok === true ? [result.candidate] : []
  })
  const unknown = [...risks.byIncident.keys()].filter((number) => !presentNumbers.has(number))
  if (unknown.length > 0 && tables.classificationsMit !== undefined) {
    notices.push({
      file: tables.classificationsMit.file,
      field: 'Incident ID',
      message: message('importProblems.aiid.unknownClassifications', {
        count: unknown.length,
        file,
        numbers: `${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ', …' : ''}`
      })
    })
  }
  return {
    format: 'aiid',
    // Dependency order: what is linked to comes first.
    candidates: [...organisationCandidates, ...sourceCandidates, ...incidentCandidates],
    rejected,
    notices
  }
}

/** A JSON file's problem said of a cell as "it": "…; it is not valid JSON at line 1, column 2 (…)". */
function aboutTheCell(reason: Message): Message {
  switch (reason.key) {
    case 'importProblems.input.notJsonAt':
      return message('importProblems.aiid.itNotJsonAt', reason.values)
    case 'importProblems.input.notJson':
      return message('importProblems.aiid.itNotJson')
    case 'importProblems.input.prototypeKey':
      return message('importProblems.aiid.itPrototypeKey')
    default:
      return reason
  }
}

/**
 * The `reports` cell lists the numbers of the news reports AIID holds on the incident. Precedent
 * does not import reports (the snapshot leaves out their text), but a cell that is not a list of
 * numbers means the row was cut or shifted, so the row is refused rather than trusted.
 */
function checkReports(row: CsvRow, file: string): ImportProblem | undefined {
  const cell = (row.cells[REPORTS] ?? '').trim()
  if (cell === '') return undefined
  const problem = (reason?: Message): ImportProblem => ({
    file,
    row: row.row,
    field: REPORTS,
    message: reason === undefined ? message('importProblems.aiid.reportsList') : message('importProblems.aiid.reportsListBecause', { reason })
  })
  try {
    const list = parseJsonSafely(cell, file)
    return Array.isArray(list) && list.every((item) => Number.isInteger(item)) ? undefined : problem()
  } catch (error) {
    if (!(error instanceof ImportInputError)) throw error
    return problem(aboutTheCell(error.problem.message))
  }
}

type MentionsResult = { readonly ok: true; readonly mentions: readonly EntityMention[] } | { readonly ok: false; readonly problem: ImportProblem }

/** The entity slugs of a row, each cell a JSON list of names stored as text (`["youtube"]`). */
function readEntityMentions(row: CsvRow, file: string): MentionsResult {
  const mentions: EntityMention[] = []
  for (const { column, role } of ENTITY_COLUMNS) {
    const cell = (row.cells[column] ?? '').trim()
    if (cell === '') continue
    let list: unknown
    try {
      list = parseJsonSafely(cell, file)
    } catch (error) {
      if (!(error instanceof ImportInputError)) throw error
      return {
        ok: false,
        problem: {
          file,
          row: row.row,
          field: column,
          message: message('importProblems.aiid.namesListBecause', { reason: aboutTheCell(error.problem.message) })
        }
      }
    }
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) {
      return { ok: false, problem: { file, row: row.row, field: column, message: message('importProblems.aiid.namesList') } }
    }
    for (const item of list as string[]) {
      const slug = item.normalize('NFC').trim()
      if (slug !== '') mentions.push({ slug, role, row: row.row, column })
    }
  }
  return { ok: true, mentions }
}

/** One link per organisation: the first (strongest) part it played in the incident. */
function linksOf(mentions: readonly EntityMention[]): EntityMention[] {
  const byId = new Map<string, EntityMention>()
  for (const mention of mentions) {
    const id = aiidOrganisationId(mention.slug)
    if (!byId.has(id)) byId.set(id, mention)
  }
  return [...byId.values()]
}

/**
 * Validates the organisation for an entity once, where it is first named; its problems, if any,
 * reject every row that names it, so no imported incident links to a missing organisation.
 */
function organisationFor(mention: EntityMention, file: string, context: ImportContext, results: Map<string, CandidateResult>): readonly ImportProblem[] {
  let result = results.get(mention.slug)
  if (result === undefined) {
    result = candidateFromDraft(
      'organisation',
      {
        id: aiidOrganisationId(mention.slug),
        name: aiidEntityName(mention.slug),
        kind: 'other',
        description: `Named in the AI Incident Database as "${mention.slug}".`
      },
      { file, row: mention.row, field: mention.column },
      context,
      { name: mention.column, description: mention.column }
    )
    results.set(mention.slug, result)
  }
  return result.ok ? [] : result.problems.map((problem) => ({ ...problem, row: mention.row, field: mention.column }))
}

/** A text cell cleaned of what files carry by accident, with a notice naming what was changed. */
function cleanCell(row: CsvRow, column: string, file: string, notices: ImportProblem[]): { readonly text: string } {
  const cleaned = cleanImportedText(row.cells[column] ?? '')
  const changes = cleaned.changes.filter((change) => change !== 'normalised')
  if (changes.length > 0) {
    notices.push({
      file,
      row: row.row,
      field: column,
      message: message('importProblems.aiid.textChanged', { changes: describeTextChanges(changes, undefined, { start: false }) })
    })
  }
  return { text: cleaned.text.trim() }
}
