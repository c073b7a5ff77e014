import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { getDatabase, listBackups, SAVED_SEARCHES_KEY, writeKnowledgeBaseFile } from '@renderer/db'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import BackupsView from '@renderer/features/backups/BackupsView.vue'
import { backupFileName } from '@renderer/features/backups'
import { useBackupsStore } from '@renderer/features/backups/backupsStore'
import { anIncident } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'
import { useBrowserStorage } from '../../browserStorage'

let wrapper: VueWrapper | undefined
const storage = useBrowserStorage()

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  vi.restoreAllMocks()
  wrapper?.unmount()
  wrapper = undefined
})

function buttonNamed(view: VueWrapper, name: string) {
  const button = view.findAll('button').find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()) === name)
  if (button === undefined) throw new Error(`No button named "${name}"`)
  return button
}

describe('BackupsView', () => {
  it('takes a backup by hand, lists it, and restores it after a confirmation', async () => {
    const kept = anIncident({ title: 'Alipay default opt-in' })
    await givenStored(getDatabase(), { type: 'incident', record: kept })
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()

    await buttonNamed(wrapper, 'Back up now').trigger('click')
    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toMatch(/^Backup taken: \d+ records?\.$/))
    const [newest] = await listBackups(getDatabase())
    expect(newest?.reason).toBe('Backup taken by hand')

    const later = anIncident({ title: 'Added after the backup' })
    await givenStored(getDatabase(), { type: 'incident', record: later })
    const restoreButtons = wrapper.findAll('button').filter((button) => button.text() === 'Restore…')
    await restoreButtons[0]!.trigger('click')
    expect(wrapper.get('[role="alertdialog"]').text()).toContain('records added since are removed')
    await buttonNamed(wrapper, 'Restore this backup').trigger('click')

    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toMatch(/^Restored\. \d+ records? written back, 1 removed/))
    expect(await getDatabase().incidents.get(later.id)).toBeUndefined()
    expect(await getDatabase().incidents.get(kept.id)).toBeDefined()
    expect((await listBackups(getDatabase()))[0]?.reason).toMatch(/^Before restoring the backup of /)
  })

  it('says it is reading a backup, with no percentage, until the size read is known', async () => {
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()
    const store = useBackupsStore()

    store.restoreActivity = { phase: 'reading', done: 0, total: 0, records: 0 }
    await flushPromises()
    expect(wrapper.get('.restore-progress [role="status"]').text()).toBe('Reading the backup…')

    store.restoreActivity = { phase: 'reading', done: 250, total: 1000, records: 4200 }
    await flushPromises()
    expect(wrapper.get('.restore-progress [role="status"]').text()).toBe(`Reading the backup: 25%, ${new Intl.NumberFormat().format(4200)} records so far…`)
  })

  it('refuses a backup file that is not a bundle, and says why', async () => {
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()
    const input = wrapper.get('input[type="file"]')
    const file = new File(['{"format": "precedent-bundle", "version": 1}'], 'old.json', { type: 'application/json' })
    Object.defineProperty(input.element, 'files', { value: [file] })

    await input.trigger('change')

    await vi.waitFor(() => expect(wrapper!.find('[role="alert"]').text()).toMatch(/^The file is not a valid Precedent backup: /))
  })
})

describe('BackupsView restoring from a file', () => {
  async function chooseFile(view: VueWrapper, file: File): Promise<void> {
    const input = view.get('input[type="file"]')
    Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
    await input.trigger('change')
  }

  it('says what a restore put back beside the records, and that an older backup holds records only', async () => {
    await getDatabase().meta.put({ key: SAVED_SEARCHES_KEY, value: [{ id: 'search-1', name: 'Fines', query: 'fine', createdAt: '2026-11-29T10:00:00.000Z' }] })
    const { file } = await writeKnowledgeBaseFile(getDatabase(), { now: () => '2026-11-29T10:00:00.000Z' })
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()

    await chooseFile(wrapper, new File([await file.arrayBuffer()], 'precedent-backup-2026-11-29T10-00-00.json.gz', { type: 'application/gzip' }))
    await vi.waitFor(() =>
      expect(wrapper!.find('[role="status"]').text()).toContain(
        'Also put back: 0 briefings, 1 saved search, 0 merges, the history, preferences and import log.'
      )
    )

    const v1 = await readFile(resolve(__dirname, '../../../fixtures/backups/precedent-backup-v1.json'))
    await chooseFile(wrapper, new File([v1], 'precedent-backup-v1.json', { type: 'application/json' }))
    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toContain('This backup was made by an older version: it holds records only'))
    expect((await getDatabase().meta.get(SAVED_SEARCHES_KEY))?.value).toHaveLength(1)
  })

  it('restores a compressed bundle file (.json.gz) saved from the app', async () => {
    const kept = anIncident({ title: 'Kept in the file' })
    await givenStored(getDatabase(), { type: 'incident', record: kept })
    const { file } = await writeKnowledgeBaseFile(getDatabase(), { now: () => '2026-11-29T10:00:00.000Z' })
    await getDatabase().incidents.delete(kept.id)
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()

    await chooseFile(wrapper, new File([await file.arrayBuffer()], 'precedent-backup-2026-11-29T10-00-00.json.gz', { type: 'application/gzip' }))

    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toMatch(/^Restored\. 1 record written back/))
    expect(await getDatabase().incidents.get(kept.id)).toMatchObject({ title: 'Kept in the file' })
  })

  it('refuses a file that is not a bundle before taking any backup', async () => {
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()
    const before = (await listBackups(getDatabase())).length

    await chooseFile(wrapper, new File(['id,title\n1,Breach\n'], 'incidents.csv', { type: 'text/csv' }))

    await vi.waitFor(() =>
      expect(wrapper!.find('[role="alert"]').text()).toBe(
        'incidents.csv: This is not a Precedent backup: choose a .json or .json.gz bundle file saved from Precedent'
      )
    )
    expect(await listBackups(getDatabase())).toHaveLength(before)
  })

  it('can be cancelled while the safety backup is taken, and then changes nothing', async () => {
    const stays = anIncident({ title: 'Stays' })
    await givenStored(getDatabase(), { type: 'incident', record: stays })
    // The safety backup's file write waits until the person has pressed Cancel.
    let releaseBackupFile: () => void = () => undefined
    const backupFileWritten = new Promise<{ status: 'kept-in-browser' }>((resolve) => {
      releaseBackupFile = () => resolve({ status: 'kept-in-browser' })
    })
    vi.spyOn(getDesktopClient(), 'writeBackup').mockReturnValue(backupFileWritten)
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()

    await chooseFile(
      wrapper,
      new File(
        [
          '{"format":"precedent-bundle","version":1,"id":"x","revision":1,"createdAt":"2026-01-01T00:00:00.000Z","records":{"incidents":[],"organisations":[],"jurisdictions":[],"laws":[],"responses":[],"sources":[]}}'
        ],
        'empty.json'
      )
    )
    await vi.waitFor(() => expect(wrapper!.get('[role="status"]').text()).toBe('Taking a backup of the current state first…'))
    await buttonNamed(wrapper, 'Cancel restore').trigger('click')
    releaseBackupFile()

    await vi.waitFor(() => expect(wrapper!.find('[role="alert"]').text()).toBe('Restore cancelled: nothing was changed.'))
    expect(await getDatabase().incidents.get(stays.id)).toBeDefined()
  })
})

describe('BackupsView and the browser storage (RELIABILITY-SECURITY 21)', () => {
  it('refuses to restore a file that needs more room than is free, in plain words, before the safety backup', async () => {
    const kept = anIncident({ title: 'In the file only' })
    await givenStored(getDatabase(), { type: 'incident', record: kept })
    const { file } = await writeKnowledgeBaseFile(getDatabase(), { now: () => '2026-11-29T10:00:00.000Z' })
    await getDatabase().incidents.delete(kept.id)
    const backupsBefore = (await listBackups(getDatabase())).length
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()
    storage.free = 1024

    const input = wrapper.get('input[type="file"]')
    Object.defineProperty(input.element, 'files', {
      value: [new File([await file.arrayBuffer()], 'big.json.gz', { type: 'application/gzip' })],
      configurable: true
    })
    await input.trigger('change')

    await vi.waitFor(() => expect(wrapper!.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toMatch(
      /^This restore needs about [\d.]+ (?:KB|MB) of storage, but only 1 KB is free\. Free some disk space, then try again\. Nothing was changed\.$/
    )
    expect(await listBackups(getDatabase())).toHaveLength(backupsBefore)
    expect(await getDatabase().incidents.get(kept.id)).toBeUndefined()
  })

  it('refuses to restore a kept backup that needs more room than is free', async () => {
    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ title: 'Kept in a backup' }) })
    wrapper = mount(BackupsView, { attachTo: document.body })
    await flushPromises()
    await buttonNamed(wrapper, 'Back up now').trigger('click')
    await vi.waitFor(() => expect(wrapper!.find('[role="status"]').text()).toMatch(/^Backup taken/))
    const backupsBefore = (await listBackups(getDatabase())).length
    storage.free = 1024

    await wrapper
      .findAll('button')
      .find((button) => button.text() === 'Restore…')!
      .trigger('click')
    await buttonNamed(wrapper, 'Restore this backup').trigger('click')

    await vi.waitFor(() => expect(wrapper!.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toMatch(/^This restore needs about [\d.]+ (?:KB|MB) of storage, but only 1 KB is free\./)
    expect(await listBackups(getDatabase())).toHaveLength(backupsBefore)
  })

  it.each([
    [true, 'Storage is persistent.'],
    [false, 'This browser may clear stored data when disk space runs low: save a backup file.']
  ])('says whether the browser promised to keep the data (persisted: %s)', async (isPersisted, said) => {
    storage.isPersisted = isPersisted
    wrapper = mount(BackupsView, { attachTo: document.body })

    await vi.waitFor(() => expect(wrapper!.find('.storage-status').exists()).toBe(true))
    expect(wrapper.get('.storage-status').text()).toMatch(new RegExp(`^Using 5 MB of [\\d.]+ GB available to this app\\. ${said.replace(/\./g, '\\.')}$`))
  })
})

describe('backupFileName', () => {
  it('is sortable and has no colons', () => {
    expect(backupFileName('2026-11-29T10:05:09.123Z')).toBe('precedent-backup-2026-11-29T10-05-09.json.gz')
  })
})
