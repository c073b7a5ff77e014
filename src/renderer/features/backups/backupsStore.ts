import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  BundleValidationError,
  getDatabase,
  listBackups,
  readBackup,
  readKnowledgeBaseBundle,
  restoreBundle,
  type BackupSummary,
  type RestoreResult
} from '@renderer/db'
import type { Bundle } from '@shared/domain/bundle'
import { decodeImportText } from '@shared/interchange/decodeImportText'
import { DEFAULT_IMPORT_LIMITS, formatByteSize } from '@shared/interchange/importLimits'
import { ImportInputError } from '@shared/interchange/importProblem'
import { parseJsonSafely } from '@shared/interchange/parseJsonSafely'
import { getDesktopClient, type SaveOutcome } from '@renderer/desktop/desktopClient'
import { currentAuthorName } from '../history'
import { takeBackup } from './takeBackup'

export type BackupActionResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string }

const now = (): string => new Date().toISOString()
const messageOf = (error: unknown): string => {
  if (error instanceof BundleValidationError) {
    const [first] = error.problems
    return `The file is not a valid Precedent backup: ${first?.path ?? ''} ${first?.message ?? ''}`.trim()
  }
  return error instanceof Error ? error.message : String(error)
}

async function attempt<T>(work: () => Promise<T>): Promise<BackupActionResult<T>> {
  try {
    return { ok: true, value: await work() }
  } catch (error) {
    return { ok: false, message: messageOf(error) }
  }
}

/** `precedent-backup-2026-11-29T10-00-00.json`: sortable, and safe on every file system. */
export function backupFileName(createdAt: string): string {
  return `precedent-backup-${createdAt.slice(0, 19).replace(/:/g, '-')}.json`
}

/**
 * Backups: take one, list them, save one as a file, and restore the knowledge base from a kept
 * backup or from a backup file. Every restore first takes a backup of the current state, so a
 * restore can itself be undone by restoring that one.
 */
export const useBackupsStore = defineStore('backups', () => {
  const backups = ref<readonly BackupSummary[]>([])
  const isBusy = ref(false)

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

  const backUpNow = () => busy(() => takeBackup('Backup taken by hand', now))

  function saveBundle(bundle: Bundle): Promise<SaveOutcome> {
    return getDesktopClient().saveFile({
      suggestedFileName: backupFileName(bundle.createdAt),
      content: `${JSON.stringify(bundle, null, 2)}\n`,
      mimeType: 'application/json',
      filters: [{ name: 'Precedent backup', extensions: ['json'] }]
    })
  }

  /** Saves the whole knowledge base as a bundle file, read in one consistent transaction. */
  const saveCurrentAsFile = () =>
    busy(async () => saveBundle(await readKnowledgeBaseBundle(getDatabase(), { now, title: 'Precedent knowledge base' })))

  const saveBackupAsFile = (id: string) =>
    busy(async () => {
      const bundle = await readBackup(getDatabase(), id)
      if (bundle === undefined) throw new Error('That backup is no longer kept')
      return saveBundle(bundle)
    })

  async function restore(bundle: unknown, description: string): Promise<RestoreResult> {
    await takeBackup(`Before restoring ${description}`, now)
    return restoreBundle(getDatabase(), bundle, { author: currentAuthorName(), now })
  }

  const restoreBackup = (summary: BackupSummary) =>
    busy(async () => {
      const bundle = await readBackup(getDatabase(), summary.id)
      if (bundle === undefined) throw new Error('That backup is no longer kept')
      return restore(bundle, `the backup of ${new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' }).format(new Date(summary.createdAt))}`)
    })

  /** Restores from a bundle file the person chose; it is read under the import limits and validated whole first. */
  const restoreFromFile = (file: File) =>
    busy(async () => {
      if (file.size > DEFAULT_IMPORT_LIMITS.maxFileBytes) {
        throw new ImportInputError({ file: file.name, message: `The file is ${formatByteSize(file.size)}; files over ${formatByteSize(DEFAULT_IMPORT_LIMITS.maxFileBytes)} are not imported` })
      }
      const text = decodeImportText(new Uint8Array(await file.arrayBuffer()), file.name)
      return restore(parseJsonSafely(text, file.name), file.name)
    })

  return { backups, isBusy, refresh, backUpNow, saveCurrentAsFile, saveBackupAsFile, restoreBackup, restoreFromFile }
})
