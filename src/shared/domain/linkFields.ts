import type { AnyRecord, RecordOfType, RecordType, TypedRecord } from './recordTypes'

/**
 * The one table of links: for each record type, every field that holds the id of another record.
 * Listing a record's references, checking that its targets exist, unlinking it when a target is
 * deleted and redirecting it when a target is merged away are all read from this table
 * (`linksOf`, `withoutReferencesWhere`, `redirectReferences` below), so a link field added to a schema
 * is added here once; `test/shared/domain/linkFields.test.ts` fails until it is.
 *
 * A path is one of three shapes:
 * - `actorId`: a single id;
 * - `jurisdictionIds[]`: a list of ids;
 * - `organisations[].organisationId`: a list of items, each holding an id (and whatever else the
 *   link says, such as a role).
 */
export const LINK_FIELDS: LinkTable = {
  incident: [
    { path: 'jurisdictionIds[]', targetType: 'jurisdiction', required: false, relation: 'jurisdiction' },
    { path: 'organisations[].organisationId', targetType: 'organisation', required: false, relation: { prefix: 'organisation:', itemField: 'role' } },
    { path: 'implicatedProvisions[].lawId', targetType: 'law', required: false, relation: 'implicates' },
    { path: 'citations[].sourceId', targetType: 'source', required: false, relation: 'citation' }
  ],
  organisation: [
    { path: 'headquartersJurisdictionId', targetType: 'jurisdiction', required: false, relation: 'headquarters' },
    { path: 'links[].organisationId', targetType: 'organisation', required: false, relation: { prefix: 'organisation:', itemField: 'relation' } },
    { path: 'citations[].sourceId', targetType: 'source', required: false, relation: 'citation' }
  ],
  jurisdiction: [
    // A subdivision cannot lose its country; a country or supranational body may lose its parent.
    { path: 'parentId', targetType: 'jurisdiction', required: (jurisdiction) => jurisdiction.kind === 'subdivision', relation: 'parent' },
    { path: 'citations[].sourceId', targetType: 'source', required: false, relation: 'citation' }
  ],
  law: [
    { path: 'jurisdictionId', targetType: 'jurisdiction', required: true, relation: 'jurisdiction' },
    { path: 'relations[].lawId', targetType: 'law', required: false, relation: { prefix: 'law:', itemField: 'relation' } },
    { path: 'citations[].sourceId', targetType: 'source', required: false, relation: 'citation' }
  ],
  response: [
    { path: 'actorId', targetType: 'organisation', required: true, relation: 'actor' },
    { path: 'targetOrganisationIds[]', targetType: 'organisation', required: false, relation: 'target' },
    { path: 'incidentIds[]', targetType: 'incident', required: false, relation: 'answers' },
    { path: 'legalBasis[].lawId', targetType: 'law', required: false, relation: 'legal-basis' },
    { path: 'citations[].sourceId', targetType: 'source', required: false, relation: 'citation' }
  ],
  source: []
}

/** One link field of a record type (see `LINK_FIELDS`). */
export interface LinkField<T extends RecordType> {
  readonly path: LinkPath<RecordOfType[T]>
  readonly targetType: RecordType
  /**
   * A required link is never removed: deleting its target is refused while it remains. A function
   * makes it required only for some records.
   */
  readonly required: boolean | ((record: RecordOfType[T]) => boolean)
  /** The relation's name, or a prefix followed by the value of a field of the item (its role). */
  readonly relation: string | { readonly prefix: string; readonly itemField: string }
}

export type LinkTable = { readonly [T in RecordType]: readonly LinkField<T>[] }

type StringKeys<R> = { [K in keyof R & string]-?: NonNullable<R[K]> extends string ? K : never }[keyof R & string]
type ListKeys<R> = { [K in keyof R & string]-?: NonNullable<R[K]> extends readonly unknown[] ? K : never }[keyof R & string]
type ItemOf<L> = L extends readonly (infer I)[] ? I : never
/** The paths a record of type `R` can hold a link at: checked against the record's own type. */
export type LinkPath<R> =
  StringKeys<R> | { [K in ListKeys<R>]: ItemOf<NonNullable<R[K]>> extends string ? `${K}[]` : `${K}[].${StringKeys<ItemOf<NonNullable<R[K]>>>}` }[ListKeys<R>]

/** One link a record holds: where it is, what it points at, and what it means. */
export interface RecordLink {
  /** The concrete place, e.g. `organisations[1].organisationId`, `actorId`, `jurisdictionIds[0]`. */
  readonly path: string
  /** The table's path it is an instance of, e.g. `organisations[].organisationId`. */
  readonly fieldPath: string
  readonly targetType: RecordType
  readonly targetId: string
  /** e.g. `organisation:operator`, `jurisdiction`, `legal-basis`, `citation`. */
  readonly relation: string
  /** Whether the record may lose this link (see `LinkField.required`). */
  readonly isRequired: boolean
}

/** Every link `typed` holds, in the table's order and then in the order of the record's lists. */
export function linksOf(typed: TypedRecord): RecordLink[] {
  const links: RecordLink[] = []
  forEachLink(typed, (field, targetId, item, index) => {
    const { key, itemKey } = parsedPath(field.path)
    links.push({
      path: index === undefined ? key : itemKey === undefined ? `${key}[${index}]` : `${key}[${index}].${itemKey}`,
      fieldPath: field.path,
      targetType: field.targetType,
      targetId,
      relation: relationOf(field, item),
      isRequired: isRequiredIn(field, typed.record)
    })
  })
  return links
}

/**
 * Calls `visit` for every link `typed` holds, in `linksOf`'s order, with the item holding the id
 * (for a list of items) and the position in the list (for any list). For the hot paths (the
 * `refs` index of every stored row) that need less than a whole `RecordLink`.
 */
export function forEachLink(
  typed: TypedRecord,
  visit: (field: LinkField<RecordType>, targetId: string, item: Readonly<Fields> | undefined, index: number | undefined) => void
): void {
  const record = fieldsOf(typed)
  for (const field of linkFieldsOf(typed)) {
    const { key, itemKey, isList } = parsedPath(field.path)
    const value = record[key]
    if (!isList) {
      if (typeof value === 'string') visit(field, value, undefined, undefined)
      continue
    }
    listOf(value).forEach((item, index) => {
      if (itemKey === undefined) {
        if (typeof item === 'string') visit(field, item, undefined, index)
        return
      }
      const fields = item as Fields
      const id = fields[itemKey]
      if (typeof id === 'string') visit(field, id, fields, index)
    })
  }
}

/** The relation a link of `field` names, read from the item holding it where the table says so. */
export function relationOf(field: LinkField<RecordType>, item: Readonly<Fields> | undefined): string {
  if (typeof field.relation === 'string') return field.relation
  return `${field.relation.prefix}${String(item?.[field.relation.itemField] ?? '')}`
}

/**
 * `typed` with every link whose target `isDropped` refuses taken out: ids removed from lists, items
 * naming it removed, an optional single link removed. Required links are left as they are. Unlinking
 * on delete uses it (`withoutReferencesTo`), and a bundle of a selection, to leave out links to
 * records it does not carry.
 * Bookkeeping is unchanged; the caller bumps it when it stores the result.
 */
export function withoutReferencesWhere(typed: TypedRecord, isDropped: (id: string) => boolean): TypedRecord {
  const record: Fields = { ...fieldsOf(typed) }
  for (const field of linkFieldsOf(typed)) {
    if (isRequiredIn(field, typed.record)) continue
    const { key, itemKey, isList } = parsedPath(field.path)
    const value = record[key]
    if (value === undefined) continue
    if (!isList) {
      if (typeof value === 'string' && isDropped(value)) delete record[key]
      continue
    }
    record[key] = listOf(value).filter((item) => !isDropped(idIn(item, itemKey)))
  }
  return withRecord(typed, record)
}

/**
 * `typed` with every link to `fromId` pointing at `toId` instead, each link kept once (items equal
 * in every field, an empty text counting as absent, are one link: a record that linked to both now
 * links to `toId` once per role), and a link that would now point at the record itself dropped
 * (were it a required one, validation then refuses the record). Used after a merge, so links to the merged-away record reach the survivor. Bookkeeping is unchanged; the caller bumps it when it stores the result.
 */
export function redirectReferences(typed: TypedRecord, fromId: string, toId: string): TypedRecord {
  const ownId: string = typed.record.id
  const to = (id: string): string => (id === fromId ? toId : id)
  const record: Fields = { ...fieldsOf(typed) }
  for (const field of linkFieldsOf(typed)) {
    const { key, itemKey, isList } = parsedPath(field.path)
    const value = record[key]
    if (value === undefined) continue
    if (!isList) {
      if (typeof value !== 'string') continue
      const redirected = to(value)
      if (redirected === ownId) delete record[key]
      else record[key] = redirected
      continue
    }
    const seen = new Set<string>()
    record[key] = listOf(value).flatMap((item): unknown[] => {
      const moved = itemKey === undefined ? to(item as string) : { ...(item as Fields), [itemKey]: to(idIn(item, itemKey)) }
      const identity = sameLinkKey(moved)
      if (seen.has(identity) || idIn(moved, itemKey) === ownId) return []
      seen.add(identity)
      return [moved]
    })
  }
  return withRecord(typed, record)
}

/** A record or a list item read field by field, as the table names its fields. */
export type Fields = Record<string, unknown>

// The table is typed per record type; the functions above read it for whichever type they are given.
function linkFieldsOf(typed: TypedRecord): readonly LinkField<RecordType>[] {
  return LINK_FIELDS[typed.type] as readonly LinkField<RecordType>[]
}

function isRequiredIn(field: LinkField<RecordType>, record: AnyRecord): boolean {
  return typeof field.required === 'function' ? (field.required as (record: AnyRecord) => boolean)(record) : field.required
}

interface ParsedPath {
  readonly key: string
  readonly isList: boolean
  readonly itemKey: string | undefined
}

const parsedPaths = new Map<string, ParsedPath>()

/** `organisations[].organisationId` → the list `organisations`, each item's id at `organisationId`. */
export function parsedPath(path: string): ParsedPath {
  const known = parsedPaths.get(path)
  if (known !== undefined) return known
  const [key = path, rest] = path.split('[]')
  const parsed: ParsedPath = { key, isList: rest !== undefined, itemKey: rest === undefined || rest === '' ? undefined : rest.replace(/^\./, '') }
  parsedPaths.set(path, parsed)
  return parsed
}

function fieldsOf(typed: TypedRecord): Fields {
  return typed.record as unknown as Fields
}

// Only link fields change, each to a value of its own type, so the record keeps its type.
function withRecord(typed: TypedRecord, record: Fields): TypedRecord {
  return { type: typed.type, record } as unknown as TypedRecord
}

function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : []
}

function idIn(item: unknown, itemKey: string | undefined): string {
  return String(itemKey === undefined ? item : (item as Fields)[itemKey])
}

function sameLinkKey(item: unknown): string {
  if (typeof item === 'string') return item
  const entries = Object.entries(item as Fields)
    .filter(([, value]) => value !== undefined && value !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return JSON.stringify(entries)
}
