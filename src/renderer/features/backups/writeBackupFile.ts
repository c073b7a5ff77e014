import { getDatabase, type BackupReason, type BackupSummary } from '@renderer/db'
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
 * in this thread where workers are missing. Kept as a backup when `what` gives the reason to keep
 * it for (whose English titles the file), else only handed back with `what.title`.
 *
 * @throws Error with a one-line message when the backup could not be taken; nothing was kept
 */
export async function writeBackupFile(what: { readonly keepAs: BackupReason } | { readonly title: string }, at: string): Promise<BackupFile> {
  const request: BackupRequest = { kind: 'backup', databaseName: getDatabase().name, at, ...what }
  const worker = openBackupWorker('backup')
  const reply =
    worker === undefined
      ? await runBackupJob(getDatabase(), request)
      : await new Promise<BackupReply>((resolve) => {
          worker.onReply(
            (answer) => resolve(answer as BackupReply),
            (stopped) =>
              resolve({ kind: 'failed', failure: stopped ? message('backups.failure.asIs', { text: stopped }) : message('backups.store.backupStopped') })
          )
          worker.post(request)
        }).finally(() => worker.close())
  if (reply.kind === 'failed') throw new Error(translateMessage(reply.failure))
  return reply.kept === undefined ? { file: reply.file, counts: reply.counts } : { file: reply.file, counts: reply.counts, kept: reply.kept }
}
