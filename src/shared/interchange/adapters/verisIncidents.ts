import { INCIDENT_CATEGORIES, type IncidentCategory, type IncidentRole } from '../../domain/incident'
import { message } from '../../locale/message'
import { earliestDay, latestDay, type PartialDate } from '../../domain/partialDate'
import { DEFAULT_IMPORT_LIMITS } from '../importLimits'
import { ImportInputError, type ImportLocation, type ImportProblem } from '../importProblem'
import { candidateFromDraft, type ImportCandidate, type ImportContext, type ImportReading } from '../importReading'
import { cleanImportedField } from '../text/cleanImportedField'
import { nameSlug } from '../text/nameSlug'
import { findWebAddresses, sourceDraftForWebAddress } from '../text/webAddresses'
import { isJsonObject, member, objectMember, stringList, stringMember, verisPartialDate, wholeNumber, type JsonObject } from './verisFields'
import {
  categoriesOfVariety,
  DISCLOSING_VALUES,
  isKnownNaics,
  organisationKindForNaics,
  UNINFORMATIVE_VARIETIES,
  VERIS_ACTION_WORDING,
  VERIS_ACTIONS,
  VERIS_STATUSES,
  type VerisAction
} from './verisVocabulary'

/** Where a problem with a record field is reported, in the VERIS file's own terms. */
const VERIS_FIELD_NAMES: Readonly<Record<string, string>> = {
  id: 'incident_id',
  title: 'victim.victim_id',
  summary: 'summary',
  occurredOn: 'timeline.incident',
  disclosedOn: 'plus.timeline.notification',
  status: 'security_incident',
  categories: 'action',
  dataCategories: 'attribute.confidentiality.data',
  affectedUsers: 'attribute.confidentiality.data_total',
  tags: 'action',
  jurisdictionIds: 'victim.country',
  organisations: 'victim.victim_id',
  citations: 'reference'
}

const MAX_TAGS = 50

/** A victim organisation met in the file: its first spelling makes the record, later ones become aliases. */
interface VictimEntry {
  readonly draft: Record<string, unknown>
  readonly origin: ImportLocation
  readonly checked: ImportCandidate | undefined
  readonly aliases: string[]
}

/** The organisations and sources the file names, each once; kept only when an accepted incident links them. */
interface SharedRecords {
  readonly victims: Map<string, VictimEntry>
  readonly sources: Map<string, ImportCandidate | undefined>
  readonly used: Set<string>
}

/**
 * Reads VERIS incidents (a JSON array of them, as VCDB publishes, or one incident object). Each
 * incident becomes an Incident `veris-<incident_id>`; its victim an Organisation
 * `org-veris-<slug>` (one per name in the file) linked as operator; each web address in
 * `reference` a Source `src-<hash>` it cites. Everything is a function of the file, so reading it
 * again gives identical records. A row that cannot be an incident is rejected naming its position
 * (1-based) and field; anything changed or left out on the way is a notice. Organisations and
 * sources come first in the candidates, then incidents in file order.
 *
 * @throws ImportInputError when the JSON is neither an incident nor an array of them, or too long
 */
export function readVerisIncidents(json: unknown, context: ImportContext): ImportReading {
  if (!Array.isArray(json) && !isJsonObject(json)) {
    throw new ImportInputError({ file: context.file, message: message('importProblems.veris.notVeris') })
  }
  const rows: readonly unknown[] = Array.isArray(json) ? json : [json]
  if (rows.length > DEFAULT_IMPORT_LIMITS.maxRows) {
    throw new ImportInputError({
      file: context.file,
      message: message('importProblems.veris.tooManyIncidents', { count: rows.length, max: DEFAULT_IMPORT_LIMITS.maxRows })
    })
  }
  const shared: SharedRecords = { victims: new Map(), sources: new Map(), used: new Set() }
  const incidents: ImportCandidate[] = []
  const rejected: ImportProblem[] = []
  const notices: ImportProblem[] = []
  const firstRowOfId = new Map<string, number>()

  rows.forEach((row, index) => {
    const origin: ImportLocation = { file: context.file, row: index + 1 }
    if (!isJsonObject(row)) {
      rejected.push({ ...origin, message: message('importProblems.veris.notAnIncident') })
      return
    }
    const incidentId = stringMember(row, 'incident_id')?.trim().toLowerCase() ?? ''
    if (incidentId === '') {
      rejected.push({ ...origin, field: 'incident_id', message: message('importProblems.veris.noIncidentId') })
      return
    }
    const id = `veris-${incidentId}`
    const earlier = firstRowOfId.get(id)
    if (earlier !== undefined) {
      rejected.push({ ...origin, field: 'incident_id', message: message('importProblems.veris.repeatedIncidentId', { id: incidentId, earlier }) })
      return
    }
    firstRowOfId.set(id, index + 1)
    const rowNotices: ImportProblem[] = []
    const draft = incidentDraft(row, id, origin, context, shared, rowNotices)
    const result = candidateFromDraft('incident', draft.fields, origin, context, VERIS_FIELD_NAMES)
    if (result.ok) {
      incidents.push(result.candidate)
      notices.push(...rowNotices)
      for (const linked of draft.linkedIds) shared.used.add(linked)
      if (draft.victim !== undefined) noteSpelling(shared, draft.victim.id, draft.victim.name)
    } else {
      rejected.push(...result.problems)
    }
  })

  const linked: ImportCandidate[] = []
  for (const recordId of shared.used) {
    const victim = shared.victims.get(recordId)
    const candidate = victim === undefined ? shared.sources.get(recordId) : victimCandidate(victim, context)
    if (candidate !== undefined) linked.push(candidate)
  }
  const organisations = linked.filter((candidate) => candidate.typed.type === 'organisation')
  const sources = linked.filter((candidate) => candidate.typed.type === 'source')
  return { format: 'veris', candidates: [...organisations, ...sources, ...incidents], rejected, notices }
}

interface IncidentDraft {
  readonly fields: Record<string, unknown>
  /** Organisation and source ids the incident links, to keep if it is accepted. */
  readonly linkedIds: readonly string[]
  /** The victim's organisation id and the spelling this row uses, for aliases. */
  readonly victim?: { readonly id: string; readonly name: string }
}

function incidentDraft(
  row: JsonObject,
  id: string,
  origin: ImportLocation,
  context: ImportContext,
  shared: SharedRecords,
  notices: ImportProblem[]
): IncidentDraft {
  const at = (field: string): ImportLocation => ({ ...origin, field })
  const victimValue = member(row, 'victim', at('victim'), notices)
  const victim = isJsonObject(victimValue) ? victimValue : firstObject(victimValue)
  const action = objectMember(row, 'action', at('action'), notices)
  const attribute = objectMember(row, 'attribute', at('attribute'), notices)
  const confidentiality = objectMember(attribute, 'confidentiality', at('attribute.confidentiality'), notices)
  const linkedIds: string[] = []

  const victimName = cleanImportedField(stringMember(victim, 'victim_id') ?? '', at('victim.victim_id'), notices).replace(/\s+/g, ' ')
  const industry = (stringMember(victim, 'industry') ?? '').trim()
  const jurisdictionIds = victimJurisdictions(victim, at('victim.country'), context, notices)
  const organisations: { organisationId: string; role: IncidentRole }[] = []
  const organisationId =
    victimName === '' ? undefined : registerVictim(victimName, industry, jurisdictionIds[0], at('victim.victim_id'), shared, context, notices)
  if (organisationId !== undefined) {
    // The victim held the data and ran the systems involved: VERIS's victim is the operator.
    organisations.push({ organisationId, role: 'operator' })
    linkedIds.push(organisationId)
  } else if (victimName === '') {
    notices.push({ ...at('victim.victim_id'), message: message('importProblems.veris.victimNotNamed') })
  }

  const actions = actionVarieties(action)
  const occurredOn = plausibleOccurrence(
    verisPartialDate(objectMember(row, 'timeline', at('timeline'), notices)?.incident, at('timeline.incident'), notices),
    at('timeline.incident'),
    context,
    notices
  )
  const notificationField = at('plus.timeline.notification')
  const notification = verisPartialDate(
    objectMember(objectMember(row, 'plus', at('plus'), notices), 'timeline', notificationField, notices)?.notification,
    notificationField,
    notices
  )
  const disclosedOn = plausibleDisclosure(notification, occurredOn, notificationField, context, notices)

  const sourceIds = referenceSources(row, at('reference'), shared, context, notices)
  linkedIds.push(...sourceIds)

  const fields: Record<string, unknown> = {
    id,
    title: incidentTitle(actions, victimName),
    summary: cleanImportedField(stringMember(row, 'summary') ?? '', at('summary'), notices),
    categories: incidentCategories(actions, confidentiality),
    dataCategories: dataVarieties(confidentiality, at('attribute.confidentiality.data'), notices),
    status: incidentStatus(row, at('security_incident'), notices),
    tags: incidentTags(actions, industry, row, at('actor'), notices),
    jurisdictionIds,
    organisations,
    citations: sourceIds.map((sourceId) => ({ sourceId })),
    implicatedProvisions: []
  }
  if (occurredOn !== undefined) fields.occurredOn = occurredOn
  if (disclosedOn !== undefined) fields.disclosedOn = disclosedOn
  const affectedUsers = affectedCount(confidentiality)
  if (affectedUsers !== undefined) fields.affectedUsers = affectedUsers
  return { fields, linkedIds, ...(organisationId === undefined ? {} : { victim: { id: organisationId, name: victimName } }) }
}

/** VERIS 1.3 made some members lists of one object; read the first. */
function firstObject(value: unknown): JsonObject | undefined {
  return Array.isArray(value) && isJsonObject(value[0]) ? value[0] : undefined
}

/** Each action category present with its informative varieties (Unknown and Other left out). */
function actionVarieties(action: JsonObject | undefined): readonly { readonly action: VerisAction; readonly varieties: readonly string[] }[] {
  if (action === undefined) return []
  return VERIS_ACTIONS.filter((name) => isJsonObject(action[name])).map((name) => ({
    action: name,
    varieties: [...new Set(stringList((action[name] as JsonObject).variety).map((variety) => variety.trim()))].filter(
      (variety) => variety !== '' && !UNINFORMATIVE_VARIETIES.has(variety)
    )
  }))
}

/** "Theft at Sutter Medical Foundation", "Hacking (SQLi) and Misdelivery at …": VCDB summaries are often empty, so the title must say what happened. */
function incidentTitle(actions: ReturnType<typeof actionVarieties>, victimName: string): string {
  const phrases = actions.map(({ action, varieties }) => {
    const wording = VERIS_ACTION_WORDING[action]
    if (varieties.length === 0) return wording.label
    return wording.prefixVariety ? `${wording.label} (${varieties.join(', ')})` : varieties.join(', ')
  })
  const what = phrases.length === 0 ? 'Security incident' : phrases.join(' and ')
  const where = victimName === '' ? 'an unnamed organisation' : victimName
  return `${what} at ${where}`.slice(0, 500)
}

function incidentCategories(actions: ReturnType<typeof actionVarieties>, confidentiality: JsonObject | undefined): IncidentCategory[] {
  const categories = new Set<IncidentCategory>()
  const disclosure = stringMember(confidentiality, 'data_disclosure')?.trim()
  if (confidentiality !== undefined && (disclosure === undefined || DISCLOSING_VALUES.has(disclosure))) categories.add('breach')
  for (const { action, varieties } of actions) {
    for (const variety of varieties) for (const category of categoriesOfVariety(action, variety)) categories.add(category)
  }
  if (categories.size === 0) categories.add('other')
  return INCIDENT_CATEGORIES.filter((category) => categories.has(category))
}

function dataVarieties(confidentiality: JsonObject | undefined, location: ImportLocation, notices: ImportProblem[]): string[] {
  const data = confidentiality?.data
  if (!Array.isArray(data)) return []
  const varieties = data
    .map((item) => (isJsonObject(item) ? stringMember(item, 'variety') : undefined))
    .filter((variety): variety is string => variety !== undefined)
    .map((variety) => cleanImportedField(variety, location, notices).replace(/\s+/g, ' '))
    .filter((variety) => variety !== '' && !UNINFORMATIVE_VARIETIES.has(variety))
  return [...new Set(varieties)]
}

/**
 * Records breached: `data_total` when given, else the largest per-variety `amount`, as an estimate
 * (amounts of different varieties may count the same people). Zero is read as not known, never
 * as nobody: VCDB writes 0 where the count was not reported.
 */
function affectedCount(confidentiality: JsonObject | undefined): { count: number; isEstimate: boolean } | undefined {
  const total = wholeNumber(confidentiality?.data_total)
  if (total !== undefined && total > 0) return { count: total, isEstimate: false }
  const data = confidentiality?.data
  const amounts = Array.isArray(data)
    ? data.map((item) => (isJsonObject(item) ? wholeNumber(item.amount) : undefined)).filter((amount): amount is number => amount !== undefined && amount > 0)
    : []
  return amounts.length === 0 ? undefined : { count: Math.max(...amounts), isEstimate: true }
}

function incidentStatus(row: JsonObject, location: ImportLocation, notices: ImportProblem[]) {
  const value = stringMember(row, 'security_incident')?.trim() ?? ''
  const status = VERIS_STATUSES[value]
  if (status !== undefined) return status
  notices.push({ ...location, message: value === '' ? message('importProblems.veris.noStatus') : message('importProblems.veris.unknownStatus', { value }) })
  return 'alleged'
}

const ACTOR_TAGS: Readonly<Record<string, string>> = { external: 'External actor', internal: 'Internal actor', partner: 'Partner actor' }

function incidentTags(
  actions: ReturnType<typeof actionVarieties>,
  industry: string,
  row: JsonObject,
  location: ImportLocation,
  notices: ImportProblem[]
): string[] {
  const tags: string[] = []
  for (const { varieties } of actions) tags.push(...varieties)
  if (isKnownNaics(industry)) tags.push(`NAICS ${industry}`)
  const actor = objectMember(row, 'actor', location, notices)
  if (actor !== undefined) for (const kind of Object.keys(ACTOR_TAGS)) if (isJsonObject(actor[kind])) tags.push(ACTOR_TAGS[kind]!)
  if (stringMember(row, 'security_incident') === 'Near miss') tags.push('Near miss')
  const unique = [...new Set(tags.map((tag) => tag.replace(/\s+/g, ' ').trim().slice(0, 200)).filter((tag) => tag !== ''))]
  return unique.slice(0, MAX_TAGS)
}

/** Country codes of the victim that are known jurisdictions; other codes are named in a notice ("Unknown" silently skipped). */
function victimJurisdictions(victim: JsonObject | undefined, location: ImportLocation, context: ImportContext, notices: ImportProblem[]): string[] {
  const codes = stringList(victim?.country)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '' && code !== 'UNKNOWN' && code !== 'OTHER')
  const known: string[] = []
  for (const code of new Set(codes)) {
    if (context.jurisdictionIds.has(code)) known.push(code)
    else notices.push({ ...location, message: message('importProblems.veris.unknownCountry', { code }) })
  }
  return known
}

/** An incident date after the import is a typing error in the source, not knowledge: left out. */
function plausibleOccurrence(
  date: PartialDate | undefined,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): PartialDate | undefined {
  if (date === undefined) return undefined
  if (earliestDay(date) > context.importedAt.slice(0, 10)) {
    notices.push({ ...location, message: message('importProblems.veris.incidentDateAfterImport', { date, today: context.importedAt.slice(0, 10) }) })
    return undefined
  }
  return date
}

/** A notification is kept only if it could be true: not in the future, not wholly before the incident. */
function plausibleDisclosure(
  date: PartialDate | undefined,
  occurredOn: PartialDate | undefined,
  location: ImportLocation,
  context: ImportContext,
  notices: ImportProblem[]
): PartialDate | undefined {
  if (date === undefined) return undefined
  const today = context.importedAt.slice(0, 10)
  if (earliestDay(date) > today) {
    notices.push({ ...location, message: message('importProblems.veris.notificationAfterImport', { date, today }) })
    return undefined
  }
  if (occurredOn !== undefined && latestDay(date) < earliestDay(occurredOn)) {
    notices.push({ ...location, message: message('importProblems.veris.notificationBeforeIncident', { date, occurredOn }) })
    return undefined
  }
  return date
}

const ORGANISATION_ID_PREFIX = 'org-veris-'

/** Registers the victim (once per id) and returns its id, or undefined when it cannot be a valid record. */
function registerVictim(
  name: string,
  industry: string,
  jurisdictionId: string | undefined,
  origin: ImportLocation,
  shared: SharedRecords,
  context: ImportContext,
  notices: ImportProblem[]
): string | undefined {
  const id = `${ORGANISATION_ID_PREFIX}${nameSlug(name, 100 - ORGANISATION_ID_PREFIX.length)}`
  const existing = shared.victims.get(id)
  if (existing !== undefined) return existing.checked === undefined ? undefined : id
  const draft: Record<string, unknown> = {
    id,
    name,
    kind: isKnownNaics(industry) ? organisationKindForNaics(industry) : 'company',
    aliases: [],
    links: [],
    citations: []
  }
  if (jurisdictionId !== undefined) draft.headquartersJurisdictionId = jurisdictionId
  if (isKnownNaics(industry)) draft.description = `Industry: NAICS ${industry} (as recorded in VERIS)`
  const checked = candidateFromDraft('organisation', draft, origin, context)
  if (!checked.ok)
    notices.push(
      ...checked.problems.map((problem) => ({ ...problem, message: message('importProblems.records.victimNotOrganisation', { reason: problem.message }) }))
    )
  shared.victims.set(id, { draft, origin, checked: checked.ok ? checked.candidate : undefined, aliases: [] })
  return checked.ok ? id : undefined
}

/** Another spelling of a victim already met ("Pfizer Inc" after "Pfizer, Inc.") becomes an alias. */
function noteSpelling(shared: SharedRecords, id: string, name: string): void {
  const victim = shared.victims.get(id)
  if (victim !== undefined && name !== victim.draft.name && !victim.aliases.includes(name) && name.length <= 200) victim.aliases.push(name)
}

function victimCandidate(victim: VictimEntry, context: ImportContext): ImportCandidate | undefined {
  if (victim.aliases.length === 0) return victim.checked
  const withAliases = candidateFromDraft(
    'organisation',
    { ...victim.draft, aliases: victim.aliases.slice(0, 100).map((alias) => ({ name: alias })) },
    victim.origin,
    context
  )
  if (withAliases.ok) return withAliases.candidate
  const plain = candidateFromDraft('organisation', victim.draft, victim.origin, context)
  return plain.ok ? plain.candidate : undefined
}

/** Sources for the web addresses in `reference`; what is not an address is named in a notice. */
function referenceSources(row: JsonObject, location: ImportLocation, shared: SharedRecords, context: ImportContext, notices: ImportProblem[]): string[] {
  const reference = stringMember(row, 'reference')
  if (reference === undefined || reference.trim() === '') return []
  const found = findWebAddresses(reference)
  if (found.leftovers.length > 0) {
    const text = found.leftovers.join(' ')
    notices.push({ ...location, message: message('importProblems.web.notAnAddress', { text: text.length > 200 ? `${text.slice(0, 199)}…` : text }) })
  }
  const ids: string[] = []
  for (const address of found.addresses) {
    if (address.schemeAdded) notices.push({ ...location, message: message('importProblems.web.schemeAdded', { url: address.url }) })
    const draft = sourceDraftForWebAddress(address)
    if (!shared.sources.has(draft.id)) {
      const checked = candidateFromDraft('source', { ...draft }, location, context)
      if (!checked.ok)
        notices.push(
          ...checked.problems.map((problem) => ({
            ...problem,
            message: message('importProblems.records.addressNotSource', { address: address.url, reason: problem.message })
          }))
        )
      shared.sources.set(draft.id, checked.ok ? checked.candidate : undefined)
    }
    if (shared.sources.get(draft.id) !== undefined && !ids.includes(draft.id)) ids.push(draft.id)
  }
  return ids
}
