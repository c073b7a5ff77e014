import { initialSchema } from './001-initial-schema'
import type { Migration } from './migration'

export type { Migration } from './migration'

/** Every schema version in order. Append only. */
export const allMigrations: readonly Migration[] = [initialSchema]
