// Kept apart from the exporters so the Export dialog can list formats without loading them (the
// DOCX writer alone is large); `exportFormats.ts` re-exports all of it.

/** The formats a selection of records exports to, in the app's export dialog and the CLI's `export --format`. */
export const EXPORT_FORMATS = ['bundle', 'csv', 'stix', 'csl', 'ics', 'timelinejs', 'md', 'html', 'docx'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportFormatInfo {
  readonly label: string
  /** One line on what the file is for, as the Export dialog says it. */
  readonly description: string
  readonly extension: string
  readonly mediaType: string
  /** CSV writes one record type per file. */
  readonly isPerRecordType: boolean
}

/** What each format is called and how its files are named and typed, in the app and the CLI alike. */
export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  bundle: {
    label: 'Precedent bundle (JSON)',
    description: 'The records and everything they need, for importing into another Precedent.',
    extension: 'json',
    mediaType: 'application/json',
    isPerRecordType: false
  },
  csv: {
    label: 'CSV (one record type)',
    description: 'A spreadsheet table of one record type; formula-like cells are escaped.',
    extension: 'csv',
    mediaType: 'text/csv;charset=utf-8',
    isPerRecordType: true
  },
  stix: {
    label: 'STIX 2.1',
    description: 'Threat-intelligence objects: incidents, identities and their relationships.',
    extension: 'stix.json',
    mediaType: 'application/json',
    isPerRecordType: false
  },
  csl: {
    label: 'CSL-JSON citations',
    description: 'The sources and laws as citations for Zotero and other reference managers.',
    extension: 'csl.json',
    mediaType: 'application/json',
    isPerRecordType: false
  },
  ics: {
    label: 'iCalendar',
    description: 'Dated events as all-day calendar entries.',
    extension: 'ics',
    mediaType: 'text/calendar;charset=utf-8',
    isPerRecordType: false
  },
  timelinejs: {
    label: 'TimelineJS JSON',
    description: 'Events for a TimelineJS3 timeline.',
    extension: 'timeline.json',
    mediaType: 'application/json',
    isPerRecordType: false
  },
  md: {
    label: 'Markdown',
    description: 'A briefing of the records, with footnoted sources.',
    extension: 'md',
    mediaType: 'text/markdown;charset=utf-8',
    isPerRecordType: false
  },
  html: {
    label: 'Standalone HTML',
    description: 'A briefing of the records as one web page with no scripts.',
    extension: 'html',
    mediaType: 'text/html;charset=utf-8',
    isPerRecordType: false
  },
  docx: {
    label: 'DOCX (Word)',
    description: 'A briefing of the records as a Word document with footnotes.',
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    isPerRecordType: false
  }
}
