import { expect } from 'vitest'
import { resolveTeamConflict, type TeamSyncOptions } from '@renderer/db/teamSync'
import { recordFromChoices } from '@shared/team/threeWayFieldDiff'
import { TeamError, type PushedChange, type TeamServer } from '@shared/team/teamProtocol'
import type { InMemoryTeam } from '../../support/inMemoryTeamServer'
import { aTeam, createIncident, deleteIncident, editIncident, incidentsOf, mergeIncidentsOf, revisionsOf, sync, type Analyst } from './teamAnalysts'

/** One step of a team's day: an analyst edits their own knowledge base, or syncs it. */
export type TeamStep =
  | { readonly kind: 'create'; readonly analyst: number; readonly title: number }
  | { readonly kind: 'edit'; readonly analyst: number; readonly record: number; readonly title: number }
  | { readonly kind: 'delete'; readonly analyst: number; readonly record: number }
  | { readonly kind: 'merge'; readonly analyst: number; readonly record: number; readonly into: number }
  | { readonly kind: 'sync'; readonly analyst: number }
  /** A sync whose pushes the server commits but whose answers are lost (a connection dropped after the commit). */
  | { readonly kind: 'sync-lost'; readonly analyst: number }

/** A server that commits a push and then loses the answer. */
function losingAnswers(server: TeamServer): TeamServer {
  return Object.assign(Object.create(server) as TeamServer, {
    push: async (changes: readonly PushedChange[]) => {
      await server.push(changes)
      throw new TeamError('unreachable', 'cannot connect to the team server (connection lost)')
    }
  })
}

/** Few titles, so analysts often make the same change (the server answers `unchanged`). */
const TITLES = ['Leak', 'Breach', 'Fine', 'Audit']

/** A server that notes every revision it answered `unchanged`: those are the only pushed revisions it may not keep. */
function noting(server: TeamServer, unchanged: Set<string>): TeamServer {
  return Object.assign(Object.create(server) as TeamServer, {
    push: async (changes: readonly PushedChange[]) => {
      const result = await server.push(changes)
      for (const outcome of result.outcomes) if (outcome.outcome === 'unchanged') unchanged.add(outcome.id)
      return result
    }
  })
}

async function pick(analyst: Analyst, index: number): Promise<string | undefined> {
  const ids = Object.keys(await incidentsOf(analyst))
  return ids.length === 0 ? undefined : ids[index % ids.length]
}

/**
 * Plays `steps` by `count` analysts on one in-memory server, after the first shared `shared`
 * records with everyone (every sync with `options`), then ends the day: everyone syncs,
 * every open conflict is resolved (alternately keeping theirs, mine, and a field of each), and
 * everyone syncs twice. Asserts that every knowledge base holds the same records as the server,
 * nothing is left pending, and every revision ever pushed is in the server's log or a conflict
 * (or was answered `unchanged`, being equal to the version the server had).
 */
export async function playTeamDay(count: number, shared: number, steps: readonly TeamStep[], options: TeamSyncOptions = {}): Promise<TeamDay> {
  const names = ['ana', 'ben', 'cleo', 'dev', 'eli'].slice(0, count)
  const { team, analysts: plain } = aTeam(names)
  const unchanged = new Set<string>()
  const analysts = plain.map((analyst) => ({ ...analyst, server: noting(analyst.server, unchanged) }))
  const analystOf = (index: number) => analysts[index % analysts.length] as Analyst
  // The morning: the first analyst shares `shared` records and everyone has them.
  for (let index = 0; index < shared; index += 1) await createIncident(analystOf(0), TITLES[index % TITLES.length] ?? 'Leak')
  for (const analyst of analysts) await sync(analyst, options)
  for (const step of steps) {
    const analyst = analystOf(step.analyst)
    if (step.kind === 'create') await createIncident(analyst, TITLES[step.title % TITLES.length] ?? 'Leak')
    if (step.kind === 'sync') await sync(analyst, options)
    if (step.kind === 'sync-lost')
      await sync({ ...analyst, server: losingAnswers(analyst.server) }, options).catch((error: unknown) => expect(error).toBeInstanceOf(TeamError))
    if (step.kind === 'edit' || step.kind === 'delete' || step.kind === 'merge') {
      const id = await pick(analyst, step.record)
      if (id === undefined) continue
      if (step.kind === 'edit') await editIncident(analyst, id, { title: TITLES[step.title % TITLES.length] ?? 'Leak', summary: `by ${analyst.name}` })
      if (step.kind === 'delete') await deleteIncident(analyst, id)
      if (step.kind === 'merge') {
        const into = await pick(analyst, step.into)
        if (into !== undefined) await mergeIncidentsOf(analyst, into, id)
      }
    }
  }
  for (const analyst of analysts) await sync(analyst, options)
  let choice = 0
  for (let round = 0; round < 10; round += 1) {
    const open = await analystOf(0).server.conflicts({ includeResolved: false })
    if (open.length === 0) break
    for (const conflict of open) {
      const resolver = analysts.find((analyst) => analyst.name === conflict.mine.author) ?? analystOf(0)
      choice += 1
      const resolved =
        choice % 3 === 0
          ? undefined
          : choice % 3 === 1
            ? (conflict.mine.snapshot ?? null)
            : conflict.theirs.snapshot === undefined
              ? (conflict.mine.snapshot ?? null)
              : recordFromChoices(conflict.theirs.snapshot, conflict.mine.snapshot, { summary: 'mine' })
      await resolveTeamConflict(resolver.db, resolver.server, conflict, resolved, { now: resolver.now })
    }
    for (const analyst of analysts) await sync(analyst, options)
  }
  for (const analyst of analysts) await sync(analyst, options)
  for (const analyst of analysts) await sync(analyst, options)

  expect(await analystOf(0).server.conflicts({ includeResolved: false })).toEqual([])
  const onServer = Object.fromEntries(
    [...team.state.records.values()]
      .filter((record) => record.snapshot !== undefined)
      .sort((a, b) => (a.recordId < b.recordId ? -1 : 1))
      .map((record) => {
        const { createdAt: _c, updatedAt: _u, ...fields } = record.snapshot as Record<string, unknown>
        return [record.recordId, { ...fields, revision: record.revision }]
      })
  )
  const held = team.heldRevisionIds()
  for (const analyst of analysts) {
    const records = await incidentsOf(analyst)
    expect(JSON.parse(JSON.stringify(records)), `${analyst.name}'s records`).toEqual(JSON.parse(JSON.stringify(onServer)))
    const own = (await revisionsOf(analyst)).filter((revision) => revision.origin === undefined)
    expect(
      own.filter((revision) => revision.pushedAt === undefined),
      `${analyst.name}'s pending revisions`
    ).toEqual([])
    const vanished = own.filter((revision) => !held.has(revision.id) && !unchanged.has(revision.id))
    expect(vanished, `${analyst.name}'s pushed revisions the server kept nowhere`).toEqual([])
  }
  return { team, analysts, conflicts: team.state.conflicts.length, redirects: team.state.redirects.size, unchanged: unchanged.size }
}

/** What a played day came to, for a property to check that its runs reach conflicts, merges and equal versions at all. */
export interface TeamDay {
  readonly team: InMemoryTeam
  readonly analysts: readonly Analyst[]
  readonly conflicts: number
  readonly redirects: number
  readonly unchanged: number
}
