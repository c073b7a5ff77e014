import { TeamError } from '../shared/team/teamProtocol'
import type { TeamAccess } from './teamAccess'

/**
 * The team commands' access to PostgreSQL on Node. Until the Node adapter (src/node/team) is
 * merged, every team command says it is not available.
 */
export function nodeTeamAccess(): TeamAccess {
  const unavailable = () => new TeamError('failed', 'team commands are not available in this build')
  return {
    open: () => {
      throw unavailable()
    },
    init: () => Promise.reject(unavailable())
  }
}
