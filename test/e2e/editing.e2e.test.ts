import { describe, expect, inject, it } from 'vitest'
import type { Locator, Page } from 'playwright-core'
import { openAppPage, useBrowserProfile } from './browser'

const baseUrl = inject('baseUrl')
const browser = useBrowserProfile('editing')

const INCIDENT_TITLE = 'Wallet app enrolled users in credit scoring by default'
let incidentUrl = ''

const openApp = (path: string): Promise<Page> => openAppPage(browser.context, path)

/** Types into a record picker and presses ArrowDown until the wanted option is the active one, then Enter: no mouse. */
async function pickByKeyboard(page: Page, picker: Locator, typed: string, wanted: RegExp): Promise<void> {
  await picker.focus()
  await page.keyboard.type(typed)
  const listbox = page.locator(`#${await picker.getAttribute('aria-controls')}`)
  await listbox.getByRole('option').first().waitFor()
  const count = await listbox.getByRole('option').count()
  for (let step = 0; step < count; step += 1) {
    await page.keyboard.press('ArrowDown')
    const activeId = await picker.getAttribute('aria-activedescendant')
    if (wanted.test((await page.locator(`#${activeId}`).textContent()) ?? '')) {
      await page.keyboard.press('Enter')
      return
    }
  }
  throw new Error(`No option matching ${wanted} after typing "${typed}"`)
}

describe('editing and linking records in Chromium (web mode)', () => {
  it('creates an incident linked to Alipay and to Cybersecurity Law Article 41 by picking them', async () => {
    const page = await openApp('#/incidents/new')

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(INCIDENT_TITLE)
    await page.getByLabel('Occurred', { exact: true }).fill('2018-01')
    const organisationPicker = page.getByRole('combobox', { name: 'Add organisation' })
    await organisationPicker.focus()
    await page.keyboard.type('Ali')
    // Options are found in the views worker: wait for the answer to "Ali" before reading them.
    const listbox = page.getByRole('listbox', { name: 'Add organisation' })
    await listbox.getByRole('option', { name: /^Alipay\b/ }).waitFor()
    const options = await listbox.getByRole('option').allTextContents()
    expect(options.map((text) => text.split(' · ')[0])).toEqual(expect.arrayContaining(['Alibaba Group', 'Alipay']))
    await page.keyboard.press('Escape')
    await organisationPicker.fill('')
    await pickByKeyboard(page, organisationPicker, 'Ali', /^Alipay\b/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('incident-organisation-role-0')
    await page.keyboard.press('Tab')
    await pickByKeyboard(page, page.getByRole('combobox', { name: 'Add law' }), 'Cybersecurity', /^Cybersecurity Law of the People/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('incident-provisions-provision-0')
    await page.getByRole('combobox', { name: 'Provision of Cybersecurity Law' }).selectOption('41')
    await page.screenshot({ path: 'test-results/editing-incident-form.png', fullPage: true })
    await page.keyboard.press('Control+s')

    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    incidentUrl = page.url()
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe(INCIDENT_TITLE)
    await expect(page.getByLabel('Incident details').textContent()).resolves.toMatch(/Alipay\s*\(operator\)/)
    await expect(page.locator('section[aria-labelledby="provisions-heading"]').textContent()).resolves.toMatch(/Cybersecurity Law, Article 41/)
  })

  it("shows the new link on Alipay's page and on the law's page", async () => {
    const page = await openApp(new URL(incidentUrl).hash)
    await page.getByLabel('Incident details').getByRole('link', { name: 'Alipay' }).click()
    await page.getByRole('heading', { level: 1, name: 'Alipay' }).waitFor()

    await expect
      .poll(() => page.getByRole('region', { name: 'Linked incidents' }).textContent())
      .toMatch(new RegExp(`${INCIDENT_TITLE}.*Incident \\(operator\\)`, 's'))

    await page.goto(incidentUrl)
    await page
      .locator('section[aria-labelledby="provisions-heading"]')
      .getByRole('link', { name: /Cybersecurity Law, Article 41/ })
      .click()
    await page.getByRole('heading', { level: 1, name: /Cybersecurity Law/ }).waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'Linked incidents' }).textContent()).toMatch(INCIDENT_TITLE)
  })

  it('creates an organisation with a Chinese alias and finds it by part of that alias', async () => {
    const page = await openApp('#/organisations')
    await page.getByRole('link', { name: 'New organisation' }).click()

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('WeChat Pay')
    await page.getByRole('button', { name: 'Add alias' }).click()
    await page.keyboard.type('微信支付')
    await page.getByLabel('Language of alias 1').fill('zh')
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect(page.locator('.aliases [lang="zh"]').textContent()).resolves.toBe('微信支付')

    await page.goto(new URL('#/incidents/new', baseUrl).toString())
    await page.getByRole('combobox', { name: 'Add organisation' }).fill('支付')
    // Options are found in the views worker: wait for the answer to "支付" (which must include the
    // organisation saved a moment ago) before reading them.
    const listbox = page.getByRole('listbox', { name: 'Add organisation' })
    await listbox.getByRole('option', { name: /^WeChat Pay \(微信支付\)/ }).waitFor()
    const found = await listbox.getByRole('option').allTextContents()

    expect(found).toEqual(expect.arrayContaining([expect.stringMatching(/^Alipay \(支付宝\)/), expect.stringMatching(/^WeChat Pay \(微信支付\)/)]))
  })

  it('saves a relationship entered from the other end on the other organisation', async () => {
    const page = await openApp('#/organisations/new')

    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Tenpay')
    await pickByKeyboard(page, page.getByRole('combobox', { name: 'Add a subsidiary, unit, affiliate or something it operates' }), '微信', /^WeChat Pay/)
    await page.getByRole('combobox', { name: 'How WeChat Pay relates to this organisation' }).selectOption('operator')
    await page.getByRole('button', { name: 'Create organisation' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'Linked organisations' }).textContent()).toMatch(/WeChat Pay.*Operates/s)

    await page.getByRole('region', { name: 'Linked organisations' }).getByRole('link', { name: 'WeChat Pay' }).click()
    await page.getByRole('heading', { level: 1, name: 'WeChat Pay' }).waitFor()
    await expect.poll(() => page.getByRole('region', { name: 'Linked organisations' }).textContent()).toMatch(/Tenpay.*Operated by/s)
  })

  it("cites a new source in an organisation from the source's page, with a passage", async () => {
    const page = await openApp('#/sources')
    await page.getByRole('link', { name: 'New source' }).click()
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('WeChat Pay terms of service')
    await page.getByLabel('Published', { exact: true }).fill('2019-05')
    await page.getByRole('button', { name: 'Create source' }).click()
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()

    await page.getByRole('button', { name: 'Cite this source in…' }).click()
    await page.getByLabel('Passage it relies on (optional)').fill('Payment data may be shared with partners.')
    await pickByKeyboard(page, page.getByRole('combobox', { name: 'Record that cites it' }), 'WeChat', /^WeChat Pay/)
    await page.getByRole('status').filter({ hasText: 'Cited in “WeChat Pay”.' }).waitFor()

    await page.goto(new URL('#/organisations', baseUrl).toString())
    await page.getByRole('table', { name: 'Organisations' }).getByRole('link', { name: 'WeChat Pay' }).click()
    await expect.poll(() => page.getByRole('region', { name: 'Sources' }).textContent()).toMatch(/WeChat Pay terms of service.*Payment data may be shared/s)
  })

  it('keeps local notes on a jurisdiction', async () => {
    const page = await openApp('#/jurisdictions/IN')
    await page.getByRole('heading', { level: 1, name: 'India' }).waitFor()

    await page.getByRole('button', { name: 'Add notes' }).click()
    await page.keyboard.type('MeitY blocks apps under section 69A of the IT Act.')
    await page.keyboard.press('Control+s')

    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect(page.getByLabel('Jurisdiction details').textContent()).resolves.toMatch(/Notes\s*MeitY blocks apps/)
  })

  it('records a response answering the new incident with Article 41 as its legal basis', async () => {
    const incidentId = new URL(incidentUrl).hash.split('/').pop()?.split('?')[0] ?? ''
    const page = await openApp(`#/responses/new?incident=${incidentId}`)

    await expect.poll(() => page.getByRole('list', { name: 'Chosen: incidents it answers' }).textContent()).toMatch(INCIDENT_TITLE)
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Regulator summons the wallet operator')
    await page.getByLabel('Kind').selectOption('summons')
    await pickByKeyboard(page, page.getByRole('combobox', { name: 'Taken by *' }), 'CAC', /^Cyberspace Administration of China/)
    await pickByKeyboard(page, page.getByRole('combobox', { name: 'Add law' }), '网络安全', /^Cybersecurity Law of the People/)
    await page.getByRole('combobox', { name: 'Provision of Cybersecurity Law' }).selectOption('41')
    await page.getByRole('button', { name: 'Create response' }).click()

    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor()
    await expect.poll(() => page.getByLabel('Response details').textContent()).toMatch(/Legal basis\s*Cybersecurity Law, Article 41/)
    await expect.poll(() => page.getByRole('region', { name: 'Linked incidents' }).textContent()).toMatch(INCIDENT_TITLE)
  })

  it('refuses to delete an organisation that responses need, naming them', async () => {
    const page = await openApp('#/organisations/org-cac')

    await page.getByRole('button', { name: 'Delete organisation' }).click()

    const panel = page.getByRole('region', { name: 'Confirm deletion' })
    await expect(panel.textContent()).resolves.toMatch(/cannot be deleted while these records need it/)
    await expect(panel.textContent()).resolves.toMatch(/Regulator summons the wallet operator/)
    await expect(panel.getByRole('button', { name: 'Delete permanently' }).count()).resolves.toBe(0)
  })

  it('deletes the Cybersecurity Law after showing the links it removes, leaving no dangling link', async () => {
    const page = await openApp('#/laws/law-cn-cybersecurity-law')
    await page.getByRole('heading', { level: 1, name: /Cybersecurity Law/ }).waitFor()

    await page.getByRole('button', { name: 'Delete law' }).click()
    const panel = page.getByRole('region', { name: 'Confirm deletion' })
    await expect(panel.textContent()).resolves.toMatch(INCIDENT_TITLE)
    await expect(panel.textContent()).resolves.toMatch(/Regulator summons the wallet operator/)
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Delete permanently')
    await page.keyboard.press('Enter')
    await page.waitForURL(/#\/laws$/)

    await page.goto(incidentUrl.split('?')[0] ?? incidentUrl)
    await page.getByRole('heading', { level: 1, name: INCIDENT_TITLE }).waitFor()
    await expect(page.locator('section[aria-labelledby="provisions-heading"]').count()).resolves.toBe(0)
    await expect(page.getByRole('link', { name: /Cybersecurity Law/ }).count()).resolves.toBe(0)
    await page.goto(new URL('#/laws/law-cn-cybersecurity-law', baseUrl).toString())
    await page.getByRole('heading', { name: 'Law not found' }).waitFor()
  })

  it('refuses a title hiding a right-to-left override, naming the field and the character, and saves nothing', async () => {
    const page = await openApp('#/incidents/new')

    // Shown as "Leak of invoice_exe.pdf": the override reverses what follows it.
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill('Leak of invoice_\u202Efdp.exe')
    await page.getByRole('button', { name: 'Create incident' }).click()

    await page.getByText('Title contains an invisible right-to-left override (U+202E) after "Leak of invoice_"; remove it').waitFor()
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Not saved/)
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('incident-title')
    expect(page.url()).toMatch(/#\/incidents\/new$/)
  })
})
