import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { getDatabase } from '@renderer/db'
import ExportDialog from '../../../../src/renderer/features/exporting/ExportDialog.vue'
import type * as ExportFormats from '../../../../src/renderer/features/exporting/exportFormats'
import type { ExportFormat } from '../../../../src/renderer/features/exporting/exportFormats'
import { givenStored } from '../../db/testDatabase'
import { anIncident, aSource } from '../../../builders/domain'

const saveFile = vi.hoisted(() => vi.fn())
vi.mock('@renderer/desktop/desktopClient', () => ({ getDesktopClient: () => ({ saveFile }) }))

// Two formats stand in for the real list: one that lists ids per record type, one that counts them.
vi.mock('../../../../src/renderer/features/exporting/exportFormats', async (importOriginal) => {
  const original = await importOriginal<typeof ExportFormats>()
  const formats: ExportFormat[] = [
    {
      id: 'csv',
      label: 'CSV (one record type)',
      description: 'A table.',
      extension: 'csv',
      mediaType: 'text/csv',
      isPerRecordType: true,
      takesTimelinePicture: false,
      build: async (set, context) =>
        set.selected
          .filter((typed) => typed.type === context.recordType)
          .map((typed) => typed.record.id)
          .join(',')
    },
    {
      id: 'stix',
      label: 'STIX 2.1',
      description: 'Objects.',
      extension: 'stix.json',
      mediaType: 'application/json',
      isPerRecordType: false,
      takesTimelinePicture: false,
      build: async (set) => String(set.selected.length)
    }
  ]
  return { ...original, EXPORT_FORMATS: formats, exportFormat: (id: string) => formats.find((format) => format.id === id) }
})

let wrapper: VueWrapper | undefined

afterEach(async () => {
  wrapper?.unmount()
  wrapper = undefined
  saveFile.mockReset()
  const db = getDatabase()
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear()
  })
})

async function openDialog(ids: readonly string[]) {
  wrapper = mount(ExportDialog, { props: { title: 'search results for alipay', loadRecordIds: async () => ids }, attachTo: document.body })
  await (wrapper.vm as unknown as { open(): Promise<void> }).open()
  await flushPromises()
  return wrapper
}

const labelOf = (dialog: VueWrapper, selector: string) => dialog.get(selector).element.closest('label')?.textContent?.replace(/\s+/g, ' ').trim()

describe('ExportDialog', () => {
  it('is a dialog named by its heading, saying how many records of each type go out', async () => {
    const incident = anIncident({ id: 'inc-alipay', title: 'Alipay' })
    await givenStored(getDatabase(), { type: 'incident', record: incident }, { type: 'source', record: aSource({ id: 'src-1' }) })

    const dialog = await openDialog(['inc-alipay', 'src-1', 'deleted-meanwhile'])

    const element = dialog.get('dialog')
    expect(dialog.get(`#${element.attributes('aria-labelledby')}`).text()).toBe('Export search results for alipay')
    expect(dialog.get('[role="status"]').text()).toBe('2 records will be exported (1 incident, 1 source).')
  })

  it('names every format and control', async () => {
    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ id: 'inc-alipay' }) })

    const dialog = await openDialog(['inc-alipay'])

    expect(dialog.get('legend').text()).toBe('Format')
    expect(labelOf(dialog, 'input[value="stix"]')).toBe('STIX 2.1 Objects.')
    expect(labelOf(dialog, 'input[value="csv"]')).toBe('CSV (one record type) A table.')
    expect((dialog.get('input[value="csv"]').element as HTMLInputElement).checked).toBe(true)
    expect(dialog.get(`label[for="${dialog.get('select').attributes('id')}"]`).text()).toBe('Record type')
    expect(dialog.get(`label[for="${dialog.get('input[type="text"]').attributes('id')}"]`).text()).toBe('File name')
    expect(dialog.findAll('button').map((button) => button.text())).toEqual(['Export', 'Close'])
  })

  it('saves the chosen format under a safe file name and reports where it went', async () => {
    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ id: 'inc-alipay' }) }, { type: 'incident', record: anIncident({ id: 'inc-uc' }) })
    saveFile.mockResolvedValue({ status: 'downloaded', fileName: 'alipay.csv' })
    const dialog = await openDialog(['inc-uc', 'inc-alipay'])

    await dialog.get('input[type="text"]').setValue('a/b:alipay.csv')
    await dialog.get('form').trigger('submit')
    await flushPromises()

    expect(saveFile).toHaveBeenCalledWith(expect.objectContaining({ content: 'inc-uc,inc-alipay', suggestedFileName: 'a-b-alipay.csv', mimeType: 'text/csv' }))
    expect(dialog.text()).toContain('Downloaded as alipay.csv.')
  })

  it('says what to do when there is nothing to export, and offers no Export', async () => {
    const dialog = await openDialog([])

    expect(dialog.get('[role="status"]').text()).toContain('Nothing to export')
    expect(dialog.get('button[type="submit"]').attributes('disabled')).toBeDefined()
  })

  it('says the export failed, and that nothing was saved', async () => {
    await givenStored(getDatabase(), { type: 'incident', record: anIncident({ id: 'inc-alipay' }) })
    saveFile.mockRejectedValue(new Error('disk full'))
    const dialog = await openDialog(['inc-alipay'])

    await dialog.get('form').trigger('submit')
    await flushPromises()

    expect(dialog.get('[role="alert"]').text()).toBe(
      'The CSV (one record type) export failed: disk full. Nothing was saved; try again or choose another format.'
    )
  })
})
