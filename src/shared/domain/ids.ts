import { z } from '../lib/zod'
import type { Brand } from '../lib/brand'

export type IncidentId = Brand<string, 'IncidentId'>
export type OrganisationId = Brand<string, 'OrganisationId'>
export type JurisdictionId = Brand<string, 'JurisdictionId'>
export type LawId = Brand<string, 'LawId'>
export type ResponseId = Brand<string, 'ResponseId'>
export type SourceId = Brand<string, 'SourceId'>

/** Any record's id; ids are unique across record types, so one index can hold links of every kind. */
export type RecordId = IncidentId | OrganisationId | JurisdictionId | LawId | ResponseId | SourceId

/**
 * Ids are UUIDs for records made in the app and readable slugs for shipped data
 * (`org-alibaba`, `CN` for a jurisdiction): letters, digits and `-_.:`, at most 100 characters.
 */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/

const idString = z.string().regex(ID_PATTERN, 'An id is 1 to 100 letters, digits or -_.: and starts with a letter or digit')

export const incidentIdSchema = idString.transform((id) => id as IncidentId)
export const organisationIdSchema = idString.transform((id) => id as OrganisationId)
export const jurisdictionIdSchema = idString.transform((id) => id as JurisdictionId)
export const lawIdSchema = idString.transform((id) => id as LawId)
export const responseIdSchema = idString.transform((id) => id as ResponseId)
export const sourceIdSchema = idString.transform((id) => id as SourceId)

/** Makes a new id for a record created in the app. `randomUUID` is passed in to keep this pure. */
export function newId<Id extends RecordId>(randomUUID: () => string): Id {
  return randomUUID() as Id
}
