import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import { serverLabel, type TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

/** `precedent team status --server URL`: who is connected with which role, and where the server stands. */
export async function teamStatusCommand(io: CliIo, access: TeamAccess, url: string, words: CliTranslator = englishWords()): Promise<void> {
  const status = await withTeamSession(access, url, (session) => session.status())
  io.out(
    [
      words.t('cli.team.status.server', { value: serverLabel(url) }),
      words.t('cli.team.status.user', { value: status.user }),
      words.t('cli.team.status.role', { value: status.role }),
      words.t('cli.team.status.schemaVersion', { value: status.schemaVersion }),
      words.t('cli.team.status.headSequence', { value: status.headSeq }),
      words.t('cli.team.status.records', { value: status.records }),
      words.t('cli.team.status.openConflicts', { value: status.openConflicts })
    ].join('\n')
  )
}
