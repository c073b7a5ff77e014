import { readRevisionNote } from '@shared/domain/revisionNotes'
import type { Table } from 'dexie'
import { briefingSchema } from '@shared/briefing/briefing'
import { importLogEntrySchema, type WORKSPACE_PARTS, type BundleWorkspace } from '@shared/domain/bundleWorkspace'
import { DEFAULT_PREFERENCES, preferencesSchema } from '@shared/domain/preferences'
import { isSameValue, type RecordRevision } from '@shared/domain/recordHistory'
import { parseSavedSearches } from '@shared/search/savedSearch'
import { withoutUnsafeCharactersInside } from '@shared/domain/unsafeCharacters'
import { FEED_OVERLAP_KEY } from './changeFeed'
import { DUPLICATES_WATERMARK_KEY } from './duplicatePairStore'
import { CSV_MAPPING_KEY_PREFIX, IMPORT_IN_PROGRESS_KEY, IMPORT_LOG_KEY } from './importWriter'
import { PREFERENCES_KEY } from './preferences'
import type { MetaRow, PrecedentDatabase } from './precedentDatabase'
import { DISMISSED_PAIRS_KEY, mergeTable, redirectTable, type RedirectRow } from './recordMerger'
import { markRevisionsWritten, revisionTable } from './revisionLog'
import { REVISIONS_WRITTEN_KEY, SAVED_SEARCHES_KEY, UNLOGGED_WRITE_KEY } from './metaKeys'
import { TEAM_SYNC_KEY } from './teamSync'

/**
 * What a backup holds of each table of the knowledge base (issue 11; the table in
 * docs/RELIABILITY.md says why). `held`: written to every backup and put back by a restore.
 * `derived`: rebuilt from the records, never backed up. `meta` is held key by key
 * ({@link META_KEYS_IN_BACKUP}). A test checks that every table of the schema is listed here.
 */
export const TABLES_IN_BACKUP = {
  incidents: 'held',
  organisations: 'held',
  jurisdictions: 'held',
  laws: 'held',
  responses: 'held',
  sources: 'held',
  revisions: 'held',
  merges: 'held',
  redirects: 'held',
  briefings: 'held',
  meta: 'held key by key',
  duplicatePairs: 'derived'
} as const

/**
 * Each `meta` key (or key prefix, ending in `:`) and whether a backup holds it. Left out: markers
 * of this database and this device (its install id, which built-in data it loaded), an import in
 * progress (it describes this database's half-written chunks), and derived data (the search
 * snapshot, the duplicate finder's watermark), which is rebuilt after a restore.
 */
export const META_KEYS_IN_BACKUP = {
  [PREFERENCES_KEY]: 'held',
  [SAVED_SEARCHES_KEY]: 'held',
  [IMPORT_LOG_KEY]: 'held',
  [DISMISSED_PAIRS_KEY]: 'held',
  [CSV_MAPPING_KEY_PREFIX]: 'held',
  [IMPORT_IN_PROGRESS_KEY]: 'not held: an import under way in this database',
  'install:id': 'not held: names this database',
  'reference:jurisdictions': 'not held: built-in data loaded here',
  'reference:laws': 'not held: built-in data loaded here',
  'sample:knowledge-base': 'not held: built-in data loaded here',
  'search:snapshot': 'derived: the search index, rebuilt',
  'search:snapshot:part:': 'derived: the search index, rebuilt',
  [DUPLICATES_WATERMARK_KEY]: 'derived: the duplicate finder, rebuilt',
  [UNLOGGED_WRITE_KEY]: 'not held: marks a write in this database for its change feed',
  [REVISIONS_WRITTEN_KEY]: 'not held: marks a write in this database for its change feed',
  [FEED_OVERLAP_KEY]: 'derived: counted again from the history',
  [TEAM_SYNC_KEY]: 'not held: where this database stands with its team (last sequence pulled, push mark)'
} as const

/** The briefings table (migration 003). */
function briefingTable(db: PrecedentDatabase): Table<unknown, string> {
  return db.table('briefings')
}

/** The workspace tables of the schema `db` was opened with (all of them but `meta` came with migrations 2 and 3). */
const WORKSPACE_TABLE_NAMES = ['revisions', 'merges', 'redirects', 'briefings', 'meta'] as const

/**
 * Every table a backup reads and a restore writes besides the record tables. Only those `db`'s
 * schema has: the backup taken before an upgrade reads a database of an older schema, which may
 * not have them yet (what is missing is written as empty).
 */
export function workspaceTables(db: PrecedentDatabase): Table[] {
  const present = new Set(db.tables.map((table) => table.name))
  return WORKSPACE_TABLE_NAMES.filter((name) => present.has(name)).map((name) => db.table(name))
}

/** How many entries of each list part a backup holds. */
export type WorkspaceCounts = Readonly<Record<Exclude<(typeof WORKSPACE_PARTS)[number], 'preferences'>, number>>

/** Where the workspace's text goes, and how to wait (inside the transaction) while the sink is behind. */
export interface WorkspaceSink {
  write(text: string): void
  /** Keeps the read transaction open while the sink drains; called after each page. */
  waitForSink(): Promise<void>
}

/** Rows read and serialised per request while a backup is written. */
const WORKSPACE_PAGE_SIZE = 250

/**
 * Writes `,"workspace":{…}` (bundle version 2) for the backup being written, inside the caller's
 * read transaction, which must include {@link workspaceTables}. Tables are read a page at a time
 * in key order, one entry a line, so a long history is never held whole. Stored values that no
 * longer validate (a briefing or saved search damaged on disk) are left out, as the app hides
 * them: a backup must always restore.
 */
export async function writeWorkspace(db: PrecedentDatabase, sink: WorkspaceSink): Promise<WorkspaceCounts> {
  sink.write(',\n"workspace":{')
  const present = new Set(db.tables.map((table) => table.name))
  const list = async (part: string, first: boolean, table: () => Table, keep: (row: unknown) => unknown): Promise<number> => {
    sink.write(`${first ? '' : ','}\n${JSON.stringify(part)}:[`)
    if (!present.has(part)) {
      // A database of an older schema, backed up before its upgrade, may not have this table yet.
      sink.write('\n]')
      return 0
    }
    return listRows(table(), keep)
  }
  const listRows = async (table: Table, keep: (row: unknown) => unknown): Promise<number> => {
    const keyPath = table.schema.primKey.keyPath as string
    let count = 0
    let last: unknown
    for (;;) {
      const rows = (await (last === undefined ? table.orderBy(':id') : table.where(':id').above(last)).limit(WORKSPACE_PAGE_SIZE).toArray()) as Record<
        string,
        unknown
      >[]
      if (rows.length === 0) break
      const kept = rows.flatMap((row) => {
        const value = keep(row)
        return value === undefined ? [] : [JSON.stringify(value)]
      })
      if (kept.length > 0) sink.write((count === 0 ? '\n' : ',\n') + kept.join(',\n'))
      count += kept.length
      last = rows[rows.length - 1]![keyPath]
      await sink.waitForSink()
      if (rows.length < WORKSPACE_PAGE_SIZE) break
    }
    sink.write('\n]')
    return count
  }
  // A note's message stays here: the file keeps the format other copies of Precedent read, whose
  // notes are in English (read back into messages by readRevisionNote).
  const revisions = await list(
    'revisions',
    true,
    () => revisionTable(db),
    (row) => {
      const { noteMessage: _kept, ...entry } = row as RecordRevision
      return entry
    }
  )
  const merges = await list(
    'merges',
    false,
    () => mergeTable(db),
    (row) => row
  )
  const redirects = await list(
    'redirects',
    false,
    () => redirectTable(db),
    (row) => row
  )
  const briefings = await list(
    'briefings',
    false,
    () => briefingTable(db),
    (row) => {
      const parsed = briefingSchema.safeParse(row)
      if (parsed.success) return parsed.data
      const cleaned = briefingSchema.safeParse(withoutUnsafeCharactersInside(row))
      return cleaned.success ? cleaned.data : undefined
    }
  )
  const metaValue = async (key: string): Promise<unknown> => (await db.meta.get(key))?.value
  const savedSearches = parseSavedSearches(await metaValue(SAVED_SEARCHES_KEY)).searches
  const preferences = preferencesSchema.safeParse((await metaValue(PREFERENCES_KEY)) ?? {})
  const storedLog = await metaValue(IMPORT_LOG_KEY)
  const importLog = (Array.isArray(storedLog) ? storedLog : []).filter((entry) => importLogEntrySchema.safeParse(entry).success)
  const storedPairs = await metaValue(DISMISSED_PAIRS_KEY)
  const dismissedDuplicatePairs = (Array.isArray(storedPairs) ? storedPairs : []).filter(
    (key): key is string => typeof key === 'string' && key !== '' && key.length <= 500
  )
  const csvMappings = (await db.meta.where('key').startsWith(CSV_MAPPING_KEY_PREFIX).toArray()).map((row) => ({
    signature: row.key.slice(CSV_MAPPING_KEY_PREFIX.length),
    mapping: row.value
  }))
  const small = {
    savedSearches,
    // Always written, defaults included: a version 2 backup without preferences would leave them as they are.
    preferences: preferences.success ? preferences.data : DEFAULT_PREFERENCES,
    importLog,
    dismissedDuplicatePairs,
    csvMappings
  } satisfies Partial<BundleWorkspace>
  for (const [part, value] of Object.entries(small)) sink.write(`,\n${JSON.stringify(part)}:${JSON.stringify(value)}`)
  sink.write('\n}')
  return {
    revisions,
    merges,
    redirects,
    briefings,
    savedSearches: savedSearches.length,
    importLog: importLog.length,
    dismissedDuplicatePairs: dismissedDuplicatePairs.length,
    csvMappings: csvMappings.length
  }
}

/**
 * The redirects that still lead somewhere once the knowledge base holds exactly `recordIds`: a
 * redirect from an id that is a record again (restored or imported under its own id) is dropped,
 * so its page shows it; one whose target is gone but was itself merged on is pointed at the record
 * that now holds it (following merges of merges); one that leads nowhere is dropped.
 */
export function redirectsLeadingToRecords(
  redirects: readonly RedirectRow[],
  recordIds: ReadonlySet<string>
): { readonly kept: RedirectRow[]; readonly dropped: number } {
  const byFrom = new Map(redirects.map((redirect) => [redirect.fromId, redirect]))
  const kept: RedirectRow[] = []
  for (const redirect of redirects) {
    if (recordIds.has(redirect.fromId)) continue
    let target: string | undefined = redirect.toId
    const visited = new Set([redirect.fromId])
    while (target !== undefined && !recordIds.has(target)) {
      if (visited.has(target)) target = undefined
      else {
        visited.add(target)
        target = byFrom.get(target)?.toId
      }
    }
    if (target !== undefined) kept.push(target === redirect.toId ? redirect : { ...redirect, toId: target })
  }
  return { kept, dropped: redirects.length - kept.length }
}

/** What a restore did beside the records. */
export interface WorkspaceRestoreResult {
  /** History entries the backup held that were not stored, added. */
  readonly revisionsAdded: number
  readonly briefings?: number
  readonly savedSearches?: number
  readonly merges?: number
  /** Redirects left after the cleaning; `redirectsDropped` led nowhere or away from a record now present. */
  readonly redirects: number
  readonly redirectsDropped: number
}

/** The reads a workspace restore needs, made before the restore's first write (see `restoreBundle`). */
export interface WorkspaceRestorePlan {
  readonly revisionsToAdd: readonly unknown[]
  readonly redirects: readonly RedirectRow[]
  readonly redirectsDropped: number
  /** The highest revision the backup's history holds per record, so a restore's entries count on from it. */
  readonly highestRevisionOf: ReadonlyMap<string, number>
}

/**
 * Reads, in the restore's transaction and before any write, what putting `workspace` back needs.
 * `recordIds` are the records the knowledge base will hold after the restore.
 */
export async function planWorkspaceRestore(
  db: PrecedentDatabase,
  workspace: BundleWorkspace | undefined,
  recordIds: ReadonlySet<string>
): Promise<WorkspaceRestorePlan> {
  const highestRevisionOf = new Map<string, number>()
  let revisionsToAdd: unknown[] = []
  if (workspace?.revisions !== undefined && workspace.revisions.length > 0) {
    for (const entry of workspace.revisions) highestRevisionOf.set(entry.recordId, Math.max(highestRevisionOf.get(entry.recordId) ?? 0, entry.revision))
    // History is a log: entries are never changed, so one stored under the same id is the same entry.
    const stored = new Set(await revisionTable(db).toCollection().primaryKeys())
    // A file keeps notes in English only: each note Precedent writes gets its message back, as stored before.
    revisionsToAdd = workspace.revisions
      .filter((entry) => !stored.has(entry.id))
      .map((entry) => {
        const noteMessage = typeof entry.note === 'string' ? readRevisionNote(entry.note) : undefined
        return noteMessage === undefined ? entry : { ...entry, noteMessage }
      })
  }
  const redirects = workspace?.redirects ?? (await redirectTable(db).toArray())
  const { kept, dropped } = redirectsLeadingToRecords(redirects, recordIds)
  return { revisionsToAdd, redirects: kept, redirectsDropped: dropped, highestRevisionOf }
}

/** Rows written per request when the workspace is put back. */
const RESTORE_PAGE_SIZE = 500

/**
 * Puts the workspace back, in the restore's transaction (after its reads): history entries the
 * knowledge base lacks are added (the history is a log, and the restore's own entries follow
 * them); every other part the backup holds replaces what is stored; a part it does not hold (a
 * version 1 backup holds none) is left as it is. Redirects are always cleaned.
 */
export async function restoreWorkspace(
  db: PrecedentDatabase,
  workspace: BundleWorkspace | undefined,
  plan: WorkspaceRestorePlan,
  checkNotCancelled: () => void
): Promise<WorkspaceRestoreResult> {
  for (let start = 0; start < plan.revisionsToAdd.length; start += RESTORE_PAGE_SIZE) {
    checkNotCancelled()
    await revisionTable(db).bulkAdd(plan.revisionsToAdd.slice(start, start + RESTORE_PAGE_SIZE) as never[])
  }
  // The followers of the change feed see history added only when the log is marked written.
  if (plan.revisionsToAdd.length > 0) await markRevisionsWritten(db)
  await replaceAll(mergeTable(db), workspace?.merges, checkNotCancelled)
  await replaceAll(redirectTable(db), plan.redirects, checkNotCancelled)
  await replaceAll(briefingTable(db), workspace?.briefings, checkNotCancelled)
  const meta: MetaRow[] = []
  const absent: string[] = []
  // An empty list, or the default preferences, is stored as no row, as before anything was made.
  const held = (key: string, value: unknown, isEmpty: boolean): void => {
    if (isEmpty) absent.push(key)
    else meta.push({ key, value })
  }
  if (workspace?.savedSearches !== undefined) held(SAVED_SEARCHES_KEY, workspace.savedSearches, workspace.savedSearches.length === 0)
  if (workspace?.preferences !== undefined) held(PREFERENCES_KEY, workspace.preferences, isSameValue(workspace.preferences, DEFAULT_PREFERENCES))
  if (workspace?.importLog !== undefined) held(IMPORT_LOG_KEY, workspace.importLog, workspace.importLog.length === 0)
  if (workspace?.dismissedDuplicatePairs !== undefined)
    held(DISMISSED_PAIRS_KEY, workspace.dismissedDuplicatePairs, workspace.dismissedDuplicatePairs.length === 0)
  if (workspace?.csvMappings !== undefined) {
    await db.meta.where('key').startsWith(CSV_MAPPING_KEY_PREFIX).delete()
    meta.push(...workspace.csvMappings.map(({ signature, mapping }) => ({ key: CSV_MAPPING_KEY_PREFIX + signature, value: mapping })))
  }
  if (absent.length > 0) await db.meta.bulkDelete(absent)
  if (meta.length > 0) await db.meta.bulkPut(meta)
  return {
    revisionsAdded: plan.revisionsToAdd.length,
    ...(workspace?.briefings === undefined ? {} : { briefings: workspace.briefings.length }),
    ...(workspace?.savedSearches === undefined ? {} : { savedSearches: workspace.savedSearches.length }),
    ...(workspace?.merges === undefined ? {} : { merges: workspace.merges.length }),
    redirects: plan.redirects.length,
    redirectsDropped: plan.redirectsDropped
  }
}

// `undefined`: the backup does not hold this part; it is left as it is.
async function replaceAll(table: Table, rows: readonly unknown[] | undefined, checkNotCancelled: () => void): Promise<void> {
  if (rows === undefined) return
  await table.clear()
  for (let start = 0; start < rows.length; start += RESTORE_PAGE_SIZE) {
    checkNotCancelled()
    await table.bulkPut(rows.slice(start, start + RESTORE_PAGE_SIZE) as never[])
  }
}
