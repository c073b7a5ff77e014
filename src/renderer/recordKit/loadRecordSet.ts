import { referencedIds } from '@shared/domain/recordReferences'
import type { TypedRecord } from '@shared/domain/recordTypes'
import { recordSetOf, type RecordSet } from '@shared/interchange/recordSet'

/** Loads records of any type by id, skipping ids with no record (the kit's `loadTypedRecords`). */
export type TypedRecordLoader = (ids: readonly string[]) => Promise<readonly TypedRecord[]>

/**
 * The RecordSet an exporter needs: the chosen records, in the order given (ids with no record are
 * skipped), and a lookup of everything they link to, followed link by link until nothing new is
 * reached (a response's actor, that organisation's jurisdiction, the sources cited). Exporters are
 * synchronous and never read storage, so everything they may ask for is read here first.
 */
export async function loadRecordSet(ids: readonly string[], load: TypedRecordLoader): Promise<RecordSet> {
  const wanted = [...new Set(ids)]
  const byId = new Map<string, TypedRecord>()
  const tried = new Set<string>(wanted)
  for (const typed of await load(wanted)) byId.set(typed.record.id, typed)
  const selected = wanted.flatMap((id) => byId.get(id) ?? [])

  let frontier: readonly TypedRecord[] = selected
  while (frontier.length > 0) {
    const next = [...new Set(frontier.flatMap((typed) => referencedIds(typed) as string[]))].filter((id) => !tried.has(id))
    if (next.length === 0) break
    for (const id of next) tried.add(id)
    frontier = await load(next)
    for (const typed of frontier) byId.set(typed.record.id, typed)
  }
  return recordSetOf(selected, [...byId.values()])
}
