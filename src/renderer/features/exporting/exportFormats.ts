import { RECORD_TYPE_LABELS, type RecordType } from '@shared/domain/recordTypes'
import {
  EXPORT_FORMAT_INFO,
  EXPORT_FORMATS as SHARED_EXPORT_FORMATS,
  type ExportFormat as SharedExportFormat,
  type ExportFormatInfo
} from '@shared/interchange/exportFormatInfo'
import type { ExportRequest } from '@shared/interchange/exportFormats'
import type { RecordSet } from '@shared/interchange/recordSet'
import { i18n, languageWords } from '@renderer/i18n'

/** The formats a selection can be exported in, in the order the dialog offers them: the shared registry's. */
export const EXPORT_FORMAT_IDS = SHARED_EXPORT_FORMATS
export type ExportFormatId = SharedExportFormat

/** What a format's builder is told besides the records. */
export interface ExportContext {
  /** What is exported, in words ("Search results for alipay"): a title for formats that have one. */
  readonly title: string
  readonly now: Date
  /** The record type a per-type format (CSV) writes. */
  readonly recordType: RecordType
  /** The records drawn on the timeline, for the formats that carry a picture. */
  readonly timelinePicture?: ExportRequest['timelinePicture']
}

export type ExportContent = string | Uint8Array<ArrayBuffer>

export interface ExportFormat extends ExportFormatInfo {
  /** Whether the file carries the timeline picture when one is drawn (the DOCX and HTML briefings). */
  readonly takesTimelinePicture: boolean
  readonly id: ExportFormatId
  readonly build: (set: RecordSet, context: ExportContext) => Promise<ExportContent>
}

/** "search results for alipay" → "Search results for alipay": a briefing's or bundle's title. */
function asDocumentTitle(title: string): string {
  return title.charAt(0).toLocaleUpperCase('en') + title.slice(1)
}

/**
 * Builds a format through the exporters' one dispatch, shared with the command line (so the app
 * and `precedent export` write the same bytes). Loaded on first use: the DOCX writer is large.
 */
function viaSharedExporters(format: SharedExportFormat): ExportFormat['build'] {
  return async (set, context) => {
    const { exportRecords } = await import('@shared/interchange/exportFormats')
    const { data } = await exportRecords(format, set, {
      now: context.now.toISOString(),
      title: asDocumentTitle(context.title),
      csvType: context.recordType,
      // A selection's briefing is written in the interface language (a stored briefing has its own).
      words: languageWords(),
      ...(context.timelinePicture === undefined ? {} : { timelinePicture: context.timelinePicture })
    })
    // A copy on a plain ArrayBuffer, as the desktop client's save takes.
    return typeof data === 'string' ? data : new Uint8Array(data)
  }
}

/** Every export format, each built through the shared exporters. */
export const EXPORT_FORMATS: readonly ExportFormat[] = SHARED_EXPORT_FORMATS.map((id) => ({
  id,
  ...EXPORT_FORMAT_INFO[id],
  takesTimelinePicture: id === 'docx' || id === 'html',
  build: viaSharedExporters(id)
}))

/**
 * A format's name or one-line description in the interface language (src/locales/<language>/exporting.json).
 * The English catalogue holds the shared registry's words; a format whose words it does not hold is shown as it is.
 */
export function exportFormatWords(format: Pick<ExportFormat, 'id' | 'label' | 'description'>, part: 'label' | 'description'): string {
  const key = `exporting.formats.${format.id}.${part}`
  return i18n.global.te(key, 'en') && i18n.global.t(key, {}, { locale: 'en' }) === format[part] ? i18n.global.t(key) : format[part]
}

export function exportFormat(id: ExportFormatId): ExportFormat {
  const format = EXPORT_FORMATS.find((candidate) => candidate.id === id)
  if (format === undefined) throw new Error(`Unknown export format "${id}"`)
  return format
}

/** A file name without directories or odd characters: "search-results-for-alipay-2026-11-29.csv" (incidents: "-incidents"). */
export function exportFileNameFor(format: ExportFormat, context: ExportContext, day: string): string {
  const stem = context.title
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  const type = format.isPerRecordType ? `-${RECORD_TYPE_LABELS[context.recordType].plural.toLowerCase()}` : ''
  return `${stem === '' ? 'export' : stem}${type}-${day}.${format.extension}`
}
