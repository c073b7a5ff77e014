import Dexie, { type EntityTable, type PromiseExtended, type Table, type Transaction } from 'dexie'
import type { RecordType } from '@shared/domain/recordTypes'
import { withExclusiveWriteLock } from './exclusiveWriteLock'
import { allMigrations, type Migration } from './migrations'
import { TABLE_OF } from './recordTables'
import type { StoredRow } from './storedRow'
import { ReadOnlyKnowledgeBaseError } from './storageErrors'

/** A marker kept in the `meta` table, e.g. which revision of the sample data was loaded. */
export interface MetaRow {
  readonly key: string
  readonly value: unknown
}

export { RECORD_TABLE_NAMES, TABLE_OF, type RecordTableName } from './recordTables'

/** What the app does when another window upgrades or deletes the database, or this one is blocked. */
export interface DatabaseEventHandlers {
  /**
   * Another connection (a newer window) wants to upgrade or delete the database. This connection
   * is already closed and will not reopen by itself, so a window running old code can never write
   * un-migrated rows; the handler should keep drafts and reload the page.
   */
  readonly onVersionChange?: (event: IDBVersionChangeEvent) => void
  /** This connection's upgrade waits for another window that still holds the old version open. */
  readonly onBlocked?: (event: IDBVersionChangeEvent) => void
}

/**
 * The app's IndexedDB database. Rows are domain records plus the derived `refs` and `sortKey`
 * index fields (see `storedRow.ts`); read them through the repositories, which strip those fields.
 */
export class PrecedentDatabase extends Dexie {
  incidents!: EntityTable<StoredRow<'incident'>, 'id'>
  organisations!: EntityTable<StoredRow<'organisation'>, 'id'>
  jurisdictions!: EntityTable<StoredRow<'jurisdiction'>, 'id'>
  laws!: EntityTable<StoredRow<'law'>, 'id'>
  responses!: EntityTable<StoredRow<'response'>, 'id'>
  sources!: EntityTable<StoredRow<'source'>, 'id'>
  meta!: EntityTable<MetaRow, 'key'>

  /** The newest schema version this code knows. */
  readonly codeVersion: number
  /**
   * True once opened on a database saved by a newer version of the app: this code does not know
   * its schema, so every write through this connection is refused (`ReadOnlyKnowledgeBaseError`),
   * whichever path it comes by, in the page and in each worker alike.
   */
  isReadOnly = false

  private readonly migrations: readonly Migration[]
  /** The open under way (see {@link open}); forgotten when the connection closes. */
  private opening: PromiseExtended<Dexie> | undefined
  /** Set when the backup before an upgrade failed: the upgrade then refuses to run (see {@link open}). */
  private upgradeRefusal: Error | undefined

  /** `migrations` is narrowed only by migration tests, to open an old schema. */
  constructor(name = 'precedent', migrations: readonly Migration[] = allMigrations, handlers: DatabaseEventHandlers = {}) {
    // NOTE: browsers default to relaxed durability; strict waits for the disk before "saved".
    super(name, { chromeTransactionDurability: 'strict' })
    this.migrations = migrations
    this.codeVersion = Math.max(0, ...migrations.map((migration) => migration.version))
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores)
      // The newest version's upgrade runs last in the one upgrade transaction: throwing there
      // aborts the whole upgrade, the stored data left as it was.
      if (migration.version === this.codeVersion) version.upgrade((tx) => this.upgradeUnlessRefused(tx, migration))
      else if (migration.upgrade) version.upgrade(migration.upgrade)
    }
    this.on('close', () => {
      this.opening = undefined
    })
    // NOTE: Dexie runs the newest subscriber first and `false` stops the chain. Its own handler
    // closes but reopens on the next query, so a window running old code would write un-migrated rows.
    this.on('versionchange', (event) => {
      this.close({ disableAutoOpen: true })
      handlers.onVersionChange?.(event)
      return false
    })
    // NOTE: Dexie stores version n as IndexedDB version n * 10.
    this.on('ready', () => {
      this.isReadOnly = this.backendDB().version / 10 > this.codeVersion
    })
    this.use({
      stack: 'dbcore',
      name: 'read-only-when-newer',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName)
          return { ...table, mutate: (request) => (this.isReadOnly ? Promise.reject(new ReadOnlyKnowledgeBaseError()) : table.mutate(request)) }
        }
      })
    })
    this.on('blocked', (event) => {
      if (handlers.onBlocked === undefined) return undefined
      handlers.onBlocked(event)
      return false
    })
  }

  /**
   * Opens the database. When the stored knowledge base has an older schema than this code's, the
   * upgrade runs under the exclusive write lock (so no window imports, restores or backs up
   * meanwhile, RELIABILITY-SECURITY 51) and only after a backup of the knowledge base as it was has
   * been kept (24): if that backup fails, the upgrade does not run and opening fails, the data left
   * as it was. A first start (no database yet) and a current one take neither lock nor backup.
   * Dexie calls this on the first query too (auto-open), so every connection, in the page and in
   * each worker, goes this way; whichever takes the lock first upgrades, the others find it done.
   */
  override open(): PromiseExtended<Dexie> {
    if (this.isOpen()) return super.open()
    this.opening ??= Dexie.Promise.resolve(this.openWithBackupBeforeUpgrade())
    return this.opening
  }

  private async openWithBackupBeforeUpgrade(): Promise<Dexie> {
    if (!this.isOlderThanCode(await storedVersionOf(this.name))) return super.open()
    return withExclusiveWriteLock(async (lock) => {
      const stored = await storedVersionOf(this.name)
      this.upgradeRefusal = undefined
      if (stored !== undefined && this.isOlderThanCode(stored)) {
        try {
          // NOTE: imported when needed, so the backup code loads only for an upgrade.
          const { backUpBeforeUpgrade } = await import('./backupBeforeUpgrade')
          const openAsStored = (migrations: readonly Migration[]): PrecedentDatabase => {
            const old = new PrecedentDatabase(this.name, migrations, { onVersionChange: () => old.close() })
            return old
          }
          await backUpBeforeUpgrade(openAsStored, this.migrations, stored, this.codeVersion, lock)
        } catch (error) {
          this.upgradeRefusal = new UpgradeBackupError(error)
        }
      }
      return super.open()
    })
  }

  private isOlderThanCode(stored: number | undefined): boolean {
    return stored !== undefined && stored > 0 && stored < this.codeVersion
  }

  private async upgradeUnlessRefused(tx: Transaction, migration: Migration): Promise<void> {
    if (this.upgradeRefusal !== undefined) throw this.upgradeRefusal
    await migration.upgrade?.(tx)
  }

  /**
   * Opens the database and tells whether it was written by a newer version of the app. Dexie then
   * opens it anyway (no VersionError), so the app must not write to it: it should go read-only
   * and ask the person to update.
   */
  async hasNewerStoredSchema(): Promise<boolean> {
    await this.open()
    return this.isReadOnly
  }

  /** The table of a record type, typed by that type. */
  recordTable<T extends RecordType>(type: T): Table<StoredRow<T>, string> {
    return this.table(TABLE_OF[type])
  }
}

/** The backup of the knowledge base as it was could not be kept, so its schema was not upgraded. */
export class UpgradeBackupError extends Error {
  override readonly name = 'UpgradeBackupError'
  constructor(cause: unknown) {
    super(
      `The knowledge base was not upgraded: a backup of it as it was could not be kept first (${cause instanceof Error ? cause.message : String(cause)}). Reopen Precedent to try again; if this keeps happening, free some disk space.`,
      { cause }
    )
  }
}

/**
 * The schema version of the stored database `name` (Dexie's version, not IndexedDB's), `undefined`
 * if there is none yet or the browser cannot tell (`indexedDB.databases()` is missing; then no
 * backup is taken before an upgrade).
 */
async function storedVersionOf(name: string): Promise<number | undefined> {
  const indexedDB = Dexie.dependencies.indexedDB as IDBFactory | undefined
  if (indexedDB === undefined || typeof indexedDB.databases !== 'function') return undefined
  let stored: IDBDatabaseInfo | undefined
  try {
    stored = (await indexedDB.databases()).find((database) => database.name === name)
  } catch {
    return undefined
  }
  // NOTE: Dexie stores version n as IndexedDB version n * 10.
  return stored?.version === undefined ? undefined : stored.version / 10
}

let database: PrecedentDatabase | undefined
let appHandlers: DatabaseEventHandlers = {
  onVersionChange: () => globalThis.location?.reload(),
  onBlocked: () => console.warn('Precedent: the database upgrade is waiting for another window to close.')
}

/**
 * Sets what the app database does on `versionchange` and `blocked` (e.g. show a message, then
 * reload). Call before the first `getDatabase()`.
 */
export function setDatabaseEventHandlers(handlers: DatabaseEventHandlers): void {
  appHandlers = { ...appHandlers, ...handlers }
}

/** The app's one database, created on first use. */
export function getDatabase(): PrecedentDatabase {
  database ??= new PrecedentDatabase('precedent', allMigrations, {
    onVersionChange: (event) => appHandlers.onVersionChange?.(event),
    onBlocked: (event) => appHandlers.onBlocked?.(event)
  })
  return database
}
