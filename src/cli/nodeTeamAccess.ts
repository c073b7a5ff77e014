import { initTeamSchema, openPgTeamServer, teamConnectionFromUrl } from '../node/team/pgTeamServer'
import type { TeamAccess } from './teamAccess'

/**
 * The team commands' access to PostgreSQL on Node: the adapter main uses too (src/node/team). The
 * password comes from the URL or PGPASSWORD; TLS with verification unless the host is local.
 */
export function nodeTeamAccess(): TeamAccess {
  return {
    open: (url) => openPgTeamServer(teamConnectionFromUrl(url), { applicationName: 'precedent team (command line)' }),
    init: (url) => initTeamSchema(teamConnectionFromUrl(url), { applicationName: 'precedent team init' })
  }
}
