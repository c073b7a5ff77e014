import { createInMemoryTeam } from './inMemoryTeamServer'
import { describeTeamServerContract } from './teamServerContract'

// The double the sync engine's tests run against keeps the same contract as PostgreSQL
// (test/node/team/pgTeamServer.contract.test.ts runs this suite there), so what those tests show
// holds against the real server.
describeTeamServerContract('in memory', async () => {
  const team = createInMemoryTeam()
  return { as: async (user, role) => team.serverFor(user, role), close: async () => undefined }
})
