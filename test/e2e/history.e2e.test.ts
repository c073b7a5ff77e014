import { mkdtemp, mkdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import type { BrowserContext, Page } from 'playwright-core'
import { launchBrowser } from './browser'

const baseUrl = inject('baseUrl')
let userDataDir: string
let context: BrowserContext
let page: Page

// The sample is loaded "today"; the edits happen months later, so a day in between shows the
// record as loaded, before any edit.
const EDITED_AT = new Date('2027-03-01T10:00:00Z')
const BETWEEN_LOAD_AND_EDITS = '2027-01-15'
const FIRST_EDIT = 'Alipay enrolled users in Sesame Credit by default'
const SECOND_EDIT = 'Alipay pre-ticked consent to Sesame Credit in the 2017 annual bill'

async function go(path: string): Promise<void> {
  await page.goto(new URL(path, baseUrl).toString())
  await page.waitForSelector('main[data-ready="yes"]')
}

async function editTitle(title: string): Promise<void> {
  await page.getByRole('link', { name: 'Edit incident' }).click()
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title)
  await page.getByRole('button', { name: 'Save changes' }).click()
  await page.getByRole('heading', { level: 1, name: title }).waitFor()
}

function history() {
  return page.getByRole('region', { name: 'History' })
}

function historyEntries() {
  return history().locator('#history-list > ol > li')
}

describe('revision history in Chromium (web mode)', () => {
  let originalTitle: string
  let incidentPath: string

  beforeAll(async () => {
    userDataDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-history-'))
    await mkdir('test-results', { recursive: true })
    context = await launchBrowser(userDataDir)
    page = context.pages()[0] ?? (await context.newPage())
    await go('#/incidents')
    await page
      .getByRole('table', { name: 'Incidents' })
      .getByRole('link', { name: /Alipay/ })
      .click()
    const heading = page.getByRole('heading', { level: 1, name: /Alipay/ })
    await heading.waitFor()
    originalTitle = (await heading.textContent()) ?? ''
    incidentPath = new URL(page.url()).hash
    await page.clock.install({ time: EDITED_AT })
  })

  afterAll(async () => {
    await page?.screenshot({ path: 'test-results/history.png', fullPage: true }).catch(() => undefined)
    await context?.close()
    await rm(userDataDir, { recursive: true, force: true })
  })

  it('saves the author name in Preferences', async () => {
    await go('#/incidents')
    await page.getByRole('link', { name: 'Preferences' }).click()

    await page.getByRole('textbox', { name: 'Author name' }).fill('Mei Chen')
    await page.getByRole('button', { name: 'Save preferences' }).click()

    await page.getByRole('status').filter({ hasText: 'Saved. Changes from now on are recorded as made by Mei Chen.' }).waitFor()
  })

  it('lists both edits of the Alipay incident with the author and the old and new titles', async () => {
    await go(incidentPath)
    await editTitle(FIRST_EDIT)
    await editTitle(SECOND_EDIT)

    await history().getByRole('button', { name: 'Show history (2 changes)' }).click()

    const entries = historyEntries()
    await expect.poll(() => entries.count()).toBe(3)
    const newest = (await entries.nth(0).textContent()) ?? ''
    const older = (await entries.nth(1).textContent()) ?? ''
    expect(newest).toContain('by Mei Chen')
    expect(newest).toMatch(new RegExp(`Title: from\\s*${FIRST_EDIT}\\s*to\\s*${SECOND_EDIT}`))
    expect(older).toMatch(new RegExp(`Title: from\\s*${originalTitle}\\s*to\\s*${FIRST_EDIT}`))
  })

  it('restores the first version after confirmation, adding a restore entry', async () => {
    const firstVersion = historyEntries().filter({ has: page.getByRole('heading', { name: 'Version 1: As first stored' }) })

    await firstVersion.getByRole('button', { name: 'Restore this version' }).click()
    await firstVersion.getByRole('button', { name: 'Restore version 1' }).click()

    await page.getByRole('status').filter({ hasText: 'Restored version 1.' }).waitFor()
    await page.getByRole('heading', { level: 1, name: originalTitle }).waitFor()
    await history().getByRole('heading', { name: 'Version 4: Restored an earlier version' }).waitFor()
    expect(
      await history()
        .getByRole('button', { name: /^(Show|Hide) history \(3 changes\)$/ })
        .count()
    ).toBe(1)
  })

  it('undoes the last change', async () => {
    await page.getByRole('button', { name: 'Undo last change (restored version 1)' }).click()

    await page.getByRole('heading', { level: 1, name: SECOND_EDIT }).waitFor()
    await history().getByRole('heading', { name: 'Version 5: Undid the previous change' }).waitFor()
  })

  it('shows the record as it stood before the first edit on a chosen day', async () => {
    await history().getByLabel('Show as of').fill(BETWEEN_LOAD_AND_EDITS)

    const asOf = page.getByRole('region', { name: 'Record as of the chosen day' })
    await asOf.getByText('Showing this record as it stood on 15 January 2027').waitFor()
    expect(await asOf.getByRole('definition').filter({ hasText: originalTitle }).count()).toBe(1)
    await page.getByRole('heading', { level: 1, name: SECOND_EDIT }).waitFor()
  })
})
