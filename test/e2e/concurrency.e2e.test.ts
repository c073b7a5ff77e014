import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './browser'

const baseUrl = inject('baseUrl')
let userDataDir: string
let context: BrowserContext

async function openTab(path: string): Promise<Page> {
  const page = await context.newPage()
  await page.goto(new URL(path, baseUrl).toString())
  await page.waitForSelector('main[data-ready="yes"]')
  return page
}

describe('two windows on one knowledge base', () => {
  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-tabs-'))
    context = await launchBrowser(userDataDir)
  })

  afterAll(async () => {
    await context?.close()
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('shows an incident created in one tab in the other tab without a reload', async () => {
    const watching = await openTab('#/incidents')
    const rows = watching.getByRole('table', { name: 'Incidents' }).locator('tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    const editing = await openTab('#/incidents/new')

    await editing.getByRole('textbox', { name: 'Title', exact: true }).fill('Smart TV maker collects viewing data')
    await editing.getByRole('button', { name: 'Create incident' }).click()
    await editing.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    await expect.poll(() => rows.count()).toBe(3)
    await watching.getByRole('link', { name: 'Smart TV maker collects viewing data' }).waitFor()
  })

  it('updates an open record page when another tab edits it', async () => {
    const reading = await openTab('#/incidents')
    await reading.getByRole('link', { name: 'Smart TV maker collects viewing data' }).click()
    await reading.getByRole('heading', { level: 1, name: 'Smart TV maker collects viewing data' }).waitFor()
    const editing = await openTab(`${new URL(reading.url()).hash}/edit`)

    await editing.getByRole('textbox', { name: 'Title', exact: true }).fill('Smart TV maker collected viewing data without consent')
    await editing.getByRole('button', { name: 'Save changes' }).click()
    await editing.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    await reading.getByRole('heading', { level: 1, name: 'Smart TV maker collected viewing data without consent' }).waitFor()
  })

  it('keeps what was typed in a form when a newer window upgrades the database, and offers it after the reload', async () => {
    const editing = await openTab('#/organisations/new')
    await editing.getByRole('textbox', { name: 'Name', exact: true }).fill('Typed before the update')
    const reloaded = editing.waitForEvent('load')

    // A newer Precedent in another tab: it asks for the next version (which closes every older
    // connection), then gives the upgrade up, so the stored version stays what this code knows.
    const other = await context.newPage()
    await other.goto(new URL('#/preferences', baseUrl).toString())
    await other.evaluate(async () => {
      const current = (await indexedDB.databases()).find((database) => database.name === 'precedent')?.version ?? 0
      await new Promise<void>((resolve) => {
        const request = indexedDB.open('precedent', current + 1)
        request.onupgradeneeded = () => request.transaction?.abort()
        request.onerror = () => resolve()
        request.onsuccess = () => {
          request.result.close()
          resolve()
        }
      })
    })
    await other.close()

    await reloaded
    await editing.waitForSelector('main[data-ready="yes"]')
    await expect.poll(() => editing.getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Typed before the update')
    await editing.getByRole('status').filter({ hasText: 'Your unsaved changes were kept while Precedent was updated in another window.' }).waitFor()
  })
})

