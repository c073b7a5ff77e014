import { ipcRenderer, type IpcRendererEvent } from 'electron'
import { IpcChannel, IpcEvent, isMenuCommand } from '../shared/ipc/channels'
import type { DesktopApi } from '../shared/ipc/desktopApi'

/**
 * The bridge behind `window.desktop`: one fixed channel per method, each forwarding exactly one
 * argument, and no way to name a channel from the page. Results are typed by the contract; main
 * validates every request, so the preload does not (it may load nothing but `electron`).
 */
export const desktopApi = {
  getAppInfo: () => ipcRenderer.invoke(IpcChannel.getAppInfo),
  openExternalLink: (request) => ipcRenderer.invoke(IpcChannel.openExternalLink, request),
  setInterfaceLanguage: (request) => ipcRenderer.invoke(IpcChannel.setInterfaceLanguage, request),
  saveFile: (request) => ipcRenderer.invoke(IpcChannel.saveFile, request),
  printBriefingPdf: (request) => ipcRenderer.invoke(IpcChannel.printBriefingPdf, request),
  beginBackupUpload: (request) => ipcRenderer.invoke(IpcChannel.beginBackupUpload, request),
  backupUploadChunk: (request) => ipcRenderer.invoke(IpcChannel.backupUploadChunk, request),
  commitBackupUpload: (request) => ipcRenderer.invoke(IpcChannel.commitBackupUpload, request),
  abortBackupUpload: (request) => ipcRenderer.invoke(IpcChannel.abortBackupUpload, request),
  teamConnect: (request) => ipcRenderer.invoke(IpcChannel.teamConnect, request),
  teamDisconnect: () => ipcRenderer.invoke(IpcChannel.teamDisconnect),
  teamConnection: () => ipcRenderer.invoke(IpcChannel.teamConnection),
  teamStatus: () => ipcRenderer.invoke(IpcChannel.teamStatus),
  teamPush: (request) => ipcRenderer.invoke(IpcChannel.teamPush, request),
  teamPull: (request) => ipcRenderer.invoke(IpcChannel.teamPull, request),
  teamCurrentRecords: (request) => ipcRenderer.invoke(IpcChannel.teamCurrentRecords, request),
  teamConflicts: (request) => ipcRenderer.invoke(IpcChannel.teamConflicts, request),
  teamResolveConflict: (request) => ipcRenderer.invoke(IpcChannel.teamResolveConflict, request),
  teamBriefings: () => ipcRenderer.invoke(IpcChannel.teamBriefings),
  teamSaveBriefing: (request) => ipcRenderer.invoke(IpcChannel.teamSaveBriefing, request),
  onMenuCommand(listener) {
    // The page gets the command only: the IpcRendererEvent would hand it `sender`, an ipcRenderer.
    const forward = (_event: IpcRendererEvent, command: unknown): void => {
      if (isMenuCommand(command)) listener(command)
    }
    ipcRenderer.on(IpcEvent.menuCommand, forward)
    return () => {
      ipcRenderer.removeListener(IpcEvent.menuCommand, forward)
    }
  }
} satisfies DesktopApi
