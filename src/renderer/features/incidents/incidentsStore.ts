import { defineStore } from 'pinia'
import { ref } from 'vue'
import {
  deleteRecord,
  DeleteBlockedError,
  findDeleteImpact,
  getDatabase,
  RecordValidationError,
  RevisionConflictError,
  saveRecord,
  type RecordInput
} from '@renderer/db'
import type { Incident } from '@shared/domain/incident'
import type { IncidentId } from '@shared/domain/ids'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { writeOptions } from '../records'

export type SaveIncidentResult =
  | { readonly ok: true; readonly incident: Incident }
  | { readonly ok: false; readonly reason: 'invalid'; readonly problems: readonly { path: string; message: string }[] }
  | { readonly ok: false; readonly reason: 'conflict'; readonly current: Incident }
  | { readonly ok: false; readonly reason: 'failed'; readonly message: string }

export type DeleteIncidentResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly message: string }


/** Incident writes. Results are values, so the form decides what to tell the person. */
export const useIncidentsStore = defineStore('incidents', () => {
  const isSaving = ref(false)

  async function saveIncident(input: Record<string, unknown>, expectedRevision?: number): Promise<SaveIncidentResult> {
    isSaving.value = true
    try {
      const incident = await saveRecord(getDatabase(), 'incident', input as RecordInput<'incident'>, { ...writeOptions(), expectedRevision })
      return { ok: true, incident }
    } catch (error) {
      if (error instanceof RecordValidationError) return { ok: false, reason: 'invalid', problems: error.problems }
      if (error instanceof RevisionConflictError) return { ok: false, reason: 'conflict', current: error.current as Incident }
      return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) }
    } finally {
      isSaving.value = false
    }
  }

  /** What deleting would change: records that block it and records whose link to it would be removed. */
  function deleteImpact(id: IncidentId): Promise<{ blocking: TypedRecord[]; mended: TypedRecord[] }> {
    return findDeleteImpact(getDatabase(), 'incident', id)
  }

  async function deleteIncident(id: IncidentId): Promise<DeleteIncidentResult> {
    try {
      await deleteRecord(getDatabase(), 'incident', id, writeOptions())
      return { ok: true }
    } catch (error) {
      if (error instanceof DeleteBlockedError) return { ok: false, message: error.message }
      return { ok: false, message: error instanceof Error ? error.message : String(error) }
    }
  }

  return { isSaving, saveIncident, deleteImpact, deleteIncident }
})
