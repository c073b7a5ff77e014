import { z } from '../lib/zod'
import { requiredTextSchema, timestampSchema } from '../domain/text'

/** A query someone named so they can run it again; the query carries its filters (`type:incident …`). */
export interface SavedSearch {
  readonly id: string
  readonly name: string
  readonly query: string
  readonly createdAt: string
}

/** One saved search as stored: a one-line name, the query text, when it was saved. */
export const savedSearchSchema = z.strictObject({
  id: z.string().min(1).max(100),
  name: requiredTextSchema('A saved search name', 120).refine((name) => !name.includes('\n'), 'A saved search name must be one line'),
  query: requiredTextSchema('A saved query', 2000),
  createdAt: timestampSchema
})

const savedSearchListSchema = z.array(z.unknown())

/**
 * Reads the stored list of saved searches. Stored data is checked like any other input: entries
 * that do not parse are dropped (and counted), so one damaged entry never hides the others.
 */
export function parseSavedSearches(stored: unknown): { readonly searches: SavedSearch[]; readonly droppedCount: number } {
  const list = savedSearchListSchema.safeParse(stored)
  if (!list.success) return { searches: [], droppedCount: stored === undefined ? 0 : 1 }
  const searches: SavedSearch[] = []
  for (const entry of list.data) {
    const parsed = savedSearchSchema.safeParse(entry)
    if (parsed.success) searches.push(parsed.data)
  }
  return { searches, droppedCount: list.data.length - searches.length }
}

/** Validates a name typed for a saved search; returns the cleaned name or the problem in words. */
export function checkSavedSearchName(name: string): { readonly ok: true; readonly name: string } | { readonly ok: false; readonly message: string } {
  const parsed = savedSearchSchema.shape.name.safeParse(name)
  return parsed.success ? { ok: true, name: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'The name is not valid' }
}
