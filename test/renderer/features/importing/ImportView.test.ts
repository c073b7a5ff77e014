import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { getDatabase, listBackups, listRevisions } from '@renderer/db'
import { setLocale } from '@renderer/i18n'
import type { IncidentId, OrganisationId } from '@shared/domain/ids'
import ImportView from '@renderer/features/importing/ImportView.vue'
import { aBundleInput, aJurisdictionInput, anIncidentInput, anOrganisationInput } from '../../../builders/sharedDomain'
import { givenStored } from '../../db/testDatabase'
import { useBrowserStorage } from '../../browserStorage'
import { aJurisdiction, anOrganisation } from '../../../builders/domain'

let wrapper: VueWrapper | undefined
const storage = useBrowserStorage()

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

async function mountView(): Promise<VueWrapper> {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:any(.*)*', component: { template: '<div />' } }] })
  await router.push('/import')
  wrapper = mount(ImportView, { attachTo: document.body, global: { plugins: [router] } })
  await flushPromises()
  return wrapper
}

function buttonNamed(view: VueWrapper, name: string) {
  const button = view.findAll('button').find((candidate) => candidate.text() === name)
  if (button === undefined)
    throw new Error(
      `No button named "${name}"; there are ${view
        .findAll('button')
        .map((b) => `"${b.text()}"`)
        .join(', ')}`
    )
  return button
}

async function chooseFiles(view: VueWrapper, ...files: File[]): Promise<void> {
  const input = view.get('input[type="file"]')
  expect(view.get(`label[for="${input.attributes('id')}"]`).text()).toBe('Files to import')
  Object.defineProperty(input.element, 'files', { value: files, configurable: true })
  await input.trigger('change')
  await vi.waitFor(() => expect(view.text()).not.toContain('Reading…'))
}

/** Runs the dry run and waits until its report or an error is shown. */
async function checkImport(view: VueWrapper): Promise<void> {
  await buttonNamed(view, 'Check what would be imported').trigger('click')
  await vi.waitFor(() => expect(view.find('.dry-run').exists() || view.find('[role="alert"] .import-error').exists()).toBe(true))
}

const summary = (view: VueWrapper) => view.get('.dry-run-summary').text()

let sequence = 0
function aBundleFile(name = 'kb.json', records: Parameters<typeof aBundleInput>[0] = {}): File {
  return new File([JSON.stringify(aBundleInput(records))], name, { type: 'application/json' })
}

describe('ImportView', () => {
  it('shows the dry run of a bundle, backs up, imports it, and plans the same file again as unchanged', async () => {
    sequence += 1
    const orgId = `org-view-${sequence}`
    const records = {
      organisations: [anOrganisationInput({ id: orgId, name: `View test company ${sequence}` })],
      incidents: [
        anIncidentInput({ id: `inc-view-${sequence}`, title: `View test breach ${sequence}`, organisations: [{ organisationId: orgId, role: 'involved' }] })
      ]
    }
    const view = await mountView()

    await chooseFiles(view, aBundleFile('kb.json', records))
    expect(view.text()).toContain('Recognised as Precedent bundle (JSON).')
    await checkImport(view)

    expect(summary(view)).toBe('2 new, 0 updated, 0 unchanged, 0 duplicates, 0 rejected')
    expect(view.get('table.dry-run-counts').text()).toContain('Organisations')
    expect(await getDatabase().incidents.get(`inc-view-${sequence}` as IncidentId)).toBeUndefined()

    await buttonNamed(view, 'Import 2 records').trigger('click')
    await vi.waitFor(() => expect(view.text()).toContain('Imported 2 records'), { timeout: 5000 })
    expect(await getDatabase().incidents.get(`inc-view-${sequence}` as IncidentId)).toMatchObject({ title: `View test breach ${sequence}` })
    expect((await listRevisions(getDatabase(), `inc-view-${sequence}`))[0]?.action).toBe('import')
    expect((await listBackups(getDatabase()))[0]?.reason).toBe('Before importing kb.json')
    expect(view.findAll('a').map((link) => link.text())).toContain('Show incidents (1 imported)')

    await buttonNamed(view, 'Import more files').trigger('click')
    await chooseFiles(view, aBundleFile('kb.json', records))
    await checkImport(view)
    expect(summary(view)).toBe('0 new, 0 updated, 2 unchanged, 0 duplicates, 0 rejected')
    expect(buttonNamed(view, 'Import 0 records').attributes('disabled')).toBeDefined()
  })

  it('shows the one-line reason a file cannot be read, and writes nothing', async () => {
    const before = await getDatabase().incidents.count()
    const view = await mountView()

    await chooseFiles(view, new File(['{"format": "precedent-bundle", "__proto__": {"x": 1}}'], 'evil.json'))
    await checkImport(view)

    expect(view.get('[role="alert"] .import-error').text()).toBe(
      'evil.json: The file contains a "__proto__" or "constructor.prototype" key, which is never imported'
    )
    expect(view.text()).toContain('Nothing was written.')
    expect(view.find('.dry-run').exists()).toBe(false)
    expect(await getDatabase().incidents.count()).toBe(before)
  })

  it('refuses to import over a record stored since the dry run, and checks again', async () => {
    sequence += 1
    const id = `org-race-${sequence}`
    const view = await mountView()
    await chooseFiles(view, aBundleFile('race.json', { organisations: [anOrganisationInput({ id, name: `Race ${sequence}` })] }))
    await checkImport(view)
    expect(summary(view)).toBe('1 new, 0 updated, 0 unchanged, 0 duplicates, 0 rejected')
    await givenStored(getDatabase(), { type: 'organisation', record: anOrganisation({ id, name: `Race ${sequence}` }) })

    await buttonNamed(view, 'Import 1 record').trigger('click')

    await vi.waitFor(() => expect(view.find('[role="alert"]').text()).toContain(`Nothing was imported: A record with the id "${id}" already exists`), {
      timeout: 5000
    })
    // The record stored meanwhile differs (another kind), so the new dry run offers it as an update.
    await vi.waitFor(() => expect(summary(view)).toBe('0 new, 1 updated, 0 unchanged, 0 duplicates, 0 rejected'))
  })

  it('reads files dropped on the drop area like chosen ones', async () => {
    const view = await mountView()
    const drop = view.get('.import-drop')
    const event = new Event('drop', { bubbles: true, cancelable: true })
    Object.defineProperty(event, 'dataTransfer', { value: { files: [aBundleFile('dropped.json')] } })

    drop.element.dispatchEvent(event)
    await vi.waitFor(() => expect(view.text()).toContain('Recognised as Precedent bundle (JSON).'))

    expect(event.defaultPrevented).toBe(true)
    expect(view.text()).toContain('Chosen: dropped.json')
  })

  it('refuses invalid UTF-8 naming the byte offset', async () => {
    const view = await mountView()
    await chooseFiles(view, new File([new Uint8Array([0x74, 0x69, 0x74, 0x6c, 0x65, 0x0a, 0xc3, 0x28])], 'bad.csv'))
    expect(view.get('[role="alert"] .import-error').text()).toBe(
      'bad.csv: The file is not valid UTF-8: invalid byte sequence at byte offset 6. Save it as UTF-8 and import it again'
    )
  })

  it('refuses a file over the size limit from its size alone', async () => {
    const view = await mountView()
    const huge = {
      name: 'huge.csv',
      size: 2 * 1024 * 1024 * 1024,
      arrayBuffer: () => Promise.reject(new Error('must not be read')),
      stream: () => {
        throw new Error('must not be read')
      }
    }
    const input = view.get('input[type="file"]')
    Object.defineProperty(input.element, 'files', { value: [huge], configurable: true })
    await input.trigger('change')
    await flushPromises()
    expect(view.get('[role="alert"] .import-error').text()).toBe('huge.csv: The file is 2 GB; files over 1 GB are not imported')
  })

  it('maps CSV columns by their accessible names, lists rejected rows by file, row and field, and imports the rest', async () => {
    sequence += 1
    const view = await mountView()
    const csv = `headline,when\nCSV breach ${sequence},2019-05\nAnother CSV breach ${sequence},2019-13\n`

    await chooseFiles(view, new File([csv], 'list.csv', { type: 'text/csv' }))
    expect(view.text()).toContain('Recognised as CSV or TSV spreadsheet.')
    const whenSelect = view.get('select[aria-label="Column when maps to"]')
    const headlineSelect = view.get('select[aria-label="Column headline maps to"]')
    await headlineSelect.setValue('title')
    await whenSelect.setValue('occurredOn')
    await checkImport(view)

    expect(summary(view)).toBe('1 new, 0 updated, 0 unchanged, 0 duplicates, 1 rejected')
    const rejection = view
      .get('table.dry-run-rejections tbody tr')
      .findAll('td')
      .map((cell) => cell.text())
    expect(rejection.slice(0, 3)).toEqual(['list.csv', '3', 'when'])
    await buttonNamed(view, 'Import 1 record').trigger('click')
    await vi.waitFor(() => expect(view.text()).toContain('Imported 1 record'), { timeout: 5000 })

    await buttonNamed(view, 'Import more files').trigger('click')
    await chooseFiles(view, new File([`when,headline\n2020,Later CSV breach ${sequence}\n`], 'later.csv', { type: 'text/csv' }))
    expect((view.get('select[aria-label="Column when maps to"]').element as HTMLSelectElement).value).toBe('occurredOn')
    expect((view.get('select[aria-label="Column headline maps to"]').element as HTMLSelectElement).value).toBe('title')
  })

  it('refuses a CSV file whose header row names a column twice, before any mapping', async () => {
    const view = await mountView()
    await chooseFiles(view, new File(['title,date,title\na,2015,b\n'], 'twice.csv', { type: 'text/csv' }))
    expect(view.get('[role="alert"] .import-error').text()).toBe('twice.csv, row 1, field "title": The column "title" appears more than once in the header row')
    expect(view.find('.csv-mappings').exists()).toBe(false)
  })

  it('skips stored records with new content unless "Update existing records" is chosen', async () => {
    sequence += 1
    const id = `org-update-${sequence}`
    await givenStored(getDatabase(), { type: 'jurisdiction', record: aJurisdiction({ id: 'CN' }) })
    const view = await mountView()
    await chooseFiles(
      view,
      aBundleFile('first.json', { organisations: [anOrganisationInput({ id, name: `Before ${sequence}` })], jurisdictions: [aJurisdictionInput()] })
    )
    await checkImport(view)
    await buttonNamed(
      view,
      view
        .findAll('button')
        .find((b) => b.text().startsWith('Import '))!
        .text()
    ).trigger('click')
    await vi.waitFor(() => expect(view.text()).toContain('Imported'), { timeout: 5000 })
    await buttonNamed(view, 'Import more files').trigger('click')

    await chooseFiles(view, aBundleFile('second.json', { organisations: [anOrganisationInput({ id, name: `After ${sequence}` })] }))
    await checkImport(view)
    expect(summary(view)).toBe('0 new, 1 updated, 0 unchanged, 0 duplicates, 0 rejected')
    expect(view.text()).toContain('1 stored record will be left as it is.')
    expect(buttonNamed(view, 'Import 0 records').attributes('disabled')).toBeDefined()

    const checkbox = view
      .findAll('label')
      .find((label) => label.text() === 'Update existing records')!
      .get('input')
    await checkbox.setValue(true)
    // The choice is planned again in the import worker, so the button's count follows a moment later.
    await vi.waitFor(() => buttonNamed(view, 'Import 1 record'))
    await buttonNamed(view, 'Import 1 record').trigger('click')
    await vi.waitFor(() => expect(view.text()).toContain('Imported 1 record'), { timeout: 5000 })
    expect(view.text()).toContain('0 new, 1 updated.')
    expect(await getDatabase().organisations.get(id as OrganisationId)).toMatchObject({ name: `After ${sequence}`, revision: 2 })
  })
})

describe('ImportView and the storage estimate (RELIABILITY-SECURITY 21)', () => {
  it('refuses chosen files that need more room than the browser has, before reading them', async () => {
    storage.free = 100
    const view = await mountView()

    await chooseFiles(view, aBundleFile('big.json'))

    expect(storage.estimates).toBeGreaterThan(0)
    expect(view.get('[role="alert"] .import-error').text()).toMatch(
      /^This import needs about [\d.]+ (?:bytes|KB|MB) of storage, but only 100 bytes is free\. Free some disk space, then try again\.$/
    )
    expect(view.text()).not.toContain('Recognised as')
  })

  it('checks the room again before writing, and writes nothing, not even the backup, when it has run short', async () => {
    sequence += 1
    const id = `org-room-${sequence}`
    const view = await mountView()
    await chooseFiles(view, aBundleFile('room.json', { organisations: [anOrganisationInput({ id, name: `Room ${sequence}` })] }))
    await checkImport(view)
    const backupsBefore = (await listBackups(getDatabase())).length
    storage.free = 100

    await buttonNamed(view, 'Import 1 record').trigger('click')

    await vi.waitFor(() => expect(view.find('[role="alert"]').exists()).toBe(true))
    expect(view.get('[role="alert"]').text()).toMatch(
      /^Nothing was imported: This import needs about [\d.]+ (?:bytes|KB|MB) of storage, but only 100 bytes is free\./
    )
    expect(await getDatabase().organisations.get(id as OrganisationId)).toBeUndefined()
    expect(await listBackups(getDatabase())).toHaveLength(backupsBefore)
  })
})

describe('ImportView in Chinese', () => {
  afterEach(() => {
    setLocale('en')
  })

  it('names the page, the file field, the format, the dry run and its buttons in Chinese', async () => {
    setLocale('zh-CN')
    const view = await mountView()
    const buttonTexts = () => view.findAll('button').map((button) => button.text())
    expect(view.get('h1').text()).toBe('导入')
    const input = view.get('input[type="file"]')
    expect(view.get(`label[for="${input.attributes('id')}"]`).text()).toBe('要导入的文件')

    const file = new File([JSON.stringify(aBundleInput({ incidents: [anIncidentInput({ id: 'inc-zh-import', title: 'Chinese view breach' })] }))], 'kb.json', {
      type: 'application/json'
    })
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
    await vi.waitFor(() => expect(view.text()).toContain('识别为 Precedent 数据包（JSON）。'))
    expect(view.text()).toContain('已选择：kb.json')

    const check = view.findAll('button').find((button) => button.text() === '检查将导入的内容')
    expect(check).toBeDefined()
    await check!.trigger('click')
    await vi.waitFor(() => expect(view.find('.dry-run').exists()).toBe(true))

    expect(view.get('.dry-run h2').text()).toBe('试运行：导入将执行的操作')
    expect(view.get('.dry-run-summary').text()).toBe('新增 1 条，更新 0 条，未更改 0 条，重复 0 条，拒绝 0 条')
    expect(view.findAll('table.dry-run-counts thead th').map((cell) => cell.text())).toEqual(['记录类型', '新增', '更新', '未更改', '重复', '已拒绝'])
    expect(view.get('table.dry-run-counts tbody th').text()).toBe('事件')
    expect(buttonTexts()).toContain('导入 1 条记录')
    expect(buttonTexts()).toContain('另选文件')
  })
})
