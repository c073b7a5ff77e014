import { IpcChannel } from '../../shared/ipc/channels'
import { openExternalLink } from '../security/externalLinkGate'
import { getAppInfo } from '../services/appInfo'
import { saveFile } from '../services/fileSaver'
import { backupUploads } from '../services/backupWriter'
import { printBriefingPdf } from '../services/pdfPrinter'
import { teamConnections } from '../services/teamConnections'
import { handle } from './handle'
import { setApplicationMenuLanguage } from '../menu'

/** The services behind the channels; replaceable in tests. */
export const desktopServices = {
  getAppInfo,
  openExternalLink,
  setMenuLanguage: setApplicationMenuLanguage,
  saveFile,
  printBriefingPdf,
  backupUploads,
  team: teamConnections
}

/**
 * Registers one handler per {@link IpcChannel}, each accepting requests only from the page at
 * `appUrl`'s origin. A new channel needs its name (channels.ts), its schemas (contract.ts), a
 * DesktopApi method, a line here and a preload method; the compiler and the tests point at each.
 */
export function registerIpcHandlers(appUrl: URL, services: typeof desktopServices = desktopServices): void {
  handle(IpcChannel.getAppInfo, appUrl, async () => services.getAppInfo())
  handle(IpcChannel.openExternalLink, appUrl, async ({ url }) => ({ opened: await services.openExternalLink(url) }))
  handle(IpcChannel.setInterfaceLanguage, appUrl, async ({ locale }) => {
    services.setMenuLanguage(locale)
    return {}
  })
  handle(IpcChannel.saveFile, appUrl, async (request, { window }) => ({ savedPath: await services.saveFile(request, window) }))
  handle(IpcChannel.printBriefingPdf, appUrl, async (request, { window }) => ({
    savedPath: await services.printBriefingPdf(request, window)
  }))
  handle(IpcChannel.beginBackupUpload, appUrl, (request) => services.backupUploads.begin(request))
  handle(IpcChannel.backupUploadChunk, appUrl, (request) => services.backupUploads.chunk(request))
  handle(IpcChannel.commitBackupUpload, appUrl, (request) => services.backupUploads.commit(request))
  handle(IpcChannel.abortBackupUpload, appUrl, (request) => services.backupUploads.abort(request))
  registerTeamHandlers(appUrl, services.team)
}

/** The team channels: connecting and forgetting, then each TeamServer method on the kept connection. */
function registerTeamHandlers(appUrl: URL, team: typeof desktopServices.team): void {
  handle(IpcChannel.teamConnect, appUrl, (connection) => team.connect(connection))
  handle(IpcChannel.teamDisconnect, appUrl, () => team.disconnect())
  handle(IpcChannel.teamConnection, appUrl, async () => ({ connection: await team.connection() }))
  handle(IpcChannel.teamStatus, appUrl, () => team.use((server) => server.status()))
  handle(IpcChannel.teamPush, appUrl, ({ changes }) => team.use((server) => server.push(changes)))
  handle(IpcChannel.teamPull, appUrl, (request) => team.use((server) => server.pull(request)))
  handle(IpcChannel.teamCurrentRecords, appUrl, (request) => team.use((server) => server.currentRecords(request)))
  handle(IpcChannel.teamConflicts, appUrl, async (request) => ({ conflicts: await team.use((server) => server.conflicts(request)) }))
  handle(IpcChannel.teamResolveConflict, appUrl, (request) => team.use((server) => server.resolveConflict(request)))
  handle(IpcChannel.teamBriefings, appUrl, async () => ({ briefings: await team.use((server) => server.briefings()) }))
  handle(IpcChannel.teamSaveBriefing, appUrl, (request) => team.use((server) => server.saveBriefing(request)))
}
