// Wire names only, and no imports: the sandboxed preload bundles this file as its one
// run-time dependency besides `electron`.

/** Request/response channels, one per main-process service (`area:verb-noun`). */
export const IpcChannel = {
  getAppInfo: 'app:get-info',
  openExternalLink: 'shell:open-external-link',
  setInterfaceLanguage: 'app:set-interface-language',
  saveFile: 'file:save',
  printBriefingPdf: 'briefing:print-pdf',
  beginBackupUpload: 'backup:begin',
  backupUploadChunk: 'backup:chunk',
  commitBackupUpload: 'backup:commit',
  abortBackupUpload: 'backup:abort',
  teamConnect: 'team:connect',
  teamDisconnect: 'team:disconnect',
  teamConnection: 'team:connection',
  teamStatus: 'team:status',
  teamPush: 'team:push',
  teamPull: 'team:pull',
  teamCurrentRecords: 'team:current-records',
  teamConflicts: 'team:conflicts',
  teamResolveConflict: 'team:resolve-conflict',
  teamBriefings: 'team:briefings',
  teamSaveBriefing: 'team:save-briefing'
} as const

/** The wire name of a request/response channel. */
export type IpcChannel = (typeof IpcChannel)[keyof typeof IpcChannel]

/** Events that main pushes to the page; the page never sends on these. */
export const IpcEvent = {
  menuCommand: 'menu:command'
} as const

/** The wire name of a push event. */
export type IpcEvent = (typeof IpcEvent)[keyof typeof IpcEvent]

/** Everything the application menu can ask the page to do. */
export const menuCommands = [
  'new-incident',
  'go-incidents',
  'go-organisations',
  'go-jurisdictions',
  'go-laws',
  'go-responses',
  'go-sources',
  'go-briefings',
  'import-records'
] as const

/** A command sent from the native menu to the page on {@link IpcEvent.menuCommand}. */
export type MenuCommand = (typeof menuCommands)[number]

/**
 * Tells whether a value received on {@link IpcEvent.menuCommand} is a known command, so the
 * preload forwards nothing else to page code.
 */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (menuCommands as readonly string[]).includes(value)
}
