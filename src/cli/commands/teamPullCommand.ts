import { parseBundle } from '../../shared/domain/bundle'
import { teamBundleOf } from '../../shared/team/teamBundle'
import { MAX_PULL_PAGE, type CurrentRecordsPage, type CurrentRecordsRequest } from '../../shared/team/teamProtocol'
import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import { serverLabel, type TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

export interface TeamPullArguments {
  readonly url: string
  readonly outPath: string
}

/**
 * `precedent team pull --server URL -o BUNDLE`: the team's current knowledge base (every record
 * that exists on the server, each at the server's revision) as a Precedent bundle, read page by
 * page, checked as any bundle is read, and written atomically: the file is whole or not there.
 */
export async function teamPullCommand(
  io: CliIo,
  access: TeamAccess,
  args: TeamPullArguments,
  knownIds: ReadonlySet<string>,
  words: CliTranslator = englishWords()
): Promise<void> {
  const { records, headSeq } = await withTeamSession(access, args.url, async (session) => {
    const records: CurrentRecordsPage['records'] = []
    let request: CurrentRecordsRequest = { limit: MAX_PULL_PAGE }
    let firstHead: number | undefined
    for (;;) {
      const page = await session.currentRecords(request)
      // The head when the first page was read: what the bundle holds is the team's state from then on.
      firstHead ??= page.headSeq
      records.push(...page.records)
      const last = page.records.at(-1)
      if (!page.more || last === undefined) break
      io.err(words.t('cli.team.read', { count: records.length }))
      request = { after: { recordType: last.recordType, recordId: last.recordId }, limit: MAX_PULL_PAGE }
    }
    return { records, headSeq: firstHead ?? 0 }
  })
  const server = serverLabel(args.url)
  const bundle = teamBundleOf(records, { headSeq, createdAt: io.now(), title: `Team knowledge base on ${server}`.slice(0, 300) })
  const checked = parseBundle(bundle, knownIds)
  if (!checked.ok) {
    const [first] = checked.problems
    const values = { path: first?.path ?? '', reason: first === undefined ? '' : words.translate(first.message), more: checked.problems.length - 1 }
    throw new Error(checked.problems.length > 1 ? words.t('cli.errors.teamNotABundleAndMore', values) : words.t('cli.errors.teamNotABundle', values))
  }
  await io.writeFile(args.outPath, `${JSON.stringify(checked.bundle, null, 2)}\n`)
  io.err(words.t('cli.team.pulled', { count: records.length, server, sequence: headSeq, out: args.outPath }))
}
