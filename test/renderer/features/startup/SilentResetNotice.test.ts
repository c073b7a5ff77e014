import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { getDatabase, listBackups } from '@renderer/db'
import { getDesktopClient } from '@renderer/desktop/desktopClient'
import { BACKUP_REASONS, backupRoutes, takeBackup } from '@renderer/features/backups'
import { SilentResetNotice } from '@renderer/features/startup'
import { anIncident } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

const reset = { lostRecordCount: 1234, lastSeenAt: '2026-11-29T10:00:00.000Z' }
let wrapper: VueWrapper | undefined

afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
})

/** The notice on the start page, with the real Backups page one link away. */
async function openStartPage() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: SilentResetNotice, props: { reset } }, ...backupRoutes] })
  await router.push('/')
  await router.isReady()
  wrapper = mount(RouterView, { global: { plugins: [pinia, router] }, attachTo: document.body })
  const notice = () => wrapper!.get('[role="alert"]')
  await vi.waitFor(() => expect(notice().findAll('a')).toHaveLength(1))
  return { view: wrapper, router, notice }
}

// In this order: the backups database of the test file is shared, and the last test keeps a backup.
describe('SilentResetNotice', () => {
  it('says how many records were lost and, with no kept backup left (web mode), leads to restoring a saved file', async () => {
    const { view, router, notice } = await openStartPage()

    expect(notice().text()).toContain('The browser cleared this knowledge base.')
    expect(notice().text()).toMatch(/It held 1,234 records when Precedent last opened it \(.*2026.*\); what you see now was loaded afresh\./)
    expect(notice().text()).toContain(
      'The backups kept in this browser were cleared with it. Restore from a backup file you saved with “Save the knowledge base as a file” to get your records back.'
    )
    const action = notice().get('a')
    expect(action.text()).toBe('Restore from a backup file')

    await action.trigger('click')

    // The Backups page is loaded on first use, as in the app: its first import takes a moment here.
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('backups'), { timeout: 10_000 })
    await vi.waitFor(() => expect(view.find('input[type="file"]').exists()).toBe(true))
    expect(view.get('label.file-button').text()).toBe('Restore from a backup file…')
    expect(view.find('[role="alertdialog"]').exists()).toBe(false)
  })

  it('points the desktop app to the backup files it writes beside its data', async () => {
    const client = getDesktopClient() as { kind: string }
    const kind = client.kind
    client.kind = 'electron'
    try {
      const { notice } = await openStartPage()

      expect(notice().text()).toContain('Precedent writes one to the “backups” folder in its data folder with every backup')
      expect(notice().get('a').text()).toBe('Restore from a backup file')
    } finally {
      client.kind = kind
    }
  })

  it('offers the newest kept backup when one survived, and its action opens that restore, which brings the records back', async () => {
    const lost = anIncident({ title: 'Only in the backup' })
    await givenStored(getDatabase(), { type: 'incident', record: lost })
    await takeBackup(BACKUP_REASONS.byHand, () => '2026-11-28T09:00:00.000Z')
    await takeBackup(BACKUP_REASONS.beforeImporting(['sample.json']), () => '2026-11-29T09:00:00.000Z')
    await getDatabase().incidents.delete(lost.id)
    const { view, router, notice } = await openStartPage()

    expect(notice().text()).toMatch(/It held 1,234 records/)
    const action = notice().get('a')
    expect(action.text()).toBe('Restore your latest backup')
    expect(notice().text()).toMatch(/Restore your latest backup \(taken .*29.*2026.*\) to get your records back\./)

    await action.trigger('click')

    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe('/backups?restore=latest'), { timeout: 10_000 })
    await vi.waitFor(() => expect(view.find('[role="alertdialog"]').exists()).toBe(true))
    const [newest] = await listBackups(getDatabase())
    expect(newest?.reason).toBe('Before importing sample.json')
    expect(view.get('[role="alertdialog"] h2').text()).toMatch(/^Restore the backup of .*29.*2026/)
    await view
      .findAll('button')
      .find((button) => button.text() === 'Restore this backup')!
      .trigger('click')
    await vi.waitFor(() => expect(view.find('[role="status"]').text()).toMatch(/^Restored\. 1 record written back/))
    expect(await getDatabase().incidents.get(lost.id)).toMatchObject({ title: 'Only in the backup' })
  })
})
