import { describe, expect, it } from 'vitest'
import { recordSetOf } from '@shared/interchange/recordSet'
import { buildExportFile } from '../../../../src/renderer/features/exporting/buildExportFile'
import { exportFileNameFor, type ExportFormat } from '../../../../src/renderer/features/exporting/exportFormats'
import { anIncident } from '../../../builders/domain'

const listFormat: ExportFormat = {
  id: 'csv',
  label: 'CSV (one record type)',
  description: 'A table.',
  extension: 'csv',
  mediaType: 'text/csv;charset=utf-8',
  isPerRecordType: true,
  takesTimelinePicture: false,
  build: async (set, context) =>
    set.selected
      .filter((typed) => typed.type === context.recordType)
      .map((typed) => typed.record.id)
      .join('\n')
}
const now = new Date(2026, 10, 29, 12)

describe('buildExportFile', () => {
  it('names the file for the selection, the record type and the day', () => {
    expect(exportFileNameFor(listFormat, { title: 'Search results for “Alipay” / 支付宝', now, recordType: 'incident' }, '2026-11-29')).toBe(
      'search-results-for-alipay-支付宝-incidents-2026-11-29.csv'
    )
  })

  it('builds the content with the format and suggests a safe name', async () => {
    const incident = anIncident()

    const file = await buildExportFile(listFormat, recordSetOf([{ type: 'incident', record: incident }]), { title: 'Mine', now, recordType: 'incident' })

    expect(file).toMatchObject({
      content: incident.id,
      suggestedFileName: 'mine-incidents-2026-11-29.csv',
      mimeType: 'text/csv;charset=utf-8',
      filters: [{ name: 'CSV (one record type)', extensions: ['csv'] }]
    })
  })

  it('makes a typed file name safe (no directories, no reserved characters)', async () => {
    const file = await buildExportFile(listFormat, recordSetOf([]), { title: 'Mine', now, recordType: 'incident' }, '../../etc/pass:wd.csv')

    expect(file.suggestedFileName).toBe('etc-pass-wd.csv')
  })
})
