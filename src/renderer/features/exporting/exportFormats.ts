import { RECORD_TYPE_LABELS, type RecordType } from '@shared/domain/recordTypes'
import type { ExportFormat as SharedExportFormat } from '@shared/interchange/exportFormats'
import type { RecordSet } from '@shared/interchange/recordSet'

/** The formats a selection can be exported in, in the order the dialog offers them. */
export const EXPORT_FORMAT_IDS = ['bundle', 'csv', 'stix', 'csl-json', 'icalendar', 'timelinejs', 'markdown', 'html', 'docx'] as const
export type ExportFormatId = (typeof EXPORT_FORMAT_IDS)[number]

/** What a format's builder is told besides the records. */
export interface ExportContext {
  /** What is exported, in words ("Search results for alipay"): a title for formats that have one. */
  readonly title: string
  readonly now: Date
  /** The record type a per-type format (CSV) writes. */
  readonly recordType: RecordType
}

export type ExportContent = string | Uint8Array<ArrayBuffer>

export interface ExportFormat {
  readonly id: ExportFormatId
  readonly label: string
  /** One line on what the file is for. */
  readonly description: string
  readonly extension: string
  readonly mimeType: string
  /** CSV writes one record type per file. */
  readonly isPerRecordType: boolean
  /** Absent while the exporter is not part of this version: the dialog shows the format as unavailable. */
  readonly build?: (set: RecordSet, context: ExportContext) => Promise<ExportContent>
}

/** "search results for alipay" → "Search results for alipay": a briefing's or bundle's title. */
function asDocumentTitle(title: string): string {
  return title.charAt(0).toLocaleUpperCase('en') + title.slice(1)
}

/**
 * Builds a format through the exporters' one dispatch, shared with the command line (so the app
 * and `precedent export` write the same bytes). Loaded on first use: the DOCX writer is large.
 */
function viaSharedExporters(format: SharedExportFormat): NonNullable<ExportFormat['build']> {
  return async (set, context) => {
    const { exportRecords } = await import('@shared/interchange/exportFormats')
    const { data } = await exportRecords(format, set, { now: context.now.toISOString(), title: asDocumentTitle(context.title), csvType: context.recordType })
    // A copy on a plain ArrayBuffer, as the desktop client's save takes.
    return typeof data === 'string' ? data : new Uint8Array(data)
  }
}

/**
 * Every export format. A format without `build` has no exporter in this version yet; it is
 * listed (so people know it is coming) but cannot be chosen.
 */
export const EXPORT_FORMATS: readonly ExportFormat[] = [
  {
    id: 'bundle',
    label: 'Precedent bundle (JSON)',
    description: 'The records and everything they need, for importing into another Precedent.',
    extension: 'json',
    mimeType: 'application/json',
    isPerRecordType: false,
    build: viaSharedExporters('bundle')
  },
  {
    id: 'csv',
    label: 'CSV (one record type)',
    description: 'A spreadsheet table of one record type; formula-like cells are escaped.',
    extension: 'csv',
    mimeType: 'text/csv;charset=utf-8',
    isPerRecordType: true,
    build: viaSharedExporters('csv')
  },
  {
    id: 'stix',
    label: 'STIX 2.1',
    description: 'Threat-intelligence objects: incidents, identities and their relationships.',
    extension: 'stix.json',
    mimeType: 'application/json',
    isPerRecordType: false,
    build: viaSharedExporters('stix')
  },
  {
    id: 'csl-json',
    label: 'CSL-JSON citations',
    description: 'The sources and laws as citations for Zotero and other reference managers.',
    extension: 'csl.json',
    mimeType: 'application/json',
    isPerRecordType: false,
    build: viaSharedExporters('csl')
  },
  {
    id: 'icalendar',
    label: 'iCalendar',
    description: 'Dated events as all-day calendar entries.',
    extension: 'ics',
    mimeType: 'text/calendar;charset=utf-8',
    isPerRecordType: false,
    build: viaSharedExporters('ics')
  },
  {
    id: 'timelinejs',
    label: 'TimelineJS JSON',
    description: 'Events for a TimelineJS3 timeline.',
    extension: 'timeline.json',
    mimeType: 'application/json',
    isPerRecordType: false,
    build: viaSharedExporters('timelinejs')
  },
  {
    id: 'markdown',
    label: 'Markdown',
    description: 'A briefing of the records, with footnoted sources.',
    extension: 'md',
    mimeType: 'text/markdown;charset=utf-8',
    isPerRecordType: false,
    build: viaSharedExporters('md')
  },
  {
    id: 'html',
    label: 'Standalone HTML',
    description: 'A briefing of the records as one web page with no scripts.',
    extension: 'html',
    mimeType: 'text/html;charset=utf-8',
    isPerRecordType: false,
    build: viaSharedExporters('html')
  },
  {
    id: 'docx',
    label: 'DOCX (Word)',
    description: 'A briefing of the records as a Word document with footnotes.',
    extension: 'docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    isPerRecordType: false,
    build: viaSharedExporters('docx')
  }
]

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

