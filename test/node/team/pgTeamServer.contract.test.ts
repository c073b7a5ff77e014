import { afterAll, beforeAll } from 'vitest'
import type { TeamRole } from '../../../src/shared/team/teamProtocol'
import { initTeamSchema, openPgTeamServer, type PgTeamServer } from '../../../src/node/team/pgTeamServer'
import { describeTeamServerContract } from '../../support/teamServerContract'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../../support/throwawayPostgres'

// The protocol's contract against real PostgreSQL: one cluster for this file, the team's tables
// emptied before each test; each analyst's role (the cluster's) and connection made once and kept.
let server: ThrowawayPostgres
const analysts = new Map<string, { role: TeamRole; team: PgTeamServer }>()

beforeAll(async () => {
  server = await startThrowawayPostgres()
  await initTeamSchema(server.superuser)
}, 120_000)

afterAll(async () => {
  await Promise.all([...analysts.values()].map(({ team }) => team.close()))
  await server?.stop()
})

describeTeamServerContract('PostgreSQL', async () => {
  await server.query('TRUNCATE precedent.conflict_revisions, precedent.conflicts, precedent.changes, precedent.records, precedent.briefings RESTART IDENTITY')
  return {
    async as(user, role) {
      let analyst = analysts.get(user)
      if (analyst === undefined) {
        analyst = { role, team: openPgTeamServer(await server.createAnalyst(user, role)) }
        analysts.set(user, analyst)
      }
      if (analyst.role !== role) throw new Error(`${user} was created as ${analyst.role}, not ${role}`)
      return analyst.team
    },
    async close() {
      // The connections are kept for the next test; afterAll closes them.
    }
  }
})
