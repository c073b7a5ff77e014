import type { MenuCommand } from '../../shared/ipc/channels'
import type { AppInfo } from '../../shared/ipc/contract'
import type { AppLocale } from '../../shared/locale/interfaceLocales'
import type { DesktopApi } from '../../shared/ipc/desktopApi'
import type { IpcErrorCode, IpcResult } from '../../shared/ipc/ipcResult'
import { toSafeExternalUrl } from '../../shared/security/externalUrl'
import { toSafeFileName } from '../../shared/security/safeFileName'
import { createTeamBridge, hasTeamMethods, type DesktopTeam } from './teamBridge'

/** A file the user asked to export. Text is saved as UTF-8; bytes are saved as they are. */
export interface ExportFile {
  readonly suggestedFileName: string
  readonly content: string | Uint8Array<ArrayBuffer>
  /** The Blob type in a browser download; the desktop app ignores it. */
  readonly mimeType?: string
  /** File-type choices for the native save dialog, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
  readonly filters?: readonly { readonly name: string; readonly extensions: readonly string[] }[]
}

/** What became of an export. A browser download has no path the page can know. */
export type SaveOutcome =
  { readonly status: 'saved'; readonly path: string } | { readonly status: 'downloaded'; readonly fileName: string } | { readonly status: 'cancelled' }

/** Where a backup went besides the browser's storage. */
export type BackupFileOutcome = { readonly status: 'saved'; readonly path: string } | { readonly status: 'kept-in-browser' }

/** What became of a briefing PDF. In a browser, the print dialog offers "Save as PDF". */
export type PrintOutcome = { readonly status: 'saved'; readonly path: string } | { readonly status: 'print-dialog-opened' } | { readonly status: 'cancelled' }

/**
 * The page's access to the operating system, the same in the desktop app and in a browser.
 * Methods resolve to plain values and reject with {@link DesktopRequestError}; callers never see
 * an IpcResult.
 */
export interface DesktopClient {
  /** 'electron' behind the preload bridge, 'browser' in web mode (e.g. to label "Print…"). */
  readonly kind: 'electron' | 'browser'
  getAppInfo(): Promise<AppInfo>
  /** Opens an https: or mailto: link outside the app; resolves false (and opens nothing) for any other URL. */
  openExternalLink(url: string): Promise<boolean>
  /** Tells the desktop app the interface language, so its menu speaks it; nothing in a browser (no menu). */
  setInterfaceLanguage(locale: AppLocale): Promise<void>
  /** Lets the user save an export: a native save dialog, or a browser download. */
  saveFile(file: ExportFile): Promise<SaveOutcome>
  /**
   * Desktop: renders `html` (scripts off) to a PDF the user saves. Browser: opens the print
   * dialog for the current page, so call it while the briefing is on screen; the page's print
   * stylesheet decides what is printed, and `html` is not used (the CSP forbids frames).
   */
  printBriefing(briefing: { readonly html: string; readonly suggestedFileName: string }): Promise<PrintOutcome>
  /**
   * Desktop: writes a backup file (a gzip-compressed bundle) into the app's backup folder, outside
   * the browser profile, so it survives clearing site data. It is sent in chunks of
   * BACKUP_UPLOAD_CHUNK_BYTES, read from the Blob one at a time, so no size limit applies. Browser: a page cannot write files unasked, so backups stay in
   * the browser's own storage (`kept-in-browser`).
   */
  writeBackup(backup: { readonly createdAt: string; readonly file: Blob }): Promise<BackupFileOutcome>
  /** Listens to the native menu; returns the function that stops listening. No-op in a browser. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * The team's server through main (issue 13); `undefined` in a browser, where a page cannot reach
   * PostgreSQL (team sync needs the desktop app).
   */
  readonly team: DesktopTeam | undefined
}

/** A request the desktop side refused or could not carry out. `message` is for the log, not the user. */
export class DesktopRequestError extends Error {
  readonly code: IpcErrorCode

  constructor(code: IpcErrorCode, message: string) {
    super(message)
    this.name = 'DesktopRequestError'
    this.code = code
  }
}

/** Bytes per `backup:chunk` message: well under the contract's limit, and few enough messages for a large backup. */
export const BACKUP_UPLOAD_CHUNK_BYTES = 1024 * 1024

/** Options for {@link createDesktopClient}. */
export interface DesktopClientOptions {
  /** What the browser fallback reports as app info (web mode has no native app to ask). */
  readonly browserAppInfo?: AppInfo
}

const DEFAULT_BROWSER_APP_INFO: AppInfo = { name: 'Precedent', version: 'web', platform: 'web' }

// Chromium starts a download asynchronously after the click; revoking the Blob URL at once
// can cancel it, so the URL lives a little longer.
const OBJECT_URL_LIFETIME_MS = 30_000

/**
 * Chooses the implementation once, by whether the preload exposed `window.desktop` in `host`.
 * Exported for tests; the app uses {@link getDesktopClient}.
 */
export function createDesktopClient(host: Window, options: DesktopClientOptions = {}): DesktopClient {
  const bridge = host.desktop
  // The team methods are looked for on their own: the end-to-end harness supplies only those, to a
  // page that is otherwise in web mode.
  const team = hasTeamMethods(bridge) ? createTeamBridge(bridge) : undefined
  return bridge === undefined || typeof bridge.getAppInfo !== 'function'
    ? createBrowserClient(host, options.browserAppInfo ?? DEFAULT_BROWSER_APP_INFO, team)
    : createElectronClient(bridge, team)
}

let sharedClient: DesktopClient | undefined

/** The app's one desktop client, created on first use from the global `window`. */
export function getDesktopClient(): DesktopClient {
  sharedClient ??= createDesktopClient(window)
  return sharedClient
}

function createElectronClient(bridge: DesktopApi, team: DesktopTeam | undefined): DesktopClient {
  return {
    kind: 'electron',
    team,
    async getAppInfo() {
      return unwrap(await bridge.getAppInfo())
    },
    async openExternalLink(url) {
      const safeUrl = toSafeExternalUrl(url)
      if (safeUrl === null) return false
      return unwrap(await bridge.openExternalLink({ url: safeUrl })).opened
    },
    async setInterfaceLanguage(locale) {
      unwrap(await bridge.setInterfaceLanguage({ locale }))
    },
    async saveFile(file) {
      const { suggestedFileName, content } = file
      const filters = file.filters?.map((filter) => ({ name: filter.name, extensions: [...filter.extensions] }))
      const request =
        typeof content === 'string'
          ? { suggestedFileName, encoding: 'utf8' as const, content, filters }
          : { suggestedFileName, encoding: 'base64' as const, content: bytesToBase64(content), filters }
      const { savedPath } = unwrap(await bridge.saveFile(request))
      return savedPath === null ? { status: 'cancelled' } : { status: 'saved', path: savedPath }
    },
    async printBriefing({ html, suggestedFileName }) {
      const { savedPath } = unwrap(await bridge.printBriefingPdf({ html, suggestedFileName }))
      return savedPath === null ? { status: 'cancelled' } : { status: 'saved', path: savedPath }
    },
    async writeBackup({ createdAt, file }) {
      const { uploadId } = unwrap(await bridge.beginBackupUpload({ createdAt, totalBytes: file.size }))
      try {
        for (let offset = 0; offset < file.size; offset += BACKUP_UPLOAD_CHUNK_BYTES) {
          const bytes = new Uint8Array(await file.slice(offset, offset + BACKUP_UPLOAD_CHUNK_BYTES).arrayBuffer())
          unwrap(await bridge.backupUploadChunk({ uploadId, offset, bytes }))
        }
        return { status: 'saved', path: unwrap(await bridge.commitBackupUpload({ uploadId })).savedPath }
      } catch (error) {
        // Main drops an upload whose sequence broke; this also covers a failure on the page's side.
        await bridge.abortBackupUpload({ uploadId }).catch(() => undefined)
        throw error
      }
    },
    onMenuCommand(listener) {
      return bridge.onMenuCommand(listener)
    }
  }
}

function createBrowserClient(host: Window, appInfo: AppInfo, team: DesktopTeam | undefined): DesktopClient {
  return {
    kind: 'browser',
    team,
    async getAppInfo() {
      return appInfo
    },
    async openExternalLink(url) {
      const safeUrl = toSafeExternalUrl(url)
      if (safeUrl === null) return false
      // noopener: the opened page gets no handle on ours; noreferrer: it learns nothing of our URL.
      host.open(safeUrl, '_blank', 'noopener,noreferrer')
      return true
    },
    async setInterfaceLanguage() {
      // A browser tab has no application menu; its page already follows the language.
    },
    async saveFile({ suggestedFileName, content, mimeType }) {
      const fileName = toSafeFileName(suggestedFileName)
      const type = mimeType ?? (typeof content === 'string' ? 'text/plain;charset=utf-8' : 'application/octet-stream')
      const objectUrl = URL.createObjectURL(new Blob([content], { type }))
      const anchor = host.document.createElement('a')
      anchor.href = objectUrl
      anchor.download = fileName
      anchor.rel = 'noopener'
      anchor.hidden = true
      host.document.body.append(anchor)
      try {
        anchor.click()
      } finally {
        anchor.remove()
        host.setTimeout(() => URL.revokeObjectURL(objectUrl), OBJECT_URL_LIFETIME_MS)
      }
      return { status: 'downloaded', fileName }
    },
    async printBriefing() {
      host.print()
      return { status: 'print-dialog-opened' }
    },
    async writeBackup() {
      return { status: 'kept-in-browser' }
    },
    onMenuCommand() {
      return () => {}
    }
  }
}

function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new DesktopRequestError(result.code, result.message)
  return result.value
}

function bytesToBase64(bytes: Uint8Array): string {
  // btoa takes a "binary string"; build it in chunks so large files do not overflow the stack.
  let binary = ''
  const chunkSize = 0x8000
  for (let offset = 0; offset < bytes.length; offset += chunkSize) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + chunkSize))
  }
  return btoa(binary)
}
