import { incidentSchema } from './incident'
import { incidentResponseSchema } from './incidentResponse'
import { jurisdictionSchema } from './jurisdiction'
import { lawSchema } from './law'
import { organisationSchema } from './organisation'
import type { RecordType } from './recordTypes'
import { sourceSchema } from './source'

/** The zod schema of each record type: what a record must satisfy before it is stored. */
export const RECORD_SCHEMAS = {
  incident: incidentSchema,
  organisation: organisationSchema,
  jurisdiction: jurisdictionSchema,
  law: lawSchema,
  response: incidentResponseSchema,
  source: sourceSchema
} as const satisfies Record<RecordType, unknown>

export type RecordSchemaOf = typeof RECORD_SCHEMAS
