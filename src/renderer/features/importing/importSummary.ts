import type { ImportCounts } from '@shared/interchange/importPlan'

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "2 new, 0 updated, 3 unchanged, 0 duplicates, 1 rejected": the dry run in one line. */
export function importCountsSentence(counts: ImportCounts): string {
  return [
    `${counts.new} new`,
    `${counts.update} updated`,
    `${counts.unchanged} unchanged`,
    plural(counts.duplicate, 'duplicate', 'duplicates'),
    `${counts.rejected} rejected`
  ].join(', ')
}

/** "Import 1 record" / "Import 12 records". */
export function importButtonLabel(count: number): string {
  return `Import ${plural(count, 'record', 'records')}`
}
