import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { initTeamSchema } from '../../src/node/team/pgTeamServer'
import type { TeamConnection } from '../../src/shared/team/teamProtocol'
import { startThrowawayPostgres, type ThrowawayPostgres } from '../support/throwawayPostgres'
import { collectPageErrors, launchBrowser } from './browser'
import { installTeamBridge } from './teamHarness'

// Two analysts, two browser profiles, one team database (issue 13): the real page, the real sync
// engine in it, and the real PostgreSQL adapter behind the desktop bridge the harness supplies.

interface Analyst {
  readonly name: string
  readonly connection: TeamConnection
  context: BrowserContext
  page: Page
  userDataDir: string
  closeBridge: () => Promise<void>
  readonly errors: string[]
}

let postgres: ThrowawayPostgres | undefined
const analysts: Analyst[] = []
const INCIDENT_TITLE = 'Ride-hailing app kept trip records after deletion'

async function startAnalyst(name: string, connection: TeamConnection): Promise<Analyst> {
  const userDataDir = await mkdtemp(join(tmpdir(), `precedent-e2e-team-${name}-`))
  const context = await launchBrowser(userDataDir)
  const errors: string[] = []
  collectPageErrors(context, errors)
  const closeBridge = await installTeamBridge(context)
  const page = context.pages()[0] ?? (await context.newPage())
  await page.goto(new URL('#/team', inject('baseUrl')).toString())
  await page.waitForSelector('main[data-ready="yes"]')
  const analyst = { name, connection, context, page, userDataDir, closeBridge, errors }
  analysts.push(analyst)
  return analyst
}

async function go(analyst: Analyst, path: string): Promise<void> {
  await analyst.page.goto(new URL(path, inject('baseUrl')).toString())
  await analyst.page.waitForSelector('main[data-ready="yes"]')
}

async function connect(analyst: Analyst): Promise<void> {
  const { page, connection } = analyst
  await page.getByRole('heading', { name: 'Team', level: 1 }).waitFor()
  await page.getByRole('textbox', { name: 'Server' }).fill(connection.host)
  await page.getByRole('textbox', { name: 'Port' }).fill(String(connection.port))
  await page.getByRole('textbox', { name: 'Database' }).fill(connection.database)
  await page.getByRole('textbox', { name: 'User name' }).fill(connection.user)
  await page.getByLabel('Password').fill(connection.password ?? '')
  await page.getByRole('button', { name: 'Connect' }).click()
  await page.getByText(`${connection.user}, editor`).waitFor()
  await syncOutcome(analyst)
}

/** The line a finished sync leaves: "Synced: …", or the page's one-line error, which fails the test at once. */
async function syncOutcome(analyst: Analyst): Promise<string> {
  const { page } = analyst
  const outcome = page
    .getByRole('status')
    .filter({ hasText: /^Synced: / })
    .or(page.getByRole('alert'))
  await outcome.first().waitFor({ timeout: 120_000 })
  const text = (await outcome.first().textContent()) ?? ''
  if (!text.startsWith('Synced: ')) throw new Error(`${analyst.name} could not sync: ${text}`)
  return text
}

async function syncNow(analyst: Analyst): Promise<string> {
  await go(analyst, '#/team')
  const { page } = analyst
  await page.getByRole('button', { name: 'Sync now' }).waitFor()
  // The start of the page may be syncing on its own: wait for the button to be enabled.
  await expect.poll(() => page.getByRole('button', { name: 'Sync now' }).isEnabled(), { timeout: 60_000 }).toBe(true)
  await page.getByRole('button', { name: 'Sync now' }).click()
  return syncOutcome(analyst)
}

async function editIncident(analyst: Analyst, incidentPath: string, fields: { title?: string; summary?: string }): Promise<void> {
  await go(analyst, `${incidentPath}/edit`)
  const { page } = analyst
  await page
    .getByRole('textbox', { name: 'Title', exact: true })
    .waitFor({ timeout: 10_000 })
    .catch(async (error: unknown) => {
      throw new Error(`${analyst.name} has no incident form at ${page.url()}: ${await page.locator('main').innerText()}`, { cause: error })
    })
  if (fields.title !== undefined) await page.getByRole('textbox', { name: 'Title', exact: true }).fill(fields.title)
  if (fields.summary !== undefined) await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(fields.summary)
  await page.keyboard.press('Control+s')
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
}

beforeAll(async () => {
  postgres = await startThrowawayPostgres()
  await initTeamSchema(postgres.superuser)
}, 180_000)

afterAll(async () => {
  for (const analyst of analysts) {
    await analyst.closeBridge().catch(() => undefined)
    await analyst.context.close().catch(() => undefined)
    await rm(analyst.userDataDir, { recursive: true, force: true })
  }
  await postgres?.stop()
}, 60_000)

describe('two analysts sharing a knowledge base on PostgreSQL', () => {
  let alice: Analyst
  let bob: Analyst
  let incidentPath = ''

  it('both connect from the Team page and share what each has', async () => {
    alice = await startAnalyst('alice', await postgres!.createAnalyst('alice', 'editor'))
    bob = await startAnalyst('bob', await postgres!.createAnalyst('bob', 'editor'))
    await connect(alice)

    await go(alice, '#/incidents/new')
    await alice.page.getByRole('textbox', { name: 'Title', exact: true }).fill(INCIDENT_TITLE)
    await alice.page.getByLabel('Occurred', { exact: true }).fill('2019-04')
    await alice.page.getByRole('textbox', { name: 'Summary', exact: true }).fill('The app kept trip records for years.')
    await alice.page.keyboard.press('Control+s')
    await alice.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    incidentPath = new URL(alice.page.url()).hash.replace(/\?.*$/, '')
    expect(incidentPath).toMatch(/^#\/incidents\/[^/]+$/)
    expect(await syncNow(alice)).toMatch(/^Synced: [1-9]\d* sent/)

    await connect(bob)
    await go(bob, incidentPath)
    await expect.poll(() => bob.page.getByRole('heading', { level: 1 }).textContent()).toBe(INCIDENT_TITLE)
    await expect.poll(() => bob.page.getByRole('link', { name: /^Team: synced$/ }).count()).toBe(1)
  }, 300_000)

  it('both edit the incident offline; after both sync, the conflict is in the second one’s inbox', async () => {
    await editIncident(alice, incidentPath, { title: 'Ride-hailing app kept trip records (corrected)' })
    await editIncident(bob, incidentPath, { title: 'Ride-hailing app retained deleted trips', summary: 'Trip records were retained after users deleted them.' })
    await go(bob, '#/team')
    await expect.poll(() => bob.page.getByRole('link', { name: /^Team: \d+ pending$/ }).count()).toBe(1)

    expect(await syncNow(alice)).toMatch(/^Synced: 1 sent/)
    expect(await syncNow(bob)).toMatch(/1 conflict to resolve\.$/)

    await bob.page.getByRole('link', { name: 'Conflicts inbox', exact: true }).click()
    const row = bob.page.getByRole('row').filter({ hasText: 'Ride-hailing app retained deleted trips' })
    await row.waitFor()
    await expect(row.textContent()).resolves.toMatch(/Edited by alice.*Edited by bob/)
  }, 180_000)

  it('the second analyst resolves it field by field; after both sync, both hold the same record', async () => {
    const { page } = bob
    await page.getByRole('link', { name: 'Ride-hailing app retained deleted trips' }).click()
    await page.getByRole('group', { name: 'Title' }).getByRole('radio', { name: 'Keep theirs' }).check()
    await page.getByRole('group', { name: 'Summary' }).getByRole('radio', { name: 'Keep mine' }).check()
    await page.getByRole('button', { name: 'Resolve' }).click()
    await page
      .getByRole('status')
      .filter({ hasText: /^Resolved / })
      .waitFor()
    await expect.poll(() => page.getByText('No open conflicts').count()).toBeGreaterThan(0)

    await syncNow(bob)
    await syncNow(alice)
    for (const analyst of [alice, bob]) {
      await go(analyst, incidentPath)
      await expect.poll(() => analyst.page.getByRole('heading', { level: 1 }).textContent()).toBe('Ride-hailing app kept trip records (corrected)')
      await expect(analyst.page.locator('p.summary').first().textContent()).resolves.toBe('Trip records were retained after users deleted them.')
    }
    expect(alice.errors).toEqual([])
    expect(bob.errors).toEqual([])
  }, 180_000)

  it('keeps no password in the page: not in IndexedDB, not in local or session storage', async () => {
    for (const analyst of [alice, bob]) {
      const stored = await analyst.page.evaluate(async () => {
        const texts: string[] = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })]
        for (const { name } of await indexedDB.databases()) {
          if (name === undefined) continue
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const request = indexedDB.open(name)
            request.onsuccess = () => resolve(request.result)
            request.onerror = () => reject(request.error)
          })
          for (const storeName of Array.from(db.objectStoreNames)) {
            const rows = await new Promise<unknown[]>((resolve, reject) => {
              const request = db.transaction(storeName).objectStore(storeName).getAll()
              request.onsuccess = () => resolve(request.result)
              request.onerror = () => reject(request.error)
            })
            texts.push(JSON.stringify(rows))
          }
          db.close()
        }
        return texts.join('\n')
      })
      expect(stored.length).toBeGreaterThan(1000)
      expect(stored).toContain('Ride-hailing app kept trip records (corrected)')
      expect(stored).not.toContain(analyst.connection.password!)
    }
  })

  it('in a plain browser, the Team page says team sync needs the desktop app', async () => {
    const userDataDir = await mkdtemp(join(tmpdir(), 'precedent-e2e-team-web-'))
    const context = await launchBrowser(userDataDir)
    try {
      const page = context.pages()[0] ?? (await context.newPage())
      await page.goto(new URL('#/team', inject('baseUrl')).toString())
      await page.waitForSelector('main[data-ready="yes"]')
      await page.getByRole('heading', { name: 'Team sync needs the desktop app' }).waitFor()
      await expect(page.getByLabel('Password').count()).resolves.toBe(0)
      await expect(page.getByRole('link', { name: /^Team: / }).count()).resolves.toBe(0)
    } finally {
      await context.close()
      await rm(userDataDir, { recursive: true, force: true })
    }
  })
})
