import path from 'node:path'
import { app, safeStorage } from 'electron'
import { openPgTeamServer } from '../../node/team/pgTeamServer'
import { TeamConnectionStore } from './teamConnectionStore'

/** The kept connection's file, beside the browser profile (not in it: the page never reads it). */
export function teamConnectionFile(): string {
  return path.join(app.getPath('userData'), 'team-connection.json')
}

/** The one team connection main keeps. */
export const teamConnections = new TeamConnectionStore({
  filePath: teamConnectionFile,
  vault: safeStorage,
  openServer: (connection) => openPgTeamServer(connection)
})
