import { migration001TeamSchema } from './migration001TeamSchema'

/**
 * The team schema's migrations, oldest first. Append only: a released migration never changes
 * (servers have run it); a change to the schema is a new migration with the next version.
 */
export const TEAM_MIGRATIONS: readonly { readonly version: number; readonly name: string; readonly sql: string }[] = [
  { version: 1, name: 'team schema: records, change log, conflicts, briefings, roles and functions', sql: migration001TeamSchema }
]

/** The newest schema version this code knows. */
export const TEAM_SCHEMA_VERSION = TEAM_MIGRATIONS[TEAM_MIGRATIONS.length - 1]!.version
