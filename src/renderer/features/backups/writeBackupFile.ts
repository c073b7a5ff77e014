import { getDatabase, type BackupSummary } from '@renderer/db'
import { translateMessage } from '@renderer/i18n'
import { message } from '@shared/locale/message'
import type { RecordType } from '@shared/domain/recordTypes'
import { runBackupJob, type BackupReply, type BackupRequest } from './backupRestoreJob'
import { openBackupWorker } from './backupWorkerPort'

export interface BackupFile {
  readonly file: Blob
  readonly counts: Record<RecordType, number>
  /** The kept backup, when it was kept. */
  readonly kept?: BackupSummary
}

/**
 * The whole knowledge base as a gzip-compressed bundle file, made in a backup worker (reading,
 * serialising and compressing 100k records takes seconds, none of them on the page's thread), or
 * in this thread where workers are missing. With `keep`, it is also kept as a backup, with `title`
 * as its reason.
 *
 * @throws Error with a one-line message when the backup could not be taken; nothing was kept
 */
export async function writeBackupFile(title: string, at: string, keep: boolean): Promise<BackupFile> {
  const request: BackupRequest = { kind: 'backup', databaseName: getDatabase().name, at, title, keep }
  const worker = openBackupWorker('backup')
  const reply =
    worker === undefined
      ? await runBackupJob(getDatabase(), request)
      : await new Promise<BackupReply>((resolve) => {
          worker.onReply(
            (answer) => resolve(answer as BackupReply),
            (stopped) => resolve({ kind: 'failed', message: stopped ? message('problems.asWritten', { text: stopped }) : message('backups.store.backupStopped') })
          )
          worker.post(request)
        }).finally(() => worker.close())
  if (reply.kind === 'failed') throw new Error(translateMessage(reply.message))
  return reply.kept === undefined ? { file: reply.file, counts: reply.counts } : { file: reply.file, counts: reply.counts, kept: reply.kept }
}
