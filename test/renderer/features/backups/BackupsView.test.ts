import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { getDatabase, listBackups } from '@renderer/db'
import BackupsView from '@renderer/features/backups/BackupsView.vue'
import { backupFileName } from '@renderer/features/backups'
import { anIncident } from '../../../builders/domain'
import { givenStored } from '../../db/testDatabase'

let wrapper: VueWrapper | undefined

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
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

describe('backupFileName', () => {
  it('is sortable and has no colons', () => {
    expect(backupFileName('2026-11-29T10:05:09.123Z')).toBe('precedent-backup-2026-11-29T10-05-09.json')
  })
})
