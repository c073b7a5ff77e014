import type { RecordType } from '../../domain/recordTypes'
import { uuidV5 } from './uuidV5'

/**
 * The STIX 2.1 shapes Precedent writes and reads, and how its records map onto them.
 *
 * | Record       | STIX object                 | Why |
 * | ------------ | --------------------------- | --- |
 * | incident     | `incident`                  | the same thing (a stub in STIX 2.1: name and description only) |
 * | organisation | `identity` (organization)   | identities are who acts and who is affected |
 * | law          | `report` (report_types `legislation`) | STIX has no law; a report is a published document that refers to objects (here its jurisdiction), has a name, a description and a publication date, so other tools list and show it |
 * | response     | `course-of-action`          | "an action taken … to respond to" an incident: the closest standard type |
 * | source       | `x-precedent-source` + `external_references` on every citing object | other tools see each citation as an external reference (the standard place for a publication); custom properties are not allowed inside an external reference, so the full record (author, dates, language, quoted passage) travels as a custom object that other tools ignore |
 * | jurisdiction | `location`                  | written so links resolve; carries the record's fields (and is imported) only when the jurisdiction itself was chosen, e.g. for its notes |
 *
 * Links become `relationship` objects: `located-at` for a jurisdiction, `related-to` for the rest
 * (STIX has no "operates", "implicates" or "responds to" between these types), each with
 * `x_precedent_relation` naming the link exactly and `description` saying it in words.
 *
 * Custom properties (`x_precedent_*`) keep what STIX cannot hold: the record's own id and type,
 * its remaining fields under their Precedent names (`x_precedent_fields`), and every date as its
 * EDTF string. STIX timestamps are exact, so where STIX wants one (a report's `published`, a
 * relationship's `start_time`) it gets the first moment of the period ("2018-01" → 2018-01-01T00:00:00.000Z)
 * while `x_precedent_date` keeps "2018-01"; an importer reads the EDTF string, so nothing gains precision.
 */

/** Namespace of every name-based id Precedent gives a STIX object (a fixed, random UUID). */
export const PRECEDENT_STIX_NAMESPACE = '6b3f0c4e-1d52-4f8a-9a7e-5c2d8b41e0f3'

export const STIX_TYPE_OF_RECORD: Readonly<Record<RecordType, string>> = {
  incident: 'incident',
  organisation: 'identity',
  law: 'report',
  response: 'course-of-action',
  source: 'x-precedent-source',
  jurisdiction: 'location'
}

/** The `report_types` entry that marks a report as one of Precedent's laws. */
export const LAW_REPORT_TYPE = 'legislation'

/**
 * The fields each record type carries in `x_precedent_fields`, under their Precedent names: all but
 * the id, bookkeeping, the fields STIX holds itself (name, description, citations) and links (relationships).
 */
export const INCIDENT_FIELDS = [
  'original',
  'categories',
  'dataCategories',
  'occurredOn',
  'disclosedOn',
  'reportedOn',
  'status',
  'affectedUsers',
  'tags'
] as const
export const ORGANISATION_FIELDS = ['aliases', 'kind', 'headquartersCity'] as const
export const LAW_FIELDS = [
  'shortName',
  'nativeTitle',
  'nativeLanguage',
  'identifier',
  'kind',
  'status',
  'draftOn',
  'adoptedOn',
  'inForceOn',
  'appliesFromOn',
  'amendedOn',
  'repealedOn',
  'provisions'
] as const
export const RESPONSE_FIELDS = ['kind', 'datedOn', 'stage', 'matterEffect', 'original', 'outcome', 'penalty'] as const
export const SOURCE_FIELDS = ['publisher', 'author', 'publishedOn', 'url', 'accessedOn', 'language', 'quotedPassage'] as const

/** A jurisdiction's own fields: written only when the jurisdiction itself is exported (a user's notes on it), not when merely referred to. */
export const JURISDICTION_FIELDS = ['kind', 'code', 'nameZh', 'alpha3', 'numericCode', 'parentId', 'region', 'notes'] as const

export const PRECEDENT_FIELDS: Readonly<Record<RecordType, readonly string[]>> = {
  jurisdiction: JURISDICTION_FIELDS,
  incident: INCIDENT_FIELDS,
  organisation: ORGANISATION_FIELDS,
  law: LAW_FIELDS,
  response: RESPONSE_FIELDS,
  source: SOURCE_FIELDS
}

/** What `x_precedent_relation` says on a relationship: the link it stands for, named from the source object's end. */
export const PRECEDENT_RELATIONS = [
  'jurisdiction', // incident → location
  'organisation', // incident → identity, with x_precedent_role
  'implicates', // incident → report (law), with x_precedent_provision
  'headquarters', // identity → location
  'parent', // identity → identity: "the target is my parent"
  'affiliate',
  'operator',
  'amends', // report → report (law → law)
  'replaces',
  'implements',
  'actor', // course-of-action → identity
  'target', // course-of-action → identity
  'responds-to', // course-of-action → incident
  'legal-basis' // course-of-action → report (law), with x_precedent_provision
] as const
export type PrecedentRelation = (typeof PRECEDENT_RELATIONS)[number]

export interface StixExternalReference {
  readonly source_name: string
  readonly description?: string
  readonly url?: string
  readonly external_id?: string
}

/** Any STIX domain, relationship or custom object: the common properties and whatever its type adds. */
export interface StixObject {
  readonly type: string
  readonly spec_version: '2.1'
  readonly id: string
  readonly created: string
  readonly modified: string
  readonly [property: string]: unknown
}

export interface StixBundle {
  readonly type: 'bundle'
  readonly id: string
  /** Absent when nothing was exported: STIX forbids an empty list. */
  readonly objects?: readonly StixObject[]
}

const STIX_ID = /^([a-z][a-z0-9-]+[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/

/** The type part of a STIX id (`identity` of `identity--…`), or undefined when it is not a STIX id. */
export function stixTypeOfId(id: string): string | undefined {
  return STIX_ID.exec(id)?.[1]
}

/**
 * The STIX id of a record: a record that came from a STIX file keeps the id it had there (its
 * Precedent id *is* that STIX id), so a foreign object goes back out under its own name; any other
 * record gets `<type>--<UUIDv5 of its id>`, the same at every export.
 */
export function stixIdOfRecord(type: RecordType, recordId: string): string {
  const stixType = STIX_TYPE_OF_RECORD[type]
  if (recordId.startsWith(`${stixType}--`) && stixTypeOfId(recordId) === stixType) return recordId
  return `${stixType}--${uuidV5(PRECEDENT_STIX_NAMESPACE, `${type}:${recordId}`)}`
}

/** A relationship's id, from everything that makes it distinct, so re-export gives the same id. */
export function stixRelationshipId(sourceRef: string, relation: PrecedentRelation, targetRef: string, distinction: string): string {
  return `relationship--${uuidV5(PRECEDENT_STIX_NAMESPACE, `relationship:${sourceRef}|${relation}|${targetRef}|${distinction}`)}`
}
