import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Bundle } from '@shared/domain/bundle'
import {
  BundleValidationError,
  createBriefingRepository,
  dismissDuplicatePair,
  IMPORT_LOG_KEY,
  META_KEYS_IN_BACKUP,
  mergeRecords,
  readDismissedDuplicatePairs,
  readImportLog,
  readKnowledgeBaseBundle,
  readPreferences,
  readRememberedCsvMapping,
  redirectsLeadingToRecords,
  rememberCsvMapping,
  resolveRedirect,
  restoreBundle,
  SAVED_SEARCHES_KEY,
  saveRecord,
  savePreferences,
  TABLES_IN_BACKUP,
  type PrecedentDatabase
} from '@renderer/db'
import { planWorkspaceRestore, restoreWorkspace } from '@renderer/db/backupWorkspace'
import type { RecordRevision } from '@shared/domain/recordHistory'
import { readRevisionNote } from '@shared/domain/revisionNotes'
import { revisionsWrittenNow } from '@renderer/db/revisionLog'
import { anIncident, anOrganisation } from '../../builders/domain'
import { aFreshDatabase, givenStored, injectWriteFailures, snapshotOf } from './testDatabase'
import { catchError } from '../../support/catchError'

const clock = () => '2026-12-07T10:00:00.000Z'
const later = () => '2026-12-07T11:00:00.000Z'
const history = { now: clock, author: 'Ana', newId: () => crypto.randomUUID() }

/** A knowledge base with something of every part a backup holds. */
async function aKnowledgeBaseWithEverything(): Promise<PrecedentDatabase> {
  const db = aFreshDatabase()
  await givenStored(
    db,
    { type: 'organisation', record: anOrganisation({ id: 'org-meta', name: 'Meta Platforms' }) },
    { type: 'organisation', record: anOrganisation({ id: 'org-meta-dup', name: 'Meta Platforms Inc.' }) },
    { type: 'incident', record: anIncident({ id: 'inc-leak', title: 'Contact data leak' }) }
  )
  await saveRecord(db, 'incident', { ...anIncident({ id: 'inc-leak', title: 'Contact data leak (edited)' }) }, { ...history, expectedRevision: 1 })
  await mergeRecords(db, 'organisation', 'org-meta', 'org-meta-dup', history)
  await createBriefingRepository(db).save(
    {
      id: 'brief-1',
      title: 'Briefing for the Minister',
      subtitle: '',
      asOf: '2026-12-01',
      sections: ['summary'],
      includeTimelineImage: true,
      items: [{ kind: 'record', recordType: 'incident', recordId: 'inc-leak' }]
    },
    { now: new Date(clock()) }
  )
  await db.meta.put({ key: SAVED_SEARCHES_KEY, value: [{ id: 'search-1', name: 'Fines in 2026', query: 'type:response fine', createdAt: clock() }] })
  await savePreferences(db, { authorName: 'Ana Analyst' })
  await db.meta.put({
    key: IMPORT_LOG_KEY,
    value: [
      {
        at: clock(),
        author: 'Ana',
        format: 'csv',
        files: ['fines.csv'],
        created: 3,
        updated: 0,
        planned: { new: 3, update: 0, unchanged: 0, duplicate: 0, rejected: 1 }
      }
    ]
  })
  await dismissDuplicatePair(db, 'org-a|org-b')
  await rememberCsvMapping(db, 'date,title', { date: 'occurredOn', title: 'title' })
  return db
}

/** Every table but the derived ones, as stored, ordered by key (what a person would miss). */
async function heldTablesOf(db: PrecedentDatabase): Promise<Record<string, unknown[]>> {
  const snapshot = await snapshotOf(db)
  const held = Object.entries(snapshot).filter(([name]) => TABLES_IN_BACKUP[name as keyof typeof TABLES_IN_BACKUP] !== 'derived')
  const isHeldKey = (key: string) =>
    Object.entries(META_KEYS_IN_BACKUP).some(
      ([heldKey, decision]) => decision === 'held' && (key === heldKey || (heldKey.endsWith(':') && key.startsWith(heldKey)))
    )
  return Object.fromEntries(held.map(([name, rows]) => [name, name === 'meta' ? rows.filter((row) => isHeldKey((row as { key: string }).key)) : rows]))
}

describe('what a backup holds', () => {
  it('names every table of the schema as held or derived', () => {
    const db = aFreshDatabase()
    expect(db.tables.map((table) => table.name).sort()).toEqual(Object.keys(TABLES_IN_BACKUP).sort())
  })

  it('puts every held part back into an emptied knowledge base, as it was', async () => {
    const db = await aKnowledgeBaseWithEverything()
    const before = await heldTablesOf(db)
    const backup = await readKnowledgeBaseBundle(db, { now: clock })
    expect(backup.version).toBe(2)

    const empty = aFreshDatabase()
    const result = await restoreBundle(empty, JSON.parse(JSON.stringify(backup)), { author: 'Ana', now: later })

    expect(result.workspace).toEqual({ revisionsAdded: before.revisions!.length, briefings: 1, savedSearches: 1, merges: 1, redirects: 1, redirectsDropped: 0 })
    const after = await heldTablesOf(empty)
    expect(before.meta).toHaveLength(5)
    for (const name of ['briefings', 'merges', 'redirects', 'meta']) expect(after[name], name).toEqual(before[name])
    // The history is the backup's, followed by one restore entry for each record written back.
    const restoreEntries = after.revisions!.filter((entry) => (entry as { action: string }).action === 'restore')
    // A note's message is not written to the file (other copies of Precedent read the file's format):
    // its English comes back and is read back into the same message, so the history is as it was.
    for (const entry of before.revisions!) {
      const { noteMessage, note } = entry as RecordRevision
      if (noteMessage !== undefined) expect(readRevisionNote(note!)).toEqual(noteMessage)
    }
    expect(before.revisions!.some((entry) => (entry as RecordRevision).noteMessage !== undefined)).toBe(true)
    expect(after.revisions!.filter((entry) => !restoreEntries.includes(entry))).toEqual(before.revisions)
    expect(restoreEntries).toHaveLength(2)
    const withoutBookkeeping = (rows: unknown[] | undefined) => rows!.map((row) => ({ ...(row as object), revision: 0, updatedAt: '' }))
    expect(withoutBookkeeping(after.incidents)).toEqual(withoutBookkeeping(before.incidents))
    expect(withoutBookkeeping(after.organisations)).toEqual(withoutBookkeeping(before.organisations))
    // As the app reads them:
    expect((await createBriefingRepository(empty).list()).map((briefing) => briefing.title)).toEqual(['Briefing for the Minister'])
    expect(await resolveRedirect(empty, 'org-meta-dup')).toBe('org-meta')
    expect(await readPreferences(empty)).toEqual({ authorName: 'Ana Analyst' })
    expect((await readImportLog(empty)).map((entry) => entry.files)).toEqual([['fines.csv']])
    expect(await readDismissedDuplicatePairs(empty)).toEqual(['org-a|org-b'])
    expect(await readRememberedCsvMapping(empty, 'date,title')).toEqual({ date: 'occurredOn', title: 'title' })
  })

  it('marks the log written when it puts history back, so the workers following the change feed see it; not when there is none to add', async () => {
    const backup = await readKnowledgeBaseBundle(await aKnowledgeBaseWithEverything(), { now: clock })
    const empty = aFreshDatabase()
    const putWorkspaceBack = () =>
      empty.transaction('rw', empty.tables, async () => {
        const plan = await planWorkspaceRestore(empty, backup.workspace, new Set())
        await restoreWorkspace(empty, backup.workspace, plan, () => undefined)
      })
    const markBefore = await revisionsWrittenNow(empty)

    await putWorkspaceBack()
    const markAfterHistory = await revisionsWrittenNow(empty)
    await putWorkspaceBack()

    expect(markBefore).toBe('')
    expect(markAfterHistory).not.toBe('')
    expect(await revisionsWrittenNow(empty)).toBe(markAfterHistory)
  })

  it("numbers a restored record's entry after the backup's history of it", async () => {
    const db = await aKnowledgeBaseWithEverything()
    const backup = await readKnowledgeBaseBundle(db, { now: clock })
    const empty = aFreshDatabase()
    // The sample or an import put the incident here at revision 1, with a history of its own.
    await saveRecord(empty, 'incident', anIncident({ id: 'inc-leak', title: 'Another title' }), history)

    await restoreBundle(empty, backup, { author: 'Ana', now: later })

    expect((await empty.incidents.get('inc-leak' as never))?.revision).toBe(3)
  })

  it('replaces the parts a backup holds and removes what was made after it', async () => {
    const db = await aKnowledgeBaseWithEverything()
    const backup = await readKnowledgeBaseBundle(db, { now: clock })
    const before = await heldTablesOf(db)
    await createBriefingRepository(db).save({
      id: 'brief-2',
      title: 'Made after the backup',
      subtitle: '',
      asOf: '2026-12-02',
      sections: ['summary'],
      includeTimelineImage: true,
      items: []
    })
    await db.meta.put({ key: SAVED_SEARCHES_KEY, value: [] })
    await savePreferences(db, { authorName: 'Someone else' })

    await restoreBundle(db, backup, { author: 'Ana', now: later })

    const after = await heldTablesOf(db)
    for (const name of ['briefings', 'merges', 'redirects', 'meta']) expect(after[name], name).toEqual(before[name])
  })

  it('restores a version 1 backup (records only) as before, leaving briefings, saved searches and preferences as they are', async () => {
    const v1 = JSON.parse(await readFile(resolve(__dirname, '../../fixtures/backups/precedent-backup-v1.json'), 'utf8')) as Bundle
    expect(v1.version).toBe(1)
    const db = await aKnowledgeBaseWithEverything()
    const before = await heldTablesOf(db)

    const result = await restoreBundle(db, v1, { author: 'Ana', now: later })

    expect(result).toMatchObject({ restored: 2, removed: 2 })
    const after = await heldTablesOf(db)
    for (const name of ['briefings', 'merges', 'meta']) expect(after[name], name).toEqual(before[name])
    // The merge's survivor is not in that backup: its redirect would lead nowhere.
    expect(result.workspace).toEqual({ revisionsAdded: 0, redirects: 0, redirectsDropped: 1 })
    expect(after.redirects).toEqual([])
  })

  it('drops the redirect of a merged-away record that a restore brings back, so its page shows it', async () => {
    const db = await aKnowledgeBaseWithEverything()
    const backup = await readKnowledgeBaseBundle(db, { now: clock })
    const merged = { ...backup, workspace: { ...backup.workspace, redirects: backup.workspace!.redirects } }
    merged.records = {
      ...backup.records,
      organisations: [...backup.records.organisations, anOrganisation({ id: 'org-meta-dup', name: 'Meta Platforms Inc.' })]
    }

    await restoreBundle(db, merged, { author: 'Ana', now: later })

    expect(await resolveRedirect(db, 'org-meta-dup')).toBe('org-meta-dup')
  })

  it('refuses a backup with a bad workspace row, naming the part, the row and the field, and changes nothing', async () => {
    const db = await aKnowledgeBaseWithEverything()
    const backup = await readKnowledgeBaseBundle(db, { now: clock })
    const damaged = JSON.parse(JSON.stringify(backup)) as { workspace: { briefings: { title: string }[] } }
    damaged.workspace.briefings[0]!.title = ''
    const before = await snapshotOf(db)

    const error = await catchError(restoreBundle(db, damaged, { author: 'Ana', now: later }))

    expect(error).toBeInstanceOf(BundleValidationError)
    expect((error as BundleValidationError).problems[0]?.path).toBe('workspace.briefings[0] (brief-1).title')
    expect(await snapshotOf(db)).toEqual(before)
  })

  it('leaves the knowledge base exactly as it was when any write of a restore with a workspace fails', async () => {
    const source = await aKnowledgeBaseWithEverything()
    const backup = await readKnowledgeBaseBundle(source, { now: clock })
    const db = aFreshDatabase()
    await givenStored(db, { type: 'organisation', record: anOrganisation({ id: 'org-other', name: 'Other' }) })
    await createBriefingRepository(db).save({
      id: 'brief-x',
      title: 'Kept when the restore fails',
      subtitle: '',
      asOf: '2026-12-02',
      sections: ['summary'],
      includeTimelineImage: true,
      items: []
    })
    const faults = injectWriteFailures(db)
    const expected = await snapshotOf(db)
    // n, the restore's writes, is probed: the k-th write fails for k = 1, 2, … until a restore goes through.
    let failed = 0
    for (let k = 1; ; k += 1) {
      faults.failWrite(k)
      const error = await restoreBundle(db, backup, { author: 'Ana', now: later }).then(
        () => undefined,
        (reason: unknown) => reason
      )
      if (error === undefined) break
      if (k > 200) throw new Error(`still failing at write ${k}: ${String(error)}`)
      failed += 1
      expect(await snapshotOf(db), `write ${k}`).toEqual(expected)
    }
    expect(faults.writes).toBe(failed)
    // Records and their history, the backup's history, merges, redirects, briefings (a clear and a put each) and meta.
    expect(failed).toBeGreaterThanOrEqual(10)
    expect(await resolveRedirect(db, 'org-meta-dup')).toBe('org-meta')
  }, 60_000)
})

describe('redirectsLeadingToRecords', () => {
  const redirect = (fromId: string, toId: string) => ({ fromId, toId, mergeId: `merge-${fromId}` })

  it('keeps a redirect to a record that exists', () => {
    expect(redirectsLeadingToRecords([redirect('a', 'b')], new Set(['b']))).toEqual({ kept: [redirect('a', 'b')], dropped: 0 })
  })

  it('drops a redirect from an id that is a record again', () => {
    expect(redirectsLeadingToRecords([redirect('a', 'b')], new Set(['a', 'b']))).toEqual({ kept: [], dropped: 1 })
  })

  it('points a redirect whose target was merged on at the record that holds it now', () => {
    expect(redirectsLeadingToRecords([redirect('a', 'b'), redirect('b', 'c')], new Set(['c']))).toEqual({
      kept: [{ ...redirect('a', 'b'), toId: 'c' }, redirect('b', 'c')],
      dropped: 0
    })
  })

  it('drops redirects that lead nowhere, cycles included', () => {
    expect(redirectsLeadingToRecords([redirect('a', 'gone'), redirect('x', 'y'), redirect('y', 'x')], new Set(['b']))).toEqual({ kept: [], dropped: 3 })
  })
})
