import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import type { TeamAccess } from '../teamAccess'

/** What `init` did, as one line: created, upgraded, or already current. */
export function describeSchemaChange(change: { readonly from: number; readonly to: number }, words: CliTranslator = englishWords()): string {
  if (change.from === change.to) return words.t('cli.team.alreadyAt', { to: change.to })
  if (change.from === 0) return words.t('cli.team.created', { to: change.to })
  return words.t('cli.team.upgraded', { to: change.to, from: change.from })
}

/**
 * `precedent team init URL`: creates the Precedent schema and roles in the database, or upgrades
 * it (versioned migrations, idempotent). Run by the team's administrator, as a role allowed to.
 */
export async function teamInitCommand(io: CliIo, access: TeamAccess, url: string, words: CliTranslator = englishWords()): Promise<void> {
  io.out(describeSchemaChange(await access.init(url), words))
}
