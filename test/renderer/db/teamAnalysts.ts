import { deleteRecord, saveRecord, type PrecedentDatabase } from '@renderer/db'
import { mergeRecords } from '@renderer/db/recordMerger'
import { revisionTable } from '@renderer/db/revisionLog'
import { fromRow } from '@renderer/db/storedRow'
import { syncWithTeam, type TeamSyncOptions, type TeamSyncResult } from '@renderer/db/teamSync'
import type { RecordRevision } from '@shared/domain/recordHistory'
import type { TeamServer } from '@shared/team/teamProtocol'
import { createInMemoryTeam, type InMemoryTeam } from '../../support/inMemoryTeamServer'
import { aFreshDatabase } from './testDatabase'

/** One clock for a whole team test: every reading is a millisecond after the one before, so every write has its own time. */
export function aTeamClock(start = Date.parse('2026-05-01T08:00:00.000Z')): () => string {
  let tick = 0
  return () => new Date(start + tick++).toISOString()
}

/** An analyst of a team test: their own knowledge base (a Dexie database) and the team's server as they log in to it. */
export interface Analyst {
  readonly name: string
  readonly db: PrecedentDatabase
  readonly server: TeamServer
  readonly now: () => string
}

/** A team of analysts sharing one in-memory server and one clock. */
export function aTeam<const Names extends readonly string[]>(
  names: Names,
  clock = aTeamClock()
): { readonly team: InMemoryTeam; readonly analysts: { readonly [K in keyof Names]: Analyst } } {
  const team = createInMemoryTeam({ now: clock })
  const analysts = names.map((name): Analyst => ({ name, db: aFreshDatabase(), server: team.serverFor(name), now: clock }))
  return { team, analysts: analysts as unknown as { readonly [K in keyof Names]: Analyst } }
}

let ids = 0
export async function createIncident(analyst: Analyst, title: string, id = `inc-team-${++ids}`): Promise<string> {
  await saveRecord(analyst.db, 'incident', { id, title, status: 'alleged' }, { now: analyst.now, author: analyst.name, newId: () => id })
  return id
}

export async function editIncident(analyst: Analyst, id: string, fields: { title?: string; summary?: string }): Promise<boolean> {
  const row = await analyst.db.recordTable('incident').get(id)
  if (row === undefined) return false
  const { createdAt: _c, updatedAt: _u, revision, ...record } = fromRow(row)
  await saveRecord(analyst.db, 'incident', { ...record, ...fields }, { now: analyst.now, author: analyst.name, newId: () => id, expectedRevision: revision })
  return true
}

export async function deleteIncident(analyst: Analyst, id: string): Promise<boolean> {
  if ((await analyst.db.recordTable('incident').get(id)) === undefined) return false
  await deleteRecord(analyst.db, 'incident', id, { now: analyst.now, author: analyst.name })
  return true
}

export async function mergeIncidentsOf(analyst: Analyst, survivorId: string, duplicateId: string): Promise<boolean> {
  if (
    survivorId === duplicateId ||
    (await analyst.db.recordTable('incident').get(survivorId)) === undefined ||
    (await analyst.db.recordTable('incident').get(duplicateId)) === undefined
  )
    return false
  await mergeRecords(analyst.db, 'incident', survivorId, duplicateId, { now: analyst.now, author: analyst.name, newId: () => crypto.randomUUID() })
  return true
}

export function sync(analyst: Analyst, options: TeamSyncOptions = {}): Promise<TeamSyncResult> {
  return syncWithTeam(analyst.db, analyst.server, { now: analyst.now, ...options })
}

/** An incident `first` creates and both analysts then hold, both synced: where most conflicts start. */
export async function aSharedIncident(first: Analyst, second: Analyst, title: string): Promise<string> {
  const id = await createIncident(first, title)
  await sync(first)
  await sync(second)
  return id
}

/** The incidents an analyst holds, by id, as data (bookkeeping times left out; the revision kept). */
export async function incidentsOf(analyst: Analyst): Promise<Record<string, unknown>> {
  const rows = await analyst.db.incidents.toArray()
  return Object.fromEntries(
    rows
      .map((row) => fromRow(row))
      .sort((a, b) => (a.id < b.id ? -1 : 1))
      .map(({ createdAt: _c, updatedAt: _u, ...record }) => [record.id, record])
  )
}

export async function revisionsOf(analyst: Analyst): Promise<RecordRevision[]> {
  return revisionTable(analyst.db).toArray()
}
