import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  DeleteBlockedError,
  getDatabase,
  RecordNotFoundError,
  RecordValidationError,
  restoreRevision,
  RevisionConflictError,
  RevisionNotFoundError,
  savePreferences,
  undoLastChange,
  UndoNotPossibleError,
  type RecordProblem
} from '@renderer/db'
import type { RecordRevision } from '@shared/domain/recordHistory'
import type { AnyRecord, RecordType } from '@shared/domain/recordTypes'
import { errorText, i18n, problemText } from '@renderer/i18n'
import { fieldLabel } from './revisionText'
import { readAuthorName, useAuthorName } from '@renderer/recordKit'

export type HistoryActionResult =
  | { readonly ok: true; readonly record: AnyRecord | undefined }
  | { readonly ok: false; readonly reason: 'conflict' | 'invalid' | 'failed'; readonly message: string }

export type SavePreferencesResult =
  { readonly ok: true; readonly authorName: string } | { readonly ok: false; readonly problems: readonly RecordProblem[]; readonly message: string }

const now = (): string => new Date().toISOString()

function problemsText(problems: readonly RecordProblem[]): string {
  const t = i18n.global.t
  return problems
    .map((problem) =>
      problem.path === ''
        ? problemText(problem)
        : t('history.store.problem', { field: fieldLabel(problem.path.split(/[.[]/)[0] ?? ''), message: problemText(problem) })
    )
    .join(t('history.store.problemSeparator'))
}

// The person sees a sentence that says what to do next; the typed error stays in the log.
function failure(error: unknown): HistoryActionResult {
  if (error instanceof RevisionConflictError || error instanceof RecordNotFoundError) {
    return { ok: false, reason: 'conflict', message: i18n.global.t('history.store.conflict') }
  }
  if (error instanceof RecordValidationError) {
    return {
      ok: false,
      reason: 'invalid',
      message: i18n.global.t('history.store.cannotRestore', { problems: problemsText(error.problems) })
    }
  }
  if (error instanceof DeleteBlockedError) {
    return { ok: false, reason: 'invalid', message: i18n.global.t('history.store.undoWouldDelete', { reason: errorText(error) }) }
  }
  if (error instanceof UndoNotPossibleError || error instanceof RevisionNotFoundError) return { ok: false, reason: 'invalid', message: errorText(error) }
  console.error(error)
  return { ok: false, reason: 'failed', message: errorText(error) }
}

/** History actions (restore, undo) and the preferences. Results are values, so pages choose the words. */
export const useHistoryStore = defineStore('history', () => {
  const isWorking = ref(false)
  // Read the name now, so a save made soon after opening a page already carries it.
  useAuthorName()

  async function run(action: () => Promise<AnyRecord | undefined>): Promise<HistoryActionResult> {
    isWorking.value = true
    try {
      return { ok: true, record: await action() }
    } catch (error) {
      return failure(error)
    } finally {
      isWorking.value = false
    }
  }

  /** Makes `revision` (or, with `isVersionBefore`, the version before it) the record's current version. */
  async function restoreVersion(
    type: RecordType,
    recordId: string,
    revision: RecordRevision,
    expectedRevision: number | undefined,
    isVersionBefore = false
  ): Promise<HistoryActionResult> {
    const author = await readAuthorName()
    return run(() => restoreRevision(getDatabase(), type, recordId, revision.id, { expectedRevision, now, author, isVersionBefore }))
  }

  /** Reverts the record's newest change, provided it is still `seen` (the entry the person was shown). */
  async function undoChange(recordId: string, seen: RecordRevision): Promise<HistoryActionResult> {
    const author = await readAuthorName()
    return run(async () => (await undoLastChange(getDatabase(), recordId, { now, author, expectedRevisionId: seen.id })).record)
  }

  async function saveAuthorName(authorName: string): Promise<SavePreferencesResult> {
    isWorking.value = true
    try {
      const saved = await savePreferences(getDatabase(), { authorName })
      return { ok: true, authorName: saved.authorName }
    } catch (error) {
      if (error instanceof RecordValidationError) return { ok: false, problems: error.problems, message: problemsText(error.problems) }
      return { ok: false, problems: [], message: errorText(error) }
    } finally {
      isWorking.value = false
    }
  }

  return { isWorking, restoreVersion, undoChange, saveAuthorName }
})
