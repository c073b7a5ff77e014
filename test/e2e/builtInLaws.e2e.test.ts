import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser, openAppPage } from './browser'

let userDataDir: string
let context: BrowserContext

const openApp = (path: string): Promise<Page> => openAppPage(context, path)

describe('the built-in GDPR in Chromium (web mode)', () => {
  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-'))
    await mkdir('test-results', { recursive: true })
    context = await launchBrowser(userDataDir)
  })

  afterAll(async () => {
    await context?.close()
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('shows every article of the GDPR on first run, each with its text on request', async () => {
    const page = await openApp('#/laws/law-eu-gdpr')
    const provisions = page.locator('.provision-list .provision')

    await expect.poll(() => provisions.count()).toBe(110)
    await expect(page.getByText('Article 5 — Principles relating to processing of personal data').isVisible()).resolves.toBe(true)
    const article99 = page.getByText('Text of Article 99', { exact: true })
    await article99.click()
    await expect(page.getByText(/2\. It shall apply from 25 May 2018\./).isVisible()).resolves.toBe(true)
  })
})
