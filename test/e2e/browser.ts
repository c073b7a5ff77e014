import { chromium, type BrowserContext } from 'playwright-core'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

// Flags this machine needs: no sandbox as root, and no background networking (the network is closed,
// and Chromium's own connection attempts otherwise fail loudly). The profile directory is passed to
// launchPersistentContext, which refuses --user-data-dir in args.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/** Launches Chromium on a profile directory; relaunching on the same directory is a browser restart. */
export function launchBrowser(userDataDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 }
  })
}
