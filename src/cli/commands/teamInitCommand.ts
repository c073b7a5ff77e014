import type { CliIo } from '../cliIo'
import type { TeamAccess } from '../teamAccess'

/** What `init` did, as one line: created, upgraded, or already current. */
export function describeSchemaChange(change: { readonly from: number; readonly to: number }): string {
  if (change.from === change.to) return `already at version ${change.to}`
  if (change.from === 0) return `schema at version ${change.to} (created)`
  return `schema at version ${change.to} (was ${change.from})`
}

/**
 * `precedent team init URL`: creates the Precedent schema and roles in the database, or upgrades
 * it (versioned migrations, idempotent). Run by the team's administrator, as a role allowed to.
 */
export async function teamInitCommand(io: CliIo, access: TeamAccess, url: string): Promise<void> {
  io.out(describeSchemaChange(await access.init(url)))
}
