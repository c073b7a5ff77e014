import { briefingForSelection } from '../briefing/briefingForSelection'
import { composeBriefingDocument } from '../briefing/briefingDocument'
import { briefingToDocx } from '../briefing/briefingToDocx'
import { briefingToHtml } from '../briefing/briefingToHtml'
import { briefingToMarkdown } from '../briefing/briefingToMarkdown'
import type { RecordType } from '../domain/recordTypes'
import type { LanguageWords } from '../locale/languageWords'
import { exportRecordsCsv } from './csv/exportRecordsCsv'
import { exportSelectionBundle } from './export/bundleSelection'
import { exportCslJson } from './export/cslJson'
import { exportICalendar } from './export/iCalendar'
import { exportTimelineJs } from './export/timelineJs'
import { EXPORT_FORMAT_INFO, type ExportFormat, type ExportFormatInfo } from './exportFormatInfo'
import type { RecordSet } from './recordSet'
import { exportStixBundle } from './stix/exportStixBundle'

export { EXPORT_FORMATS, EXPORT_FORMAT_INFO, type ExportFormat, type ExportFormatInfo } from './exportFormatInfo'

export interface ExportRequest {
  /** ISO timestamp of the export. */
  readonly now: string
  /** Title of the bundle or briefing. */
  readonly title: string
  /** Which record type a CSV holds (one table per type); defaults to the first selected record's type. */
  readonly csvType?: RecordType
  /**
   * The records drawn on the timeline, for the DOCX (PNG, pixel size) and HTML (SVG) briefings. The
   * page draws it with the app's own chart; the CLI has no page, so its briefings go without.
   */
  readonly timelinePicture?: { readonly png: Uint8Array; readonly svg: string; readonly width: number; readonly height: number }
  /** The language of the briefing formats (DOCX, Markdown, HTML): the page's interface language, the command line's --lang. */
  readonly words: LanguageWords
}

export interface ExportedFile {
  readonly data: string | Uint8Array
  readonly info: ExportFormatInfo
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`

/** Exports a selection in one format: the one dispatch the app and the command line share. */
export async function exportRecords(format: ExportFormat, set: RecordSet, request: ExportRequest): Promise<ExportedFile> {
  const info = EXPORT_FORMAT_INFO[format]
  const asOf = request.now.slice(0, 10)
  const picture = request.timelinePicture
  const briefing = () => composeBriefingDocument(briefingForSelection(set, { title: request.title, asOf, now: request.now }), set, request.words)
  switch (format) {
    case 'csv':
      return { info, data: exportRecordsCsv(set, request.csvType ?? set.selected[0]?.type ?? 'incident') }
    case 'stix':
      return { info, data: json(exportStixBundle(set, { now: request.now })) }
    case 'md':
      return { info, data: briefingToMarkdown(briefing()) }
    case 'html':
      return { info, data: briefingToHtml(briefing(), picture === undefined ? {} : { timelineSvg: picture.svg }) }
    case 'docx':
      return {
        info,
        data: await briefingToDocx(
          briefing(),
          picture === undefined ? {} : { timelineImage: { png: picture.png, width: picture.width, height: picture.height } }
        )
      }
    case 'bundle':
      return { info, data: json(exportSelectionBundle(set, { id: 'precedent-export', title: request.title, createdAt: request.now })) }
    case 'csl':
      return { info, data: json(exportCslJson(set)) }
    case 'ics':
      return { info, data: exportICalendar(set, { now: request.now }) }
    case 'timelinejs':
      return { info, data: json(exportTimelineJs(set)) }
  }
}
