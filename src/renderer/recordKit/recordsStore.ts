import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  deleteRecord,
  DeleteBlockedError,
  findDeleteImpact,
  getDatabase,
  ReadOnlyKnowledgeBaseError,
  RecordNotFoundError,
  RecordValidationError,
  RevisionConflictError,
  StorageWriteError,
  saveRecords,
  type DeleteImpact,
  type RecordWrite
} from '@renderer/db'
import type { RecordOfType, RecordType, TypedRecord } from '@shared/domain/recordTypes'
import type { FieldProblem } from './formDraft'
import { repositories } from './knowledgeBase'
import { writeOptions } from './writeOptions'
import { errorText, i18n } from '@renderer/i18n'

/** How a save ended; the form decides what to tell the person. */
export type SaveResult<R> =
  | { readonly ok: true; readonly record: R; readonly others: readonly TypedRecord[] }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly FieldProblem[] }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: TypedRecord['record'] }
  /** `message` in the interface language; `isWholeSentence` when it says all there is ("Not saved: the disk … is full"), so it needs no frame. */
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string; readonly isWholeSentence?: boolean }

export type DeleteResult =
  { readonly ok: true; readonly mended: readonly TypedRecord[] } | { readonly ok: false; readonly blocking: readonly TypedRecord[]; readonly message: string }

/** A change to another record made by reading it as stored now (see `amendRecord`). */
export interface RecordAmendment<T extends RecordType = RecordType> {
  readonly type: T
  readonly id: string
  readonly amend: (record: RecordOfType[T]) => RecordOfType[T]
}

/** A typed amendment: `amend` receives the record of that type as it is stored when the save runs. */
export function amendmentOf<T extends RecordType>(type: T, id: string, amend: (record: RecordOfType[T]) => RecordOfType[T]): RecordAmendment {
  return { type, id, amend } as unknown as RecordAmendment
}

function withoutBookkeeping(record: TypedRecord['record']): Record<string, unknown> {
  const { createdAt: _createdAt, updatedAt: _updatedAt, revision: _revision, ...rest } = record
  return rest
}

function failure(error: unknown): Exclude<SaveResult<never>, { ok: true }> {
  if (error instanceof RecordValidationError) return { ok: false, reason: 'invalid', problems: error.problems }
  if (error instanceof RevisionConflictError) return { ok: false, reason: 'conflict', current: error.current }
  if (error instanceof RecordNotFoundError) {
    return { ok: false, reason: 'failed', message: i18n.global.t('records.store.touchedGone') }
  }
  return {
    ok: false,
    reason: 'failed',
    message: errorText(error),
    isWholeSentence: error instanceof StorageWriteError || error instanceof ReadOnlyKnowledgeBaseError
  }
}

/**
 * Writes of every record type. A form saves its record together with the changes it makes to
 * other records (a relationship stored on the other end, an incident linked from an organisation
 * page) in one transaction, so either all of it is saved or none of it.
 */
export const useRecordsStore = defineStore('records', () => {
  const isSaving = ref(false)

  /**
   * Saves `input` (no id: create) at `expectedRevision`, and applies the amendments (made for the
   * record's id, new or not) to the other records as they are stored now, all in one transaction. Amendments read the other record just
   * before the write, so they add or remove one link without overwriting anything else in it.
   */
  async function saveRecord<T extends RecordType>(
    type: T,
    input: Record<string, unknown>,
    expectedRevision: number | undefined,
    amendmentsFor: (id: string) => readonly RecordAmendment[] = () => []
  ): Promise<SaveResult<RecordOfType[T]>> {
    isSaving.value = true
    try {
      const options = writeOptions()
      // A new record gets its id here, so changes to other records can link to it in the same batch.
      const id = typeof input.id === 'string' ? input.id : options.newId()
      const amendments = amendmentsFor(id)
      const others: RecordWrite[] = []
      for (const amendment of amendments) {
        const stored = await readRecord(amendment.type, amendment.id)
        if (stored === undefined) {
          return { ok: false, reason: 'failed', message: i18n.global.t('records.store.linkedGone') }
        }
        const amended = (amendment.amend as (record: RecordOfType[RecordType]) => RecordOfType[RecordType])(stored)
        others.push({ type: amendment.type, input: withoutBookkeeping(amended), expectedRevision: stored.revision } as RecordWrite)
      }
      const own = { type, input: { ...input, id }, expectedRevision } as unknown as RecordWrite
      const [saved, ...rest] = await saveRecords(getDatabase(), [own, ...others], options)
      return { ok: true, record: saved!.record as RecordOfType[T], others: rest }
    } catch (error) {
      return failure(error)
    } finally {
      isSaving.value = false
    }
  }

  /** Changes other records only (a link made from the far end): each read as stored now, all saved together. */
  async function amendRecords(amendments: readonly RecordAmendment[]): Promise<SaveResult<undefined>> {
    isSaving.value = true
    try {
      const writes: RecordWrite[] = []
      for (const amendment of amendments) {
        const stored = await readRecord(amendment.type, amendment.id)
        if (stored === undefined) return { ok: false, reason: 'failed', message: i18n.global.t('records.store.recordGone') }
        const amended = (amendment.amend as (record: RecordOfType[RecordType]) => RecordOfType[RecordType])(stored)
        writes.push({ type: amendment.type, input: withoutBookkeeping(amended), expectedRevision: stored.revision } as RecordWrite)
      }
      const saved = await saveRecords(getDatabase(), writes, writeOptions())
      return { ok: true, record: undefined, others: saved }
    } catch (error) {
      return failure(error)
    } finally {
      isSaving.value = false
    }
  }

  /** What deleting would change: the records that block it and those whose links to it would be removed. */
  function deleteImpact(type: RecordType, id: string): Promise<DeleteImpact> {
    return findDeleteImpact(getDatabase(), type, id)
  }

  /** Deletes the record and removes every link to it in the same transaction, or refuses naming what blocks it. */
  async function deleteRecordOf(type: RecordType, id: string): Promise<DeleteResult> {
    try {
      const { mended } = await deleteRecord(getDatabase(), type, id, writeOptions())
      return { ok: true, mended }
    } catch (error) {
      if (error instanceof DeleteBlockedError) return { ok: false, blocking: error.blocking, message: errorText(error) }
      return { ok: false, blocking: [], message: errorText(error) }
    }
  }

  return { isSaving, saveRecord, amendRecords, deleteImpact, deleteRecordOf }
})

function readRecord(type: RecordType, id: string): Promise<RecordOfType[RecordType] | undefined> {
  return repositories[type].get(id as never)
}
