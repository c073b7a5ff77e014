import type { ImportCounts } from '@shared/interchange/importPlan'
import { i18n } from '@renderer/i18n'

/** "2 new, 0 updated, 3 unchanged, 0 duplicates, 1 rejected": the dry run in one line. */
export function importCountsSentence(counts: ImportCounts): string {
  return i18n.global.t(
    'importing.common.countsSentence',
    { new: counts.new, updated: counts.update, unchanged: counts.unchanged, duplicate: counts.duplicate, rejected: counts.rejected },
    counts.duplicate
  )
}

/** "Import 1 record" / "Import 12 records". */
export function importButtonLabel(count: number): string {
  return i18n.global.t('importing.common.importRecords', { count }, count)
}
