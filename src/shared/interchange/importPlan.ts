import { DEFAULT_DUPLICATE_THRESHOLD, findDuplicateCandidates, normaliseOrganisationName } from '../domain/duplicates'
import type { Incident } from '../domain/incident'
import { redirectReferences } from '../domain/mergeRecords'
import type { Organisation } from '../domain/organisation'
import { diffRecords, type FieldChange } from '../domain/recordHistory'
import { referencedIds, referencesOf } from '../domain/recordReferences'
import { RECORD_TYPES, recordTitle, type RecordType, type TypedRecord } from '../domain/recordTypes'
import { message, type Message, type MessageValue } from '../locale/message'
import type { ImportLocation, ImportProblem } from './importProblem'
import type { ImportCandidate, ImportFormat, ImportReading } from './importReading'

/** What the records already stored look like, as far as planning an import needs to know. */
export interface ExistingRecords {
  get(id: string): TypedRecord | undefined
  /** Every stored organisation, to find the ones an imported organisation already is. */
  readonly organisations: readonly Organisation[]
  /** Every stored incident, to flag imported incidents that look like one already recorded. */
  readonly incidents: readonly Incident[]
}

export const IMPORT_ACTIONS = ['new', 'update', 'unchanged', 'duplicate', 'rejected'] as const
export type ImportAction = (typeof IMPORT_ACTIONS)[number]

export const IMPORT_ACTION_LABELS: Record<ImportAction, string> = {
  new: 'New',
  update: 'Updated',
  unchanged: 'Unchanged',
  duplicate: 'Duplicate',
  rejected: 'Rejected'
}

/** The choices a person makes on the dry-run report. Both default to the careful answer. */
export interface ImportOptions {
  /**
   * Write imported versions over stored records with the same id (RELIABILITY-SECURITY 35). Off by
   * default: such records are listed as updates but skipped.
   */
  readonly updateExisting?: boolean
  /** Ids of imported incidents to import even though they look like a stored incident. */
  readonly importLikelyDuplicates?: ReadonlySet<string>
}

/** The stored record an imported one very likely is, and why we think so. */
export interface DuplicateMatch {
  readonly id: string
  readonly title: string
  readonly reasons: readonly string[]
}

/** What will happen to one imported record (or one row the reader refused). */
export interface ImportPlanEntry {
  readonly action: ImportAction
  /** Undefined only for rows the reader refused before they became records. */
  readonly type?: RecordType
  readonly id?: string
  readonly title?: string
  readonly origin: ImportLocation
  /** The record as it would be written, links already pointing at the records they were merged into. */
  readonly typed?: TypedRecord
  /** The stored version (updates and unchanged records). */
  readonly stored?: TypedRecord
  /** Fields an update changes, bookkeeping left out. */
  readonly changes?: readonly FieldChange[]
  /** For a duplicate: the record it is taken to be (an organisation is merged into it; an incident is skipped unless chosen). */
  readonly duplicateOf?: DuplicateMatch
  /** Why a record is rejected; always located by file, row and field. */
  readonly problems?: readonly ImportProblem[]
  /** Whether committing the plan writes this record. */
  readonly willWrite: boolean
}

/** One record the commit writes: a new record (must not exist yet) or an update over `expectedRevision`. */
export interface PlannedWrite {
  readonly typed: TypedRecord
  /** The stored revision an update replaces; undefined for a record that must not exist yet. */
  readonly expectedRevision?: number
}

export type ImportCounts = Readonly<Record<ImportAction, number>>

export interface ImportPlan {
  readonly format: ImportFormat
  readonly entries: readonly ImportPlanEntry[]
  /** What the commit writes, in dependency order (what is linked to first). */
  readonly writes: readonly PlannedWrite[]
  readonly counts: ImportCounts
  /** Counts per record type, for records only (rows refused by the reader have no type). */
  readonly countsByType: Readonly<Record<RecordType, ImportCounts>>
  readonly notices: readonly ImportProblem[]
  readonly options: Required<ImportOptions>
}

const zeroCounts = (): Record<ImportAction, number> => ({ new: 0, update: 0, unchanged: 0, duplicate: 0, rejected: 0 })

const describeOrigin = (origin: ImportLocation): string => (origin.row !== undefined ? `row ${origin.row}` : (origin.field ?? origin.file))
/** A stored record's type as the id clash names it ("a stored jurisdiction"). */
function storedRecordNoun(type: RecordType): Message {
  switch (type) {
    case 'incident':
      return message('importProblems.plan.stored.incident')
    case 'organisation':
      return message('importProblems.plan.stored.organisation')
    case 'jurisdiction':
      return message('importProblems.plan.stored.jurisdiction')
    case 'law':
      return message('importProblems.plan.stored.law')
    case 'response':
      return message('importProblems.plan.stored.response')
    case 'source':
      return message('importProblems.plan.stored.source')
  }
}

/** Where a record was read, as a message names it: "row 3", or the field or file. */
const originOf = (origin: ImportLocation): MessageValue =>
  origin.row !== undefined ? message('importProblems.plan.row', { row: origin.row }) : (origin.field ?? origin.file)

type Draft = { candidate: ImportCandidate; typed: TypedRecord; entry?: ImportPlanEntry }

/**
 * Decides what importing a reading would do, without touching storage: every candidate becomes
 * exactly one entry, so the dry run and the commit agree, and importing the same file twice plans
 * nothing but "unchanged". Organisations already stored under another id (same name or alias once
 * normalised, in any script) are merged into the stored one: links from other imported records are
 * rewritten to it and no second organisation is made. Incidents that look like a stored one are
 * skipped unless chosen, and links to them go to the stored incident. A record whose link reaches
 * neither a stored nor an imported record is rejected, and so, in turn, is whatever linked to it.
 */
export function planImport(reading: ImportReading, existing: ExistingRecords, options: ImportOptions = {}): ImportPlan {
  const settled: Required<ImportOptions> = {
    updateExisting: options.updateExisting ?? false,
    importLikelyDuplicates: options.importLikelyDuplicates ?? new Set<string>()
  }
  const drafts: Draft[] = reading.candidates.map((candidate) => ({ candidate, typed: candidate.typed }))

  rejectRepeatedIds(drafts)
  rejectTypeClashes(drafts, existing)
  const organisationRedirects = mergeKnownOrganisations(drafts, existing)
  redirectAll(drafts, organisationRedirects)
  const incidentRedirects = skipLikelyDuplicateIncidents(reading, drafts, existing, settled.importLikelyDuplicates)
  redirectAll(drafts, incidentRedirects)
  for (const draft of drafts) draft.entry ??= entryAgainstStored(draft, existing, settled.updateExisting)
  rejectBrokenLinks(drafts, existing)

  const entries: ImportPlanEntry[] = [
    ...groupByRow(reading.rejected).map((problems): ImportPlanEntry => ({
      action: 'rejected',
      origin: problems[0] as ImportProblem,
      problems,
      willWrite: false
    })),
    ...drafts.map((draft) => draft.entry as ImportPlanEntry)
  ]
  const counts = zeroCounts()
  const countsByType = Object.fromEntries(RECORD_TYPES.map((type) => [type, zeroCounts()])) as Record<RecordType, Record<ImportAction, number>>
  for (const entry of entries) {
    counts[entry.action] += 1
    if (entry.type !== undefined) countsByType[entry.type][entry.action] += 1
  }
  const dependencyRank: Record<RecordType, number> = { jurisdiction: 0, organisation: 1, source: 2, law: 3, incident: 4, response: 5 }
  const writes = entries
    .filter((entry) => entry.willWrite && entry.typed !== undefined)
    .map((entry): PlannedWrite => ({ typed: entry.typed as TypedRecord, ...(entry.stored ? { expectedRevision: entry.stored.record.revision } : {}) }))
    .sort((a, b) => dependencyRank[a.typed.type] - dependencyRank[b.typed.type])
  return { format: reading.format, entries, writes, counts, countsByType, notices: reading.notices, options: settled }
}

/** The number of records a plan writes, for the "Import N records" button. */
export function plannedWriteCount(plan: ImportPlan): number {
  return plan.writes.length
}

// A reader may report several problems with one row; the row is one rejected entry.
function groupByRow(problems: readonly ImportProblem[]): ImportProblem[][] {
  const groups = new Map<string, ImportProblem[]>()
  problems.forEach((problem, index) => {
    const key = problem.row === undefined ? `#${index}` : `${problem.file}\u0000${problem.row}`
    const group = groups.get(key)
    if (group === undefined) groups.set(key, [problem])
    else group.push(problem)
  })
  return [...groups.values()]
}

function rejected(draft: Draft, problems: readonly ImportProblem[]): ImportPlanEntry {
  return {
    action: 'rejected',
    type: draft.typed.type,
    id: draft.typed.record.id,
    title: recordTitle(draft.typed),
    origin: draft.candidate.origin,
    typed: draft.typed,
    problems,
    willWrite: false
  }
}

// A file that uses one id twice cannot say which record it means; the first stands, a repeat that is
// identical is the same record mentioned again, and a repeat that differs is refused.
function rejectRepeatedIds(drafts: Draft[]): void {
  const first = new Map<string, Draft>()
  for (const draft of drafts) {
    const id = draft.typed.record.id
    const earlier = first.get(id)
    if (earlier === undefined) {
      first.set(id, draft)
      continue
    }
    if (earlier.typed.type === draft.typed.type && diffRecords(earlier.typed.record, draft.typed.record).length === 0) {
      draft.entry = {
        action: 'duplicate',
        type: draft.typed.type,
        id,
        title: recordTitle(draft.typed),
        origin: draft.candidate.origin,
        duplicateOf: {
          id,
          title: recordTitle(earlier.typed),
          reasons: [`The same record appears earlier in the file (${describeOrigin(earlier.candidate.origin)})`]
        },
        willWrite: false
      }
      continue
    }
    draft.entry = rejected(draft, [
      { ...draft.candidate.origin, field: 'id', message: message('importProblems.plan.idUsedEarlier', { id, earlier: originOf(earlier.candidate.origin) }) }
    ])
  }
}

function rejectTypeClashes(drafts: Draft[], existing: ExistingRecords): void {
  for (const draft of drafts) {
    if (draft.entry !== undefined) continue
    const stored = existing.get(draft.typed.record.id)
    if (stored !== undefined && stored.type !== draft.typed.type) {
      draft.entry = rejected(draft, [
        {
          ...draft.candidate.origin,
          field: 'id',
          message: message('importProblems.plan.idOfStored', { id: draft.typed.record.id, type: storedRecordNoun(stored.type), title: recordTitle(stored) })
        }
      ])
    }
  }
}

const pending = (draft: Draft): boolean => draft.entry === undefined

function isNewOfType<T extends RecordType>(draft: Draft, type: T, existing: ExistingRecords): boolean {
  return pending(draft) && draft.typed.type === type && existing.get(draft.typed.record.id) === undefined
}

/**
 * The forms under which an organisation is certainly the same one: its name and each alias,
 * normalised (`normaliseOrganisationName`: case, accents, width, punctuation and legal forms set
 * aside, in any script) and without spaces. Bracketed parts are not split off here, unlike the
 * Duplicates page's looser matching: "Citigroup Inc (USA)" and "Sprouts Farmers Market (USA)"
 * share "USA", and an import must never merge on that.
 */
function certainNamesOf(organisation: Organisation): string[] {
  return [organisation.name, ...organisation.aliases.map((alias) => alias.name)]
    .map((name) => normaliseOrganisationName(name).replace(/ /g, ''))
    .filter((name) => name !== '')
}

/**
 * Imported organisations that are certainly a stored one (a name or alias equal once normalised)
 * or one imported earlier in the file: each maps to the record it is, and becomes a duplicate entry.
 */
function mergeKnownOrganisations(drafts: Draft[], existing: ExistingRecords): Map<string, string> {
  const incoming = drafts.filter((draft) => isNewOfType(draft, 'organisation', existing))
  const redirects = new Map<string, string>()
  if (incoming.length === 0) return redirects
  const known = new Map<string, { id: string; title: string; stored: boolean; name: string }>()
  for (const organisation of existing.organisations) {
    for (const name of certainNamesOf(organisation)) {
      if (!known.has(name)) known.set(name, { id: organisation.id, title: organisation.name, stored: true, name })
    }
  }
  for (const draft of incoming) {
    const organisation = draft.typed.record as Organisation
    const names = certainNamesOf(organisation)
    const match = names.map((name) => known.get(name)).find((found) => found !== undefined)
    if (match === undefined) {
      for (const name of names) if (!known.has(name)) known.set(name, { id: organisation.id, title: organisation.name, stored: false, name })
      continue
    }
    redirects.set(organisation.id, match.id)
    draft.entry = {
      action: 'duplicate',
      type: 'organisation',
      id: organisation.id,
      title: organisation.name,
      origin: draft.candidate.origin,
      typed: draft.typed,
      duplicateOf: {
        id: match.id,
        title: match.title,
        reasons: [
          `Same name or alias after normalising: "${match.name}"`,
          match.stored ? 'Merged into the stored organisation; links to it are kept' : 'Merged into the organisation imported earlier in the file'
        ]
      },
      willWrite: false
    }
  }
  return redirects
}

/**
 * Imported incidents that look like a stored incident are skipped unless the person chose them;
 * records linking to a skipped incident then link to the stored one.
 */
type IncidentMatch = { readonly id: string; readonly score: number; readonly reasons: readonly string[] }

// The person's choices re-plan the same reading over the same records; finding look-alike incidents
// is the one costly step (seconds over tens of thousands of stored incidents) and does not depend
// on the choices, so it is kept per reading and stored set.
const incidentMatchCache = new WeakMap<ImportReading, WeakMap<ExistingRecords, ReadonlyMap<string, IncidentMatch>>>()

function likelyDuplicateIncidents(
  reading: ImportReading,
  existing: ExistingRecords,
  incoming: readonly Draft[],
  incomingById: ReadonlyMap<string, Draft>,
  storedById: ReadonlyMap<string, Incident>
): ReadonlyMap<string, IncidentMatch> {
  const cached = incidentMatchCache.get(reading)?.get(existing)
  if (cached !== undefined) return cached
  const best = new Map<string, IncidentMatch>()
  const matches = findDuplicateCandidates(
    { incidents: [...existing.incidents, ...incoming.map((draft) => draft.typed.record as Incident)] },
    { threshold: DEFAULT_DUPLICATE_THRESHOLD }
  )
  for (const match of matches) {
    if (match.type !== 'incident') continue
    for (const [from, to] of [
      [match.first.id, match.second.id],
      [match.second.id, match.first.id]
    ] as const) {
      if (!incomingById.has(from) || !storedById.has(to)) continue
      const current = best.get(from)
      if (current === undefined || match.score > current.score) best.set(from, { id: to, score: match.score, reasons: match.reasons })
    }
  }
  const perStore = incidentMatchCache.get(reading) ?? new WeakMap<ExistingRecords, ReadonlyMap<string, IncidentMatch>>()
  perStore.set(existing, best)
  incidentMatchCache.set(reading, perStore)
  return best
}

function skipLikelyDuplicateIncidents(reading: ImportReading, drafts: Draft[], existing: ExistingRecords, chosen: ReadonlySet<string>): Map<string, string> {
  const incoming = drafts.filter((draft) => isNewOfType(draft, 'incident', existing))
  const redirects = new Map<string, string>()
  if (incoming.length === 0 || existing.incidents.length === 0) return redirects
  const storedById = new Map(existing.incidents.map((incident) => [incident.id as string, incident]))
  const incomingById = new Map(incoming.map((draft) => [draft.typed.record.id as string, draft]))
  const best = likelyDuplicateIncidents(reading, existing, incoming, incomingById, storedById)
  for (const [from, match] of best) {
    const draft = incomingById.get(from) as Draft
    const stored = storedById.get(match.id) as Incident
    const willWrite = chosen.has(from)
    if (!willWrite) redirects.set(from, match.id)
    draft.entry = {
      action: 'duplicate',
      type: 'incident',
      id: from,
      title: recordTitle(draft.typed),
      origin: draft.candidate.origin,
      typed: draft.typed,
      duplicateOf: {
        id: match.id,
        title: stored.title,
        reasons: [
          ...match.reasons,
          `${Math.round(match.score * 100)}% alike`,
          willWrite ? 'Imported anyway, as you chose' : 'Skipped; links to it go to the stored incident'
        ]
      },
      willWrite
    }
  }
  return redirects
}

function redirectAll(drafts: Draft[], redirects: ReadonlyMap<string, string>): void {
  if (redirects.size === 0) return
  for (const draft of drafts) {
    for (const target of referencedIds(draft.typed)) {
      const to = redirects.get(target)
      if (to !== undefined) draft.typed = redirectReferences(draft.typed, target, to)
    }
    if (draft.entry?.typed !== undefined && draft.entry.willWrite) draft.entry = { ...draft.entry, typed: draft.typed }
  }
}

function entryAgainstStored(draft: Draft, existing: ExistingRecords, updateExisting: boolean): ImportPlanEntry {
  const { typed, candidate } = draft
  const base = { type: typed.type, id: typed.record.id, title: recordTitle(typed), origin: candidate.origin, typed }
  const stored = existing.get(typed.record.id)
  if (stored === undefined) return { ...base, action: 'new', willWrite: true }
  const changes = diffRecords(stored.record, typed.record)
  if (changes.length === 0) return { ...base, action: 'unchanged', stored, willWrite: false }
  return { ...base, action: 'update', stored, changes, willWrite: updateExisting }
}

/**
 * A written record must link only to records that will exist: stored, or written by this import.
 * Refusing one record can strand another that linked to it, so this repeats until nothing changes.
 */
function rejectBrokenLinks(drafts: Draft[], existing: ExistingRecords): void {
  const written = new Map<string, Draft>()
  for (const draft of drafts) if (draft.entry?.willWrite === true) written.set(draft.typed.record.id, draft)
  const whyMissing = new Map<string, Message>()
  for (const draft of drafts) {
    if (draft.entry?.action === 'rejected')
      whyMissing.set(draft.typed.record.id, message('importProblems.plan.wasRejected', { origin: originOf(draft.candidate.origin) }))
    else if (draft.entry?.willWrite === false && existing.get(draft.typed.record.id) === undefined) {
      whyMissing.set(draft.typed.record.id, message('importProblems.plan.notImported'))
    }
  }
  let changed = true
  while (changed) {
    changed = false
    for (const [id, draft] of written) {
      const missing = referencesOf(draft.typed).filter((reference) => !written.has(reference.targetId) && existing.get(reference.targetId) === undefined)
      if (missing.length === 0) continue
      draft.entry = rejected(
        draft,
        missing.map(({ targetId, relation }) => ({
          ...draft.candidate.origin,
          field: draft.candidate.origin.field ?? relation,
          message: whyMissing.has(targetId)
            ? message('importProblems.plan.brokenLinkBecause', { target: targetId, why: whyMissing.get(targetId)! })
            : message('importProblems.plan.brokenLink', { target: targetId })
        }))
      )
      written.delete(id)
      whyMissing.set(id, message('importProblems.plan.wasRejected', { origin: originOf(draft.candidate.origin) }))
      changed = true
    }
  }
}
