import { incidentSchema } from '@shared/domain/incident'
import { incidentResponseSchema } from '@shared/domain/incidentResponse'
import { jurisdictionSchema } from '@shared/domain/jurisdiction'
import { lawSchema } from '@shared/domain/law'
import { organisationSchema } from '@shared/domain/organisation'
import type { RecordType } from '@shared/domain/recordTypes'
import { sourceSchema } from '@shared/domain/source'

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
