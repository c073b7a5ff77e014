import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('built-in-laws')

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

describe('the built-in GDPR in Chromium (web mode)', () => {
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
