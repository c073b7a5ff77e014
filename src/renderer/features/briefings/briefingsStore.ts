import { i18n } from '@renderer/i18n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  BriefingConflictError,
  createBriefingRepository,
  getDatabase,
  RecordValidationError,
  StorageWriteError,
  type BriefingInput,
  type RecordProblem
} from '@renderer/db'
import { BRIEFING_SECTIONS, type Briefing, type BriefingItem } from '@shared/briefing/briefing'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { todayAsDay } from '../viewExport'

export type BriefingWriteResult =
  | { readonly ok: true; readonly briefing: Briefing }
  | { readonly ok: false; readonly message: string; readonly problems: readonly RecordProblem[]; readonly isConflict: boolean }

/** Bookkeeping-free content of a briefing, as a composer edits it. */
export function briefingInputOf(briefing: Briefing): BriefingInput {
  const { createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...input } = briefing
  return input
}

/** A new briefing's content: every section, as of today, holding `records` in the order given. */
export function newBriefingInput(title: string, records: readonly TypedRecord[], now: Date = new Date()): BriefingInput {
  return {
    id: crypto.randomUUID(),
    title,
    subtitle: '',
    asOf: todayAsDay(now),
    sections: [...BRIEFING_SECTIONS],
    includeTimelineImage: true,
    items: records.map(recordItemOf)
  }
}

export function recordItemOf(typed: TypedRecord): BriefingItem {
  return { kind: 'record', recordType: typed.type, recordId: typed.record.id }
}

function failure(error: unknown, isDeleting = false): BriefingWriteResult {
  const t = i18n.global.t
  if (error instanceof RecordValidationError) {
    return {
      ok: false,
      message: isDeleting ? t('briefings.store.notDeletedFields') : t('briefings.store.notSavedFields'),
      problems: error.problems,
      isConflict: false
    }
  }
  if (error instanceof BriefingConflictError) {
    const message =
      error.current === undefined
        ? isDeleting
          ? t('briefings.store.notDeletedDeleted')
          : t('briefings.store.notSavedDeleted')
        : isDeleting
          ? t('briefings.store.notDeletedChanged')
          : t('briefings.store.notSavedChanged')
    return { ok: false, message, problems: [], isConflict: true }
  }
  // The storage layer's message is English (src/renderer/db); it names the save, so a delete renames it.
  if (error instanceof StorageWriteError)
    return { ok: false, message: isDeleting ? error.message.replace(/^Not saved/, 'Not deleted') : error.message, problems: [], isConflict: false }
  const message = error instanceof Error ? error.message : String(error)
  return {
    ok: false,
    message: isDeleting ? t('briefings.store.notDeleted', { message }) : t('briefings.store.notSaved', { message }),
    problems: [],
    isConflict: false
  }
}

/** Writes briefings. Reads go through `useBriefings`; every result is reported only after the transaction commits. */
export const useBriefingsStore = defineStore('briefings', () => {
  const isSaving = ref(false)
  const repository = () => createBriefingRepository(getDatabase())

  async function write(action: () => Promise<Briefing>): Promise<BriefingWriteResult> {
    isSaving.value = true
    try {
      return { ok: true, briefing: await action() }
    } catch (error) {
      return failure(error)
    } finally {
      isSaving.value = false
    }
  }

  function createBriefing(title: string, records: readonly TypedRecord[] = []): Promise<BriefingWriteResult> {
    return write(() => repository().save(newBriefingInput(title, records)))
  }

  function saveBriefing(input: BriefingInput, expectedRevision: number): Promise<BriefingWriteResult> {
    return write(() => repository().save(input, { expectedRevision }))
  }

  /** Saves a briefing someone shared with the team as a new briefing of one's own, to read, print or change. */
  function copyBriefing(shared: Briefing): Promise<BriefingWriteResult> {
    return write(() => repository().save({ ...briefingInputOf(shared), id: crypto.randomUUID() }))
  }

  /** Appends the records a briefing does not hold yet, to the briefing as it is stored now. */
  function addRecords(briefingId: string, records: readonly TypedRecord[]): Promise<BriefingWriteResult> {
    return write(async () => {
      const stored = await repository().get(briefingId)
      if (stored === undefined) throw new BriefingConflictError(undefined, undefined)
      const held = new Set(stored.items.flatMap((item) => (item.kind === 'record' ? [item.recordId] : [])))
      const added = records.filter((typed) => !held.has(typed.record.id)).map(recordItemOf)
      return repository().save({ ...briefingInputOf(stored), items: [...stored.items, ...added] }, { expectedRevision: stored.revision })
    })
  }

  async function deleteBriefing(id: string, expectedRevision: number): Promise<{ readonly ok: true } | { readonly ok: false; readonly message: string }> {
    isSaving.value = true
    try {
      await repository().delete(id, expectedRevision)
      return { ok: true }
    } catch (error) {
      const result = failure(error, true)
      return { ok: false, message: result.ok ? '' : result.message }
    } finally {
      isSaving.value = false
    }
  }

  return { isSaving, createBriefing, saveBriefing, copyBriefing, addRecords, deleteBriefing }
})
