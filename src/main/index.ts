import { app, BrowserWindow, session } from 'electron'
import path from 'node:path'
import { APP_PAGE_URL, registerAppProtocol, registerAppScheme } from './appProtocol'
import { registerIpcHandlers } from './ipc/registerIpcHandlers'
import { createMainWindow } from './mainWindow'
import { installApplicationMenu } from './menu'
import { localeForLanguages } from '../shared/locale/interfaceLocales'
import { openExternalLink } from './security/externalLinkGate'
import { attachNavigationGuards } from './security/navigationGuards'
import { installOfflineGuard } from './security/offlineGuard'
import { applyPermissionPolicy } from './security/permissionPolicy'

// Lifecycle only: each step lives in its own module. The order matters and is tested.

// Every renderer sandboxed, including any a future change forgets to configure.
app.enableSandbox()
registerAppScheme()

// The dev server is honoured only in unpackaged builds: an environment variable must never be
// able to point a shipped app at a remote page.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const appUrl = new URL(devServerUrl ?? APP_PAGE_URL)
let mainWindow: BrowserWindow | null = null

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', focusMainWindow)
  app.on('web-contents-created', (_event, contents) => attachNavigationGuards(contents, appUrl, openExternalLink))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[app] start-up failed', error)
      app.exit(1)
    })
} else {
  // Two instances would open the same IndexedDB from two processes: hand over and leave.
  app.quit()
}

function start(): void {
  registerAppProtocol(path.join(__dirname, '../renderer'))
  applyPermissionPolicy(session.defaultSession)
  installOfflineGuard(session.defaultSession, devServerUrl === undefined ? undefined : new URL(devServerUrl))
  registerIpcHandlers(appUrl)
  // In the system's language until the page says which one it shows.
  installApplicationMenu(() => mainWindow, app.isPackaged, localeForLanguages(app.getPreferredSystemLanguages()))
  openMainWindow()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openMainWindow()
  })
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    pageUrl: appUrl.href,
    preloadPath: path.join(__dirname, '../preload/index.js'),
    isPackaged: app.isPackaged
  })
  mainWindow.on('closed', () => {
    mainWindow = null
  })
}

function focusMainWindow(): void {
  if (mainWindow === null) return
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.focus()
}
