import { BrowserWindow } from 'electron'
import type { IpcChannel } from '../../shared/ipc/channels'
import type { IpcParsedRequest } from '../../shared/ipc/contract'
import { toSafeFileName } from '../../shared/security/safeFileName'
import { askSavePath } from './askSavePath'
import { writeFileAtomically } from '../../node/writeFileAtomically'

/** A parsed `briefing:print-pdf` request. */
export type PrintBriefingPdfRequest = IpcParsedRequest<typeof IpcChannel.printBriefingPdf>

/** Chromium refuses to load URLs longer than 2 MiB. */
export const MAX_DATA_URL_LENGTH = 2 * 1024 * 1024

/** Thrown when a briefing is too large to load as a data: URL. */
export class BriefingTooLargeError extends Error {
  constructor(length: number) {
    super(`The briefing is too large to print (${length} characters as a data: URL)`)
    this.name = 'BriefingTooLargeError'
  }
}

/**
 * Asks where to save the PDF first (so a cancel renders nothing), then renders the briefing HTML
 * and writes the PDF atomically. Resolves to the path written, or null on cancel.
 */
export async function printBriefingPdf(request: PrintBriefingPdfRequest, parent: BrowserWindow | null): Promise<string | null> {
  const filePath = await askSavePath(toSafeFileName(withPdfExtension(request.suggestedFileName)), [{ name: 'PDF document', extensions: ['pdf'] }], parent)
  if (filePath === null) return null
  const pdf = await renderHtmlToPdf(request.html)
  await writeFileAtomically(filePath, pdf)
  return filePath
}

/**
 * Renders `html` to PDF bytes in a hidden window that runs no script (`javascript: false`), is
 * sandboxed, has no preload and no DevTools, and is destroyed afterwards. The HTML comes from the
 * page and is escaped by the briefing renderer; the window also sits behind the session's offline
 * guard and the navigation guards every web contents gets.
 */
export async function renderHtmlToPdf(html: string): Promise<Uint8Array> {
  const dataUrl = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`
  if (dataUrl.length > MAX_DATA_URL_LENGTH) throw new BriefingTooLargeError(dataUrl.length)
  const printWindow = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webviewTag: false,
      webSecurity: true,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false
    }
  })
  try {
    await printWindow.loadURL(dataUrl)
    return await printWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4', generateDocumentOutline: true })
  } finally {
    printWindow.destroy()
  }
}

function withPdfExtension(fileName: string): string {
  return /\.pdf$/i.test(fileName) ? fileName : `${fileName}.pdf`
}
