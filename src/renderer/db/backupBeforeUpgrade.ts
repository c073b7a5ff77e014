import { createBackup, type BackupReason } from './backups'
import type { HeldWriteLock } from './exclusiveWriteLock'
import type { Migration } from './migrations'
import type { PrecedentDatabase } from './precedentDatabase'

/** The reason a backup taken before an upgrade shows in the list of backups. */
export function upgradeBackupReason(from: number, to: number): BackupReason {
  return { text: `Before upgrading the knowledge base from version ${from} to version ${to}`, code: { kind: 'before-upgrading', from, to } }
}

/**
 * Keeps a backup of the knowledge base `name` as it is stored at schema version `from`, before it
 * is upgraded to `to` (RELIABILITY-SECURITY 24). It is read through a connection opened at exactly
 * the stored version (the migrations up to it, opened by `openWith`), so nothing is upgraded and every
 * row is read as it was; the connection is closed before the upgrade starts, so it cannot block it.
 * (The database hands in how to open it, so this module and the backups need not import the class
 * that imports them: no import cycle.) The caller holds
 * the exclusive write lock. A version no migration names (not a database of Precedent's) has
 * nothing to back up.
 *
 * @throws whatever stopped the backup from being kept; the caller then does not upgrade
 */
export async function backUpBeforeUpgrade(
  openWith: (migrations: readonly Migration[]) => PrecedentDatabase,
  migrations: readonly Migration[],
  from: number,
  to: number,
  lock: HeldWriteLock
): Promise<void> {
  const asStored = migrations.filter((migration) => migration.version <= from)
  if (!asStored.some((migration) => migration.version === from)) return
  const old = openWith(asStored)
  try {
    await createBackup(old, { reason: upgradeBackupReason(from, to), now: () => new Date().toISOString(), lock })
  } finally {
    old.close()
  }
}
