import type { RecordType } from '@shared/domain/recordTypes'

// Apart from precedentDatabase.ts so that migrations can name the tables without importing the database.

export type RecordTableName = 'incidents' | 'organisations' | 'jurisdictions' | 'laws' | 'responses' | 'sources'

/** The table that holds each record type. */
export const TABLE_OF = {
  incident: 'incidents',
  organisation: 'organisations',
  jurisdiction: 'jurisdictions',
  law: 'laws',
  response: 'responses',
  source: 'sources'
} as const satisfies Record<RecordType, RecordTableName>

/** Every record table, in dependency order (what is linked to comes first). */
export const RECORD_TABLE_NAMES: readonly RecordTableName[] = ['jurisdictions', 'organisations', 'sources', 'laws', 'incidents', 'responses']
