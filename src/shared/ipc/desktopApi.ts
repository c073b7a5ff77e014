import type { IpcChannel, MenuCommand } from './channels'
import type { AppInfo, IpcRequest, IpcResponse, PrintBriefingPdfRequest, SaveFileRequest } from './contract'
import type { IpcResult } from './ipcResult'

/** The team methods' names, as in {@link IpcChannel}. */
export type TeamMethod = Extract<keyof typeof IpcChannel, `team${string}`>
type TeamRequest<M extends TeamMethod> = IpcRequest<(typeof IpcChannel)[M]>
type TeamResponse<M extends TeamMethod> = IpcResponse<(typeof IpcChannel)[M]>

/**
 * What `window.desktop` is: the whole surface the preload exposes to the page. One fixed method
 * per channel and nothing generic, so page code can reach exactly these services and no others.
 * Written here, not in the preload, so the renderer depends on shared/ only.
 */
export interface DesktopApi {
  /** The application's name, version and platform. */
  readonly getAppInfo: () => Promise<IpcResult<AppInfo>>
  /** Opens an https: or mailto: link in the user's browser or mail client. */
  readonly openExternalLink: (request: IpcRequest<typeof IpcChannel.openExternalLink>) => Promise<IpcResult<IpcResponse<typeof IpcChannel.openExternalLink>>>
  /** Tells main the interface language, so the application menu is in it. */
  readonly setInterfaceLanguage: (
    request: IpcRequest<typeof IpcChannel.setInterfaceLanguage>
  ) => Promise<IpcResult<IpcResponse<typeof IpcChannel.setInterfaceLanguage>>>
  /** Asks where to save, then writes the export atomically; `savedPath` is null on cancel. */
  readonly saveFile: (request: SaveFileRequest) => Promise<IpcResult<IpcResponse<typeof IpcChannel.saveFile>>>
  /** Renders briefing HTML (with scripts off) to a PDF the user saves; null on cancel. */
  readonly printBriefingPdf: (request: PrintBriefingPdfRequest) => Promise<IpcResult<IpcResponse<typeof IpcChannel.printBriefingPdf>>>
  /** Opens an upload of a backup file into the app's backup folder (outside the browser profile). */
  readonly beginBackupUpload: (request: IpcRequest<typeof IpcChannel.beginBackupUpload>) => Promise<IpcResult<IpcResponse<typeof IpcChannel.beginBackupUpload>>>
  /** Sends the next bytes of an open backup upload. */
  readonly backupUploadChunk: (request: IpcRequest<typeof IpcChannel.backupUploadChunk>) => Promise<IpcResult<IpcResponse<typeof IpcChannel.backupUploadChunk>>>
  /** Finishes a backup upload: the file appears whole (atomic rename), and the newest few are kept. */
  readonly commitBackupUpload: (
    request: IpcRequest<typeof IpcChannel.commitBackupUpload>
  ) => Promise<IpcResult<IpcResponse<typeof IpcChannel.commitBackupUpload>>>
  /** Drops a backup upload and its temporary file. */
  readonly abortBackupUpload: (request: IpcRequest<typeof IpcChannel.abortBackupUpload>) => Promise<IpcResult<IpcResponse<typeof IpcChannel.abortBackupUpload>>>
  /**
   * Team sync (issue 13). Connects to the team's PostgreSQL: main checks the connection by reading
   * the server's status, then keeps it (the password encrypted with the system's safe storage; it
   * is never sent back) and answers the status.
   */
  readonly teamConnect: (request: TeamRequest<'teamConnect'>) => Promise<IpcResult<TeamResponse<'teamConnect'>>>
  /** Forgets the kept connection and its password. */
  readonly teamDisconnect: () => Promise<IpcResult<TeamResponse<'teamDisconnect'>>>
  /** The kept connection without its password, or null. */
  readonly teamConnection: () => Promise<IpcResult<TeamResponse<'teamConnection'>>>
  /** The methods of `TeamServer` (shared/team/teamProtocol.ts), each on its own channel. */
  readonly teamStatus: () => Promise<IpcResult<TeamResponse<'teamStatus'>>>
  readonly teamPush: (request: TeamRequest<'teamPush'>) => Promise<IpcResult<TeamResponse<'teamPush'>>>
  readonly teamPull: (request: TeamRequest<'teamPull'>) => Promise<IpcResult<TeamResponse<'teamPull'>>>
  readonly teamCurrentRecords: (request: TeamRequest<'teamCurrentRecords'>) => Promise<IpcResult<TeamResponse<'teamCurrentRecords'>>>
  readonly teamConflicts: (request: TeamRequest<'teamConflicts'>) => Promise<IpcResult<TeamResponse<'teamConflicts'>>>
  readonly teamResolveConflict: (request: TeamRequest<'teamResolveConflict'>) => Promise<IpcResult<TeamResponse<'teamResolveConflict'>>>
  readonly teamBriefings: () => Promise<IpcResult<TeamResponse<'teamBriefings'>>>
  readonly teamSaveBriefing: (request: TeamRequest<'teamSaveBriefing'>) => Promise<IpcResult<TeamResponse<'teamSaveBriefing'>>>
  /**
   * Calls `listener` with each command from the native menu. Returns the function that stops
   * listening: the listener is copied across the context bridge, so it cannot be removed by
   * identity from the page side.
   */
  readonly onMenuCommand: (listener: (command: MenuCommand) => void) => () => void
}
