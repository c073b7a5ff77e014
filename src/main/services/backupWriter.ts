import { mkdir, readdir, rm } from 'node:fs/promises'
import path from 'node:path'
import { app } from 'electron'
import type { IpcParsedRequest } from '../../shared/ipc/contract'
import type { IpcChannel } from '../../shared/ipc/channels'
import { writeFileAtomically } from './writeFileAtomically'

/** Backup files kept in the folder; older ones are removed after each write. */
export const BACKUP_FILES_KEPT = 20

const BACKUP_FILE = /^precedent-backup-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(?:-\d{3})?Z?\.json$/

/** Where backups go: beside the browser profile, not in it, so clearing site data leaves them. */
export function backupFolder(): string {
  return path.join(app.getPath('userData'), 'backups')
}

/** `precedent-backup-2026-11-29T10-05-09-123Z.json` for a creation time: sortable, one per millisecond. */
export function backupFileNameOf(createdAt: string): string {
  const utc = new Date(createdAt).toISOString()
  return `precedent-backup-${utc.replace(/[:.]/g, '-')}.json`
}

/**
 * Writes a backup into the backup folder atomically (RELIABILITY-SECURITY 23: temp file, fsync,
 * rename) and keeps the newest BACKUP_FILES_KEPT. The page names no path: main chooses it, so a
 * compromised page cannot write anywhere else.
 */
export async function writeBackup(request: IpcParsedRequest<typeof IpcChannel.writeBackup>): Promise<string> {
  const folder = backupFolder()
  await mkdir(folder, { recursive: true })
  const target = path.join(folder, backupFileNameOf(request.createdAt))
  await writeFileAtomically(target, request.content)
  const backups = (await readdir(folder)).filter((name) => BACKUP_FILE.test(name)).sort()
  for (const old of backups.slice(0, Math.max(0, backups.length - BACKUP_FILES_KEPT))) {
    await rm(path.join(folder, old), { force: true })
  }
  return target
}
