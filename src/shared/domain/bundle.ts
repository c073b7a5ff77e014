import { z } from '../lib/zod'
import { message, type Message } from '../locale/message'
import { validationProblem } from './validationProblem'
import { timestampSchema, textSchema, requiredTextSchema } from './text'
import { incidentSchema } from './incident'
import { incidentResponseSchema } from './incidentResponse'
import { jurisdictionSchema } from './jurisdiction'
import { lawSchema } from './law'
import { organisationSchema } from './organisation'
import { sourceSchema } from './source'
import type { RecordType, TypedRecord } from './recordTypes'
import { referencesOf } from './recordReferences'
import { bundleWorkspaceSchema } from './bundleWorkspace'

/**
 * The one way records leave and enter the app: the sample knowledge base, backup and restore,
 * import and export, and the command line all read and write this versioned JSON bundle.
 */
export const BUNDLE_FORMAT = 'precedent-bundle'
/**
 * The version this app writes. 2 (issue 11) adds the optional `workspace` (history, merges and
 * redirects, briefings, saved searches, preferences, import log: see `bundleWorkspace.ts`).
 */
export const BUNDLE_VERSION = 2
/**
 * Every version this app reads. A version 1 bundle is a version 2 bundle without a workspace, so
 * reading it needs no conversion: a restore leaves every part it does not hold as it is.
 */
export const BUNDLE_VERSIONS_READ = [1, 2] as const

export const bundleRecordsSchema = z.strictObject({
  jurisdictions: z.array(jurisdictionSchema).default([]),
  organisations: z.array(organisationSchema).default([]),
  sources: z.array(sourceSchema).default([]),
  laws: z.array(lawSchema).default([]),
  incidents: z.array(incidentSchema).default([]),
  responses: z.array(incidentResponseSchema).default([])
})
export type BundleRecords = z.infer<typeof bundleRecordsSchema>

export const bundleSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT, `format must be "${BUNDLE_FORMAT}"`),
  version: z.literal(
    BUNDLE_VERSIONS_READ,
    `version must be ${BUNDLE_VERSIONS_READ.join(' or ')}; this app reads bundle versions ${BUNDLE_VERSIONS_READ.join(' and ')}`
  ),
  /** Stable name of the bundle's content, e.g. `precedent-sample`. */
  id: requiredTextSchema('Bundle id', 100),
  /** Increases whenever the bundle's content changes. */
  revision: z.number().int().min(1),
  title: textSchema('Bundle title', 300).optional(),
  createdAt: timestampSchema,
  attribution: textSchema('Attribution', 5000).optional(),
  records: bundleRecordsSchema,
  /** What a backup holds besides the records (version 2 on); absent in exports and version 1 bundles. */
  workspace: bundleWorkspaceSchema.optional()
})
export type Bundle = z.infer<typeof bundleSchema>

/** Which bundle collection holds each record type. */
export const BUNDLE_COLLECTION: Record<RecordType, keyof BundleRecords> = {
  jurisdiction: 'jurisdictions',
  organisation: 'organisations',
  source: 'sources',
  law: 'laws',
  incident: 'incidents',
  response: 'responses'
}

/** Records of any types grouped into a bundle's collections, each in the order given. */
export function bundleRecordsOf(records: Iterable<TypedRecord>): BundleRecords {
  const collections: { -readonly [K in keyof BundleRecords]: BundleRecords[K][number][] } = {
    jurisdictions: [],
    organisations: [],
    sources: [],
    laws: [],
    incidents: [],
    responses: []
  }
  for (const typed of records) (collections[BUNDLE_COLLECTION[typed.type]] as unknown[]).push(typed.record)
  return collections
}

/** Every record of a bundle with its type, in dependency order (what is linked to comes first). */
export function bundleRecordsInOrder(records: BundleRecords): TypedRecord[] {
  return [
    ...records.jurisdictions.map((record) => ({ type: 'jurisdiction' as const, record })),
    ...records.organisations.map((record) => ({ type: 'organisation' as const, record })),
    ...records.sources.map((record) => ({ type: 'source' as const, record })),
    ...records.laws.map((record) => ({ type: 'law' as const, record })),
    ...records.incidents.map((record) => ({ type: 'incident' as const, record })),
    ...records.responses.map((record) => ({ type: 'response' as const, record }))
  ]
}

/** One problem found in a bundle, located by a path such as `records.incidents[0].occurredOn`. */
export interface BundleProblem {
  readonly path: string
  /** What is wrong, as a message the edges put into words (`validationProblem` for the schemas' problems). */
  readonly message: Message
}

export type BundleParseResult = { readonly ok: true; readonly bundle: Bundle } | { readonly ok: false; readonly problems: readonly BundleProblem[] }

/** `records.incidents[0].occurredOn` from zod's `['records', 'incidents', 0, 'occurredOn']`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`
    return text === '' ? String(key) : `${text}.${String(key)}`
  }, '')
}

/**
 * Validates untrusted JSON as a bundle: every field through the schemas, then the links between
 * records. `knownIds` are records that exist outside the bundle (e.g. the built-in jurisdictions),
 * which the bundle may link to. Never throws; every problem names its path.
 */
export function parseBundle(json: unknown, knownIds: ReadonlySet<string> = new Set()): BundleParseResult {
  const parsed = bundleSchema.safeParse(json)
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: validationProblem(issue, 'bundle') }))
    }
  }
  const problems = findLinkProblems(parsed.data.records, knownIds)
  return problems.length === 0 ? { ok: true, bundle: parsed.data } : { ok: false, problems }
}

/** Duplicate ids and links to records that are neither in the bundle nor known. */
export function findLinkProblems(records: BundleRecords, knownIds: ReadonlySet<string>): BundleProblem[] {
  const problems: BundleProblem[] = []
  const ids = new Set<string>(knownIds)
  const inBundle = new Set<string>()
  // Located by position, not by id: a record whose id is duplicated must point at itself, not at
  // the first record with that id.
  const nextIndex = new Map<keyof BundleRecords, number>()
  const all = bundleRecordsInOrder(records).map((typed) => {
    const collection = BUNDLE_COLLECTION[typed.type]
    const index = nextIndex.get(collection) ?? 0
    nextIndex.set(collection, index + 1)
    return { typed, path: `records.${collection}[${index}]` }
  })
  for (const { typed, path } of all) {
    if (inBundle.has(typed.record.id)) {
      problems.push({ path: `${path}.id`, message: message('problems.bundle.duplicateId', { id: typed.record.id }) })
    }
    inBundle.add(typed.record.id)
    ids.add(typed.record.id)
  }
  for (const { typed, path } of all) {
    for (const reference of referencesOf(typed)) {
      if (!ids.has(reference.targetId)) {
        problems.push({
          path,
          message: message('problems.bundle.missingLink', { id: typed.record.id, relation: reference.relation, target: reference.targetId })
        })
      }
    }
  }
  return problems
}
