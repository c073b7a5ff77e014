import { z } from '../lib/zod'
import { briefingSchema } from '../briefing/briefing'
import { savedSearchSchema } from '../search/savedSearch'
import { preferencesSchema } from './preferences'
import { REVISION_ACTIONS } from './recordHistory'
import { RECORD_TYPES } from './recordTypes'
import { timestampSchema } from './text'

const idText = z.string().min(1).max(200)
const countSchema = z.number().int().min(0)
/**
 * A whole record as a history entry or a merge kept it. Checked only as an object with an id: it
 * was valid when it was written, and the schemas may have grown since (history is not migrated).
 */
const keptRecordSchema = z.looseObject({ id: idText })

/**
 * One entry of a record's history, as `revisions` stores it. `snapshot` is optional: a delete has
 * none, and an import may keep none for a record it created.
 */
export const revisionEntrySchema = z.strictObject({
  id: idText,
  recordType: z.enum(RECORD_TYPES),
  recordId: idText,
  revision: z.number().int().min(0),
  at: timestampSchema,
  author: z.string().max(200),
  action: z.enum(REVISION_ACTIONS),
  changes: z.array(z.looseObject({ field: z.string().min(1).max(300), before: z.unknown().optional(), after: z.unknown().optional() })),
  snapshot: keptRecordSchema.optional(),
  note: z.string().max(2000).optional(),
  // Team sync's marks (see `RecordRevision`): kept, so a restored history still knows what the team has.
  origin: z.literal('team').optional(),
  teamAt: timestampSchema.optional(),
  teamSeq: z.number().int().min(0).optional(),
  pushedAt: timestampSchema.optional()
})

/** One merge, kept so it can be listed and undone (see `recordMerger.ts`). */
export const mergeEntrySchema = z.strictObject({
  id: idText,
  at: timestampSchema,
  author: z.string().max(200),
  type: z.enum(['organisation', 'incident']),
  survivorId: idText,
  duplicateId: idText,
  survivorTitle: z.string().max(2000),
  duplicateTitle: z.string().max(2000),
  before: z.array(z.strictObject({ type: z.enum(RECORD_TYPES), record: keptRecordSchema })),
  after: z.array(z.strictObject({ type: z.enum(RECORD_TYPES), id: idText, revision: z.number().int().min(0) })),
  undoneAt: timestampSchema.optional(),
  undoneBy: z.string().max(200).optional()
})

/** An old id that leads to the record it was merged into. */
export const redirectSchema = z.strictObject({ fromId: idText, toId: idText, mergeId: idText })

/** One committed import, as the Import page's log lists it. Later fields are kept as they are. */
export const importLogEntrySchema = z.looseObject({
  at: timestampSchema,
  author: z.string().max(200),
  // A name, not the list of formats: a backup from a version with more importers still restores.
  format: z.string().min(1).max(50),
  files: z.array(z.string().max(1000)),
  created: countSchema,
  updated: countSchema,
  planned: z.record(z.string(), countSchema)
})

/** A CSV column mapping remembered for files with the same columns (checked again when it is used). */
export const csvMappingSchema = z.strictObject({ signature: z.string().min(1).max(20_000), mapping: z.unknown() })

/**
 * Everything a backup holds besides the records (bundle version 2): what the analyst made around
 * them. Each part is optional: a part a bundle does not hold is left as it is by a restore, so a
 * version 1 bundle (records only) restores as it always did. A part it holds, even empty, replaces
 * what is stored, except the history, to which a restore only adds (see `backups.ts`).
 */
export const bundleWorkspaceSchema = z.strictObject({
  revisions: z.array(revisionEntrySchema).optional(),
  merges: z.array(mergeEntrySchema).optional(),
  redirects: z.array(redirectSchema).optional(),
  briefings: z.array(briefingSchema).optional(),
  savedSearches: z.array(savedSearchSchema).optional(),
  /** Absent when none were ever set. */
  preferences: preferencesSchema.optional(),
  importLog: z.array(importLogEntrySchema).optional(),
  dismissedDuplicatePairs: z.array(z.string().min(1).max(500)).optional(),
  csvMappings: z.array(csvMappingSchema).optional()
})
export type BundleWorkspace = z.infer<typeof bundleWorkspaceSchema>

/** The parts of a workspace, in the order a backup writes them. */
export const WORKSPACE_PARTS = [
  'revisions',
  'merges',
  'redirects',
  'briefings',
  'savedSearches',
  'preferences',
  'importLog',
  'dismissedDuplicatePairs',
  'csvMappings'
] as const satisfies readonly (keyof BundleWorkspace)[]

/** The field that names a row of each list part in an error message (`workspace.briefings[2] (b-1).title`). */
export const WORKSPACE_ROW_NAME: Partial<Record<keyof BundleWorkspace, string>> = {
  revisions: 'id',
  merges: 'id',
  redirects: 'fromId',
  briefings: 'id',
  savedSearches: 'id',
  csvMappings: 'signature'
}
