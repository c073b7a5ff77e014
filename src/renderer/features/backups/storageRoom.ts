import { getDatabase, isGzipFile, readBackupContent } from '@renderer/db'
import { formatByteSize } from '@shared/interchange/importLimits'
import { i18n } from '@renderer/i18n'
import type { RestoreSource } from './backupRestoreJob'

interface StorageManagerLike {
  estimate(): Promise<{ readonly usage?: number; readonly quota?: number }>
}

/** The large writes checked against the storage estimate before they start. */
export type LargeWrite = 'import' | 'restore'

/**
 * Why a write of about `bytes` should not start, or `undefined` when there looks to be room or the
 * browser cannot tell (RELIABILITY-SECURITY 21). An estimate is only an estimate: a write that
 * still runs out of space is aborted whole by IndexedDB, so this only spares the person a wait.
 */
export async function shortOfRoomFor(
  write: LargeWrite,
  bytes: number,
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage
): Promise<string | undefined> {
  if (storage === undefined || typeof storage.estimate !== 'function') return undefined
  try {
    const { usage, quota } = await storage.estimate()
    if (usage === undefined || quota === undefined) return undefined
    const free = quota - usage
    if (free >= bytes) return undefined
    const values = { needed: formatByteSize(bytes), free: formatByteSize(Math.max(free, 0)) }
    return write === 'import' ? i18n.global.t('backups.store.noRoomImport', values) : i18n.global.t('backups.store.noRoomRestore', values)
  } catch {
    return undefined
  }
}

/**
 * Bytes an import will take, roughly: each record is stored twice (its row and its history entry's
 * snapshot), as UTF-16 at worst, plus the backup taken first.
 */
export function estimatedImportBytes(recordJsonLength: number, storedJsonLength: number): number {
  return recordJsonLength * 2 * 2 + storedJsonLength * 2
}

/**
 * Bytes a restore will take at most: the bundle's records and history put back, and a new history
 * entry with a snapshot for each record it changes (at most as much again), as UTF-16 at worst;
 * plus the safety backup of the current state, counted as the size of the compressed file.
 */
export function estimatedRestoreBytes(bundleJsonBytes: number, compressedBytes: number): number {
  return bundleJsonBytes * 2 * 2 + compressedBytes
}

/**
 * The JSON size of a bundle file without reading it: its size, or for a gzip file the size gzip
 * records in its last four bytes (ISIZE, which counts modulo 4 GiB, so never less than the file).
 */
export async function bundleJsonBytesOf(file: Blob): Promise<number> {
  if (file.size < 18 || !(await isGzipFile(file))) return file.size
  const trailer = new DataView(await file.slice(file.size - 4).arrayBuffer())
  return Math.max(trailer.getUint32(0, true), file.size)
}

/**
 * Why restoring `source` should not start for lack of room, or `undefined`. Checked before the
 * safety backup, the restore's first write. A kept backup from before compression is not measured
 * (it is a stored value; its size is not known without reading it whole).
 */
export async function shortOfRoomForRestore(source: RestoreSource, storage?: StorageManagerLike): Promise<string | undefined> {
  const file = source.kind === 'file' ? source.file : await keptBackupFile(source.id)
  if (file === undefined) return undefined
  return shortOfRoomFor('restore', estimatedRestoreBytes(await bundleJsonBytesOf(file), file.size), storage)
}

async function keptBackupFile(id: string): Promise<Blob | undefined> {
  const content = await readBackupContent(getDatabase(), id)
  return content?.kind === 'file' ? content.file : undefined
}
