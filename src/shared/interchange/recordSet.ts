import type { TypedRecord } from '../domain/recordTypes'

/**
 * Records handed to an exporter: the ones chosen (`selected`, in the order the person chose) and a
 * lookup for everything they link to (jurisdiction names, an organisation behind an id, the source
 * a citation points at). Exporters never read storage themselves, so the app and the CLI share them.
 */
export interface RecordSet {
  readonly selected: readonly TypedRecord[]
  get(id: string): TypedRecord | undefined
}

/** A RecordSet over records in memory, e.g. a parsed bundle in the CLI or a test. */
export function recordSetOf(selected: readonly TypedRecord[], everything: readonly TypedRecord[] = selected): RecordSet {
  const byId = new Map(everything.map((typed) => [typed.record.id as string, typed]))
  for (const typed of selected) byId.set(typed.record.id, typed)
  return { selected, get: (id) => byId.get(id) }
}
