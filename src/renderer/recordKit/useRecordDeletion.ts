import { ref } from 'vue'
import { i18n } from '@renderer/i18n'
import type { DeleteImpact } from '@renderer/db'
import type { RecordType } from '@shared/domain/recordTypes'
import { useRecordsStore } from './recordsStore'

/**
 * The two steps of deleting a record from its page: look at what would break, then confirm.
 * A delete refused by the database (something started to need the record meanwhile) shows the
 * blocking records instead of failing silently.
 */
export function useRecordDeletion(type: RecordType, id: () => string, onDeleted: () => Promise<void> | void) {
  const store = useRecordsStore()
  const impact = ref<DeleteImpact>()
  const deleteError = ref<string>()

  async function askToDelete(): Promise<void> {
    deleteError.value = undefined
    impact.value = await store.deleteImpact(type, id())
  }

  async function confirmDelete(): Promise<void> {
    const result = await store.deleteRecordOf(type, id())
    if (result.ok) {
      impact.value = undefined
      await onDeleted()
      return
    }
    if (result.blocking.length > 0) impact.value = { blocking: [...result.blocking], mended: [] }
    deleteError.value = i18n.global.t('records.delete.notDeleted', { message: result.message })
  }

  function cancelDelete(): void {
    impact.value = undefined
    deleteError.value = undefined
  }

  return { impact, deleteError, askToDelete, confirmDelete, cancelDelete }
}
