import { errorText, i18n } from '@renderer/i18n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  dismissDuplicatePair,
  findMergeOf,
  getDatabase,
  mergeRecords,
  MergeUndoBlockedError,
  RecordNotFoundError,
  RecordValidationError,
  resolveRedirect,
  RevisionConflictError,
  undoMerge,
  type MergeableType,
  type MergeEntry
} from '@renderer/db'
import { duplicatePairKey } from '@shared/domain/duplicates'
import { recordTitle, type RecordType } from '@shared/domain/recordTypes'
import { currentAuthorName, loadTypedRecord } from '@renderer/recordKit'

export type MergeResult =
  | { readonly ok: true; readonly merge: MergeEntry }
  | { readonly ok: false; readonly reason: 'conflict' | 'missing' | 'invalid' | 'failed'; readonly message: string }

export type UndoMergeResult =
  { readonly ok: true; readonly merge: MergeEntry } | { readonly ok: false; readonly reason: 'blocked' | 'failed'; readonly message: string }

export type DismissResult = { readonly ok: true } | { readonly ok: false; readonly message: string }

/** The notice shown on the survivor's page after a merge, with the undo it offers. */
export interface MergeNoticeState {
  readonly merge: MergeEntry
  readonly status: 'merged' | 'undone' | 'undo-failed'
  readonly message?: string
}

/** Shown when an old address of a merged-away record led to its survivor. */
export interface RedirectNoticeState {
  readonly type: RecordType
  readonly fromTitle: string
  readonly toId: string
  readonly toTitle: string
}

const now = (): string => new Date().toISOString()
const newId = (): string => crypto.randomUUID()
// The name set in Preferences, as every other write records it.
const author = (): string => currentAuthorName()

const messageOf = (error: unknown) => errorText(error)

/** Merge, undo and dismiss actions for duplicates, with the notices they leave. Results are values. */
export const useMergeStore = defineStore('merge', () => {
  const isMerging = ref(false)
  const mergeNotice = ref<MergeNoticeState>()
  const redirectNotice = ref<RedirectNoticeState>()

  async function merge(
    type: MergeableType,
    survivorId: string,
    duplicateId: string,
    expectedRevisions: Readonly<Record<string, number>>
  ): Promise<MergeResult> {
    isMerging.value = true
    try {
      const entry = await mergeRecords(getDatabase(), type, survivorId, duplicateId, { now, newId, author: author(), expectedRevisions })
      mergeNotice.value = { merge: entry, status: 'merged' }
      redirectNotice.value = undefined
      return { ok: true, merge: entry }
    } catch (error) {
      if (error instanceof RevisionConflictError) {
        return { ok: false, reason: 'conflict', message: i18n.global.t('duplicates.store.conflict') }
      }
      if (error instanceof RecordNotFoundError) {
        return { ok: false, reason: 'missing', message: i18n.global.t('duplicates.store.missing') }
      }
      if (error instanceof RecordValidationError)
        return { ok: false, reason: 'invalid', message: i18n.global.t('duplicates.store.notMerged', { message: messageOf(error) }) }
      return { ok: false, reason: 'failed', message: i18n.global.t('duplicates.store.notMergedTryAgain', { message: messageOf(error) }) }
    } finally {
      isMerging.value = false
    }
  }

  async function undo(mergeId: string): Promise<UndoMergeResult> {
    try {
      const entry = await undoMerge(getDatabase(), mergeId, { now, author: author() })
      if (mergeNotice.value?.merge.id === mergeId) mergeNotice.value = { merge: entry, status: 'undone' }
      return { ok: true, merge: entry }
    } catch (error) {
      const result: UndoMergeResult = {
        ok: false,
        reason: error instanceof MergeUndoBlockedError ? 'blocked' : 'failed',
        message: messageOf(error)
      }
      if (mergeNotice.value?.merge.id === mergeId) mergeNotice.value = { ...mergeNotice.value, status: 'undo-failed', message: result.message }
      return result
    }
  }

  async function dismissPair(firstId: string, secondId: string): Promise<DismissResult> {
    try {
      await dismissDuplicatePair(getDatabase(), duplicatePairKey(firstId, secondId))
      return { ok: true }
    } catch (error) {
      return { ok: false, message: i18n.global.t('duplicates.store.notDismissed', { message: messageOf(error) }) }
    }
  }

  /**
   * Where an address of a record now leads: its own id, or the survivor's if the record was merged
   * away, in which case the redirect notice is set. A failed lookup leaves the address as it is.
   */
  async function followRedirect(type: RecordType, id: string): Promise<string> {
    try {
      const database = getDatabase()
      const finalId = await resolveRedirect(database, id)
      if (finalId === id) return id
      const [survivor, firstMerge] = await Promise.all([loadTypedRecord(type, finalId), findMergeOf(database, id)])
      redirectNotice.value = {
        type,
        fromTitle: firstMerge?.duplicateTitle ?? id,
        toId: finalId,
        toTitle: survivor === undefined ? finalId : recordTitle(survivor)
      }
      return finalId
    } catch {
      return id
    }
  }

  return { isMerging, mergeNotice, redirectNotice, merge, undo, dismissPair, followRedirect }
})
