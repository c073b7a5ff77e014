import { BrowserWindow } from 'electron'

/** Where the main window's page and preload come from. */
export interface MainWindowOptions {
  /** The dev server URL in development, `APP_PAGE_URL` in production; never a file: URL. */
  readonly pageUrl: string
  readonly preloadPath: string
  readonly isPackaged: boolean
}

/**
 * Creates the main window and loads the page. The window is shown once it has painted, so the
 * user never sees a blank frame. DevTools exist only in unpackaged builds. Navigation guards are
 * attached to every web contents in index.ts.
 */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Precedent',
    // NOTE: written inline, not built by a helper, so Electronegativity can read every flag.
    // An isolated, sandboxed page with no Node.js anywhere; its only way out is window.desktop.
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // A middle click on a link would ask for a new window: turned off at the source (Electronegativity's AUXCLICK check).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
      devTools: !options.isPackaged
    }
  })
  window.once('ready-to-show', () => window.show())
  window.loadURL(options.pageUrl).catch((error: unknown) => console.error('[window] the page failed to load', error))
  return window
}
