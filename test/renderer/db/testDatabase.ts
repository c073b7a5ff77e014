import type { DBCore, DBCoreGetManyRequest, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreQueryRequest, DBCoreTable } from 'dexie'
import { noteUnloggedWrite, PrecedentDatabase, type DatabaseEventHandlers, type Migration } from '@renderer/db'
import { FEED_OVERLAP_KEY } from '@renderer/db/changeFeed'
import { allMigrations } from '@renderer/db/migrations'
import { toRow } from '@renderer/db/storedRow'
import { REVISIONS_WRITTEN_KEY, UNLOGGED_WRITE_KEY } from '@renderer/db/metaKeys'
import type { TypedRecord } from '@shared/domain/recordTypes'

let opened = 0

/** A database with a name no other test uses, so tests never share state. */
export function aFreshDatabase(
  migrations: readonly Migration[] = allMigrations,
  handlers: DatabaseEventHandlers = {},
  name = aFreshDatabaseName()
): PrecedentDatabase {
  return new PrecedentDatabase(name, migrations, handlers)
}

export function aFreshDatabaseName(): string {
  opened += 1
  return `precedent-test-${opened}-${Math.random().toString(36).slice(2)}`
}

/**
 * Stores records as they are, bypassing the writer's checks and leaving no history: the arrange
 * step of a test. Like every app write without revisions (loading shipped records), it stamps the
 * change feed, so the workers that follow it see the records.
 */
export async function givenStored(db: PrecedentDatabase, ...records: readonly TypedRecord[]): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const typed of records) await db.recordTable(typed.type).put(toRow(typed.type, typed.record))
    await noteUnloggedWrite(db)
  })
}

/**
 * Every row of every table, in key order: two snapshots are equal only if nothing changed. The
 * change feed's marks of writes (`meta` keys that a write takes a new id in, and a rollback of
 * records with their history must take, for the workers following the feed) and its kept overlap
 * count (taken by any reader of the feed's position) are left out: they say that something was
 * written, or how far the log was read, not what is stored.
 */
export async function snapshotOf(db: PrecedentDatabase): Promise<Record<string, unknown[]>> {
  const snapshot: Record<string, unknown[]> = {}
  for (const table of db.tables) snapshot[table.name] = await table.toArray()
  snapshot['meta'] = (snapshot['meta'] as { key: string }[]).filter((row) => !FEED_MARK_KEYS.has(row.key))
  return snapshot
}

const FEED_MARK_KEYS: ReadonlySet<string> = new Set([UNLOGGED_WRITE_KEY, REVISIONS_WRITTEN_KEY, FEED_OVERLAP_KEY])

/**
 * Installs a middleware that fails the k-th write (each put, add or delete request) once armed.
 * Counts every write attempted, so a test can learn n.
 */
export function injectWriteFailures(db: PrecedentDatabase) {
  const state = { failAt: 0, writes: 0, error: (): unknown => new Error('Injected write failure') }
  wrapTables(db, 'injectWriteFailures', (table) => ({
    mutate(request: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
      state.writes += 1
      if (state.writes === state.failAt) return Promise.reject(state.error())
      return table.mutate(request)
    }
  }))
  return {
    /** Fails the k-th write from now on (1 = the next write); 0 disarms. */
    failWrite(k: number, error?: () => unknown): void {
      state.writes = 0
      state.failAt = k
      if (error) state.error = error
    },
    /** Writes attempted since the last `failWrite`. */
    get writes(): number {
      return state.writes
    }
  }
}

/**
 * Puts a test's own layer under every table of `db` (Dexie's DBCore middleware): `wrap` gives the
 * operations it replaces, each calling the table's own. The database is closed first when open, since
 * Dexie builds its middleware stack when it opens (it reopens on the next use).
 */
export function wrapTables(db: PrecedentDatabase, name: string, wrap: (table: DBCoreTable, tableName: string) => Partial<DBCoreTable>): void {
  if (db.isOpen()) db.close({ disableAutoOpen: false })
  db.use({
    stack: 'dbcore',
    name,
    create(down: DBCore): DBCore {
      return {
        ...down,
        table(tableName) {
          const table = down.table(tableName)
          return { ...table, ...wrap(table, tableName) }
        }
      }
    }
  })
}

/** Counts the rows (not keys, not counts) each table hands out from now on. */
export function countRowsRead(db: PrecedentDatabase): { readonly byTable: Map<string, number>; reset(): void } {
  const byTable = new Map<string, number>()
  const add = (table: string, rows: number): void => void byTable.set(table, (byTable.get(table) ?? 0) + rows)
  wrapTables(db, 'countRowsRead', (table, tableName) => ({
    async get(request) {
      const row: unknown = await table.get(request)
      if (row !== undefined) add(tableName, 1)
      return row
    },
    async getMany(request: DBCoreGetManyRequest) {
      const rows = await table.getMany(request)
      add(tableName, rows.filter((row) => row !== undefined).length)
      return rows
    },
    async query(request: DBCoreQueryRequest) {
      const result = await table.query(request)
      if (request.values) add(tableName, result.result.length)
      return result
    }
  }))
  return { byTable, reset: () => byTable.clear() }
}
