import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import type { TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

/**
 * `precedent team conflicts --server URL`: every open conflict as one JSON line on stdout (the
 * common version, the server's and the pushed one), for scripts; the count on stderr.
 */
export async function teamConflictsCommand(io: CliIo, access: TeamAccess, url: string, words: CliTranslator = englishWords()): Promise<void> {
  const conflicts = await withTeamSession(access, url, (session) => session.conflicts({ includeResolved: false }))
  for (const conflict of conflicts) io.out(JSON.stringify(conflict))
  io.err(words.t('cli.team.openConflicts', { count: conflicts.length }))
}
