import { recordTitle, type TypedRecord } from '../../shared/domain/recordTypes'
import { bundleRecordsInOrder } from '../../shared/domain/bundle'
import { bundlePushBatches } from '../../shared/team/bundleRevisions'
import { TeamError, type PushOutcome, type PushedRevision } from '../../shared/team/teamProtocol'
import { basename } from 'node:path'
import { readBundleFile } from '../bundleFile'
import type { CliIo } from '../cliIo'
import { englishWords, type CliTranslator } from '../cliTranslator'
import type { TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

export interface TeamPushArguments {
  readonly bundlePath: string
  readonly url: string
}

/** How many revisions of a push met each outcome. */
export type PushCounts = Record<PushOutcome['outcome'], number>

/** "3 accepted, 1 conflict, 2 unchanged, 0 already pushed": accepted and conflicts first, as scripts look for them. */
export function describePushCounts(counts: PushCounts, words: CliTranslator = englishWords()): string {
  const conflicts = words.t('cli.team.conflicts', { count: counts.conflict })
  return words.t('cli.team.pushCounts', { accepted: counts.accepted, conflicts, unchanged: counts.unchanged, already: counts.already })
}

/** One line per conflict: the record's type, id and title, and how its version and the server's differ. */
export function describeConflict(
  revision: PushedRevision,
  typed: TypedRecord | undefined,
  outcome: Extract<PushOutcome, { outcome: 'conflict' }>,
  words: CliTranslator = englishWords()
): string {
  const title = typed === undefined ? '' : ` ${words.t('cli.quoted', { text: recordTitle(typed) })}`
  const { revision: serverRevision } = outcome.current
  const server =
    outcome.current.snapshot === undefined
      ? words.t('cli.team.serverDeleted', { revision: serverRevision })
      : words.t('cli.team.serverAt', { revision: serverRevision })
  return words.t('cli.team.conflictLine', {
    type: revision.recordType,
    id: revision.recordId,
    title,
    base: revision.base.revision,
    server,
    conflictId: outcome.conflictId
  })
}

/**
 * `precedent team push BUNDLE --server URL`: every record of the bundle becomes a pushed revision
 * (revision r + 1 is an edit based on revision r; its id derived from the record, so a second push
 * of the same bundle is `already` throughout), sent in batches of at most MAX_PUSH_CHANGES in link
 * order. Prints the counts and one line per conflict; conflicts are kept on the server until
 * someone resolves them, so they are not a failure (status 0). A refused batch stops the push with
 * the server's reason; the batches before it stay pushed, and pushing again is safe.
 */
export async function teamPushCommand(
  io: CliIo,
  access: TeamAccess,
  args: TeamPushArguments,
  knownIds: ReadonlySet<string>,
  words: CliTranslator = englishWords()
): Promise<void> {
  const bundle = await readBundleFile(io, args.bundlePath, knownIds)
  const batches = bundlePushBatches(bundle.records, { clientAt: io.now(), note: `Pushed from ${basename(args.bundlePath)} with precedent team push` })
  const byId = new Map(bundleRecordsInOrder(bundle.records).map((typed) => [typed.record.id as string, typed]))
  const total = batches.reduce((sum, batch) => sum + batch.length, 0)
  const counts: PushCounts = { accepted: 0, already: 0, unchanged: 0, conflict: 0 }
  const conflictLines: string[] = []
  await withTeamSession(access, args.url, async (session) => {
    let sent = 0
    for (const batch of batches) {
      const result = await session.push(batch).catch((error: unknown) => {
        if (sent === 0 || !(error instanceof TeamError)) throw error
        throw new TeamError(error.code, words.t('cli.errors.pushedPartly', { message: error.message, sent, total }))
      })
      if (result.outcomes.length !== batch.length)
        throw new TeamError('failed', words.t('cli.errors.outcomeCount', { outcomes: result.outcomes.length, count: batch.length }))
      result.outcomes.forEach((outcome, index) => {
        counts[outcome.outcome] += 1
        const revision = batch[index]!
        if (outcome.outcome === 'conflict') conflictLines.push(describeConflict(revision, byId.get(revision.recordId), outcome, words))
      })
      sent += batch.length
      if (batches.length > 1) io.err(words.t('cli.team.pushed', { sent, total }))
    }
  })
  io.out(describePushCounts(counts, words))
  for (const line of conflictLines) io.out(line)
}
