import { describe, expect, inject, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const baseUrl = inject('baseUrl')
const ALIPAY_INCIDENT = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const browser = useBrowserProfile('search')

const openApp = (path = '#/search'): Promise<Page> => openAppPage(browser.context, path)

function results(page: Page) {
  return page.locator('.search-results a.search-result-link')
}

async function typeQuery(page: Page, query: string): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search', exact: true })
  await box.fill('')
  await box.pressSequentially(query)
}

describe('search in Chromium (web mode)', () => {
  it('runs the index in a Web Worker that the CSP allows', async () => {
    const page = await openApp()

    await expect.poll(() => page.workers().some((worker) => /searchIndex\.worker/.test(worker.url()))).toBe(true)
    expect(browser.pageErrors).toEqual([])
  })

  it('saves the index snapshot in the app database when idle', async () => {
    const page = await openApp()
    const snapshotVersion = () =>
      page.evaluate(
        () =>
          new Promise<unknown>((done) => {
            const request = indexedDB.open('precedent')
            request.onsuccess = () => {
              const read = request.result.transaction('meta').objectStore('meta').get('search:snapshot')
              read.onsuccess = () => {
                done((read.result as { value?: { indexVersion?: unknown } } | undefined)?.value?.indexVersion)
                request.result.close()
              }
            }
          })
      )

    await expect.poll(snapshotVersion, { timeout: 15_000 }).toBeTypeOf('number')
  })

  it('lists the Alipay incident before anything else as "sesame" is typed', async () => {
    const page = await openApp()

    await typeQuery(page, 'sesame')

    await expect.poll(() => results(page).first().textContent()).toBe(ALIPAY_INCIDENT)
    await expect.poll(() => page.locator('.search-results mark').first().textContent()).toMatch(/sesame/i)
    await page.screenshot({ path: 'test-results/search-sesame.png' })
  })

  it('finds Alipay by part of its Chinese name', async () => {
    const page = await openApp()

    await typeQuery(page, '支付')

    await expect.poll(() => results(page).allTextContents()).toContain('Alipay')
  })

  it('still finds the Alipay incident with a typo, on Enter', async () => {
    const page = await openApp()

    await typeQuery(page, 'sesmae')
    await page.keyboard.press('Enter')

    await expect.poll(() => page.url()).toContain('q=sesmae')
    await expect.poll(() => results(page).allTextContents()).toContain(ALIPAY_INCIDENT)
  })

  it('finds the 2020 block with jurisdiction:IN kind:ban', async () => {
    const page = await openApp(`#/search?q=${encodeURIComponent('jurisdiction:IN kind:ban')}`)

    await expect.poll(() => results(page).allTextContents()).toContain('MeitY blocks 59 apps, UC Browser among them')
  })

  it('explains bad syntax under the box instead of failing', async () => {
    const page = await openApp()

    await typeQuery(page, 'year:soon')

    await expect.poll(() => page.locator('#search-hints').textContent()).toMatch(/not a year/)
  })

  it('narrows the results with a facet and moves through them with the arrow keys', async () => {
    const page = await openApp(`#/search?q=${encodeURIComponent('uc browser')}`)
    await results(page).first().waitFor()

    await page.getByRole('button', { name: /^Type: Responses, \d+$/ }).click()

    await expect.poll(() => decodeURIComponent(page.url())).toContain('type:response')
    await expect.poll(() => page.locator('.search-result-group').count()).toBe(1)
    await page.getByRole('searchbox', { name: 'Search', exact: true }).press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const second = await results(page).nth(1).textContent()
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(second)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { level: 1, name: second ?? '' }).waitFor()
  })

  it('keeps a saved search across a reload and runs it from the navigation', async () => {
    const page = await openApp()
    await typeQuery(page, 'jurisdiction:IN kind:ban')

    await page.getByRole('button', { name: 'Save search' }).click()
    await page.getByRole('textbox', { name: 'Name for this search' }).fill('Indian bans')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('status').filter({ hasText: 'Saved “Indian bans”.' }).waitFor()
    await page.reload()
    await page.waitForSelector('main[data-ready="yes"]')
    await page.goto(new URL('#/incidents', baseUrl).toString())
    await page.getByRole('navigation', { name: 'Saved searches' }).getByRole('link', { name: 'Indian bans' }).click()

    await expect.poll(() => page.getByRole('searchbox', { name: 'Search', exact: true }).inputValue()).toBe('jurisdiction:IN kind:ban')
    await expect.poll(() => results(page).allTextContents()).toContain('MeitY blocks 59 apps, UC Browser among them')
  })

  it('renames and deletes a saved search', async () => {
    const page = await openApp()
    const list = page.getByRole('region', { name: 'Saved searches' })

    await list.getByRole('button', { name: 'Rename Indian bans' }).click()
    await list.getByRole('textbox', { name: 'New name for “Indian bans”' }).fill('Blocks in India')
    await list.getByRole('button', { name: 'Rename', exact: true }).click()
    await list.getByRole('link', { name: 'Blocks in India' }).waitFor()
    await list.getByRole('button', { name: 'Delete Blocks in India' }).click()

    await expect.poll(() => list.getByRole('link').count()).toBe(0)
  })

  it('finds a record edited in the app by its new words at once', async () => {
    const page = await openApp('#/incidents')
    await page
      .getByRole('table', { name: 'Incidents' })
      .getByRole('link', { name: /UC Browser/ })
      .click()
    await page.getByRole('link', { name: /^Edit/ }).first().click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('UC Browser sent identifiers to Quasarnet servers')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    await page.getByRole('searchbox', { name: 'Search everything' }).fill('quasarnet')
    await page.getByRole('searchbox', { name: 'Search everything' }).press('Enter')

    await expect.poll(() => results(page).allTextContents()).toEqual(['UC Browser sent identifiers to Quasarnet servers'])
  })

  it('jumps to any record from the Ctrl+K palette', async () => {
    const page = await openApp('#/laws')

    await page.keyboard.press('Control+k')
    const dialog = page.getByRole('dialog', { name: 'Go to record' })
    await dialog.getByRole('combobox').pressSequentially('芝麻')
    await dialog
      .getByRole('option', { name: /Sesame Credit/ })
      .first()
      .waitFor()
    await page.keyboard.press('Enter')

    await page.getByRole('heading', { level: 1, name: /Sesame Credit/ }).waitFor()
    await expect(dialog.isVisible()).resolves.toBe(false)
  })

  it('closes the palette with Escape and returns focus', async () => {
    const page = await openApp('#/incidents')
    await page.getByRole('searchbox', { name: 'Search everything' }).focus()

    await page.keyboard.press('Control+k')
    await page.getByRole('dialog', { name: 'Go to record' }).waitFor()
    await page.keyboard.press('Escape')

    await expect.poll(() => page.getByRole('dialog', { name: 'Go to record' }).isVisible()).toBe(false)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('header-search-input')
  })
})
