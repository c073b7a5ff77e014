import { describe, expect, it } from 'vitest'
import {
  BACKUPS_KEPT,
  commitImport,
  createBackup,
  createBriefingRepository,
  deleteRecord,
  listBackups,
  readBackup,
  readImportInProgress,
  readImportNeighbours,
  restoreBundle,
  rollBackInterruptedImport,
  listRevisions,
  mergeRecords,
  restoreRevision,
  saveRecord,
  saveRecords,
  undoLastChange,
  undoMerge,
  type PrecedentDatabase
} from '@renderer/db'
import { RECORD_TYPES, type TypedRecord } from '@shared/domain/recordTypes'
import { SearchIndexService } from '@renderer/searchIndex/searchIndexService'
import { planImport } from '@shared/interchange/importPlan'
import { aJurisdiction, anIncident, anOrganisation, aResponse } from '../../builders/domain'
import { catchError } from '../../support/catchError'
import { integrityProblems } from './knowledgeBaseIntegrity'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'

const NOW = '2026-12-07T10:00:00.000Z'
let issued = 0
const writeOptions = { now: () => NOW, newId: () => `new-${++issued}`, newRevisionId: () => `rev-${++issued}` }

/**
 * A small knowledge base with links and a history: an organisation edited once, its duplicate, an
 * incident naming both and a response naming it.
 */
async function aKnowledgeBase(): Promise<PrecedentDatabase> {
  // Ids below 1,000 for what is given, from 1,000 for what is tried: the same every run, never shared.
  issued = 0
  const db = aFreshDatabase()
  await givenStored(db, { type: 'jurisdiction', record: aJurisdiction({ id: 'CN', name: 'China' }) })
  await saveRecord(db, 'organisation', { id: 'org-alipay', name: 'Alipay', kind: 'company' }, writeOptions)
  await saveRecord(db, 'organisation', { id: 'org-alipay', name: 'Alipay (支付宝)', kind: 'company' }, { ...writeOptions, expectedRevision: 1 })
  await saveRecord(db, 'organisation', { id: 'org-cac', name: 'Cyberspace Administration of China', kind: 'regulator' }, writeOptions)
  await saveRecord(db, 'organisation', { id: 'org-alipay-dup', name: 'ALIPAY', kind: 'company' }, writeOptions)
  await saveRecord(
    db,
    'incident',
    {
      ...anIncident({
        id: 'inc-bill',
        title: 'Alipay annual bill enrols users in Sesame Credit',
        jurisdictionIds: ['CN'],
        organisations: [
          { organisationId: 'org-alipay', role: 'operator' },
          { organisationId: 'org-alipay-dup', role: 'involved' }
        ]
      })
    },
    writeOptions
  )
  await saveRecord(
    db,
    'response',
    { ...aResponse({ id: 'resp-summons', actorId: 'org-cac', targetOrganisationIds: ['org-alipay'], incidentIds: ['inc-bill'] }) },
    writeOptions
  )
  return db
}

interface WritePath {
  readonly name: string
  /** What the knowledge base holds before, beyond {@link aKnowledgeBase} (written without failures). */
  readonly given?: (db: PrecedentDatabase) => Promise<unknown>
  readonly act: (db: PrecedentDatabase) => Promise<unknown>
  /**
   * For a write committed in chunks (an import): what the next start does with one cut short. The
   * records are then compared by content, since a rolled-back update comes back as a new revision.
   */
  readonly recover?: (db: PrecedentDatabase) => Promise<unknown>
}

async function countRecords(db: PrecedentDatabase): Promise<number> {
  const counts = await Promise.all(RECORD_TYPES.map((type) => db.recordTable(type).count()))
  return counts.reduce((sum, count) => sum + count, 0)
}

const BOOKKEEPING = new Set(['revision', 'updatedAt', 'createdAt'])

/** Every record table's rows without their bookkeeping, and whether an import is half done. */
async function recordContents(db: PrecedentDatabase): Promise<unknown> {
  const snapshot = await snapshotOf(db)
  const contents: Record<string, unknown> = { importInProgress: (await readImportInProgress(db)) !== undefined }
  for (const type of RECORD_TYPES) {
    const table = db.recordTable(type).name
    contents[table] = (snapshot[table] ?? []).map((row) => Object.fromEntries(Object.entries(row as object).filter(([field]) => !BOOKKEEPING.has(field))))
  }
  return contents
}

/** Imports, in chunks of two: a new organisation, an incident naming it and the stored one, and an update of a stored organisation. */
async function importSome(db: PrecedentDatabase): Promise<unknown> {
  const records: TypedRecord[] = [
    { type: 'organisation', record: anOrganisation({ id: 'org-ant', name: 'Ant Group' }) },
    {
      type: 'incident',
      record: anIncident({
        id: 'inc-credit',
        title: 'Sesame Credit enrolment',
        jurisdictionIds: ['CN'],
        organisations: [
          { organisationId: 'org-ant', role: 'parent' },
          { organisationId: 'org-alipay', role: 'operator' }
        ]
      })
    },
    { type: 'organisation', record: anOrganisation({ id: 'org-cac', name: 'Cyberspace Administration of China (CAC)', kind: 'regulator' }) }
  ]
  const reading = {
    format: 'bundle' as const,
    candidates: records.map((typed, index) => ({ typed, origin: { file: 'kb.json', row: index + 1 } })),
    rejected: [],
    notices: []
  }
  const plan = planImport(reading, await readImportNeighbours(db, reading), { updateExisting: true })
  return commitImport(db, plan, { now: () => NOW, author: 'Test', newRevisionId: () => `rev-${++issued}`, files: ['kb.json'], chunkSize: 2 })
}

/** A backup taken now, then an edit and a new record, so restoring it changes, removes and brings back. */
async function backedUpThenChanged(db: PrecedentDatabase): Promise<void> {
  await createBackup(db, { reason: { text: 'Before changes', code: { kind: 'by-hand' } }, now: () => NOW })
  await saveRecord(db, 'organisation', { id: 'org-alipay', name: 'Alipay Holdings', kind: 'company' }, { ...writeOptions, expectedRevision: 2 })
  await saveRecord(db, 'organisation', { id: 'org-tencent', name: 'Tencent', kind: 'company' }, writeOptions)
}

const restoreTheBackup = async (db: PrecedentDatabase): Promise<unknown> => {
  const [backup] = await listBackups(db)
  return restoreBundle(db, await readBackup(db, backup!.id), { author: 'Test', now: () => NOW })
}

const mergeTheDuplicate = (db: PrecedentDatabase) =>
  mergeRecords(db, 'organisation', 'org-alipay', 'org-alipay-dup', { ...writeOptions, newId: () => 'merge-1' })

const WRITE_PATHS: readonly WritePath[] = [
  {
    name: 'saving one record (every form)',
    act: (db) => saveRecord(db, 'organisation', { id: 'org-alipay', name: 'Alipay', kind: 'company' }, { ...writeOptions, expectedRevision: 2 })
  },
  {
    name: 'saving several records together (a relationship kept on the other record)',
    act: (db) =>
      saveRecords(
        db,
        [
          {
            type: 'organisation',
            input: { id: 'org-wallet', name: 'Alipay Wallet', kind: 'product', links: [{ relation: 'operator', organisationId: 'org-alipay' }] }
          },
          {
            type: 'incident',
            input: {
              ...anIncident({
                id: 'inc-bill',
                jurisdictionIds: ['CN'],
                organisations: [{ organisationId: 'org-alipay', role: 'operator' }],
                title: 'Annual bill default'
              })
            },
            expectedRevision: 1
          }
        ],
        writeOptions
      )
  },
  { name: 'deleting a record linked from others (the links are mended)', act: (db) => deleteRecord(db, 'incident', 'inc-bill', writeOptions) },
  {
    name: 'restoring an earlier revision',
    act: async (db) => {
      const [, first] = await listRevisions(db, 'org-alipay')
      return restoreRevision(db, 'organisation', 'org-alipay', first!.id, { ...writeOptions, expectedRevision: 2 })
    }
  },
  { name: 'undoing the last change', act: (db) => undoLastChange(db, 'org-alipay', writeOptions) },
  { name: 'merging a duplicate into its survivor (links redirected, a redirect left)', act: mergeTheDuplicate },
  { name: 'undoing a merge', given: mergeTheDuplicate, act: (db) => undoMerge(db, 'merge-1', writeOptions) },
  {
    name: 'importing, in chunks (new records linked to stored ones, an update)',
    act: importSome,
    recover: (db) => rollBackInterruptedImport(db, { now: () => NOW, author: 'Test', newRevisionId: () => `rev-${++issued}` })
  },
  { name: 'restoring a backup (an edit undone, a new record removed)', given: backedUpThenChanged, act: restoreTheBackup },
  {
    name: 'saving a briefing',
    act: (db) =>
      createBriefingRepository(db).save(
        {
          id: 'brief-1',
          title: 'Alipay',
          subtitle: '',
          asOf: '2026-12-07',
          sections: ['summary'],
          includeTimelineImage: false,
          items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-bill' }]
        },
        { now: new Date(NOW) }
      )
  }
]

async function givenFor(path: WritePath): Promise<PrecedentDatabase> {
  const db = await aKnowledgeBase()
  await path.given?.(db)
  return db
}

describe.each(WRITE_PATHS)('a failure at any write while $name', (path) => {
  const { act } = path
  it('leaves the knowledge base exactly as before or exactly as after (a chunked write: once the next start recovers), and whole', async () => {
    // The run without a failure: how many writes it makes (n), and the state it ends in.
    const probe = await givenFor(path)
    const probeFaults = injectWriteFailures(probe)
    probeFaults.failWrite(0)
    issued = 1_000
    await act(probe)
    const writes = probeFaults.writes
    const after = await snapshotOf(probe)
    const contentsAfter = await recordContents(probe)
    expect(writes).toBeGreaterThan(0)
    expect(await integrityProblems(probe)).toEqual([])

    for (let k = 1; k <= writes; k += 1) {
      const db = await givenFor(path)
      // A search index following the knowledge base from before the failure, as the app's does.
      const index = new SearchIndexService(db, { snapshotDelayMs: Number.POSITIVE_INFINITY })
      await index.open()
      const faults = injectWriteFailures(db)
      const before = await snapshotOf(db)
      const contentsBefore = await recordContents(db)
      faults.failWrite(k)
      issued = 1_000

      const error = await catchError(act(db))
      expect(error, `write ${k} of ${writes} failed, yet the change reported success`).toBeDefined()
      if (path.recover === undefined) {
        expect([before, after], `after a failure at write ${k} of ${writes}`).toContainEqual(await snapshotOf(db))
      } else {
        faults.failWrite(0)
        await path.recover(db)
        expect([contentsBefore, contentsAfter], `after a failure at write ${k} of ${writes} and the next start`).toContainEqual(await recordContents(db))
      }
      expect(await integrityProblems(db), `after a failure at write ${k} of ${writes}`).toEqual([])
      await index.applyChanges()
      expect(index.documentCount, `search index after a failure at write ${k} of ${writes}`).toBe(await countRecords(db))
    }
  })
})

/**
 * Fails the k-th IndexedDB write request of any database of the page (put, add, delete, clear),
 * below Dexie: for the backups database, which lives beside the knowledge base. Undone by `restore`.
 */
function failingIndexedDbWrites() {
  const state = { failAt: 0, writes: 0 }
  const prototype = IDBObjectStore.prototype as unknown as Record<string, (...args: unknown[]) => unknown>
  const originals = new Map(['put', 'add', 'delete', 'clear'].map((method) => [method, prototype[method]!] as const))
  for (const [method, original] of originals) {
    prototype[method] = function (this: unknown, ...args: unknown[]) {
      state.writes += 1
      if (state.writes === state.failAt) throw new DOMException('Injected write failure', 'QuotaExceededError')
      return original.apply(this, args)
    }
  }
  return {
    failWrite(k: number): void {
      state.writes = 0
      state.failAt = k
    },
    get writes(): number {
      return state.writes
    },
    restore(): void {
      for (const [method, original] of originals) prototype[method] = original
    }
  }
}

describe('a failure at any write while taking a backup (the backups database, rotation included)', () => {
  it('keeps the kept backups as before or as after, and the knowledge base untouched', async () => {
    const clock = (day: number) => () => `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`
    const withFullRotation = async () => {
      const db = await aKnowledgeBase()
      for (let day = 1; day <= BACKUPS_KEPT; day += 1) await createBackup(db, { reason: { text: `Backup ${day}`, code: { kind: 'by-hand' } }, now: clock(day) })
      return db
    }
    const faults = failingIndexedDbWrites()
    try {
      const probe = await withFullRotation()
      faults.failWrite(0)
      await createBackup(probe, { reason: { text: 'Before an import', code: { kind: 'by-hand' } }, now: clock(20), newId: () => 'backup-new' })
      const writes = faults.writes
      const after = await listBackups(probe)
      expect(writes).toBeGreaterThanOrEqual(2)

      for (let k = 1; k <= writes; k += 1) {
        const db = await withFullRotation()
        const before = { backups: await listBackups(db), knowledgeBase: await snapshotOf(db) }
        faults.failWrite(k)

        const error = await catchError(
          createBackup(db, { reason: { text: 'Before an import', code: { kind: 'by-hand' } }, now: clock(20), newId: () => 'backup-new' })
        )
        faults.failWrite(0)

        expect(error, `write ${k} of ${writes} failed, yet the backup reported success`).toBeDefined()
        expect([before.backups, after], `after a failure at write ${k} of ${writes}`).toContainEqual(await listBackups(db))
        expect(await snapshotOf(db)).toEqual(before.knowledgeBase)
      }
    } finally {
      faults.restore()
    }
  })
})

describe('the integrity check', () => {
  it('finds a dangling link, a history that disagrees with its record and a redirect to nowhere', async () => {
    const db = await aKnowledgeBase()
    await givenStored(db, { type: 'response', record: aResponse({ id: 'resp-orphan', actorId: 'org-gone' }) })
    await db.recordTable('organisation').update('org-alipay', { revision: 7 })
    await db.table('redirects').put({ fromId: 'org-old', toId: 'org-gone', mergeId: 'merge-0' })

    expect(await integrityProblems(db)).toEqual([
      'resp-orphan actorId points at missing organisation org-gone',
      'org-alipay is at revision 7 but its history at 2',
      'the redirect from org-old leads to org-gone, which is not stored'
    ])
  })
})
