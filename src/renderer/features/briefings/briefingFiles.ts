import { currentLocale, i18n, languageWords } from '@renderer/i18n'
import type { ExportFile } from '@renderer/desktop/desktopClient'
import type { Briefing } from '@shared/briefing/briefing'
import { composeBriefingDocument, type BriefingDocument } from '@shared/briefing/briefingDocument'
import type { BriefingDocxImage } from '@shared/briefing/briefingToDocx'
import { assertNever } from '@shared/lib/assertNever'
import type { RecordSet } from '@shared/interchange/recordSet'
import { toSafeFileName } from '@shared/security/safeFileName'

export type BriefingFileFormat = 'docx' | 'markdown' | 'html'

export const BRIEFING_FILE_FORMAT_LABELS: Record<BriefingFileFormat, string> = { docx: 'DOCX', markdown: 'Markdown', html: 'HTML' }

/** What a briefing file may carry beside the text: the timeline picture, when the briefing asks for it. */
export interface BriefingPictures {
  readonly timelineImage?: BriefingDocxImage
  readonly timelineSvg?: string
}

/** "alipay-and-sesame-credit-2026-11-29": the briefing's title and its "as of" day. */
export function briefingFileStem(briefing: Pick<Briefing, 'title' | 'asOf'>): string {
  const stem = briefing.title
    .toLocaleLowerCase('en')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120)
  return `${stem === '' ? 'briefing' : stem}-${briefing.asOf}`
}

/**
 * The briefing laid out in its own language (the one chosen in the composer; one saved before
 * there was a choice, in the interface language): the preview and every file of it.
 */
export function briefingDocumentOf(briefing: Briefing, set: RecordSet): BriefingDocument {
  return composeBriefingDocument(briefing, set, languageWords(briefing.language ?? currentLocale()))
}

/**
 * A briefing as a file to save: the document is composed over the records of `set` (the shared
 * composer, the same as the command line's) in the briefing's language, then written as DOCX, Markdown or standalone HTML.
 * The DOCX and HTML writers are loaded on first use; the DOCX one is large.
 */
export async function briefingExportFile(briefing: Briefing, set: RecordSet, format: BriefingFileFormat, pictures: BriefingPictures = {}): Promise<ExportFile> {
  const doc = briefingDocumentOf(briefing, set)
  const stem = briefingFileStem(briefing)
  switch (format) {
    case 'docx': {
      const { briefingToDocx } = await import('@shared/briefing/briefingToDocx')
      const bytes = await briefingToDocx(doc, pictures.timelineImage === undefined ? {} : { timelineImage: pictures.timelineImage })
      return {
        suggestedFileName: toSafeFileName(`${stem}.docx`),
        content: new Uint8Array(bytes),
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        filters: [{ name: i18n.global.t('briefings.files.wordDocument'), extensions: ['docx'] }]
      }
    }
    case 'markdown': {
      const { briefingToMarkdown } = await import('@shared/briefing/briefingToMarkdown')
      return {
        suggestedFileName: toSafeFileName(`${stem}.md`),
        content: briefingToMarkdown(doc),
        mimeType: 'text/markdown;charset=utf-8',
        filters: [{ name: 'Markdown', extensions: ['md'] }]
      }
    }
    case 'html': {
      const html = await briefingHtml(briefing, set, pictures)
      return {
        suggestedFileName: toSafeFileName(`${stem}.html`),
        content: html,
        mimeType: 'text/html;charset=utf-8',
        filters: [{ name: i18n.global.t('briefings.files.webPage'), extensions: ['html'] }]
      }
    }
    default:
      return assertNever(format)
  }
}

/** The briefing as one standalone, script-free HTML page: the HTML export, and what the desktop app prints to PDF. */
export async function briefingHtml(briefing: Briefing, set: RecordSet, pictures: BriefingPictures = {}): Promise<string> {
  const { briefingToHtml } = await import('@shared/briefing/briefingToHtml')
  return briefingToHtml(briefingDocumentOf(briefing, set), pictures.timelineSvg === undefined ? {} : { timelineSvg: pictures.timelineSvg })
}
