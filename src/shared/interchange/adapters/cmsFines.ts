import { message } from '../../locale/message'
import { parsePartialDate, earliestDay, type PartialDate } from '../../domain/partialDate'
import { DEFAULT_IMPORT_LIMITS } from '../importLimits'
import { ImportInputError, type ImportLocation, type ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import { cleanImportedField } from '../text/cleanImportedField'
import { cleanImportedText } from '../text/cleanImportedText'
import { linksInHtml } from '../text/htmlToText'
import { nameSlug } from '../text/nameSlug'
import { sourceDraftForWebAddress, sourceIdForWebAddress } from '../text/webAddresses'
import {
  CMS_CELL_COUNT,
  CMS_COLUMNS,
  CMS_COUNTRY_CODES,
  CMS_FIELD_NAMES,
  GDPR_LAW_ID,
  GDPR_NAMES,
  organisationKindForSector,
  UNINFORMATIVE_SECTORS,
  type CmsColumn
} from './cmsFinesVocabulary'

/** Where a problem with a response field is reported, in the download's column names. */
const RESPONSE_FIELD_NAMES: Readonly<Record<string, string>> = {
  id: CMS_FIELD_NAMES.etid,
  title: CMS_FIELD_NAMES.fine,
  actorId: CMS_FIELD_NAMES.authority,
  datedOn: CMS_FIELD_NAMES.date,
  description: CMS_FIELD_NAMES.summary,
  targetOrganisationIds: CMS_FIELD_NAMES.controller,
  legalBasis: CMS_FIELD_NAMES.articles,
  outcome: CMS_FIELD_NAMES.fine,
  penalty: CMS_FIELD_NAMES.fine,
  citations: CMS_FIELD_NAMES.source
}

const AUTHORITY_PREFIX = 'org-dpa-'
const CONTROLLER_PREFIX = 'org-cms-'

/** Controllers the tracker does not name. */
const UNNAMED_CONTROLLERS: ReadonlySet<string> = new Set(['unknown', 'n/a', 'not known', ''])

interface Collected {
  /** Organisations and sources by id, first met first; `undefined` when the record could not be valid. */
  readonly records: Map<string, ImportCandidate | undefined>
  /** Ids linked by an accepted response, in the order first linked. */
  readonly used: Set<string>
}

/**
 * Reads the CMS GDPR Enforcement Tracker download (`{"data": [[13 cells], …]}`, or the bare list of
 * rows). Each fine becomes a Response `resp-cms-<etid>` of kind fine (an "intention to issue a
 * fine" is a proposed one), by the authority (`org-dpa-<slug>`, a regulator in the country of the
 * flag cell) against the controller (`org-cms-<slug>`, spellings folded), on the GDPR articles
 * quoted (provision references to `law-eu-gdpr`), citing the documents linked in the source cell,
 * the summary and the tracker's own page. Amounts are kept only when the cell is a number; any
 * other text ("Unknown", "Fine in five-digit amount", a range) leaves the amount unknown and is
 * kept in the outcome. Dates keep their precision ("2019" stays a year). Everything is a function
 * of the file, so reading it twice gives identical records.
 *
 * @throws ImportInputError when the JSON is not the download's shape, or has too many rows
 */
export function readCmsFines(json: unknown, context: ImportContext): ImportReading {
  const rows = cmsRows(json, context.file)
  const collected: Collected = { records: new Map(), used: new Set() }
  const responses: ImportCandidate[] = []
  const rejected: ImportProblem[] = []
  const notices: ImportProblem[] = []
  const firstRowOfId = new Map<string, number>()

  rows.forEach((row, index) => {
    const origin: ImportLocation = { file: context.file, row: index + 1 }
    if (!Array.isArray(row) || row.length < CMS_CELL_COUNT || row.some((cell) => typeof cell !== 'string')) {
      rejected.push({ ...origin, message: message('importProblems.cms.badRow', { count: CMS_CELL_COUNT }) })
      return
    }
    const cells = row as readonly string[]
    const cell = (column: CmsColumn) => cells[CMS_COLUMNS[column]]!
    const at = (column: CmsColumn): ImportLocation => ({ ...origin, field: CMS_FIELD_NAMES[column] })

    const etid = cleanImportedText(cell('etid')).text.trim()
    if (!/^ETid-\d+$/i.test(etid)) {
      rejected.push({ ...at('etid'), message: etid === '' ? message('importProblems.cms.noEtid') : message('importProblems.cms.notAnEtid', { etid }) })
      return
    }
    const id = `resp-cms-${etid.toLowerCase()}`
    const earlier = firstRowOfId.get(id)
    if (earlier !== undefined) {
      rejected.push({ ...at('etid'), message: message('importProblems.cms.repeatedEtid', { etid, earlier }) })
      return
    }
    firstRowOfId.set(id, origin.row!)

    const rowNotices: ImportProblem[] = []
    const draft = fineDraft(cell, at, id, etid, context, collected, rowNotices)
    if (!draft.ok) {
      rejected.push(draft.problem)
      return
    }
    const result = candidateFromDraft('response', draft.fields, origin, context, RESPONSE_FIELD_NAMES)
    if (!result.ok) {
      rejected.push(...result.problems)
      return
    }
    responses.push(result.candidate)
    notices.push(...rowNotices)
    for (const linkedId of draft.linkedIds) collected.used.add(linkedId)
  })

  const linkedRecords = [...collected.used]
    .map((linkedId) => collected.records.get(linkedId))
    .filter((candidate): candidate is ImportCandidate => candidate !== undefined)
  return {
    format: 'cms',
    candidates: [
      ...linkedRecords.filter((candidate) => candidate.typed.type === 'organisation'),
      ...linkedRecords.filter((candidate) => candidate.typed.type === 'source'),
      ...responses
    ],
    rejected,
    notices
  }
}

type FineDraft =
  | { readonly ok: true; readonly fields: Record<string, unknown>; readonly linkedIds: readonly string[] }
  | { readonly ok: false; readonly problem: ImportProblem }

/**
 * The response for one row, with the organisations and sources it links (registered in
 * `collected`, kept only if the response is accepted), or why the row cannot be a response.
 */
function fineDraft(
  cell: (column: CmsColumn) => string,
  at: (column: CmsColumn) => ImportLocation,
  id: string,
  etid: string,
  context: ImportContext,
  collected: Collected,
  notices: ImportProblem[]
): FineDraft {
  const linked: string[] = []
  const jurisdictionId = countryOf(cell('country'), at('country'), context, notices)
  const authorityName = cleanImportedField(cell('authority'), at('authority'), notices).replace(/\s+/g, ' ')
  if (authorityName === '' || /^unknown$/i.test(authorityName)) {
    return { ok: false, problem: { ...at('authority'), message: message('importProblems.cms.noAuthority') } }
  }
  const authorityId = organisation(
    collected,
    AUTHORITY_PREFIX,
    authorityName,
    { kind: 'regulator', ...(jurisdictionId === undefined ? {} : { headquartersJurisdictionId: jurisdictionId }) },
    at('authority'),
    context,
    notices
  )
  if (authorityId === undefined) {
    return { ok: false, problem: { ...at('authority'), message: message('importProblems.cms.authorityNotOrganisation', { name: authorityName }) } }
  }
  linked.push(authorityId)

  const controllerName = cleanImportedField(cell('controller'), at('controller'), notices).replace(/\s+/g, ' ')
  const sector = cleanImportedText(cell('sector')).text.trim()
  const targetIds: string[] = []
  if (UNNAMED_CONTROLLERS.has(controllerName.toLowerCase())) {
    notices.push({ ...at('controller'), message: message('importProblems.cms.noController') })
  } else {
    const controllerId = organisation(
      collected,
      CONTROLLER_PREFIX,
      controllerName,
      {
        kind: organisationKindForSector(sector),
        ...(UNINFORMATIVE_SECTORS.has(sector) ? {} : { description: `Sector: ${sector} (as classified by the CMS Enforcement Tracker)` })
      },
      at('controller'),
      context,
      notices
    )
    if (controllerId !== undefined) {
      targetIds.push(controllerId)
      linked.push(controllerId)
    }
  }

  const fine = readFine(cleanImportedText(cell('fine')).text.replace(/\s+/g, ' ').trim())
  if (fine.amount === 0) {
    notices.push({ ...at('fine'), message: message('importProblems.cms.zeroFine') })
  }
  const violation = cleanImportedText(cell('type')).text.trim()
  const articles = quotedArticles(cleanImportedText(cell('articles')).text, at('articles'), notices)
  const sourceIds = citedSources(collected, etid, cell('source'), cell('summary'), cell('trackerUrl'), at, context, notices)
  linked.push(...sourceIds)

  const fields: Record<string, unknown> = {
    id,
    title: fineTitle(fine, controllerName, targetIds.length > 0, violation),
    kind: 'fine',
    actorId: authorityId,
    stage: fine.intended ? 'proposed' : 'enacted',
    description: cleanImportedField(cell('summary'), at('summary'), notices, { html: true }),
    targetOrganisationIds: targetIds,
    incidentIds: [],
    legalBasis: articles.map((provisionNumber) => ({ lawId: GDPR_LAW_ID, provisionNumber })),
    outcome: fine.outcome,
    penalty: {
      currency: 'EUR',
      ...(fine.amount === undefined ? {} : { amount: fine.amount }),
      ...(fine.amount === undefined && fine.outcome !== '' ? { description: fine.outcome } : {})
    },
    citations: sourceIds.map((sourceId) => ({ sourceId }))
  }
  const datedOn = decisionDate(cleanImportedText(cell('date')).text.trim(), at('date'), context, notices)
  if (datedOn !== undefined) fields.datedOn = datedOn
  return { ok: true, fields, linkedIds: linked }
}

function cmsRows(json: unknown, file: string): readonly unknown[] {
  const rows = Array.isArray(json)
    ? json
    : typeof json === 'object' && json !== null && Array.isArray((json as { data?: unknown }).data)
      ? (json as { data: unknown[] }).data
      : undefined
  if (rows === undefined) {
    throw new ImportInputError({ file, message: message('importProblems.cms.notCms') })
  }
  if (rows.length > DEFAULT_IMPORT_LIMITS.maxRows) {
    throw new ImportInputError({ file, message: message('importProblems.csv.tooManyRows', { count: rows.length, max: DEFAULT_IMPORT_LIMITS.maxRows }) })
  }
  return rows
}

/** The country of the flag cell ("<img alt='AUSTRIA'><br />AUSTRIA") as a jurisdiction id, or a notice. */
function countryOf(html: string, location: ImportLocation, context: ImportContext, notices: ImportProblem[]): string | undefined {
  const lines = cleanImportedText(html, { html: true })
    .text.split('\n')
    .map((line) => line.trim().toUpperCase())
    .filter((line) => line !== '')
  const name = lines.at(-1) ?? ''
  const code = CMS_COUNTRY_CODES[name]
  if (code !== undefined && context.jurisdictionIds.has(code)) return code
  notices.push({ ...location, message: name === '' ? message('importProblems.cms.noCountry') : message('importProblems.cms.unknownCountry', { name }) })
  return undefined
}

/**
 * The id of an organisation named in the file, made once per id: the first spelling names it, and
 * spellings that fold to the same slug ("Private Individual") are the same organisation.
 */
function organisation(
  collected: Collected,
  prefix: string,
  name: string,
  fields: Record<string, unknown>,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): string | undefined {
  const id = `${prefix}${nameSlug(name, 100 - prefix.length)}`
  if (collected.records.has(id)) return collected.records.get(id) === undefined ? undefined : id
  const checked = candidateFromDraft('organisation', { id, name: name.slice(0, 300), aliases: [], links: [], citations: [], ...fields }, location, context)
  if (!checked.ok)
    notices.push(
      ...checked.problems.map((problem) => ({
        ...problem,
        field: location.field,
        message: message('importProblems.records.nameNotOrganisation', { name: name.slice(0, 80), reason: problem.message })
      }))
    )
  collected.records.set(id, checked.ok ? checked.candidate : undefined)
  return checked.ok ? id : undefined
}

interface Fine {
  /** In euros, only when the cell is a number. */
  readonly amount?: number
  /** What the outcome field says: "EUR 4,800", or the cell's text when it is not a number. */
  readonly outcome: string
  /** "Only intention to issue fine": a proposed measure, not an enacted one. */
  readonly intended: boolean
  readonly phrase: string
}

const AMOUNT = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?$/

function readFine(text: string): Fine {
  if (AMOUNT.test(text)) {
    const amount = Number(text.replace(/,/g, ''))
    return { amount, outcome: `Fine of EUR ${text}`, intended: false, phrase: `Fine of EUR ${text}` }
  }
  if (/intention to issue/i.test(text)) return { outcome: text, intended: true, phrase: 'Intended fine' }
  if (text === '' || /^unknown$/i.test(text)) return { outcome: 'Amount unknown', intended: false, phrase: 'Fine of unknown amount' }
  return { outcome: text, intended: false, phrase: /^fine\b/i.test(text) ? text : `Fine (${text})` }
}

function fineTitle(fine: Fine, controllerName: string, hasTarget: boolean, violation: string): string {
  const on = hasTarget ? controllerName : 'an unnamed controller'
  const why = violation === '' || /^unknown$/i.test(violation) ? '' : ` for ${violation.charAt(0).toLowerCase()}${violation.slice(1)}`
  return `${fine.phrase} on ${on}${why}`.slice(0, 500)
}

/**
 * GDPR article numbers quoted in the articles cell ("Art. 5 (1) a), (2) GDPR, Art. 6 GDPR,
 * Art. 23 LOPDGDD"), each once. Each quotation names its law at its end; articles of other laws
 * (national acts) are named in a notice, since only the GDPR is linked here. A quotation that
 * names no law at all is read as GDPR, the law the tracker is about, with a notice.
 */
/** Where one quotation ends: before the next "Art."/"§", or after a GDPR name ("Art. 32 GDPR, L. 34-5 CPCE"). */
const QUOTATION_BOUNDARY = /,\s*(?=(?:Art\b|Article\b|§))|(?<=\b(?:GDPR|GPDR|GDRP|DSGVO))\s*[,;]\s*/

function quotedArticles(text: string, location: ImportLocation, notices: ImportProblem[]): string[] {
  const numbers: string[] = []
  const otherLaws: string[] = []
  const normalised = text.replace(/\s+/g, ' ').trim()
  if (normalised === '' || /^unknown$/i.test(normalised)) return []
  for (const quotation of normalised.split(QUOTATION_BOUNDARY)) {
    const trimmed = quotation.trim().replace(/[,;]+$/, '')
    const number = /^(?:(?:Art\.?|Article)\s*)+(\d{1,3})\b/i.exec(trimmed)?.[1]
    const namesGdpr = GDPR_NAMES.test(trimmed)
    const namesNoLaw = number !== undefined && /^(?:(?:Art\.?|Article)\s*)+\d{1,3}(?:\s*\(\d+\))*(?:\s*[a-z]\))*(?:\s*,\s*(?:\(\d+\)|[a-z]\)))*$/i.test(trimmed)
    if (number !== undefined && (namesGdpr || namesNoLaw)) {
      if (namesNoLaw) notices.push({ ...location, message: message('importProblems.cms.readAsGdpr', { text: trimmed }) })
      if (!numbers.includes(number)) numbers.push(number)
    } else {
      otherLaws.push(trimmed)
    }
  }
  if (otherLaws.length > 0) {
    notices.push({ ...location, message: message('importProblems.cms.notGdpr', { quotations: otherLaws.map((quotation) => `"${quotation}"`).join(', ') }) })
  }
  return numbers
}

/** A decision date at its own precision; "Unknown" leaves it out, and so does a date after the import. */
function decisionDate(text: string, location: ImportLocation, context: ImportContext, notices: ImportProblem[]): PartialDate | undefined {
  if (text === '' || /^unknown$/i.test(text)) {
    notices.push({ ...location, message: message('importProblems.cms.noDate') })
    return undefined
  }
  const parsed = parsePartialDate(text)
  if (!parsed.ok) {
    notices.push({ ...location, message: message('importProblems.cms.badDate', { reason: parsed.reason }) })
    return undefined
  }
  const today = context.importedAt.slice(0, 10)
  if (earliestDay(parsed.value) > today) {
    notices.push({ ...location, message: message('importProblems.cms.dateAfterImport', { date: parsed.value, today }) })
    return undefined
  }
  return parsed.value
}

/**
 * Sources the fine cites: each document linked in the source cell and in the summary, then the
 * tracker's own page for the fine. Links that are not web addresses (the page's "#/" buttons) are
 * skipped.
 */
function citedSources(
  collected: Collected,
  etid: string,
  sourceHtml: string,
  summaryHtml: string,
  trackerHtml: string,
  at: (column: CmsColumn) => ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): string[] {
  const ids: string[] = []
  const add = (draft: Record<string, unknown> & { id: string }, location: ImportLocation) => {
    if (!collected.records.has(draft.id)) {
      const checked = candidateFromDraft('source', draft, location, context)
      if (!checked.ok)
        notices.push(
          ...checked.problems.map((problem) => ({
            ...problem,
            field: location.field,
            message: message('importProblems.records.addressNotSource', { address: String(draft.url), reason: problem.message })
          }))
        )
      collected.records.set(draft.id, checked.ok ? checked.candidate : undefined)
    }
    if (collected.records.get(draft.id) !== undefined && !ids.includes(draft.id)) ids.push(draft.id)
  }
  for (const column of ['source', 'summary'] as const) {
    const html = column === 'source' ? sourceHtml : summaryHtml
    for (const href of linksInHtml(html)) if (/^https?:\/\/[^\s/?#]+\.[^\s/?#]+/i.test(href)) add({ ...sourceDraftForWebAddress(href) }, at(column))
  }
  if (sourceHtml.trim() === '') notices.push({ ...at('source'), message: message('importProblems.cms.noSource') })
  const trackerUrl = linksInHtml(trackerHtml).find((href) => /^https?:\/\/(?:www\.)?enforcementtracker\.com\//i.test(href))
  if (trackerUrl !== undefined) {
    const tracker = sourceDraftForWebAddress(trackerUrl)
    add({ ...tracker, id: sourceIdForWebAddress(trackerUrl), title: `CMS GDPR Enforcement Tracker: ${etid}`, publisher: 'CMS' }, at('trackerUrl'))
  }
  return ids
}
