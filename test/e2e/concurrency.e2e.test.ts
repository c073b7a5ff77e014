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
    // A page of the same origin that is not the app: the app would close its own connection (and reload) on the upgrade.
    const other = await context.newPage()
    await other.goto(new URL('not-the-app', baseUrl).toString())
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

  it('opens a knowledge base saved by a newer version read-only: everything is shown, nothing can be saved', async () => {
    // A newer Precedent upgraded the database (a version and a table this code does not know).
    const newer = await context.newPage()
    await newer.goto(new URL('not-the-app', baseUrl).toString())
    await newer.evaluate(async () => {
      const current = (await indexedDB.databases()).find((database) => database.name === 'precedent')?.version ?? 0
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('precedent', current + 10)
        request.onupgradeneeded = () => request.result.createObjectStore('futureTable', { keyPath: 'id' })
        request.onerror = () => reject(request.error)
        request.onsuccess = () => (request.result.close(), resolve())
      })
    })
    await newer.close()

    const page = await openTab('#/organisations/new')
    await page.getByRole('alert').filter({ hasText: 'Read-only: this knowledge base was saved by a newer version of Precedent.' }).waitFor()
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Never saved')
    await page.getByRole('button', { name: 'Create organisation' }).click()

    await page.getByText('Not saved: this knowledge base was saved by a newer version of Precedent and is open read-only.').first().waitFor()
    await page.goto(new URL('#/incidents', baseUrl).toString())
    await page.getByRole('link', { name: 'Smart TV maker collected viewing data without consent' }).waitFor()
    await page.goto(new URL('#/organisations', baseUrl).toString())
    await page.getByRole('table', { name: 'Organisations' }).getByRole('row').nth(1).waitFor()
    expect(await page.getByRole('link', { name: 'Never saved' }).count()).toBe(0)
  })
})
