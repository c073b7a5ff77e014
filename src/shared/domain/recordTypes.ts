import { incidentKeyDate, type Incident } from './incident'
import type { IncidentResponse } from './incidentResponse'
import type { Jurisdiction } from './jurisdiction'
import type { Law } from './law'
import type { Organisation } from './organisation'
import type { PartialDate } from './partialDate'
import type { Source } from './source'

export const RECORD_TYPES = ['incident', 'organisation', 'jurisdiction', 'law', 'response', 'source'] as const
export type RecordType = (typeof RECORD_TYPES)[number]

/** Each record type's TypeScript type. */
export interface RecordOfType {
  readonly incident: Incident
  readonly organisation: Organisation
  readonly jurisdiction: Jurisdiction
  readonly law: Law
  readonly response: IncidentResponse
  readonly source: Source
}

export type AnyRecord = RecordOfType[RecordType]

/** A record together with its type, for code that handles every kind (links, search, export). */
export type TypedRecord = { [T in RecordType]: { readonly type: T; readonly record: RecordOfType[T] } }[RecordType]

/**
 * A record with its type, for code that knows the two belong together (a row read from the
 * type's own table, a record parsed by the type's schema). TypeScript cannot relate a generic
 * `T` to the union's member, so this is the one place that says so.
 */
export function typedRecord<T extends RecordType>(type: T, record: RecordOfType[T]): TypedRecord {
  return { type, record } as TypedRecord
}

export const RECORD_TYPE_LABELS: Record<RecordType, { readonly singular: string; readonly plural: string }> = {
  incident: { singular: 'Incident', plural: 'Incidents' },
  organisation: { singular: 'Organisation', plural: 'Organisations' },
  jurisdiction: { singular: 'Jurisdiction', plural: 'Jurisdictions' },
  law: { singular: 'Law', plural: 'Laws' },
  response: { singular: 'Response', plural: 'Responses' },
  source: { singular: 'Source', plural: 'Sources' }
}

/** The display name of any record. */
export function recordTitle(typed: TypedRecord): string {
  switch (typed.type) {
    case 'incident':
    case 'law':
    case 'response':
    case 'source':
      return typed.record.title
    case 'organisation':
    case 'jurisdiction':
      return typed.record.name
  }
}

/** The date a record is placed at in lists and timelines, if it has one. */
export function recordKeyDate(typed: TypedRecord): PartialDate | undefined {
  switch (typed.type) {
    case 'incident':
      return incidentKeyDate(typed.record)
    case 'response':
      return typed.record.datedOn
    case 'law':
      return typed.record.adoptedOn ?? typed.record.inForceOn ?? typed.record.appliesFromOn
    case 'source':
      return typed.record.publishedOn
    case 'organisation':
    case 'jurisdiction':
      return undefined
  }
}
