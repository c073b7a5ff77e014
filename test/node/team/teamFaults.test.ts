import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anOrganisation } from '../../builders/domain'
import type { PushedRevision, RecordBase } from '../../../src/shared/team/teamProtocol'
import { initTeamSchema, openPgTeamServer, type PgTeamServer } from '../../../src/node/team/pgTeamServer'
import { catchError } from '../../support/catchError'
import { aPushedRevision } from '../../support/teamServerContract'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../support/throwawayPostgres'

// Faults against real PostgreSQL: analysts pushing at the same moment, and a connection killed in
// the middle of a push. One transaction per push is what keeps both whole.
let server: ThrowawayPostgres
const ANALYSTS = ['ana', 'ben', 'cleo', 'dev', 'eve'] as const
const teams: Record<string, PgTeamServer> = {}

beforeAll(async () => {
  server = await startThrowawayPostgres()
  await initTeamSchema(server.superuser)
  for (const user of ANALYSTS) teams[user] = openPgTeamServer(await server.createAnalyst(user, 'editor'))
}, 120_000)

afterAll(async () => {
  await Promise.all(Object.values(teams).map((team) => team.close()))
  await server?.stop()
})

describe('team server under concurrency and faults', () => {
  it('five analysts pushing at once: every revision is accepted or kept in a conflict, none lost, the log gap-free per record', async () => {
    const records = Array.from({ length: 8 }, () => anOrganisation())
    await teams['ana']!.push(records.map((record) => aPushedRevision('organisation', record, { revision: 0, exists: false })))
    const pushed: PushedRevision[] = []

    // Each analyst edits every record in each round, based on what it last learned of the record.
    await Promise.all(
      ANALYSTS.map(async (user) => {
        const known = new Map<string, RecordBase>(records.map((record) => [record.id, { revision: 1, exists: true }]))
        for (let round = 0; round < 4; round += 1) {
          const batch = records.map((record) => {
            const base = known.get(record.id)!
            return aPushedRevision('organisation', { ...record, name: `${user} round ${round}`, revision: base.revision + 1 }, base)
          })
          pushed.push(...batch)
          const result = await teams[user]!.push(batch)
          result.outcomes.forEach((outcome, index) => {
            const base = batch[index]!.base
            if (outcome.outcome === 'accepted') known.set(batch[index]!.recordId, { revision: base.revision + 1, exists: true })
            if (outcome.outcome === 'conflict' || outcome.outcome === 'unchanged')
              known.set(batch[index]!.recordId, { revision: outcome.current.revision, exists: true })
          })
        }
      })
    )

    const accepted = await server.query<{ revision_id: string; record_id: string; revision: number; seq: string }>(
      "SELECT revision_id, record_id, revision, seq FROM precedent.changes WHERE kind = 'revision' ORDER BY seq"
    )
    const inConflicts = await server.query<{ revision_id: string }>('SELECT revision_id FROM precedent.conflict_revisions')
    const held = new Set([...accepted.rows, ...inConflicts.rows].map((row) => row.revision_id))
    expect(pushed).toHaveLength(5 * 4 * 8)
    expect(pushed.filter((revision) => !held.has(revision.id))).toEqual([])
    expect(accepted.rows.length + inConflicts.rows.length).toBe(8 + pushed.length)
    const seqs = accepted.rows.map((row) => Number(row.seq))
    expect(new Set(seqs).size).toBe(seqs.length)
    for (const record of records) {
      const revisions = accepted.rows.filter((row) => row.record_id === record.id).map((row) => row.revision)
      expect(revisions).toEqual(revisions.map((_, index) => index + 1))
    }
    expect(inConflicts.rows.length).toBeGreaterThan(0)
    // Everything retried is already there, nothing twice.
    const retried = await teams['eve']!.push(pushed.slice(0, 1000))
    expect(retried.outcomes.every((outcome) => outcome.outcome === 'already')).toBe(true)
  })

  it('a connection killed in the middle of a push leaves nothing of it applied; the retried push is accepted once', async () => {
    const blocker = anOrganisation()
    await teams['ben']!.push([aPushedRevision('organisation', blocker, { revision: 0, exists: false })])
    const before = (await teams['ben']!.status()).headSeq
    const fresh = Array.from({ length: 300 }, () => aPushedRevision('organisation', anOrganisation(), { revision: 0, exists: false }))
    const edit = aPushedRevision('organisation', { ...blocker, name: 'Edited', revision: 2 }, { revision: 1, exists: true })
    const batch = [...fresh.slice(0, 150), edit, ...fresh.slice(150)]

    // The superuser holds the blocker's row, so the push stops half way, after 150 records, and waits.
    const holder = new pg.Client(server.superuser)
    await holder.connect()
    await holder.query('BEGIN')
    await holder.query('SELECT * FROM precedent.records WHERE record_id = $1 FOR UPDATE', [blocker.id])
    const pushing = catchError(teams['ben']!.push(batch))
    let pid: number | undefined
    for (let attempt = 0; attempt < 200 && pid === undefined; attempt += 1) {
      const { rows } = await server.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE usename = 'ben' AND wait_event_type = 'Lock' AND query LIKE '%precedent.push%'"
      )
      pid = rows[0]?.pid
      if (pid === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(pid).toBeDefined()
    await server.query('SELECT pg_terminate_backend($1)', [pid])
    const error = await pushing
    await holder.query('ROLLBACK')
    await holder.end()

    expect(error).toMatchObject({ code: 'unreachable' })
    expect((error as Error).message.split('\n')).toHaveLength(1)
    const { rows } = await server.query('SELECT count(*)::int AS n FROM precedent.records WHERE record_id = ANY($1)', [
      fresh.map((revision) => revision.recordId)
    ])
    expect(rows[0]!['n']).toBe(0)
    expect((await teams['ben']!.status()).headSeq).toBe(before)

    const retried = await teams['ben']!.push(batch)
    const again = await teams['ben']!.push(batch)

    expect(retried.outcomes.map((outcome) => outcome.outcome)).toEqual(batch.map(() => 'accepted'))
    expect(again.outcomes.map((outcome) => outcome.outcome)).toEqual(batch.map(() => 'already'))
    // The killed transaction's sequence numbers are never reused (a gap in seq), but its changes are not in the log.
    const logged = await teams['ben']!.pull({ since: before, limit: 5000 })
    expect(logged.changes.map((change) => (change.kind === 'revision' ? change.id : ''))).toEqual(batch.map((revision) => revision.id))
  })
})
