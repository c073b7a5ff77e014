import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const browser = useBrowserProfile('merge')

// The sample incident, and the same incident typed again by an analyst (a hyphen short).
const SAMPLE_ID = 'inc-alipay-annual-bill-2018'
const SAMPLE_TITLE = 'Alipay annual-bill consent default enrolled users in Sesame Credit'
const RETYPED_TITLE = 'Alipay annual bill consent default enrolled users in Sesame Credit'
const SUMMONS_TITLE = 'Cyberspace Administration of China summons Alipay and Sesame Credit'

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

/** Creates the retyped incident through the incident form, as an analyst would, and returns its id. */
async function createRetypedIncident(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Incidents', exact: true }).click()
  await page.getByRole('link', { name: 'New incident' }).click()
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(RETYPED_TITLE)
  await page.getByRole('textbox', { name: 'Occurred', exact: true }).fill('2018-01-03')
  await page.getByRole('button', { name: 'Create incident' }).click()
  await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
  const id = /#\/incidents\/([^/?]+)/.exec(page.url())?.[1]
  if (id === undefined) throw new Error(`No incident id in ${page.url()}`)
  return id
}

/** From the Duplicates page, opens the comparison of the sample and the retyped incident and merges the sample into the new one. */
async function mergeSampleIntoRetyped(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click()
  const incidents = page.getByRole('list', { name: 'Possible duplicate incidents' })
  // The pair is named in list order, whichever record comes first.
  const pair = incidents.getByRole('article').filter({ hasText: RETYPED_TITLE }).filter({ hasText: SAMPLE_TITLE })
  await pair.waitFor()
  await page.screenshot({ path: 'test-results/duplicates.png', fullPage: true })
  await expect(pair.textContent()).resolves.toMatch(/100% alike.*Same title.*Same date: 3 January 2018/s)

  await pair.getByRole('link', { name: /^Compare and merge/ }).click()
  await page.getByRole('heading', { level: 1, name: 'Compare and merge incidents' }).waitFor()
  await page.getByRole('radio', { name: `Keep “${RETYPED_TITLE}”` }).check()
  const preview = page.getByRole('region', { name: 'What the merge will do' })
  await expect(preview.textContent()).resolves.toMatch(/6 records will point to/)
  await page.getByRole('button', { name: 'Merge', exact: true }).click()
  await page.getByRole('button', { name: 'Confirm merge' }).click()
}

describe('finding and merging duplicates in Chromium (web mode)', () => {
  it('flags a retyped incident, merges it, redirects the old address and undoes the merge', async () => {
    const page = await openApp('#/incidents')
    const retypedId = await createRetypedIncident(page)

    await mergeSampleIntoRetyped(page)

    await page.waitForURL(new RegExp(`#/incidents/${retypedId}$`))
    const notice = page.getByRole('region', { name: 'Merge' })
    await expect(notice.textContent()).resolves.toContain(`Merged “${SAMPLE_TITLE}” into “${RETYPED_TITLE}”.`)
    await page.getByRole('main').getByRole('link', { name: SUMMONS_TITLE }).first().waitFor()
    await page.screenshot({ path: 'test-results/merge-survivor.png', fullPage: true })

    await openApp(`#/incidents/${SAMPLE_ID}`)
    await page.waitForURL(new RegExp(`#/incidents/${retypedId}$`))
    await page
      .getByRole('status')
      .filter({ hasText: `“${SAMPLE_TITLE}” was merged into “${RETYPED_TITLE}”` })
      .waitFor()

    await openApp('#/responses/resp-cac-summons-2018-01-06')
    await page.getByRole('heading', { level: 1, name: SUMMONS_TITLE }).waitFor()
    await page.getByRole('main').getByRole('link', { name: RETYPED_TITLE }).first().waitFor()
    await expect(page.getByRole('main').getByRole('link', { name: SAMPLE_TITLE }).count()).resolves.toBe(0)

    await openApp('#/duplicates')
    await page.getByRole('button', { name: `Undo merge of “${SAMPLE_TITLE}” into “${RETYPED_TITLE}”` }).click()
    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor()

    await openApp(`#/incidents/${SAMPLE_ID}`)
    await page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor()
    await page.getByRole('main').getByRole('link', { name: SUMMONS_TITLE }).first().waitFor()
    await openApp('#/responses/resp-cac-summons-2018-01-06')
    await page.getByRole('main').getByRole('link', { name: SAMPLE_TITLE }).first().waitFor()
    await expect(page.getByRole('main').getByRole('link', { name: RETYPED_TITLE }).count()).resolves.toBe(0)
  })

  it('undoes a merge from the notice on the survivor’s page', async () => {
    const page = await openApp('#/incidents')
    const retypedId = /incidents\/([^/]+)$/.exec((await page.getByRole('link', { name: RETYPED_TITLE, exact: true }).getAttribute('href')) ?? '')?.[1]

    await mergeSampleIntoRetyped(page)
    await page.waitForURL(new RegExp(`#/incidents/${retypedId}$`))
    await page.getByRole('region', { name: 'Merge' }).getByRole('button', { name: 'Undo merge' }).click()

    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor()
    await page.getByRole('link', { name: `Open “${SAMPLE_TITLE}”` }).click()
    await page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor()
  })

  it('flags an organisation entered again under another spelling, merges it with its links and undoes the merge', async () => {
    const page = await openApp('#/organisations')
    await page.getByRole('link', { name: 'New organisation' }).first().click()
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('ALIPAY')
    await page.getByRole('button', { name: 'Add alias' }).click()
    await page.getByRole('textbox', { name: 'Alias 1', exact: true }).fill('支付宝')
    await page.getByRole('textbox', { name: 'Language of alias 1', exact: true }).fill('zh')
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    const newId = /#\/organisations\/([^/?]+)/.exec(page.url())?.[1]

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Duplicates' }).click()
    const pair = page.getByRole('list', { name: 'Possible duplicate organisations' }).getByRole('article').filter({ hasText: 'ALIPAY' })
    await expect(pair.textContent()).resolves.toMatch(/100% alike.*Same name after normalising: "alipay".*"支付宝"/s)
    await pair.getByRole('link', { name: /^Compare and merge/ }).click()
    await page.getByRole('radio', { name: 'Keep “ALIPAY”', exact: true }).check()
    await expect(page.getByRole('region', { name: 'What the merge will do' }).textContent()).resolves.toMatch(
      /records will point to “ALIPAY” instead:.*summons Alipay/s
    )
    await page.getByRole('button', { name: 'Merge', exact: true }).click()
    await page.getByRole('button', { name: 'Confirm merge' }).click()

    await page.waitForURL(new RegExp(`#/organisations/${newId}$`))
    await page.getByRole('region', { name: 'Merge' }).filter({ hasText: 'Merged “Alipay” into “ALIPAY”.' }).waitFor()
    await openApp('#/organisations/org-alipay')
    await page.waitForURL(new RegExp(`#/organisations/${newId}$`))
    await page.getByRole('status').filter({ hasText: '“Alipay” was merged into “ALIPAY”' }).waitFor()
    await openApp('#/responses/resp-cac-summons-2018-01-06')
    await page.getByRole('main').getByRole('link', { name: 'ALIPAY', exact: true }).first().waitFor()
    await page.screenshot({ path: 'test-results/merge-organisation-response.png', fullPage: true })

    await openApp('#/duplicates')
    await page.getByRole('button', { name: 'Undo merge of “Alipay” into “ALIPAY”' }).click()
    await page.getByRole('status').filter({ hasText: 'Merge undone' }).waitFor()
    await openApp('#/organisations/org-alipay')
    await page.getByRole('heading', { level: 1, name: 'Alipay', exact: true }).waitFor()
    await openApp('#/responses/resp-cac-summons-2018-01-06')
    await page.getByRole('main').getByRole('link', { name: 'Alipay', exact: true }).first().waitFor()
    await expect(page.getByRole('main').getByRole('link', { name: 'ALIPAY', exact: true }).count()).resolves.toBe(0)
  })

  it('stops flagging a pair once it is dismissed as not duplicates', async () => {
    const page = await openApp('#/duplicates')
    const incidents = page.getByRole('list', { name: 'Possible duplicate incidents' })
    await incidents.getByRole('article').first().waitFor()

    await incidents
      .getByRole('button', { name: /^Not duplicates/ })
      .first()
      .click()

    await page.getByRole('status').filter({ hasText: 'will not be flagged again' }).waitFor()
    await page.getByRole('region', { name: 'No likely duplicate incidents' }).waitFor()
  })
})
