import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  getDatabase,
  gzipBlobSink,
  listBackups,
  looksLikeBundleFile,
  readBackupContent,
  type BackupReason,
  type BackupSummary,
  type RestoreResult
} from '@renderer/db'
import { ImportInputError } from '@shared/interchange/importProblem'
import { message } from '@shared/locale/message'
import { i18n, translateMessage } from '@renderer/i18n'
import { getDesktopClient, type SaveOutcome } from '@renderer/desktop/desktopClient'
import { currentAuthorName } from '@renderer/recordKit'
import { describeRestoreFailure, type RestoreProgress, type RestoreSource } from './backupRestoreJob'
import { startRestore, type RunningRestore } from './startRestore'
import { shortOfRoomForRestore } from './storageRoom'
import { copyKeptBackup, takeBackup } from './takeBackup'
import { writeBackupFile } from './writeBackupFile'
import { BACKUP_REASONS } from './backupReasons'

export type BackupActionResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

/** What a running restore is doing, for the progress line: reading, the safety backup, checking, writing. */
export type RestoreActivity = RestoreProgress

const now = (): string => new Date().toISOString()

async function attempt<T>(work: () => Promise<T>): Promise<BackupActionResult<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    return { ok: false, message: translateMessage(describeRestoreFailure(error)) }
  }
}

/** `precedent-backup-2026-11-29T10-00-00.json.gz`: sortable, safe on every file system, and says it is compressed. */
export function backupFileName(createdAt: string): string {
  return `precedent-backup-${createdAt.slice(0, 19).replace(/:/g, '-')}.json.gz`
}

/** The restore was cancelled before it changed anything. */
class RestoreCancelled extends Error {}

/**
 * Backups: take one, list them, save one as a file, and restore the knowledge base from a kept
 * backup or from a backup file (`.json` or `.json.gz`). Every restore first takes a backup of the
 * current state, so a restore can itself be undone by restoring that one. The restore itself runs
 * in a worker (see startRestore) and can be cancelled until its one transaction commits.
 */
export const useBackupsStore = defineStore('backups', () => {
  const backups = ref<readonly BackupSummary[]>([])
  const isBusy = ref(false)
  const restoreActivity = ref<RestoreActivity>()
  let running: RunningRestore | undefined
  let cancelRequested = false

  async function refresh(): Promise<void> {
    backups.value = await listBackups(getDatabase())
  }

  async function busy<T>(work: () => Promise<T>): Promise<BackupActionResult<T>> {
    isBusy.value = true
    try {
      return await attempt(work)
    } finally {
      isBusy.value = false
      await refresh().catch(() => undefined)
    }
  }

  const backUpNow = () => busy(() => takeBackup(BACKUP_REASONS.byHand, now))

  async function saveCompressed(createdAt: string, file: Blob): Promise<SaveOutcome> {
    return getDesktopClient().saveFile({
      suggestedFileName: backupFileName(createdAt),
      content: new Uint8Array(await file.arrayBuffer()),
      mimeType: 'application/gzip',
      filters: [{ name: 'Precedent backup (compressed bundle)', extensions: ['gz'] }]
    })
  }

  /** Saves the whole knowledge base as a gzip-compressed bundle file, read in one consistent transaction (in the backup worker). */
  const saveCurrentAsFile = () =>
    busy(async () => {
      const createdAt = now()
      const { file } = await writeBackupFile({ title: 'Precedent knowledge base' }, createdAt)
      return saveCompressed(createdAt, file)
    })

  const saveBackupAsFile = (summary: BackupSummary) =>
    busy(async () => {
      const content = await readBackupContent(getDatabase(), summary.id)
      if (content === undefined) throw new Error(i18n.global.t('backups.store.noLongerKept'))
      if (content.kind === 'file') return saveCompressed(summary.createdAt, content.file)
      // A backup kept before compression: compressed now, so every backup file has one format.
      const gzip = gzipBlobSink()
      gzip.sink.write(`${JSON.stringify(content.bundle)}\n`)
      return saveCompressed(summary.createdAt, await gzip.finish())
    })

  async function restore(source: RestoreSource, safetyReason: BackupReason): Promise<RestoreResult> {
    cancelRequested = false
    restoreActivity.value = { phase: 'reading', done: 0, total: 0, records: 0 }
    try {
      // Refused before the safety backup, the first write, so a full disk changes nothing.
      const noRoom = await shortOfRoomForRestore(source)
      if (noRoom !== undefined) throw new Error(i18n.global.t('backups.store.nothingChanged', { reason: noRoom }))
      if (cancelRequested) throw new RestoreCancelled(i18n.global.t('backups.store.restoreCancelled'))
      // The restore takes this backup itself, under its own lock (see runRestoreJob).
      running = startRestore(
        source,
        currentAuthorName(),
        (progress) => {
          restoreActivity.value = progress
        },
        { reason: safetyReason, onKept: async (summary, file) => void (await copyKeptBackup(summary, file)) }
      )
      const outcome = await running.outcome
      // A cancel is said in the page's language (the worker's words are English).
      if (!outcome.ok) throw new Error(outcome.cancelled ? i18n.global.t('backups.store.restoreCancelled') : outcome.message)
      return outcome.result
    } finally {
      running = undefined
      restoreActivity.value = undefined
    }
  }

  /** Stops the running restore; safe at any point, since nothing is changed until its one transaction commits. */
  function cancelRestore(): void {
    cancelRequested = true
    running?.cancel()
  }

  const restoreBackup = (summary: BackupSummary) =>
    busy(() => restore({ kind: 'backup', id: summary.id }, BACKUP_REASONS.beforeRestoringBackup(summary.createdAt)))

  /** Restores from a bundle file the person chose, `.json` or `.json.gz`, of any size: it is read as a stream and validated whole first. */
  const restoreFromFile = (file: File) =>
    busy(async () => {
      if (!(await looksLikeBundleFile(file))) {
        throw new ImportInputError({ file: file.name, message: message('backups.store.notABackup') })
      }
      return restore({ kind: 'file', file, fileName: file.name }, BACKUP_REASONS.beforeRestoringFile(file.name))
    })

  return { backups, isBusy, restoreActivity, refresh, backUpNow, saveCurrentAsFile, saveBackupAsFile, restoreBackup, restoreFromFile, cancelRestore }
})
