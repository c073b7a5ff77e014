import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleRecordsInOrder, type Bundle } from '@shared/domain/bundle'
import { bundleRecordRevision } from '@shared/team/bundleRevisions'
import { MAX_PULL_PAGE, type CurrentRecordsRequest, type PulledChange, type TeamConnection } from '@shared/team/teamProtocol'
import { syntheticAppBundle } from '../app/syntheticBundle'
import type { NodeBenchContext } from '../benchContract'
import { cliTranslator } from '../../src/cli/cliTranslator'
import { importCommand } from '../../src/cli/commands/importCommand'
import { teamPullCommand } from '../../src/cli/commands/teamPullCommand'
import { teamPushCommand } from '../../src/cli/commands/teamPushCommand'
import type { CliIo } from '../../src/cli/cliIo'
import { nodeCliIo } from '../../src/cli/nodeCliIo'
import { nodeTeamAccess } from '../../src/cli/nodeTeamAccess'
import { referenceRecords } from '../../src/cli/referenceRecords'
import type { TeamSession } from '../../src/cli/teamAccess'
import { initTeamSchema } from '../../src/node/team/pgTeamServer'
import { startThrowawayPostgres } from '../../test/support/throwawayPostgres'

// The team benchmark (issue 13): a throwaway PostgreSQL cluster on loopback (test/support), the
// real Node adapter (src/node/team) and the command line's own team commands. For each size n, in
// a fresh database: the synthetic bundle of the app suite is pushed (`precedent team push`), then
// - initial_pull_ms (kind bundle): the whole knowledge base pulled into a bundle file (`precedent
//   team pull`: every page of current records, checked as a bundle, written atomically); kind
//   adapter: the pages alone, as the Node adapter reads them; beside
// - import_ms: the anchor, `precedent import --from bundle` of the same bundle (read, checked,
//   planned against the built-in records, written): what "importing the same bundle" costs in Node;
// - sync_ms: 100 changed records pushed by one analyst and pulled (the log since the last sync) by
//   another, median of SYNC_ROUNDS, also split into sync_push_ms and sync_pull_ms.
// The pull into the app (IndexedDB through the sync engine) is not measured here.

const CHANGED = 100
const SYNC_ROUNDS = 5

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** The command line's IO with its messages sent to the bench log instead of the terminal. */
function quietIo(log: (message: string) => void): CliIo {
  return { ...nodeCliIo(), out: (text) => log(text), err: (text) => log(text) }
}

const urlOf = (connection: TeamConnection) =>
  `postgres://${encodeURIComponent(connection.user)}:${encodeURIComponent(connection.password ?? '')}@${connection.host}:${connection.port}/${encodeURIComponent(connection.database)}`

async function timed(step: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await step()
  return performance.now() - start
}

export async function run(context: NodeBenchContext): Promise<void> {
  context.log('starting a throwaway PostgreSQL cluster')
  const postgres = await startThrowawayPostgres()
  try {
    const reference = referenceRecords()
    const knownIds = new Set(reference.map((typed) => typed.record.id as string))
    const access = nodeTeamAccess()
    const io = quietIo(context.log)
    let analysts: { alice: TeamConnection; bob: TeamConnection } | undefined
    for (const n of context.sizes) {
      const admin = await postgres.createDatabase(`team_${n}`)
      await initTeamSchema(admin)
      analysts ??= { alice: await postgres.createAnalyst('bench_alice', 'editor'), bob: await postgres.createAnalyst('bench_bob', 'editor') }
      const alice = urlOf({ ...analysts.alice, database: admin.database })
      const bob = urlOf({ ...analysts.bob, database: admin.database })
      const emit = (metric: string, value: number, kind?: string) =>
        context.emit({ dataset: 'synthetic', n, metric, value, unit: 'ms', ...(kind === undefined ? {} : { kind }) })

      const { bundle } = syntheticAppBundle(n)
      const bundlePath = join(context.dataDir, `bundle-${n}.json`)
      await writeFile(bundlePath, `${JSON.stringify(bundle)}\n`)
      const total = bundleRecordsInOrder(bundle.records).length

      const pushMs = await timed(() => teamPushCommand(io, access, { bundlePath, url: alice }, knownIds))
      emit('initial_push_ms', pushMs)
      context.log(`n=${n}: pushed ${total} records in ${(pushMs / 1000).toFixed(1)} s`)

      // The adapter's part of a pull alone: every page of current records, nothing checked or written.
      const pagesMs = await timed(() => readAllCurrentRecords(access.open(bob)))
      emit('initial_pull_ms', pagesMs, 'adapter')
      const pulledPath = join(context.dataDir, `pulled-${n}.json`)
      const pullMs = await timed(() => teamPullCommand(io, access, { url: bob, outPath: pulledPath }, knownIds))
      emit('initial_pull_ms', pullMs, 'bundle')
      const importMs = await timed(() =>
        importCommand(
          io,
          { format: 'bundle', inputs: [bundlePath], outPath: join(context.dataDir, `imported-${n}.json`), words: cliTranslator('en') },
          reference
        )
      )
      emit('import_ms', importMs, 'bundle')
      context.log(
        `n=${n}: initial pull ${pullMs.toFixed(0)} ms, import ${importMs.toFixed(0)} ms: pull / import = ${(pullMs / importMs).toFixed(2)} (target ≤ 2)`
      )

      await measureSync(context, n, access.open(alice), access.open(bob), bundle, emit)
    }
  } finally {
    await postgres.stop()
  }
}

/** Reads every page of the server's current records, then closes the session. */
async function readAllCurrentRecords(session: TeamSession): Promise<number> {
  try {
    let count = 0
    let request: CurrentRecordsRequest = { limit: MAX_PULL_PAGE }
    for (;;) {
      const page = await session.currentRecords(request)
      count += page.records.length
      const last = page.records.at(-1)
      if (!page.more || last === undefined) return count
      request = { after: { recordType: last.recordType, recordId: last.recordId }, limit: MAX_PULL_PAGE }
    }
  } finally {
    await session.close()
  }
}

/** Alice pushes CHANGED edited incidents; Bob pulls the log since his last sync: both timed, SYNC_ROUNDS times. */
async function measureSync(
  context: NodeBenchContext,
  n: number,
  alice: TeamSession,
  bob: TeamSession,
  bundle: Bundle,
  emit: (metric: string, value: number, kind?: string) => void
): Promise<void> {
  try {
    const incidents = bundle.records.incidents.slice(0, CHANGED)
    let since = (await bob.status()).headSeq
    const rounds: { push: number; pull: number }[] = []
    for (let round = 1; round <= SYNC_ROUNDS; round += 1) {
      // Each round is the next revision of the same records, based on the server's (accepted last round).
      const revisions = incidents.map((incident) =>
        bundleRecordRevision(
          { type: 'incident', record: { ...incident, title: `${incident.title} (edit ${round})`, revision: incident.revision + round } },
          { clientAt: new Date().toISOString() }
        )
      )
      const start = performance.now()
      const pushed = await alice.push(revisions)
      const afterPush = performance.now()
      const pulled: PulledChange[] = []
      for (;;) {
        const page = await bob.pull({ since, limit: MAX_PULL_PAGE })
        pulled.push(...page.changes)
        since = page.changes.at(-1)?.seq ?? since
        if (!page.more) break
      }
      const end = performance.now()
      const accepted = pushed.outcomes.filter((outcome) => outcome.outcome === 'accepted').length
      if (accepted !== revisions.length || pulled.length !== revisions.length)
        throw new Error(`round ${round}: ${accepted} of ${revisions.length} accepted, ${pulled.length} pulled`)
      rounds.push({ push: afterPush - start, pull: end - afterPush })
    }
    emit('sync_ms', median(rounds.map((round) => round.push + round.pull)), `${CHANGED}-changed`)
    emit('sync_push_ms', median(rounds.map((round) => round.push)), `${CHANGED}-changed`)
    emit('sync_pull_ms', median(rounds.map((round) => round.pull)), `${CHANGED}-changed`)
    context.log(
      `n=${n}: sync of ${CHANGED} changed records, ${SYNC_ROUNDS} rounds (push + pull ms): ${rounds.map((round) => `${round.push.toFixed(0)} + ${round.pull.toFixed(0)}`).join(', ')}`
    )
  } finally {
    await alice.close()
    await bob.close()
  }
}
