import type { ExportFile } from '@renderer/desktop/desktopClient'
import type { RecordSet } from '@shared/interchange/recordSet'
import { toSafeFileName } from '@shared/security/safeFileName'
import { exportFileNameFor, type ExportContext, type ExportFormat } from './exportFormats'

/**
 * The file a format makes of a RecordSet, named for the selection and the day; `fileName`, when
 * the person typed one, replaces that name. Every name is made safe for any file system.
 */
export async function buildExportFile(format: ExportFormat, set: RecordSet, context: ExportContext, fileName?: string): Promise<ExportFile> {
  const content = await format.build(set, context)
  const suggested = fileName?.trim() || exportFileNameFor(format, context, dayOf(context.now))
  return {
    suggestedFileName: toSafeFileName(suggested),
    content,
    mimeType: format.mediaType,
    filters: [{ name: format.label, extensions: [format.extension.split('.').at(-1) ?? format.extension] }]
  }
}

/** The day of `now` in the person's own time zone, `YYYY-MM-DD`. */
export function dayOf(now: Date): string {
  const pad = (value: number): string => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}
