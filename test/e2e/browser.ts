import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

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

/** How a test's Chromium differs from the default one. */
export interface BrowserOptions {
  /** The browser's language (`navigator.languages`, Accept-Language, `--lang`), e.g. 'zh-CN'; Chromium's default otherwise. */
  readonly locale?: string
}

/** Launches Chromium on a profile directory; relaunching on the same directory is a browser restart. */
export function launchBrowser(userDataDir: string, options: BrowserOptions = {}): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: options.locale === undefined ? CHROMIUM_ARGS : [...CHROMIUM_ARGS, `--lang=${options.locale}`],
    viewport: { width: 1280, height: 900 },
    ...(options.locale === undefined ? {} : { locale: options.locale })
  })
}

/**
 * Opens an app address (`#/incidents`) in the context's first tab and waits until the knowledge
 * base is ready. `freshLoad` goes through about:blank first: moving between two addresses of one
 * view keeps the page, and with it the last test's scroll position.
 */
export async function openAppPage(context: BrowserContext, path: string, options: { readonly freshLoad?: boolean } = {}): Promise<Page> {
  const page = context.pages()[0] ?? (await context.newPage())
  if (options.freshLoad === true) await page.goto('about:blank')
  await page.goto(new URL(path, inject('baseUrl')).toString())
  await page.waitForSelector('main[data-ready="yes"]')
  return page
}

/** Records the message of every uncaught error in any page of the context, present or future. */
export function collectPageErrors(context: BrowserContext, errors: string[]): void {
  context.on('page', (page) => page.on('pageerror', (error) => errors.push(error.message)))
  for (const page of context.pages()) page.on('pageerror', (error) => errors.push(error.message))
}

/** The browser of one test file, ready from its first test on. */
export interface BrowserProfile {
  readonly context: BrowserContext
  readonly userDataDir: string
  /** Uncaught errors of any page, for tests that check none happened. */
  readonly pageErrors: string[]
}

/**
 * Chromium on a fresh profile for the test file that calls it (at its top level): launched before
 * its tests, closed and its profile removed after, with page errors collected.
 */
export function useBrowserProfile(name: string, options: BrowserOptions = {}): BrowserProfile {
  let context: BrowserContext | undefined
  let userDataDir = ''
  const pageErrors: string[] = []
  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), `precedent-e2e-${name}-`))
    await mkdir('test-results', { recursive: true })
    context = await launchBrowser(userDataDir, options)
    collectPageErrors(context, pageErrors)
  })
  afterAll(async () => {
    await context?.close()
    await rm(userDataDir, { recursive: true, force: true })
  })
  return {
    get context() {
      if (context === undefined) throw new Error('The browser is launched in beforeAll; use the profile inside tests')
      return context
    },
    get userDataDir() {
      return userDataDir
    },
    pageErrors
  }
}
