import type { BrowserWindow } from 'electron'
import type { IpcParsedRequest } from '../../shared/ipc/contract'
import type { IpcChannel } from '../../shared/ipc/channels'
import { toSafeFileName } from '../../shared/security/safeFileName'
import { askSavePath } from './askSavePath'
import { writeFileAtomically } from '../../node/writeFileAtomically'

/** A parsed `file:save` request. */
export type SaveFileRequest = IpcParsedRequest<typeof IpcChannel.saveFile>

/**
 * Asks the user where to save an export (proposing a sanitised `suggestedFileName`), then writes
 * the text or decoded base64 bytes atomically. Resolves to the path written, or null on cancel.
 */
export async function saveFile(request: SaveFileRequest, parent: BrowserWindow | null): Promise<string | null> {
  const filePath = await askSavePath(toSafeFileName(request.suggestedFileName), request.filters, parent)
  if (filePath === null) return null
  const data = request.encoding === 'base64' ? Buffer.from(request.content, 'base64') : request.content
  await writeFileAtomically(filePath, data)
  return filePath
}
