import { recordTitle, type TypedRecord } from '../../shared/domain/recordTypes'
import { bundleRecordsInOrder } from '../../shared/domain/bundle'
import { bundlePushBatches } from '../../shared/team/bundleRevisions'
import { TeamError, type PushOutcome, type PushedRevision } from '../../shared/team/teamProtocol'
import { basename } from 'node:path'
import { readBundleFile } from '../bundleFile'
import type { CliIo } from '../cliIo'
import type { TeamAccess } from '../teamAccess'
import { withTeamSession } from './withTeamSession'

export interface TeamPushArguments {
  readonly bundlePath: string
  readonly url: string
}

/** How many revisions of a push met each outcome. */
export type PushCounts = Record<PushOutcome['outcome'], number>

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`

/** "3 accepted, 1 conflict, 2 unchanged, 0 already pushed": accepted and conflicts first, as scripts look for them. */
export function describePushCounts(counts: PushCounts): string {
  return `${counts.accepted} accepted, ${plural(counts.conflict, 'conflict', 'conflicts')}, ${counts.unchanged} unchanged, ${counts.already} already pushed`
}

/** One line per conflict: the record's type, id and title, and how its version and the server's differ. */
export function describeConflict(revision: PushedRevision, typed: TypedRecord | undefined, outcome: Extract<PushOutcome, { outcome: 'conflict' }>): string {
  const title = typed === undefined ? '' : ` "${recordTitle(typed)}"`
  const server = outcome.current.snapshot === undefined ? `the server deleted it at revision ${outcome.current.revision}` : `the server is at revision ${outcome.current.revision}`
  return `conflict: ${revision.recordType} ${revision.recordId}${title} (based on revision ${revision.base.revision}; ${server}; conflict ${outcome.conflictId})`
}

/**
 * `precedent team push BUNDLE --server URL`: every record of the bundle becomes a pushed revision
 * (revision r + 1 is an edit based on revision r; its id derived from the record, so a second push
 * of the same bundle is `already` throughout), sent in batches of at most MAX_PUSH_CHANGES in link
 * order. Prints the counts and one line per conflict; conflicts are kept on the server until
 * someone resolves them, so they are not a failure (status 0). A refused batch stops the push with
 * the server's reason; the batches before it stay pushed, and pushing again is safe.
 */
export async function teamPushCommand(io: CliIo, access: TeamAccess, args: TeamPushArguments, knownIds: ReadonlySet<string>): Promise<void> {
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
        throw new TeamError(error.code, `${error.message} (the first ${sent} of ${total} records were pushed; pushing the bundle again is safe)`)
      })
      if (result.outcomes.length !== batch.length) throw new TeamError('failed', `The server answered ${result.outcomes.length} outcomes for a push of ${batch.length} records`)
      result.outcomes.forEach((outcome, index) => {
        counts[outcome.outcome] += 1
        const revision = batch[index]!
        if (outcome.outcome === 'conflict') conflictLines.push(describeConflict(revision, byId.get(revision.recordId), outcome))
      })
      sent += batch.length
      if (batches.length > 1) io.err(`pushed ${sent} of ${total} records`)
    }
  })
  io.out(describePushCounts(counts))
  for (const line of conflictLines) io.out(line)
}
